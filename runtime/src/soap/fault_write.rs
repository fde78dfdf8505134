//! Building and writing faults, for servers: the emulator answers with the
//! same bytes Exchange sends, undeclared prefix included.

use std::borrow::Cow;
use std::time::Duration;

use crate::xml::{Name, WriteError, XmlWriter, ns};

use super::detail::{EXCEPTION_TYPE, MESSAGE, MESSAGE_XML, RESPONSE_CODE, VALUE, VALUE_NAME};
use super::envelope::{EnvelopeStyle, write_with};
use super::fault::exchange_ns::{ERRORS, TYPES};
use super::headers::{NoHeaders, XmlHeaders};
use super::{FAULT, Fault, FaultCode, FaultDetail};

const FAULTCODE: Name = Name::local("faultcode");
const FAULTSTRING: Name = Name::local("faultstring");
const FAULTACTOR: Name = Name::local("faultactor");
const DETAIL: Name = Name::local("detail");

const SERVER_BUSY_MESSAGE: &str =
    "The server cannot service this request right now. Try again later.";

impl Fault {
    pub fn new(code: FaultCode, string: impl Into<String>) -> Self {
        Self {
            code,
            string: string.into(),
            lang: None,
            actor: None,
            detail: FaultDetail::default(),
        }
    }

    /// An EWS error: `a:<code>` in the types namespace, `ResponseCode` and
    /// `Message` as detail, `faultstring` in `en-US`, as the front end
    /// writes `ErrorInvalidRequest`.
    pub fn ews_error(response_code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            code: FaultCode::qualified("a", TYPES, response_code),
            string: message.clone(),
            lang: Some("en-US".into()),
            actor: None,
            detail: FaultDetail {
                response_code: Some(response_code.to_owned()),
                message: Some(message),
                ..FaultDetail::default()
            },
        }
    }

    /// The malformed-request fault.
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::ews_error("ErrorInvalidRequest", message)
    }

    /// The throttling fault, with `BackOffMilliseconds`.
    pub fn server_busy(back_off: Duration) -> Self {
        let mut fault = Self::ews_error("ErrorServerBusy", SERVER_BUSY_MESSAGE);
        fault.detail.values.push((
            "BackOffMilliseconds".into(),
            back_off.as_millis().to_string(),
        ));
        fault
    }

    /// A failed operation as the UM service reports it: the exception class
    /// name behind the undeclared prefix `a`, and `ExceptionType` as detail.
    pub fn exception(exception_type: &str, message: impl Into<String>) -> Self {
        Self {
            code: FaultCode::undeclared("a", exception_type),
            string: message.into(),
            lang: None,
            actor: None,
            detail: FaultDetail {
                exception_type: Some(exception_type.to_owned()),
                ..FaultDetail::default()
            },
        }
    }

    /// A complete response envelope holding this fault.
    pub fn to_envelope(&self, style: &EnvelopeStyle) -> Result<String, WriteError> {
        write_with(style, &NoHeaders, |w| self.write_xml(w))
    }

    /// A response envelope holding this fault, with header entries (EWS
    /// sends `ServerVersionInfo` with its faults too).
    pub fn to_envelope_with_headers<H: XmlHeaders>(
        &self,
        headers: &H,
        style: &EnvelopeStyle,
    ) -> Result<String, WriteError> {
        write_with(style, headers, |w| self.write_xml(w))
    }

    /// Writes the `soap:Fault` element. The detail is made of the typed
    /// fields, laid out as the rest of the envelope, when they say all that
    /// the raw detail (if kept) says; otherwise the raw detail is written as
    /// it came, so that a fault passed on loses nothing the typed fields do
    /// not model (another `MessageXml` namespace, unknown elements).
    pub fn write_xml(&self, w: &mut XmlWriter) -> Result<(), WriteError> {
        w.start(FAULT);
        write_code(w, &self.code)?;
        w.start(FAULTSTRING);
        if let Some(lang) = &self.lang {
            w.attribute_str(Name::new(ns::XML, "lang"), lang)?;
        }
        w.text(&self.string)?;
        w.end()?;
        if let Some(actor) = &self.actor {
            w.start(FAULTACTOR);
            w.text(actor)?;
            w.end()?;
        }
        match &self.detail.raw {
            Some(raw) if !fields_say_all_of(&self.detail, raw)? => w.raw(raw),
            _ if self.detail.has_fields() => write_detail(w, &self.detail)?,
            _ => {}
        }
        w.end()
    }
}

fn write_code(w: &mut XmlWriter, code: &FaultCode) -> Result<(), WriteError> {
    w.start(FAULTCODE);
    match (&code.namespace, code.prefix()) {
        (Some(namespace), Some(prefix)) => {
            w.bind_prefix(Cow::Owned(prefix.to_owned()), Cow::Owned(namespace.clone()));
            w.text(&code.raw)?;
        }
        // A QName needs a prefix to carry its namespace.
        (Some(namespace), None) => {
            w.bind_prefix(Cow::Borrowed("a"), Cow::Owned(namespace.clone()));
            w.text(&format!("a:{}", code.local))?;
        }
        // Declared nowhere: written as is, which is the point.
        (None, _) => w.text(&code.raw)?,
    }
    w.end()
}

/// Whether `detail`'s typed fields, written, are `raw` but for the
/// whitespace between tags and the `xmlns=""` that reading adds.
fn fields_say_all_of(detail: &FaultDetail, raw: &str) -> Result<bool, WriteError> {
    if !detail.has_fields() {
        return Ok(false);
    }
    let mut w = XmlWriter::new();
    write_detail(&mut w, detail)?;
    let typed = w.into_string();
    let raw = raw.replacen("<detail xmlns=\"\"", "<detail", 1);
    Ok(without_blank_text(&raw) == without_blank_text(&typed))
}

/// `xml` without the whitespace-only text between two tags.
fn without_blank_text(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(close) = rest.find('>') {
        out.push_str(&rest[..=close]);
        rest = &rest[close + 1..];
        let text = rest.find('<').map_or(rest, |open| &rest[..open]);
        if !text.is_empty() && text.trim().is_empty() && rest.len() > text.len() {
            rest = &rest[text.len()..];
        }
    }
    out.push_str(rest);
    out
}

fn write_detail(w: &mut XmlWriter, detail: &FaultDetail) -> Result<(), WriteError> {
    w.start(DETAIL);
    // Each errors-namespace element declares its prefix itself, as the
    // front end writes them.
    if let Some(code) = &detail.response_code {
        w.declare_prefix("e", ERRORS);
        w.start(RESPONSE_CODE);
        w.text(code)?;
        w.end()?;
    }
    if let Some(message) = &detail.message {
        w.declare_prefix("e", ERRORS);
        w.start(MESSAGE);
        w.text(message)?;
        w.end()?;
    }
    if let Some(exception) = &detail.exception_type {
        w.start(EXCEPTION_TYPE);
        w.text(exception)?;
        w.end()?;
    }
    if !detail.values.is_empty() {
        w.declare_prefix("t", TYPES);
        w.start(MESSAGE_XML);
        for (name, value) in &detail.values {
            w.start(VALUE);
            w.attribute_str(VALUE_NAME, name)?;
            w.text(value)?;
            w.end()?;
        }
        w.end()?;
    }
    w.end()
}
