//! SOAP 1.1 envelopes and faults, as the UM web service (an ASMX service
//! behind Exchange's front end) writes and reads them.
//!
//! - [`write_envelope`] wraps a body element in `soap:Envelope`/`soap:Body`,
//!   compact as a client sends it or laid out as the documentation's
//!   examples and .NET responses are ([`EnvelopeStyle`]).
//! - [`read_envelope`] reads a response: the typed body or a [`Fault`].
//! - [`BodyReader`] lets a server look at the request's body element before
//!   choosing the type to read it as.
//! - [`Fault`] models both fault shapes the service sends and writes them
//!   back out, undeclared prefix included, for an emulator.

mod body;
mod detail;
mod envelope;
mod fault;
mod fault_write;

pub use body::{Body, BodyReader, read_envelope, read_request};
pub use envelope::{EnvelopeStyle, write_envelope};
pub use fault::{Fault, FaultCode, FaultDetail, exchange_ns};

use crate::xml::{Name, ns};

pub(crate) const ENVELOPE: Name = Name::new(ns::SOAP11, "Envelope");
pub(crate) const HEADER: Name = Name::new(ns::SOAP11, "Header");
pub(crate) const BODY: Name = Name::new(ns::SOAP11, "Body");
pub(crate) const FAULT: Name = Name::new(ns::SOAP11, "Fault");
