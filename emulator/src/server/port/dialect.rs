//! How Exchange writes what the UM service answers: the runtime's
//! dispatcher reads and writes, this says with which layout and which
//! faults.
//!
//! Answers are laid out as an ASMX service writes them (the `soap` prefix
//! and unused `xsi`/`xsd` declarations, indented as in the documentation).
//! Faults come in the two shapes of [MS-OXWUMS], built by the runtime's
//! [`Fault`] constructors:
//!
//! 1. An EWS response code (malformed request, throttling, internal error):
//!    `a:<ResponseCode>` with `a` declared as the *types* namespace, and
//!    `ResponseCode`/`Message` (plus `MessageXml` for throttling) as detail.
//!    Exchange's front end writes these, with its `s` prefix.
//! 2. A failed operation: `a:<ExceptionClass>` with `a` declared **nowhere**
//!    and `ExceptionType` as detail, written by the ASMX service itself.
//!
//! A request the dispatcher cannot read is an `ErrorInvalidRequest` saying
//! what was wrong ([`InvalidRequest`]); an envelope of another SOAP
//! version and a `mustUnderstand` header nobody processes keep SOAP's own
//! `VersionMismatch` and `MustUnderstand` faults, as ASMX answers them.

use xsdgen_runtime::server::{Dialect, Refusal};
use xsdgen_runtime::soap::{EnvelopeStyle, Fault, SoapVersion};
use xsdgen_runtime::xml::WriteError;

use super::invalid_request::InvalidRequest;

/// How the UM service lays out its answers and its own faults.
const ASMX: EnvelopeStyle = EnvelopeStyle::ASMX_RESPONSE;
/// How Exchange's front end lays out the faults it answers with.
const FRONT_END: EnvelopeStyle = EnvelopeStyle::INDENTED.with_prefix("s");

const INTERNAL: &str = "An internal server error occurred. The operation failed.";

/// The UM service's dialect, as Exchange 2010–2016 speaks it.
pub(super) struct Exchange;

impl Dialect for Exchange {
    fn response_style(&self, _: SoapVersion) -> EnvelopeStyle {
        ASMX
    }

    fn fault_style(&self, fault: &Fault) -> EnvelopeStyle {
        style_of(fault)
    }

    fn refusal(&self, refusal: Refusal<'_>) -> Fault {
        match InvalidRequest::of(refusal.reason()) {
            Some(invalid) => invalid.fault(),
            None => refusal.into_fault(),
        }
    }
}

/// The EWS shape is the front end's, the others the service's.
fn style_of(fault: &Fault) -> EnvelopeStyle {
    if fault.detail.response_code.is_some() {
        FRONT_END
    } else {
        ASMX
    }
}

/// The complete fault document, laid out as whoever sends that shape
/// does: for the faults the emulator's front end answers with itself
/// (throttling), as the dispatcher writes those of the service.
pub(in crate::server) fn write_fault(fault: &Fault) -> Result<String, WriteError> {
    fault.to_envelope(&style_of(fault))
}

/// `ErrorInternalServerError`: the emulator failed, not the caller.
pub(in crate::server) fn internal_error() -> Fault {
    Fault::ews_error("ErrorInternalServerError", INTERNAL)
}
