//! The SOAP faults of the UM service, in the two shapes of [MS-OXWUMS] plus
//! the EWS throttling fault.
//!
//! 1. Malformed request (and EWS response codes in general): `faultcode` is
//!    `a:<ResponseCode>` with `a` declared as the EWS *types* namespace on the
//!    `faultcode` element; `detail` holds `e:ResponseCode` and `e:Message` in
//!    the *errors* namespace, and for throttling `t:MessageXml` with the
//!    `BackOffMilliseconds` value.
//! 2. Failed operation: `faultcode` is `a:<ExceptionClass>` where the prefix
//!    `a` is declared **nowhere** (Exchange does this; clients must cope), and
//!    `detail` holds `ExceptionType` in the messages namespace.
//!
//! All are sent with HTTP 500.

use std::fmt::Write as _;
use std::time::Duration;

use super::encode::{envelope_end, envelope_start, escape};
use crate::soap::{ERRORS_NS, MESSAGES_NS, TYPES_NS};

/// A fault to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireFault {
    /// The request did not match the schema.
    InvalidRequest,
    /// Throttled; the client should wait `back_off` before trying again.
    ServerBusy { back_off: Duration },
    /// The server failed for a reason of its own.
    InternalServerError,
    /// An operation failed with a .NET exception of class `class`.
    Exception {
        class: &'static str,
        message: String,
    },
}

const INVALID_REQUEST: &str = "The request is invalid.";
const SERVER_BUSY: &str = "The server cannot service this request right now. Try again later.";
const INTERNAL: &str = "An internal server error occurred. The operation failed.";

/// The complete fault document.
pub fn encode_fault(fault: &WireFault) -> String {
    let mut out = String::with_capacity(768);
    envelope_start(&mut out);
    out.push_str("<soap:Fault>");
    match fault {
        WireFault::InvalidRequest => {
            response_code(&mut out, "ErrorInvalidRequest", INVALID_REQUEST, None)
        }
        WireFault::ServerBusy { back_off } => {
            let millis = back_off.as_millis();
            response_code(&mut out, "ErrorServerBusy", SERVER_BUSY, Some(millis))
        }
        WireFault::InternalServerError => {
            response_code(&mut out, "ErrorInternalServerError", INTERNAL, None)
        }
        WireFault::Exception { class, message } => {
            let _ = write!(
                out,
                "<faultcode>a:{class}</faultcode><faultstring>{}</faultstring>\
                 <detail><ExceptionType xmlns=\"{MESSAGES_NS}\">{class}</ExceptionType></detail>",
                escape(message)
            );
        }
    }
    out.push_str("</soap:Fault>");
    envelope_end(&mut out);
    out
}

fn response_code(out: &mut String, code: &str, message: &str, back_off_ms: Option<u128>) {
    let _ = write!(
        out,
        "<faultcode xmlns:a=\"{TYPES_NS}\">a:{code}</faultcode>\
         <faultstring xml:lang=\"en-US\">{message}</faultstring><detail>\
         <e:ResponseCode xmlns:e=\"{ERRORS_NS}\">{code}</e:ResponseCode>\
         <e:Message xmlns:e=\"{ERRORS_NS}\">{message}</e:Message>"
    );
    if let Some(ms) = back_off_ms {
        let _ = write!(
            out,
            "<t:MessageXml xmlns:t=\"{TYPES_NS}\">\
             <t:Value Name=\"BackOffMilliseconds\">{ms}</t:Value></t:MessageXml>"
        );
    }
    out.push_str("</detail>");
}
