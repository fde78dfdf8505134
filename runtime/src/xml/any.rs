//! Wildcard content (`xs:any`, `xs:anyType`) kept as the XML it was read
//! from, so that it round-trips untouched.

use super::{Name, ReadError, Start, WriteError, XmlRead, XmlReader, XmlWrite, XmlWriter};

/// One element matched by a wildcard, as written in the input: start tag,
/// content and end tag.
///
/// Reading keeps the text verbatim; writing inserts it verbatim, whatever
/// name the schema gives the position (a wildcard has none of its own).
/// Namespace prefixes that the element uses but an ancestor declares are
/// not carried along: a holder read from one document and written into
/// another must not rely on them.
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
        w.raw(&self.0);
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
        assert_eq!(any.as_str(), r#"<b x="1"><c>t &amp; u</c></b>"#);
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
