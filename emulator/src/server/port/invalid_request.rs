//! The `ErrorInvalidRequest` a request gets when the dispatcher cannot
//! read it, and what its message says.
//!
//! The dispatcher reads requests as strictly as the schema (SOAP 1.1
//! envelope, one body element in the plain `http` messages namespace, the
//! operation's children in order with nothing else, typed values); this
//! module only words its refusals. A SOAPAction header, when present, must
//! name the operation of the body element; an absent one is tolerated, so
//! that a plain `curl --data` works (ASMX itself would refuse it).
//!
//! The message never quotes element content: a request carries no secret
//! today, but the rule keeps it that way.

use exchange_um::um::operations::OPERATIONS;
use xsdgen_runtime::server::RefusalReason;
use xsdgen_runtime::soap::Fault;
use xsdgen_runtime::xml::{ReadError, ReadErrorKind};

use crate::soap::MESSAGES_NS;

const INVALID_REQUEST: &str = "The request is invalid.";

/// Why a request is malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(super) enum InvalidRequest {
    /// The envelope, or the operation element inside it, does not match
    /// the schema.
    #[error("{}", describe(.0))]
    Read(ReadError),
    /// The documentation's `https://` variant lands here, as does an
    /// unqualified element.
    #[error(
        "the body element {local} is in {}, expected namespace {MESSAGES_NS}",
        namespace_of(found)
    )]
    WrongNamespace { local: String, found: String },
    #[error("{0} is not an operation of this service (namespace {MESSAGES_NS})")]
    UnknownOperation(String),
    #[error("SOAPAction {header:?} does not match the body's operation {body}")]
    SoapActionMismatch { header: String, body: &'static str },
}

impl InvalidRequest {
    /// What a refusal of the dispatcher means here; `None` for those
    /// answered with SOAP's own faults (`VersionMismatch`,
    /// `MustUnderstand`).
    pub(super) fn of(reason: &RefusalReason<'_>) -> Option<Self> {
        Some(match *reason {
            RefusalReason::NotAnEnvelope(error)
            | RefusalReason::UnreadableHeader { error, .. }
            | RefusalReason::UnreadableRequest { error, .. } => Self::Read(error.clone()),
            RefusalReason::NoOperation {
                action,
                namespace,
                local,
            } => no_operation(action, namespace, local),
            _ => return None,
        })
    }

    /// `ErrorInvalidRequest`, its message saying what was wrong.
    pub(super) fn fault(&self) -> Fault {
        Fault::invalid_request(xml_safe(&format!(
            "{INVALID_REQUEST} {}",
            capitalized(&self.to_string())
        )))
    }
}

/// A body element no operation takes with the action it came with: in
/// another namespace, of no operation, or another operation's than the
/// action's.
fn no_operation(action: Option<&str>, namespace: &str, local: &str) -> InvalidRequest {
    if namespace != MESSAGES_NS {
        return InvalidRequest::WrongNamespace {
            local: local.to_owned(),
            found: namespace.to_owned(),
        };
    }
    match OPERATIONS.iter().find(|op| op.request.local == local) {
        Some(operation) => InvalidRequest::SoapActionMismatch {
            header: action.unwrap_or_default().to_owned(),
            body: operation.name,
        },
        None => InvalidRequest::UnknownOperation(local.to_owned()),
    }
}

/// The error's location and what was wrong, without the values the reader
/// quotes: a bad value's text, stray text, and the fragments of content that
/// some well-formedness messages include.
fn describe(error: &ReadError) -> String {
    let what = match &error.kind {
        ReadErrorKind::InvalidValue { reason, .. } => format!("invalid value: {reason}"),
        ReadErrorKind::UnexpectedText(_) => "text where only elements are allowed".to_owned(),
        // Some well-formedness messages quote a fragment.
        ReadErrorKind::Syntax(_) => "not well-formed XML (or not UTF-8)".to_owned(),
        // The others quote names at most. Among them the envelope's own
        // refusals, in fixed words: a document type declaration (so entity
        // declarations, billion laughs or external, are never expanded),
        // an HTML page, a document element that is not an envelope.
        other => other.to_string(),
    };
    format!(
        "{} (line {}, column {}): {what}",
        error.path, error.line, error.column
    )
}

fn namespace_of(found: &str) -> String {
    if found.is_empty() {
        "no namespace".to_owned()
    } else {
        format!("namespace {found}")
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text.to_owned(),
    }
}

/// Replaces the characters XML 1.0 cannot carry, so that the fault can
/// always be written: the message names what the request held (a namespace,
/// a header), and a request can hold anything.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => char::REPLACEMENT_CHARACTER,
            _ => c,
        })
        .collect()
}
