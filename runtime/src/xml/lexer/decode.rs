//! Decoding text and attribute values, and splitting a start tag's
//! attribute region. Each borrows when there is nothing to change, which is
//! nearly always.

use std::borrow::Cow;

use super::scan;
use super::{LexError, LexErrorKind};

/// Character data with the predefined entities and character references
/// resolved and line ends normalized (`\r\n` and a lone `\r` become `\n`).
/// Error positions are offsets into `raw`.
#[inline]
pub fn decode_text(raw: &str) -> Result<Cow<'_, str>, LexError> {
    // Inlined up to here: nearly all text is returned as it is.
    if !raw.bytes().any(|b| b == b'&' || b == b'\r') {
        return Ok(Cow::Borrowed(raw));
    }
    decode::<false>(raw).map(Cow::Owned)
}

/// An attribute value as the application sees it: references resolved and
/// tab, LF, CR (and CR LF) each turned into a space, except where written
/// as character references (XML 1.0 §3.3.3). `<` is refused. Error
/// positions are offsets into `raw`.
#[inline]
pub fn decode_attr(raw: &str) -> Result<Cow<'_, str>, LexError> {
    if !raw.bytes().any(attr_special) {
        return Ok(Cow::Borrowed(raw));
    }
    decode::<true>(raw).map(Cow::Owned)
}

fn attr_special(b: u8) -> bool {
    matches!(b, b'&' | b'<' | b'\t' | b'\n' | b'\r')
}

#[inline(never)]
fn decode<const ATTR: bool>(raw: &str) -> Result<String, LexError> {
    let special = |b: u8| {
        if ATTR {
            attr_special(b)
        } else {
            b == b'&' || b == b'\r'
        }
    };
    let bytes = raw.as_bytes();
    let first = bytes
        .iter()
        .position(|&b| special(b))
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(raw.len());
    out.push_str(raw.get(..first).unwrap_or_default());
    let mut i = first;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'&' => {
                let (c, next) = scan::reference(raw, i)?;
                out.push(c);
                i = next;
            }
            b'\r' => {
                out.push(if ATTR { ' ' } else { '\n' });
                i += 1;
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\t' | b'\n' if ATTR => {
                out.push(' ');
                i += 1;
            }
            b'<' if ATTR => return Err(LexErrorKind::LtInAttributeValue.at(i)),
            _ => {
                // Runs end at ASCII bytes, so both ends are boundaries.
                let next = bytes
                    .get(i..)
                    .and_then(|rest| rest.iter().position(|&b| special(b)))
                    .map_or(bytes.len(), |k| i + k);
                out.push_str(raw.get(i..next).unwrap_or_default());
                i = next;
            }
        }
    }
    Ok(out)
}

/// CDATA content with line ends normalized; nothing else in it is markup.
pub fn normalize_newlines(raw: &str) -> Cow<'_, str> {
    if !raw.as_bytes().contains(&b'\r') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(k) = rest.find('\r') {
        out.push_str(rest.get(..k).unwrap_or_default());
        out.push('\n');
        rest = rest.get(k + 1..).unwrap_or_default();
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether an attribute region may declare a namespace. A byte search, so
/// that the many tags without declarations skip attribute parsing; a false
/// positive (`xmlns` inside a value) only costs that parse.
pub fn has_xmlns(attrs: &str) -> bool {
    let bytes = attrs.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'x' && bytes.get(i..i + 5) == Some(b"xmlns"))
}

/// The attributes in a start tag's raw region, as `(qname, raw value)` in
/// document order; decode values with [`decode_attr`].
pub fn attributes(attrs: &str) -> Attributes<'_> {
    Attributes { rest: attrs }
}

/// Iterator of [`attributes`]. The lexer has checked the region's syntax
/// (names, quoting, no duplicates), so this only splits it; given text the
/// lexer did not accept, it stops early rather than fail.
#[derive(Debug, Clone)]
pub struct Attributes<'i> {
    rest: &'i str,
}

impl<'i> Attributes<'i> {
    fn split(&mut self) -> Option<(&'i str, &'i str)> {
        let s = self.rest.trim_start_matches(is_ws);
        let eq = s.find('=')?;
        let name = s.get(..eq)?.trim_end_matches(is_ws);
        let s = s.get(eq + 1..)?.trim_start_matches(is_ws);
        let quote = s.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let s = s.get(1..)?;
        let close = s.find(quote)?;
        self.rest = s.get(close + 1..)?;
        Some((name, s.get(..close)?))
    }
}

impl<'i> Iterator for Attributes<'i> {
    type Item = (&'i str, &'i str);

    fn next(&mut self) -> Option<Self::Item> {
        let attr = self.split();
        if attr.is_none() {
            self.rest = "";
        }
        attr
    }
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}
