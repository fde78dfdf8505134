//! Operations without generated types: the request's body element is
//! handed over as XML text, and the answer is XML text too. For tools
//! that serve a WSDL they only know at run time (a mock of any service),
//! and for tests.
//!
//! A raw operation is an entry of the same table as a typed one: the
//! dispatch rules, the refusals before the handler (version, limits,
//! document types, `mustUnderstand`, authentication) and the way the
//! answer is sent are the same code.
//!
//! ```no_run
//! use xsdgen_runtime::server::{RawElement, RawOperation, RawResponse, Router};
//! use xsdgen_runtime::soap::SoapVersion;
//! use xsdgen_runtime::xml::Name;
//!
//! # fn run() -> Result<(), xsdgen_runtime::xml::ReadError> {
//! let pong = RawElement::parse(r#"<Pong xmlns="urn:p"/>"#)?;
//! let router = Router::new().raw_operation(
//!     RawOperation::new("Ping", "urn:p/Ping", SoapVersion::V11, Name::new("urn:p", "Ping")),
//!     move |_ctx, _request| {
//!         let pong = pong.clone();
//!         async move { Ok(RawResponse::from(pong)) }
//!     },
//! );
//! # let _ = router; Ok(()) }
//! ```

use std::future::Future;
use std::sync::Arc;

use super::answer::Reply;
use super::dispatch::Entry;
use super::handler::{Handle, Prelude, Running, open, spawn};
use super::{CallContext, Router};
use crate::soap::{BodyReader, EnvelopeStyle, Fault, NoHeaders, SoapVersion, write_message};
use crate::xml::{Name, ReadError, WriteError, XmlReader, XmlWriter};

/// What the dispatcher needs to know of an operation that has no types.
///
/// The names are `'static`, as those of generated operations are: a
/// router is built once and serves for the life of the process. A tool
/// that reads them at run time leaks them once (`Box::leak`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawOperation {
    /// The WSDL name, for the log and [`CallContext::operation`].
    pub name: &'static str,
    /// The SOAP action; `""` for none.
    pub action: &'static str,
    pub version: SoapVersion,
    /// The body element of its requests.
    pub request: Name,
    /// The header entries the operation declares: accepted whatever their
    /// `mustUnderstand` (they are not handed to the handler); any other
    /// entry marked so is refused with a `MustUnderstand` fault, as for a
    /// typed operation.
    pub headers: Vec<Name>,
}

impl RawOperation {
    /// An operation that declares no header entry.
    pub fn new(
        name: &'static str,
        action: &'static str,
        version: SoapVersion,
        request: Name,
    ) -> Self {
        Self {
            name,
            action,
            version,
            request,
            headers: Vec::new(),
        }
    }
}

/// One XML element standing on its own: well-formed, without a document
/// type declaration, and declaring every namespace prefix it uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawElement {
    xml: String,
    namespace: String,
    local: String,
}

impl RawElement {
    /// Checks that `xml` is one element (an XML declaration, comments and
    /// whitespace around it are allowed and dropped); the error says where
    /// it is not. A prefix declared nowhere is an error too, so that the
    /// element means the same wherever it is written.
    pub fn parse(xml: &str) -> Result<Self, ReadError> {
        let mut r = XmlReader::new(xml);
        let root = r.root()?;
        let namespace = r.namespace_of(&root).to_owned();
        let local = root.local_name().to_owned();
        let text = r.read_raw(&root)?;
        r.finish()?;
        Ok(Self {
            xml: text,
            namespace,
            local,
        })
    }

    /// The element's text, start tag to end tag.
    pub fn as_str(&self) -> &str {
        &self.xml
    }

    /// The element's namespace URI; `""` for none.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn local_name(&self) -> &str {
        &self.local
    }

    /// Whether the element is `name`.
    pub fn is(&self, name: Name) -> bool {
        self.namespace == name.ns && self.local == name.local
    }

    /// `{namespace}local`, or `local` in no namespace.
    pub fn clark_name(&self) -> String {
        if self.namespace.is_empty() {
            self.local.clone()
        } else {
            format!("{{{}}}{}", self.namespace, self.local)
        }
    }

    pub fn into_string(self) -> String {
        self.xml
    }
}

/// A request of a raw operation.
#[derive(Debug, Clone)]
pub struct RawRequest {
    /// The body element, with the bindings it uses from the envelope
    /// declared on it.
    pub body: RawElement,
}

/// The answer of a raw operation: the body element and any header
/// entries, written as they are into an envelope of the request's
/// version.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub body: RawElement,
    pub headers: Vec<RawElement>,
}

impl From<RawElement> for RawResponse {
    fn from(body: RawElement) -> Self {
        Self {
            body,
            headers: Vec::new(),
        }
    }
}

impl Router {
    /// Registers an operation by its names alone (see
    /// [`RawOperation`]): requests it is chosen for, by the rules of
    /// [`dispatch`](super::dispatch), are handed to `handler` with their
    /// body element as XML; its answer is written in the request's
    /// version, a fault with the status its version gives it, exactly as
    /// for [`Self::operation`].
    ///
    /// # Panics
    ///
    /// When an operation of the same version, action and request element
    /// is registered already.
    pub fn raw_operation<F, Fut>(self, operation: RawOperation, handler: F) -> Self
    where
        F: Fn(CallContext, RawRequest) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<RawResponse, Fault>> + Send + 'static,
    {
        let RawOperation {
            name,
            action,
            version,
            request,
            headers,
        } = operation;
        self.entry(Entry {
            name,
            action,
            version,
            request,
            handler: Arc::new(Raw {
                name,
                request,
                headers,
                handler: Arc::new(handler),
            }),
        })
    }
}

/// The handler of a raw operation.
struct Raw<F> {
    name: &'static str,
    request: Name,
    headers: Vec<Name>,
    handler: Arc<F>,
}

impl<F, Fut> Handle for Raw<F>
where
    F: Fn(CallContext, RawRequest) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<RawResponse, Fault>> + Send + 'static,
{
    fn start(&self, body: BodyReader<'_>, prelude: Prelude<'_>) -> Result<Running, Reply> {
        let style = prelude.dialect.response_style(prelude.context.version);
        let (context, envelope) = open::<NoHeaders, _>(
            self.name,
            body,
            prelude,
            &self.headers,
            BodyReader::read_body_raw,
        )?;
        let version = context.version;
        // The dispatcher chose this operation by the body element's name.
        let request = RawRequest {
            body: RawElement {
                xml: envelope.body,
                namespace: self.request.ns.to_owned(),
                local: self.request.local.to_owned(),
            },
        };
        let handler = Arc::clone(&self.handler);
        Ok(spawn(
            self.name,
            version,
            async move { handler(context, request).await },
            move |answer| write_raw(version, &style, &answer),
        ))
    }
}

fn write_raw(
    version: SoapVersion,
    style: &EnvelopeStyle,
    answer: &RawResponse,
) -> Result<String, WriteError> {
    let headers = (!answer.headers.is_empty()).then_some(|w: &mut XmlWriter| {
        for entry in &answer.headers {
            w.raw_element(entry.as_str());
        }
        Ok(())
    });
    write_message(version, style, &NoHeaders, headers, |w| {
        w.raw_element(answer.body.as_str());
        Ok(())
    })
}
