//! XML parsing shared by `load` (which only looks for references to other
//! files) and `parse` (which builds the syntax trees): the namespaces we
//! know, roxmltree options, and byte spans of start tags.

use crate::diagnostics::{Diagnostic, FileId, Span};

pub const XS_NS: &str = crate::model::XS_NAMESPACE;
pub const WSDL_NS: &str = "http://schemas.xmlsoap.org/wsdl/";
pub const SOAP11_NS: &str = "http://schemas.xmlsoap.org/wsdl/soap/";
pub const SOAP12_NS: &str = "http://schemas.xmlsoap.org/wsdl/soap12/";
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

const ENTITY_HELP: &str = "an external entity would read a file or a URL that was not \
                           given as an input; write its text out, or declare it as an internal entity";

/// The most nodes one schema document may have once its entities are
/// expanded: far beyond any real schema (the largest UBL file has about a
/// quarter of a million), and a bound on what an entity bomb can make.
const MAX_NODES: u32 = 20_000_000;

/// Parses a whole document; a malformed one becomes a diagnostic at the
/// position roxmltree reports, an external entity declaration one at the
/// declaration (see [`super::dtd`]).
pub(crate) fn parse_xml(text: &str, file: FileId) -> Result<roxmltree::Document<'_>, Diagnostic> {
    if let Some(range) = super::dtd::external_entity_declaration(text) {
        let span = Span {
            file,
            start: clamp_u32(range.start),
            end: clamp_u32(range.end),
        };
        return Err(
            Diagnostic::error(span, "external entities are not read").with_help(ENTITY_HELP)
        );
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let offset = offset_of(text, pos.row as usize, pos.col as usize);
        // roxmltree puts " at row:col" into its messages; the rendered
        // location already says it.
        let message = e.to_string().replacen(&format!(" at {pos}"), "", 1);
        let span = Span {
            file,
            start: clamp_u32(offset),
            end: clamp_u32(offset),
        };
        Diagnostic::error(span, format!("malformed XML: {message}"))
    })
}

/// Byte offset of a 1-based line and character column.
fn offset_of(text: &str, row: usize, col: usize) -> usize {
    let mut line_start = 0;
    for _ in 1..row {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line = &text[line_start..];
    let within = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    line_start + within
}

pub(crate) fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The span of an element's start tag (`<xs:element name="a" ...>`), which
/// is what carets should underline, rather than the whole element.
pub(crate) fn start_tag_span(node: roxmltree::Node<'_, '_>, file: FileId) -> Span {
    let range = node.range();
    let text = node.document().input_text();
    let bytes = text.as_bytes();
    let mut quote = None;
    let mut end = range.end;
    for (i, &b) in bytes.iter().enumerate().take(range.end).skip(range.start) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => {
                end = i + 1;
                break;
            }
            _ => {}
        }
    }
    Span {
        file,
        start: clamp_u32(range.start),
        end: clamp_u32(end),
    }
}

/// The span of an attribute (`type="um:X"`), or of its element when absent.
pub(crate) fn attr_span(node: roxmltree::Node<'_, '_>, name: &str, file: FileId) -> Span {
    match node.attribute_node(name) {
        Some(attr) => {
            let range = attr.range();
            Span {
                file,
                start: clamp_u32(range.start),
                end: clamp_u32(range.end),
            }
        }
        None => start_tag_span(node, file),
    }
}

/// The element's name as written in the source (`xs:element`), for messages.
pub(crate) fn written_name(node: roxmltree::Node<'_, '_>) -> String {
    let text = node.document().input_text();
    let start = node.range().start + 1;
    text.get(start..)
        .and_then(|rest| {
            let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            rest.get(..end)
        })
        .map_or_else(|| node.tag_name().name().to_owned(), str::to_owned)
}

pub(crate) fn is(node: roxmltree::Node<'_, '_>, ns: &str, local: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(ns) && node.tag_name().name() == local
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_entities_are_expanded() {
        let text = "<!DOCTYPE schema [<!ENTITY ns 'urn:x'> <!ENTITY % p ''>]>\n<schema a='&ns;'/>";
        let doc = parse_xml(text, FileId(0)).unwrap_or_else(|d| panic!("{}", d.message));
        assert_eq!(doc.root_element().attribute("a"), Some("urn:x"));
    }

    #[test]
    fn entity_bombs_are_refused_with_a_location() {
        let mut text = String::from("<!DOCTYPE s [<!ENTITY e0 'lol'>");
        for i in 1..10 {
            let prev = format!("&e{};", i - 1).repeat(10);
            text.push_str(&format!("<!ENTITY e{i} '{prev}'>"));
        }
        text.push_str("]>\n<s>&e9;</s>");
        let err = parse_xml(&text, FileId(0)).expect_err("refused");
        assert!(err.message.starts_with("malformed XML"), "{}", err.message);
        assert!(err.span.is_some());
    }

    #[test]
    fn external_entities_are_refused_at_their_declaration() {
        let text = "<!DOCTYPE s [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><s>&x;</s>";
        let err = parse_xml(text, FileId(0)).expect_err("refused");
        assert_eq!(err.message, "external entities are not read");
        assert_eq!(err.span.map(|s| s.start), Some(13));
    }
}
