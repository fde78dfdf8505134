//! Writing faults, for servers, in either version: the emulator answers
//! with the same bytes Exchange sends, undeclared prefix included.

use std::borrow::Cow;

use crate::xml::{Name, ReadError, WriteError, XmlReader, XmlWriter, ns};

use super::detail::{EXCEPTION_TYPE, MESSAGE, MESSAGE_XML, RESPONSE_CODE, VALUE, VALUE_NAME};
use super::envelope::{EnvelopeStyle, write_message};
use super::fault::exchange_ns::{ERRORS, TYPES};
use super::fault_headers::{has_header_blocks, write_header_blocks};
use super::headers::{NoHeaders, XmlHeaders};
use super::{Fault, FaultCode, FaultDetail, SoapVersion};

const FAULTCODE: Name = Name::local("faultcode");
const FAULTSTRING: Name = Name::local("faultstring");
const FAULTACTOR: Name = Name::local("faultactor");
const DETAIL: Name = Name::local("detail");

impl Fault {
    /// A complete response envelope holding this fault, in
    /// [`Self::version`], with the `Upgrade` and (1.2) `NotUnderstood`
    /// header blocks the fault carries.
    pub fn to_envelope(&self, style: &EnvelopeStyle) -> Result<String, WriteError> {
        self.to_envelope_with_headers(&NoHeaders, style)
    }

    /// A response envelope holding this fault, with header entries (EWS
    /// sends `ServerVersionInfo` with its faults too) before the fault's
    /// own header blocks.
    pub fn to_envelope_with_headers<H: XmlHeaders>(
        &self,
        headers: &H,
        style: &EnvelopeStyle,
    ) -> Result<String, WriteError> {
        let blocks =
            has_header_blocks(self).then_some(|w: &mut XmlWriter| write_header_blocks(w, self));
        write_message(self.version, style, headers, blocks, |w| self.write_xml(w))
    }

    /// Writes the `Fault` element in [`Self::version`], with the fields as
    /// they are, so that what was read is written back unchanged:
    /// converting a fault built for the other version is
    /// [`Self::with_version`]'s job. A 1.1 fault has no place for
    /// subcodes, other reason texts and `Node`, which are not written; a
    /// 1.2 text without a language is written without `xml:lang` (the
    /// constructors and [`Self::with_version`] give 1.2 faults `en`).
    ///
    /// The detail is made of the typed fields, laid out as the rest of the
    /// envelope, when they say all that the raw detail (if kept) says;
    /// otherwise the raw detail is written as it came, so that a fault
    /// passed on loses nothing the typed fields do not model (another
    /// `MessageXml` namespace, unknown elements).
    pub fn write_xml(&self, w: &mut XmlWriter) -> Result<(), WriteError> {
        let version = self.version;
        w.start(version.fault());
        match version {
            SoapVersion::V11 => {
                write_code(w, FAULTCODE, &self.code)?;
                write_text(w, FAULTSTRING, self.lang.as_deref(), &self.string)?;
                if let Some(actor) = &self.actor {
                    write_text(w, FAULTACTOR, None, actor)?;
                }
            }
            SoapVersion::V12 => {
                w.start(version.name("Code"));
                write_code(w, version.name("Value"), &self.code)?;
                for sub in &self.subcodes {
                    w.start(version.name("Subcode"));
                    write_code(w, version.name("Value"), sub)?;
                }
                for _ in &self.subcodes {
                    w.end()?;
                }
                w.end()?;
                w.start(version.name("Reason"));
                let text = version.name("Text");
                write_text(w, text, self.lang.as_deref(), &self.string)?;
                for t in &self.translations {
                    write_text(w, text, t.lang.as_deref(), &t.text)?;
                }
                w.end()?;
                if let Some(node) = &self.node {
                    write_text(w, version.name("Node"), None, node)?;
                }
                if let Some(role) = &self.actor {
                    write_text(w, version.name("Role"), None, role)?;
                }
            }
        }
        let detail_name = match version {
            SoapVersion::V11 => DETAIL,
            SoapVersion::V12 => version.name("Detail"),
        };
        match &self.detail.raw {
            Some(raw) if !fields_say_all_of(&self.detail, raw, detail_name)? => {
                write_raw_detail(w, raw, detail_name, &self.detail)?;
            }
            _ if self.detail.has_fields() => write_detail(w, &self.detail, detail_name)?,
            _ => {}
        }
        w.end()
    }
}

fn write_text(
    w: &mut XmlWriter,
    name: Name,
    lang: Option<&str>,
    text: &str,
) -> Result<(), WriteError> {
    w.start(name);
    if let Some(lang) = lang {
        w.attribute_str(Name::new(ns::XML, "lang"), lang)?;
    }
    w.text(text)?;
    w.end()
}

/// Writes a kept detail: as it is when it has `name`'s local name (the
/// readers match the detail by local name, in whatever namespace), else
/// (a detail read from the other version) its children inside `name`. A
/// kept detail that cannot be parsed again is replaced by the typed
/// fields.
fn write_raw_detail(
    w: &mut XmlWriter,
    raw: &str,
    name: Name,
    detail: &FaultDetail,
) -> Result<(), WriteError> {
    match raw_children_unless(raw, name) {
        Ok(None) => w.raw(raw),
        Ok(Some(children)) => {
            w.start(name);
            for child in &children {
                w.raw_element(child);
            }
            w.end()?;
        }
        Err(_) if detail.has_fields() => write_detail(w, detail, name)?,
        Err(_) => {}
    }
    Ok(())
}

/// `None` when `raw`'s element has `name`'s local name, else its
/// children, each made self-contained.
fn raw_children_unless(raw: &str, name: Name) -> Result<Option<Vec<String>>, ReadError> {
    let mut r = XmlReader::new(raw);
    let root = r.root()?;
    if root.local_name() == name.local {
        return Ok(None);
    }
    let mut children = Vec::new();
    while let Some(child) = r.next_child()? {
        children.push(r.read_raw(&child)?);
    }
    Ok(Some(children))
}

fn write_code(w: &mut XmlWriter, name: Name, code: &FaultCode) -> Result<(), WriteError> {
    w.start(name);
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
fn fields_say_all_of(detail: &FaultDetail, raw: &str, name: Name) -> Result<bool, WriteError> {
    if !detail.has_fields() {
        return Ok(false);
    }
    let mut w = XmlWriter::new();
    write_detail(&mut w, detail, name)?;
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

fn write_detail(w: &mut XmlWriter, detail: &FaultDetail, name: Name) -> Result<(), WriteError> {
    w.start(name);
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
