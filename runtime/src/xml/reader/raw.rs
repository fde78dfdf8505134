//! An element kept as the XML it was read from (`xs:any`, `xs:anyType`),
//! made to stand on its own: the namespace bindings it uses but an
//! ancestor declared are declared again on its start tag, so that it means
//! the same wherever it is written back.
//!
//! A binding is needed for the prefix of every element and attribute name
//! inside, for the default namespace when an unprefixed element inside
//! relies on it (`xmlns=""` when it relies on there being none), and for
//! the prefix of attribute values and text that look like QNames
//! (`xsi:type="t:RT"`): those cannot be told from other text without the
//! schema, and an unused declaration is harmless.

use std::fmt::Write as _;

use super::super::escape::escape_attr;
use super::super::lexer;
use super::{Ev, ReadError, ReadErrorKind, Start, XmlReader};

/// What the kept element needs from outside: `(prefix, uri)`, `""` for
/// the default namespace.
type Needs = Vec<(String, String)>;

impl<'i> XmlReader<'i> {
    /// The element `start` (just read) through its end tag, as written, with
    /// the outer bindings it uses declared on its start tag.
    pub fn read_raw(&mut self, start: &Start<'_>) -> Result<String, ReadError> {
        let depth = self.open.len();
        let mut needs = Needs::new();
        self.note_tag(start.qname, start.attrs, depth, &mut needs);
        loop {
            match self.next_event()? {
                Ev::Start(s) => {
                    let (qname, attrs) = (s.qname, s.attrs);
                    self.note_tag(qname, attrs, depth, &mut needs);
                }
                Ev::End => {
                    let closed = self.open.len();
                    self.open.pop();
                    if closed <= depth {
                        break;
                    }
                }
                Ev::Text { raw, .. } => self.note_value(raw.trim(), depth, &mut needs),
                Ev::Eof => return Err(self.error(ReadErrorKind::UnexpectedEof)),
                Ev::CData(_) | Ev::Ignored | Ev::Decl | Ev::DocType => {}
            }
        }
        let end = self.lexer.offset();
        let text = self.input.get(start.pos..end).unwrap_or_default();
        Ok(with_declarations(text, start.qname.len(), &needs))
    }

    /// Notes what one start tag inside the kept element uses.
    fn note_tag(&self, qname: &str, attrs: &str, depth: usize, needs: &mut Needs) {
        match qname.split_once(':') {
            Some((prefix, _)) => self.note_prefix(prefix, depth, needs),
            None => self.note_prefix("", depth, needs),
        }
        if attrs.is_empty() {
            return;
        }
        for (key, raw) in lexer::attributes(attrs) {
            match key.split_once(':') {
                Some(("xmlns", _)) => continue,
                Some((prefix, _)) => self.note_prefix(prefix, depth, needs),
                None if key == "xmlns" => continue,
                None => {}
            }
            self.note_value(raw.trim(), depth, needs);
        }
    }

    /// A QName-like value's prefix.
    fn note_value(&self, value: &str, depth: usize, needs: &mut Needs) {
        if value.len() > 256 || !value.contains(':') {
            return;
        }
        if let Some((prefix, _)) = self.value_binding(value) {
            self.note_prefix(&prefix, depth, needs);
        }
    }

    /// Records the binding of `prefix` when an ancestor of the kept element
    /// (below `depth`) declared it.
    fn note_prefix(&self, prefix: &str, depth: usize, needs: &mut Needs) {
        if prefix == "xml" || needs.iter().any(|(p, _)| p == prefix) {
            return;
        }
        match self.scopes.binding_of(prefix) {
            Some((_, declared)) if declared >= depth => {}
            Some((uri, _)) => needs.push((prefix.to_owned(), uri.to_owned())),
            // No default namespace anywhere: the element must say so where
            // it is written, in case the new parent has one. (The writer
            // drops it again where it is redundant.)
            None if prefix.is_empty() => needs.push((String::new(), String::new())),
            // An undeclared prefix was an error of the lexer's reader.
            None => {}
        }
    }
}

/// `text` with the declarations of `needs` after the start tag's name
/// (`<` and `name_len` bytes).
fn with_declarations(text: &str, name_len: usize, needs: &Needs) -> String {
    if needs.is_empty() {
        return text.to_owned();
    }
    let at = (1 + name_len).min(text.len());
    let (head, tail) = text.split_at(at);
    let mut out = String::with_capacity(text.len() + 64 * needs.len());
    out.push_str(head);
    for (prefix, uri) in needs {
        if prefix.is_empty() {
            out.push_str(" xmlns=\"");
        } else {
            let _ = write!(out, " xmlns:{prefix}=\"");
        }
        // A URI read from a document is valid XML text already.
        let _ = escape_attr(&mut out, uri);
        out.push('"');
    }
    out.push_str(tail);
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::Name;
    use super::*;

    fn kept(xml: &str, child: Name) -> String {
        let mut r = XmlReader::new(xml);
        r.root().unwrap();
        let mut next = r.next_child().unwrap();
        let start = r.take(&mut next, child).expect("the child");
        r.read_raw(&start).unwrap()
    }

    #[test]
    fn outer_bindings_that_are_used_are_declared_again() {
        let xml = r#"<t:R xmlns:t="urn:t" xmlns:o="urn:o" xmlns:u="urn:unused"><o:x a="1"><o:y t:q="2">t:Value</o:y></o:x></t:R>"#;
        assert_eq!(
            kept(xml, Name::new("urn:o", "x")),
            r#"<o:x xmlns:o="urn:o" xmlns:t="urn:t" a="1"><o:y t:q="2">t:Value</o:y></o:x>"#
        );
    }

    #[test]
    fn inner_declarations_need_nothing_and_the_default_is_kept() {
        let xml = r#"<R xmlns="urn:t"><x xmlns="urn:o"><y/></x><z/></R>"#;
        assert_eq!(
            kept(xml, Name::new("urn:o", "x")),
            r#"<x xmlns="urn:o"><y/></x>"#
        );
        let xml = r#"<R xmlns="urn:t"><z><w/></z></R>"#;
        assert_eq!(
            kept(xml, Name::new("urn:t", "z")),
            r#"<z xmlns="urn:t"><w/></z>"#
        );
        // No default namespace in scope: the kept element says so.
        let xml = r#"<p:R xmlns:p="urn:p"><z/></p:R>"#;
        assert_eq!(kept(xml, Name::local("z")), r#"<z xmlns=""/>"#);
    }

    #[test]
    fn the_reader_goes_on_after_the_kept_element() {
        let xml = r#"<R xmlns="urn:t"><a><b/></a><c/></R>"#;
        let mut r = XmlReader::new(xml);
        r.root().unwrap();
        let mut next = r.next_child().unwrap();
        let a = r.take(&mut next, Name::new("urn:t", "a")).unwrap();
        assert_eq!(r.read_raw(&a).unwrap(), r#"<a xmlns="urn:t"><b/></a>"#);
        let mut next = r.next_child().unwrap();
        assert!(r.take(&mut next, Name::new("urn:t", "c")).is_some());
    }
}
