//! Hand-written stand-ins for generated types, and a canned HTTP server.
// Each test binary uses a part of this module.
#![allow(dead_code)]

pub mod server;
pub mod tls;

use xsdgen_runtime::Operation;
use xsdgen_runtime::xml::{
    Name, ReadError, Start, WriteError, XmlElement, XmlRead, XmlReader, XmlWrite, XmlWriter,
};

pub const MESSAGES: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

#[macro_use]
#[path = "../shared/empty_element.rs"]
mod empty_element;

empty_element!(ResetPin, MESSAGES, "ResetPIN");
empty_element!(ResetPinResponse, MESSAGES, "ResetPINResponse");
empty_element!(IsUmEnabled, MESSAGES, "IsUMEnabled");

/// `<IsUMEnabledResponse><IsUMEnabledResponse>true</...></...>`: a
/// response with one boolean child.
#[derive(Debug, Clone, PartialEq)]
pub struct IsUmEnabledResponse {
    pub value: bool,
}

const INNER: Name = Name::new(MESSAGES, "IsUMEnabledResponse");

impl XmlWrite for IsUmEnabledResponse {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.simple_element(INNER, &self.value)?;
        w.end()
    }
}

impl XmlRead for IsUmEnabledResponse {
    fn read_xml(r: &mut XmlReader<'_>, _start: &Start<'_>) -> Result<Self, ReadError> {
        let Some(child) = r.next_child()? else {
            return Err(r.missing(INNER));
        };
        r.expect(&child, INNER)?;
        let value = r.read_value()?;
        r.end()?;
        Ok(Self { value })
    }
}

impl XmlElement for IsUmEnabledResponse {
    const NAME: Name = Name::new(MESSAGES, "IsUMEnabledResponse");
}

/// Not idempotent: every success makes a new PIN.
pub struct ResetPinOp;

impl Operation for ResetPinOp {
    type Request = ResetPin;
    type Response = ResetPinResponse;
    type InputHeaders = xsdgen_runtime::soap::NoHeaders;
    type OutputHeaders = xsdgen_runtime::soap::NoHeaders;
    const NAME: &'static str = "ResetPIN";
    const SOAP_ACTION: &'static str =
        "http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN";
    const SAFE_TO_RETRY: bool = false;
}

/// A read: safe to send twice.
pub struct IsUmEnabledOp;

impl Operation for IsUmEnabledOp {
    type Request = IsUmEnabled;
    type Response = IsUmEnabledResponse;
    type InputHeaders = xsdgen_runtime::soap::NoHeaders;
    type OutputHeaders = xsdgen_runtime::soap::NoHeaders;
    const NAME: &'static str = "IsUMEnabled";
    const SOAP_ACTION: &'static str =
        "http://schemas.microsoft.com/exchange/services/2006/messages/IsUMEnabled";
    const SAFE_TO_RETRY: bool = true;
}

/// The workspace's `schemas/examples/` file `name`, if it exists.
pub fn example(name: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas/examples")
        .join(name);
    std::fs::read_to_string(path).ok()
}
