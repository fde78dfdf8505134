//! Wildcard content (`xs:any`, `xs:anyType`) kept as the XML it was read
//! from, so that it round-trips untouched.

use super::{Name, ReadError, Start, WriteError, XmlRead, XmlReader, XmlWrite, XmlWriter};

/// One element matched by a wildcard (or of type `xs:anyType`), as written
/// in the input: start tag, content and end tag, standing on its own.
///
/// Reading keeps the text verbatim, but for the namespace bindings it uses
/// that an ancestor declared: those are declared again on its start tag
/// (see `XmlReader::read_raw`), so that it means the same in any document
/// it is written into. Writing inserts the text verbatim, whatever name the
/// schema gives the position (a wildcard has none of its own). A holder
/// made by hand must likewise declare every prefix it uses.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct AnyElement(pub String);

impl AnyElement {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl XmlRead for AnyElement {
    fn read_xml(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Self, ReadError> {
        r.read_raw(start).map(Self)
    }
}

impl XmlWrite for AnyElement {
    fn write_xml(&self, w: &mut XmlWriter, _name: Name) -> Result<(), WriteError> {
        w.raw_element(&self.0);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_element_verbatim() {
        let xml = r#"<a><b x="1"><c>t &amp; u</c></b><d/></a>"#;
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let mut next = r.next_child().unwrap();
        let b = r.take_required(&mut next, Name::local("b")).unwrap();
        let any = AnyElement::read_xml(&mut r, &b).unwrap();
        // No default namespace was in scope: the kept element says so, and
        // says it no more where it is written without one either.
        assert_eq!(any.as_str(), r#"<b xmlns="" x="1"><c>t &amp; u</c></b>"#);
        assert!(r.is(&root, Name::local("a")));
        next = r.next_child().unwrap();
        assert!(r.take(&mut next, Name::local("d")).is_some());
        let mut w = XmlWriter::new();
        w.start(Name::local("a"));
        any.write_xml(&mut w, Name::local("ignored")).unwrap();
        w.end().unwrap();
        assert_eq!(w.into_string(), r#"<a><b x="1"><c>t &amp; u</c></b></a>"#);
    }
}
