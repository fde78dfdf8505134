//! The UM service on the wire: SOAP 1.1 request bytes to
//! [`UmRequest`](crate::soap::UmRequest), and
//! [`UmResponse`](crate::soap::UmResponse)s and faults back to bytes, both
//! through the generated `exchange-um` bindings and `xsdgen-runtime`'s SOAP
//! layer, the same code the client uses.

mod decode;
mod encode;

pub use decode::{DecodeError, decode_request};
pub use encode::{encode_fault, encode_response, internal_error, invalid_request};

/// `Content-Type` of every SOAP answer.
pub const SOAP_CONTENT_TYPE: &str = "text/xml; charset=utf-8";

#[cfg(test)]
mod tests;
