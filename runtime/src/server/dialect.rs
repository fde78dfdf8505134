//! How a service lays out what it writes and words the faults it refuses
//! requests with: a service that stands in for an existing one (an
//! emulator, a replacement behind the same clients) answers as that one
//! does, byte for byte, while the runtime still does the reading.

use std::sync::Arc;

use crate::soap::{EnvelopeStyle, Fault, HeaderName, SoapVersion};
use crate::xml::ReadError;

/// The layout of a service's envelopes and the faults of its refusals,
/// given to [`Router::dialect`](super::Router::dialect). Every method has the runtime's own
/// answer as its default.
///
/// ```
/// use xsdgen_runtime::server::{Dialect, Refusal, RefusalReason, Router};
/// use xsdgen_runtime::soap::{EnvelopeStyle, Fault, SoapVersion};
///
/// /// Answers as an ASMX service does, and calls every unreadable
/// /// request an `ErrorInvalidRequest`.
/// struct Asmx;
///
/// impl Dialect for Asmx {
///     fn response_style(&self, _: SoapVersion) -> EnvelopeStyle {
///         EnvelopeStyle::ASMX_RESPONSE
///     }
///
///     fn refusal(&self, refusal: Refusal<'_>) -> Fault {
///         match refusal.reason() {
///             RefusalReason::UnreadableRequest { error, .. } => {
///                 Fault::invalid_request(format!("The request is invalid at {}.", error.path))
///             }
///             _ => refusal.into_fault(),
///         }
///     }
/// }
///
/// let router = Router::new().dialect(Asmx);
/// # let _ = router;
/// ```
pub trait Dialect: Send + Sync + 'static {
    /// How response envelopes of `version` are laid out. Default
    /// [`EnvelopeStyle::COMPACT`].
    fn response_style(&self, version: SoapVersion) -> EnvelopeStyle {
        let _ = version;
        EnvelopeStyle::COMPACT
    }

    /// How `fault` is laid out, whoever raised it: a handler, an
    /// authenticator, or a refusal. Default [`EnvelopeStyle::COMPACT`].
    fn fault_style(&self, fault: &Fault) -> EnvelopeStyle {
        let _ = fault;
        EnvelopeStyle::COMPACT
    }

    /// The fault a request the service refuses before any handler runs is
    /// answered with; it is sent in the request's version (converted with
    /// [`Fault::with_version`]). Default the runtime's own
    /// ([`Refusal::into_fault`]).
    fn refusal(&self, refusal: Refusal<'_>) -> Fault {
        refusal.into_fault()
    }
}

/// A request the service refuses with a SOAP fault: why, and the fault
/// the runtime answers with unless a [`Dialect`] says otherwise.
#[derive(Debug)]
pub struct Refusal<'a> {
    reason: RefusalReason<'a>,
    fault: Fault,
}

/// Why a request is refused before any handler runs.
///
/// The errors may quote the request (a value that is not of its type):
/// a fault built from them goes back to the client that sent it, but does
/// not belong in a log.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum RefusalReason<'a> {
    /// The body is not a SOAP envelope that can be read: not XML (or not
    /// UTF-8), a document type declaration, no `Body`, more than one body
    /// element.
    NotAnEnvelope(&'a ReadError),
    /// The envelope is of no SOAP namespace, or of the other version than
    /// the content type's.
    VersionMismatch,
    /// No operation takes the request: by its action and body element, as
    /// the [dispatch](super::dispatch) rules say.
    NoOperation {
        /// The action the request carries, if any.
        action: Option<&'a str>,
        /// The body element's namespace (empty for none) and local name.
        namespace: &'a str,
        local: &'a str,
    },
    /// A header entry marked `mustUnderstand` that neither the operation
    /// nor an authenticator processes.
    NotUnderstood {
        operation: &'static str,
        entry: &'a HeaderName,
    },
    /// The header cannot be read as the operation's header entries.
    UnreadableHeader {
        operation: &'static str,
        error: &'a ReadError,
    },
    /// The body element is the operation's, but not what its schema says.
    UnreadableRequest {
        operation: &'static str,
        error: &'a ReadError,
    },
}

impl<'a> Refusal<'a> {
    pub(super) fn new(reason: RefusalReason<'a>, fault: Fault) -> Self {
        Self { reason, fault }
    }

    pub fn reason(&self) -> &RefusalReason<'a> {
        &self.reason
    }

    /// The fault the runtime answers with.
    pub fn fault(&self) -> &Fault {
        &self.fault
    }

    /// The SOAP version of the request.
    pub fn version(&self) -> SoapVersion {
        self.fault.version
    }

    pub fn into_fault(self) -> Fault {
        self.fault
    }
}

/// The runtime's own answers.
struct Standard;

impl Dialect for Standard {}

/// The dialect a service speaks: the router's, or the runtime's own.
pub(super) fn or_standard(dialect: Option<Arc<dyn Dialect>>) -> Arc<dyn Dialect> {
    dialect.unwrap_or_else(|| Arc::new(Standard))
}

/// `refusal` as the dialect words it, in the request's version.
pub(super) fn refuse(dialect: &dyn Dialect, reason: RefusalReason<'_>, fault: Fault) -> Fault {
    let version = fault.version;
    dialect
        .refusal(Refusal::new(reason, fault))
        .with_version(version)
}
