//! [`UmResponse`]s and faults to the bytes Exchange sends.
//!
//! Answers are written as an ASMX service writes them (the `soap` prefix and
//! unused `xsi`/`xsd` declarations, laid out as in the documentation), with
//! results wrapped twice under the response name as the generated types do.
//! Faults come in the two shapes of [MS-OXWUMS], built by the runtime's
//! [`Fault`] constructors:
//!
//! 1. An EWS response code (malformed request, throttling, internal error):
//!    `a:<ResponseCode>` with `a` declared as the *types* namespace, and
//!    `ResponseCode`/`Message` (plus `MessageXml` for throttling) as detail.
//!    Exchange's front end writes these, with its `s` prefix.
//! 2. A failed operation: `a:<ExceptionClass>` with `a` declared **nowhere**
//!    and `ExceptionType` as detail, written by the ASMX service itself.

use xsdgen_runtime::soap::{EnvelopeStyle, Fault};
use xsdgen_runtime::xml::WriteError;

use super::DecodeError;
use crate::soap::UmResponse;

/// How the UM service lays out its answers and its own faults.
const ASMX: EnvelopeStyle = EnvelopeStyle::ASMX_RESPONSE;
/// How Exchange's front end lays out the faults it answers with.
const FRONT_END: EnvelopeStyle = EnvelopeStyle::INDENTED.with_prefix("s");

const INVALID_REQUEST: &str = "The request is invalid.";
const INTERNAL: &str = "An internal server error occurred. The operation failed.";

/// The complete response document.
pub fn encode_response(response: &UmResponse) -> Result<String, WriteError> {
    response.to_envelope(&ASMX)
}

/// The complete fault document, laid out as whoever sends that shape does.
pub fn encode_fault(fault: &Fault) -> Result<String, WriteError> {
    let style = if fault.detail.response_code.is_some() {
        FRONT_END
    } else {
        ASMX
    };
    fault.to_envelope(&style)
}

/// `ErrorInvalidRequest`, its message saying what was wrong.
pub fn invalid_request(error: &DecodeError) -> Fault {
    Fault::invalid_request(xml_safe(&format!(
        "{INVALID_REQUEST} {}",
        capitalized(error)
    )))
}

/// `ErrorInternalServerError`: the emulator failed, not the caller.
pub fn internal_error() -> Fault {
    Fault::ews_error("ErrorInternalServerError", INTERNAL)
}

fn capitalized(error: &DecodeError) -> String {
    let text = error.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
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
