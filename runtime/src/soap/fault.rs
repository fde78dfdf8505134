//! The fault model: what a `soap:Fault` from the UM service says.
//!
//! The service sends two shapes (see the schema examples in
//! `schemas/examples/faults/`):
//! - a malformed request: `faultcode` `a:ErrorInvalidRequest` with `a`
//!   bound to the EWS types namespace, and `ResponseCode` + `Message` in the
//!   errors namespace as detail;
//! - a failed operation: `faultcode` a .NET exception class name behind a
//!   prefix that the document never declares (`a:InvalidObjectIdException`),
//!   and `ExceptionType` in the messages namespace as detail.
//!
//! Throttling is the first shape with `ErrorServerBusy` and a
//! `BackOffMilliseconds` value in `MessageXml`.

use std::fmt;
use std::time::Duration;

use crate::xml::{Name, NamespaceContext, ReadError, XmlReader, ns};

/// The Exchange namespaces that appear in UM faults.
pub mod exchange_ns {
    pub const MESSAGES: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";
    pub const TYPES: &str = "http://schemas.microsoft.com/exchange/services/2006/types";
    pub const ERRORS: &str = "http://schemas.microsoft.com/exchange/services/2006/errors";
}

/// A `faultcode`: an `xs:QName` in principle, but Exchange writes some with
/// a prefix that it never declares, so the text is kept as written and only
/// split at `:`; the prefix is resolved when it happens to be declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultCode {
    /// The text as written, e.g. `a:InvalidObjectIdException`.
    pub raw: String,
    /// The namespace bound to the prefix, when the document declares it.
    pub namespace: Option<String>,
    /// The part after the prefix, e.g. `InvalidObjectIdException`.
    pub local: String,
}

impl FaultCode {
    /// `prefix:local` with `prefix` declared for `namespace` where written.
    pub fn qualified(prefix: &str, namespace: impl Into<String>, local: &str) -> Self {
        Self {
            raw: format!("{prefix}:{local}"),
            namespace: Some(namespace.into()),
            local: local.to_owned(),
        }
    }

    /// `prefix:local` with the prefix declared nowhere, the shape Exchange
    /// uses for exception class names. Written back exactly so.
    pub fn undeclared(prefix: &str, local: &str) -> Self {
        Self {
            raw: format!("{prefix}:{local}"),
            namespace: None,
            local: local.to_owned(),
        }
    }

    /// One of SOAP 1.1's own codes: `Client`, `Server`, `VersionMismatch`,
    /// `MustUnderstand`.
    pub fn soap(local: &str) -> Self {
        Self::qualified("soap", ns::SOAP11, local)
    }

    /// Splits `raw` at its first `:`; `resolve` maps the prefix to its
    /// namespace if it is declared. An unprefixed code gets no namespace.
    pub fn parse(raw: &str, resolve: impl FnOnce(&str) -> Option<String>) -> Self {
        let raw = raw.trim();
        let (namespace, local) = match raw.split_once(':') {
            Some((prefix, local)) => (resolve(prefix).filter(|ns| !ns.is_empty()), local),
            None => (None, raw),
        };
        Self {
            raw: raw.to_owned(),
            namespace,
            local: local.to_owned(),
        }
    }

    /// The prefix as written, if any.
    pub fn prefix(&self) -> Option<&str> {
        self.raw.split_once(':').map(|(p, _)| p)
    }
}

impl fmt::Display for FaultCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// The `detail` of a fault, in the shapes the UM service uses, plus the
/// element as it was written for anything else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FaultDetail {
    /// `ResponseCode` (errors namespace), e.g. `ErrorServerBusy`.
    pub response_code: Option<String>,
    /// `Message` (errors namespace).
    pub message: Option<String>,
    /// `ExceptionType` (messages namespace), e.g. `InvalidObjectIdException`.
    pub exception_type: Option<String>,
    /// `MessageXml`'s `<Value Name="...">...</Value>` pairs, in order.
    pub values: Vec<(String, String)>,
    /// The `detail` element as received, start tag to end tag. `None` for a
    /// fault built in code, or when the fault had no detail.
    pub raw: Option<String>,
}

impl FaultDetail {
    /// The first `MessageXml` value called `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// `BackOffMilliseconds`: how long the server asks the client to wait.
    pub fn back_off(&self) -> Option<Duration> {
        let ms = self
            .value("BackOffMilliseconds")?
            .trim()
            .parse::<u64>()
            .ok()?;
        Some(Duration::from_millis(ms))
    }

    /// Whether there is anything to write in a `detail` element.
    pub(crate) fn has_fields(&self) -> bool {
        self.response_code.is_some()
            || self.message.is_some()
            || self.exception_type.is_some()
            || !self.values.is_empty()
    }
}

/// A SOAP 1.1 fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub code: FaultCode,
    /// `faultstring`, a message for people.
    pub string: String,
    /// `xml:lang` of `faultstring`, which Exchange's front end writes.
    pub lang: Option<String>,
    /// `faultactor`.
    pub actor: Option<String>,
    pub detail: FaultDetail,
}

impl Fault {
    /// The detail's `ResponseCode`, or else the fault code's local part:
    /// the name to match on when handling a particular error.
    pub fn error_code(&self) -> &str {
        self.detail
            .response_code
            .as_deref()
            .unwrap_or(&self.code.local)
    }

    /// An `ErrorServerBusy` answer: the server refused to work on the
    /// request now and asks to be called again later.
    pub fn is_server_busy(&self) -> bool {
        self.error_code() == "ErrorServerBusy"
    }

    /// The back-off the server asked for, see [`FaultDetail::back_off`].
    pub fn back_off(&self) -> Option<Duration> {
        self.detail.back_off()
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.string)
    }
}

/// Reads the content of a `soap:Fault` whose start tag has been read.
///
/// SOAP 1.1 makes the fault's children unqualified; some stacks qualify
/// them anyway, so they are matched by local name. Unknown children are
/// skipped: a fault is worth reporting even when it is odd.
pub(crate) fn read_fault(r: &mut XmlReader<'_>) -> Result<Fault, ReadError> {
    let mut code = None;
    let mut string = None;
    let mut lang = None;
    let mut actor = None;
    let mut detail = FaultDetail::default();
    while let Some(child) = r.next_child()? {
        match child.local_name() {
            "faultcode" => {
                let text = r.read_text()?.into_owned();
                // The element's declarations stay in scope until the next
                // event, so a prefix declared on `faultcode` itself resolves.
                code = Some(FaultCode::parse(&text, |p| r.resolve_prefix(p)));
            }
            "faultstring" => {
                lang = r
                    .attribute(&child, Name::new(ns::XML, "lang"))?
                    .map(|l| l.into_owned());
                string = Some(r.read_text()?.into_owned());
            }
            "faultactor" => actor = Some(r.read_text()?.into_owned()),
            "detail" => detail = super::detail::read_detail(r, &child)?,
            _ => r.skip()?,
        }
    }
    Ok(Fault {
        // Both are required by SOAP 1.1; a fault without them is still a
        // fault, and reporting it beats a decode error.
        code: code.unwrap_or_else(|| FaultCode::parse("", |_| None)),
        string: string.unwrap_or_default(),
        lang,
        actor,
        detail,
    })
}
