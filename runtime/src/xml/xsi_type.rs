//! `xsi:type`: an element naming the type derived from its declared one
//! that it carries. Generated enums of a type and its derived types read
//! it to choose a variant and write it for every variant but the declared
//! type's own.

use super::bytes::same;
use super::{Name, QNameValue, ReadError, ReadErrorKind, Start, XmlReader, XmlWriter, ns};

const XSI_TYPE: Name = Name::new(ns::XSI, "type");

impl XmlReader<'_> {
    /// The index in `candidates` of the type the element's `xsi:type`
    /// names, or `default` without one. `base` is the declared type, for
    /// the messages: an abstract one (no `default`) needs `xsi:type`, and
    /// a name that is not a candidate is not derived from it.
    ///
    /// An `xsi:type` that chooses another type than the declared one is
    /// consumed by this choice; one that names the declared type stays an
    /// attribute of the element, kept and written back by its type.
    pub fn xsi_type(
        &mut self,
        start: &Start<'_>,
        base: Name,
        candidates: &[Name],
        default: Option<usize>,
    ) -> Result<usize, ReadError> {
        let Some(t) = self.attribute_value::<QNameValue>(start, XSI_TYPE)? else {
            return default.ok_or_else(|| {
                self.error(ReadErrorKind::InvalidValue {
                    value: String::new(),
                    reason: format!("{base} is abstract: the element needs an xsi:type"),
                })
            });
        };
        let chosen = candidates
            .iter()
            .position(|c| same(c.ns.as_bytes(), t.namespace.as_bytes()) && c.local == t.local);
        if chosen.is_some() && chosen != default {
            self.consumed_type = Some(start.pos);
        }
        chosen.ok_or_else(|| {
            let named = if t.namespace.is_empty() {
                t.local.clone()
            } else {
                format!("{{{}}}{}", t.namespace, t.local)
            };
            self.error(ReadErrorKind::InvalidValue {
                value: named,
                reason: format!("xsi:type names no concrete type derived from {base}"),
            })
        })
    }
}

impl XmlWriter {
    /// Makes the next start tag carry `xsi:type` naming `t`.
    pub fn xsi_type(&mut self, t: Name) {
        self.pending_type = Some(t);
    }

    /// Writes ` xsi:type="p:local"` into the open start tag, declaring
    /// the prefixes it needs there.
    pub(super) fn write_xsi_type(&mut self, t: Name) {
        let xsi = self.ensure_prefix(ns::XSI);
        // A type in no namespace is written unprefixed, which needs the
        // default namespace undeclared; one in the default namespace needs
        // no prefix either.
        if t.ns.is_empty() {
            self.undeclare_default();
        }
        let prefix = if t.ns.is_empty() || same(self.current_default().as_bytes(), t.ns.as_bytes())
        {
            None
        } else {
            Some(self.ensure_prefix(t.ns))
        };
        let out = self.buffer_mut();
        out.push(' ');
        out.push_str(&xsi);
        out.push_str(":type=\"");
        let at = out.len();
        if let Some(p) = prefix {
            out.push_str(&p);
            out.push(':');
        }
        let relies_on_default = out.len() == at && !t.ns.is_empty();
        out.push_str(t.local);
        out.push('"');
        if relies_on_default {
            self.note_unprefixed(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Name = Name::new("urn:t", "Base");
    const DERIVED: Name = Name::new("urn:t", "Derived");
    const OTHER: Name = Name::new("urn:o", "Other");

    fn index(xml: &str, default: Option<usize>) -> Result<usize, ReadError> {
        let mut r = XmlReader::new(xml);
        let start = r.root()?;
        r.xsi_type(&start, BASE, &[BASE, DERIVED, OTHER], default)
    }

    #[test]
    fn reads_the_type_by_namespace_not_prefix() {
        let xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
        assert_eq!(index("<e xmlns=\"urn:t\"/>", Some(0)), Ok(0));
        assert_eq!(
            index(
                &format!("<e {xsi} xmlns:a=\"urn:t\" xsi:type=\"a:Derived\"/>"),
                Some(0)
            ),
            Ok(1)
        );
        assert_eq!(
            index(
                &format!("<e {xsi} xmlns=\"urn:t\" xsi:type=\"Derived\"/>"),
                None
            ),
            Ok(1)
        );
        assert_eq!(
            index(
                &format!("<e {xsi} xmlns:o=\"urn:o\" xsi:type=\" o:Other \"/>"),
                None
            ),
            Ok(2)
        );
        let err = index(
            &format!("<e {xsi} xmlns:b=\"urn:x\" xsi:type=\"b:Derived\"/>"),
            Some(0),
        )
        .unwrap_err();
        assert!(err.to_string().contains("{urn:x}Derived"), "{err}");
        let err = index("<e/>", None).unwrap_err();
        assert!(err.to_string().contains("abstract"), "{err}");
    }

    #[test]
    fn writes_the_type_with_the_prefixes_it_needs() {
        let mut w = XmlWriter::new();
        w.start(Name::new("urn:t", "e"));
        w.xsi_type(DERIVED);
        w.start(Name::new("urn:t", "item"));
        w.end().unwrap();
        w.xsi_type(OTHER);
        w.start(Name::new("urn:t", "item"));
        w.end().unwrap();
        w.end().unwrap();
        assert_eq!(
            w.as_str(),
            "<e xmlns=\"urn:t\"><item xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Derived\"/>\
             <item xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:n1=\"urn:o\" xsi:type=\"n1:Other\"/></e>"
        );
        let mut r = XmlReader::new(w.as_str());
        let root = r.root().unwrap();
        let _ = root;
        let mut next = r.next_child().unwrap();
        let item = next.take().unwrap();
        assert_eq!(
            r.xsi_type(&item, BASE, &[BASE, DERIVED, OTHER], Some(0)),
            Ok(1)
        );
    }
}
