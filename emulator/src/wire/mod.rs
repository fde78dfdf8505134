//! The UM service on the wire: SOAP 1.1 request bytes to [`UmRequest`](crate::soap::UmRequest), and
//! [`UmResponse`](crate::soap::UmResponse)s and faults back to bytes.
//!
//! This layer is provisional in one respect: requests are read with roxmltree
//! and answers written as text, until the generated `exchange-um` bindings and
//! `xsdgen-runtime` can do both; only this module changes when they do. The
//! fault shapes are the service's own and stay here either way.

mod decode;
mod encode;
mod fault;

pub use decode::{DecodeError, decode_request};
pub use encode::encode_response;
pub use fault::{WireFault, encode_fault};

/// `Content-Type` of every SOAP answer.
pub const SOAP_CONTENT_TYPE: &str = "text/xml; charset=utf-8";

#[cfg(test)]
mod tests;
