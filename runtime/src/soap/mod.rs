//! SOAP 1.1 envelopes and faults, as the UM web service (an ASMX service
//! behind Exchange's front end) writes and reads them.
//!
//! - [`write_envelope`] wraps a body element in `soap:Envelope`/`soap:Body`,
//!   compact as a client sends it or laid out as the documentation's
//!   examples and .NET responses are ([`EnvelopeStyle`]);
//!   [`write_envelope_with_headers`] adds `soap:Header` entries.
//! - [`read_envelope`] reads a response: the typed body or a [`Fault`];
//!   [`read_envelope_with_headers`] also its header entries.
//! - [`XmlHeaders`] is the typed set of header entries of an operation
//!   (generated per header set, [`NoHeaders`] for none), with the
//!   `mustUnderstand` rule for the entries it does not declare.
//! - [`BodyReader`] lets a server look at the request's body element before
//!   choosing the type to read it (and its headers) as.
//! - [`Fault`] models both fault shapes the service sends and writes them
//!   back out, undeclared prefix included, for an emulator.

mod body;
mod detail;
mod envelope;
mod fault;
mod fault_write;
mod headers;

pub use body::{
    Body, BodyReader, Envelope, read_envelope, read_envelope_with_headers, read_request,
    read_request_with_headers,
};
pub use envelope::{EnvelopeStyle, write_envelope, write_envelope_with_headers};
pub use fault::{Fault, FaultCode, FaultDetail, exchange_ns};
pub use headers::{NoHeaders, XmlHeaders, is_not_understood, read_header, write_header};

use crate::xml::{Name, ns};

pub(crate) const ENVELOPE: Name = Name::new(ns::SOAP11, "Envelope");
pub(crate) const HEADER: Name = Name::new(ns::SOAP11, "Header");
pub(crate) const BODY: Name = Name::new(ns::SOAP11, "Body");
pub(crate) const FAULT: Name = Name::new(ns::SOAP11, "Fault");
