//! The fault model: what a `Fault` says, in either SOAP version.
//!
//! One type holds both versions' faults. SOAP 1.1's `faultcode`,
//! `faultstring`, `faultactor` and `detail` are SOAP 1.2's `Code/Value`,
//! first `Reason/Text`, `Role` and `Detail`; what only 1.2 has (subcodes,
//! more reason texts, `Node`) is empty in a 1.1 fault, and written into a
//! 1.1 message as the module [`fault_write`](super::fault_write) says.
//!
//! The UM service sends two shapes (see the schema examples in
//! `schemas/examples/faults/`):
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

use crate::xml::{ReadError, ReadErrorKind};

use super::SoapVersion;
pub use super::fault_code::{FaultCode, StandardCode};

/// The Exchange namespaces that appear in UM faults.
pub mod exchange_ns {
    pub const MESSAGES: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";
    pub const TYPES: &str = "http://schemas.microsoft.com/exchange/services/2006/types";
    pub const ERRORS: &str = "http://schemas.microsoft.com/exchange/services/2006/errors";
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

/// A SOAP fault, as read from a 1.1 or 1.2 message or built to be
/// written in one (see [`Self::version`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The version of the message the fault was read from, or is written
    /// in by [`Self::to_envelope`]; [`Self::with_version`] converts.
    pub version: SoapVersion,
    /// 1.1 `faultcode`; 1.2 `Code/Value`, which is one of SOAP's own codes
    /// ([`FaultCode::standard_code`]).
    pub code: FaultCode,
    /// 1.2 `Subcode/Value`s, outermost first: the application's codes that
    /// refine [`Self::code`]. Empty in 1.1.
    pub subcodes: Vec<FaultCode>,
    /// 1.1 `faultstring`; 1.2 the first `Reason/Text`: a message for
    /// people.
    pub string: String,
    /// `xml:lang` of [`Self::string`], which Exchange's front end writes
    /// in 1.1 and 1.2 requires.
    pub lang: Option<String>,
    /// 1.2 the other `Reason/Text`s, the same message in other languages.
    pub translations: Vec<ReasonText>,
    /// 1.2 `Node`: the URI of the node that failed.
    pub node: Option<String>,
    /// 1.1 `faultactor`; 1.2 `Role`: the role the failing node was acting
    /// in.
    pub actor: Option<String>,
    /// 1.1 `detail`; 1.2 `Detail`.
    pub detail: FaultDetail,
    /// The envelope versions the sender of a `VersionMismatch` fault
    /// supports, from its `Upgrade` header block, in its order of
    /// preference. Versions this crate does not know are left out.
    pub upgrade: Vec<SoapVersion>,
    /// The header entries a `MustUnderstand` fault names in `NotUnderstood`
    /// header blocks (1.2).
    pub not_understood: Vec<HeaderName>,
}

/// One 1.2 `Reason/Text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonText {
    /// `xml:lang`.
    pub lang: Option<String>,
    pub text: String,
}

/// The expanded name of a header entry, as a `NotUnderstood` block
/// names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HeaderName {
    pub namespace: String,
    pub local: String,
}

impl HeaderName {
    pub fn new(namespace: impl Into<String>, local: impl Into<String>) -> Self {
        Self {
            namespace: namespace.into(),
            local: local.into(),
        }
    }

    /// The entry that reading failed on for want of being understood
    /// ([`ReadErrorKind::NotUnderstood`]), so that a server can name it in
    /// its `MustUnderstand` fault.
    pub fn not_understood_in(error: &ReadError) -> Option<Self> {
        match &error.kind {
            ReadErrorKind::NotUnderstood {
                namespace, local, ..
            } => Some(Self::new(namespace.clone(), local.clone())),
            _ => None,
        }
    }
}

impl fmt::Display for HeaderName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.namespace.is_empty() {
            f.write_str(&self.local)
        } else {
            write!(f, "{{{}}}{}", self.namespace, self.local)
        }
    }
}

impl Fault {
    /// The detail's `ResponseCode`, or else the local part of the most
    /// specific code (the innermost 1.2 subcode, or the code): the name to
    /// match on when handling a particular error.
    pub fn error_code(&self) -> &str {
        self.detail
            .response_code
            .as_deref()
            .unwrap_or(&self.subcodes.last().unwrap_or(&self.code).local)
    }

    /// Which of SOAP's own codes [`Self::code`] is, in either version's
    /// spelling (1.1 `Client` is [`StandardCode::Sender`]).
    pub fn standard_code(&self) -> Option<StandardCode> {
        self.code.standard_code().map(|(_, c)| c)
    }

    /// The HTTP status a server sends the fault with: SOAP 1.1 (section
    /// 6.2) always uses 500; the SOAP 1.2 HTTP binding (Part 2, section
    /// 7.5.2.2) uses 400 Bad Request for a `Sender` fault and 500 for any
    /// other.
    pub fn http_status(&self) -> u16 {
        match (self.version, self.standard_code()) {
            (SoapVersion::V12, Some(StandardCode::Sender)) => 400,
            _ => 500,
        }
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
        write!(f, "{}", self.code)?;
        for sub in &self.subcodes {
            write!(f, " / {sub}")?;
        }
        write!(f, ": {}", self.string)
    }
}
