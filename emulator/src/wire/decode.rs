//! Request bytes to [`UmRequest`], read by the generated bindings as strictly
//! as the schema: SOAP 1.1 envelope, one body element in the (plain `http`)
//! messages namespace, the operation's children in order with nothing else,
//! typed values.
//!
//! Any failure is a malformed request, which the server answers with the
//! `ErrorInvalidRequest` fault whose message is this error's text. A
//! SOAPAction header, when present, must name the same operation as the
//! body; an absent one is tolerated so that a plain `curl --data` works
//! (ASMX itself would refuse it).

use exchange_um::um::operations::OPERATIONS;
use xsdgen_runtime::soap::BodyReader;
use xsdgen_runtime::xml::{ReadError, ReadErrorKind};

use crate::soap::{MESSAGES_NS, UmRequest};

/// Why a request is malformed. The text never quotes element content (a
/// request carries no secret today, but the rule keeps it that way).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The envelope, or the operation element inside it, does not match the
    /// schema.
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
    /// In the WSDL but not in [`UmRequest`]: the schemas gained an
    /// operation that the emulator does not know yet.
    #[error("the emulator does not implement {0}")]
    NotImplemented(&'static str),
    #[error("SOAPAction {header:?} does not match the body's operation {body}")]
    SoapActionMismatch { header: String, body: &'static str },
}

/// Decodes one request; `soap_action` is the raw header value, if any.
pub fn decode_request(body: &[u8], soap_action: Option<&str>) -> Result<UmRequest, DecodeError> {
    let body = BodyReader::new(body).map_err(DecodeError::Read)?;
    if body.namespace() != MESSAGES_NS {
        return Err(DecodeError::WrongNamespace {
            local: body.local_name().to_owned(),
            found: body.namespace().to_owned(),
        });
    }
    let Some(operation) = OPERATIONS.iter().find(|op| body.is(op.request)) else {
        return Err(DecodeError::UnknownOperation(body.local_name().to_owned()));
    };
    if let Some(header) = soap_action.map(|h| h.trim().trim_matches('"')) {
        if !header.is_empty() && header != operation.soap_action {
            return Err(DecodeError::SoapActionMismatch {
                header: header.to_owned(),
                body: operation.name,
            });
        }
    }
    match UmRequest::read(body) {
        Some(read) => read.map_err(DecodeError::Read),
        None => Err(DecodeError::NotImplemented(operation.name)),
    }
}

/// The error's location and what was wrong, without the values the reader
/// quotes: a bad value's text, stray text, and the fragments of content that
/// some well-formedness messages include.
fn describe(error: &ReadError) -> String {
    let what = match &error.kind {
        ReadErrorKind::InvalidValue { reason, .. } => format!("invalid value: {reason}"),
        ReadErrorKind::UnexpectedText(_) => "text where only elements are allowed".to_owned(),
        // The reader's own words, which quote nothing: entity declarations
        // (billion laughs, external entities) are refused with the DTD.
        ReadErrorKind::Syntax(message) if message.contains("document type declaration") => {
            "a document type declaration (DTD) is not allowed".to_owned()
        }
        ReadErrorKind::Syntax(_) => "not well-formed XML (or not UTF-8)".to_owned(),
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
