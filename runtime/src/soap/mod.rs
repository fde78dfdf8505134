//! SOAP 1.1 and SOAP 1.2 envelopes and faults, as the UM web service (an
//! ASMX service behind Exchange's front end, SOAP 1.1) and SOAP 1.2
//! services write and read them.
//!
//! - [`SoapVersion`] names the version: its envelope namespace, and its
//!   HTTP binding ([`SoapVersion::content_type`],
//!   [`SoapVersion::soap_action_header`]); [`parse_request_headers`] tells
//!   a server the version and the action of a request from its
//!   `Content-Type` and `SOAPAction`, refusing other media types with a
//!   [`MediaTypeError`] (HTTP 415).
//! - [`write_envelope`] wraps a body element in `soap:Envelope`/`soap:Body`
//!   (SOAP 1.1), compact as a client sends it or laid out as the
//!   documentation's examples and .NET responses are ([`EnvelopeStyle`]);
//!   [`write_envelope_with_headers`] adds `soap:Header` entries, and
//!   [`write_envelope_parts`] takes the version and header entries written
//!   by the caller besides the typed ones.
//! - [`read_envelope`] reads a response of either version: the typed body
//!   or a [`Fault`]; [`read_envelope_with_headers`] also its header
//!   entries, [`read_envelope_with_version`] also its version. An envelope
//!   of no known version is [`ReadErrorKind::VersionMismatch`](crate::xml::ReadErrorKind::VersionMismatch).
//! - [`XmlHeaders`] is the typed set of header entries of an operation
//!   (generated per header set, [`NoHeaders`] for none), with each
//!   version's `mustUnderstand` rule for the entries it does not declare.
//! - [`BodyReader`] lets a server look at the request's body element (and
//!   version) before choosing the type to read it (and its headers) as.
//! - [`Fault`] models both versions' faults and both fault shapes the UM
//!   service sends, and writes them back out in either version,
//!   undeclared prefix included, for an emulator; [`Fault::version_mismatch`]
//!   and [`Fault::must_understand`] are SOAP's own faults with their
//!   `Upgrade` and `NotUnderstood` header blocks, and
//!   [`Fault::http_status`] the status to send one with.

mod body;
mod detail;
mod envelope;
mod fault;
mod fault_code;
mod fault_entry;
mod fault_headers;
mod fault_new;
mod fault_read;
mod fault_write;
mod headers;
mod media_type;
mod version;

pub use body::{
    Body, BodyReader, Envelope, read_envelope, read_envelope_with_headers,
    read_envelope_with_version, read_request, read_request_with_headers,
};
#[cfg(feature = "server")]
pub(crate) use envelope::write_message;
pub use envelope::{
    EnvelopeStyle, NO_EXTRA_HEADERS, WriteHeaders, write_envelope, write_envelope_parts,
    write_envelope_with_headers,
};
pub use fault::{Fault, FaultCode, FaultDetail, HeaderName, ReasonText, StandardCode, exchange_ns};
pub use headers::{NoHeaders, XmlHeaders, is_not_understood, read_header, write_header};
pub use media_type::{MediaTypeError, SOAP11_MEDIA_TYPE, SOAP12_MEDIA_TYPE, parse_request_headers};
pub use version::SoapVersion;
