//! Reading a fault's `detail` into [`FaultDetail`] while keeping it raw.
//!
//! The detail is captured as written first, then parsed from that copy.
//! The copy may use prefixes declared on the envelope, so it is parsed
//! inside a wrapper element that redeclares every prefix it mentions. A
//! detail that still cannot be parsed leaves the typed fields empty: the
//! fault is reported with its raw detail rather than lost to a decode error.

use crate::xml::{Name, NamespaceContext, ReadError, Start, XmlReader};

use super::FaultDetail;
use super::fault::exchange_ns::{ERRORS, MESSAGES, TYPES};

pub(crate) const RESPONSE_CODE: Name = Name::new(ERRORS, "ResponseCode");
pub(crate) const MESSAGE: Name = Name::new(ERRORS, "Message");
pub(crate) const EXCEPTION_TYPE: Name = Name::new(MESSAGES, "ExceptionType");
pub(crate) const MESSAGE_XML: Name = Name::new(TYPES, "MessageXml");
pub(crate) const VALUE: Name = Name::new(TYPES, "Value");
pub(crate) const VALUE_NAME: Name = Name::local("Name");

/// Reads the `detail` element whose start tag `start` has just been read.
pub(crate) fn read_detail(
    r: &mut XmlReader<'_>,
    start: &Start<'_>,
) -> Result<FaultDetail, ReadError> {
    let raw = r.read_raw(start)?;
    let wrapped = wrap_with_declarations(&raw, r);
    let mut detail = match parse_wrapped(&wrapped) {
        Ok(detail) => detail,
        Err(e) => {
            tracing::debug!(error = %e, "fault detail kept raw only");
            FaultDetail::default()
        }
    };
    detail.raw = Some(raw);
    Ok(detail)
}

/// `<w xmlns:p="...">raw</w>` for every prefix `raw` uses that is declared
/// outside it, plus the default namespace.
fn wrap_with_declarations(raw: &str, ctx: &dyn NamespaceContext) -> String {
    let mut out = String::with_capacity(raw.len() + 64);
    out.push_str("<w");
    if let Some(default) = ctx.resolve_prefix("").filter(|ns| !ns.is_empty()) {
        push_declaration(&mut out, None, &default);
    }
    let mut seen: Vec<&str> = Vec::new();
    for prefix in prefixes_used(raw) {
        if seen.contains(&prefix) || prefix == "xml" || prefix == "xmlns" {
            continue;
        }
        seen.push(prefix);
        if let Some(ns) = ctx.resolve_prefix(prefix).filter(|ns| !ns.is_empty()) {
            push_declaration(&mut out, Some(prefix), &ns);
        }
    }
    out.push('>');
    out.push_str(raw);
    out.push_str("</w>");
    out
}

fn push_declaration(out: &mut String, prefix: Option<&str>, ns: &str) {
    out.push_str(" xmlns");
    if let Some(p) = prefix {
        out.push(':');
        out.push_str(p);
    }
    out.push_str("=\"");
    for c in ns.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Candidate prefixes: a name followed by `:` right after `<`, `</` or
/// whitespace. Text such as `Error: x` yields candidates too; they resolve
/// to nothing and are dropped.
fn prefixes_used(raw: &str) -> impl Iterator<Item = &str> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            i += 1;
            if !(b == b'<' || b == b'/' || b.is_ascii_whitespace()) {
                continue;
            }
            let start = i;
            while i < bytes.len() && is_name_byte(bytes[i]) {
                i += 1;
            }
            if i > start && bytes.get(i) == Some(&b':') {
                return raw.get(start..i);
            }
        }
        None
    })
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.') || b >= 0x80
}

fn parse_wrapped(wrapped: &str) -> Result<FaultDetail, ReadError> {
    let mut r = XmlReader::new(wrapped);
    r.root()?;
    let mut detail = FaultDetail::default();
    let Some(_detail) = r.next_child()? else {
        return Ok(detail);
    };
    while let Some(child) = r.next_child()? {
        if r.is(&child, RESPONSE_CODE) {
            detail.response_code = Some(r.read_text()?.trim().to_owned());
        } else if r.is(&child, MESSAGE) {
            detail.message = Some(r.read_text()?.into_owned());
        } else if r.is(&child, EXCEPTION_TYPE) {
            detail.exception_type = Some(r.read_text()?.trim().to_owned());
        } else if r.is(&child, MESSAGE_XML) {
            while let Some(value) = r.next_child()? {
                if r.is(&value, VALUE) {
                    let name = r
                        .attribute(&value, VALUE_NAME)?
                        .map(|n| n.into_owned())
                        .unwrap_or_default();
                    let text = r.read_text()?.into_owned();
                    detail.values.push((name, text));
                } else {
                    r.skip()?;
                }
            }
        } else {
            r.skip()?;
        }
    }
    Ok(detail)
}
