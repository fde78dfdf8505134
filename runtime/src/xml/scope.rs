//! The namespaces in scope where a writer is: what a prefix denotes there
//! and which prefix denotes a namespace, for element names and for QName
//! values, whose prefixes are resolved where they are written.

use std::borrow::Cow;

use super::bytes::same;

/// A view of the writer's bindings at the open element.
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    /// The default namespace (`""` when none).
    pub default: &'a str,
    /// Prefix bindings, later ones shadowing earlier ones.
    pub prefixes: &'a [(Cow<'static, str>, Cow<'static, str>)],
}

impl Scope<'_> {
    /// A prefix that denotes `ns` here, not shadowed by a later binding.
    pub fn prefix_for(&self, ns: &str) -> Option<Cow<'static, str>> {
        if same(ns, super::ns::XML) {
            return Some(Cow::Borrowed("xml"));
        }
        self.prefixes
            .iter()
            .rev()
            .find(|(_, bound)| same(bound.as_ref(), ns))
            .map(|(p, _)| p.clone())
            .filter(|p| self.prefix_is(p, ns))
    }

    /// Whether `prefix` denotes `ns` here.
    pub fn prefix_is(&self, prefix: &str, ns: &str) -> bool {
        if prefix == "xml" {
            return same(ns, super::ns::XML);
        }
        self.prefixes
            .iter()
            .rev()
            .find(|(p, _)| p == prefix)
            .is_some_and(|(_, bound)| same(bound.as_ref(), ns))
    }

    /// How a QName in `ns` is written here: `Some("")` unprefixed (`ns`
    /// is the default namespace), `Some(p)` with `p:`, `None` when nothing
    /// here denotes `ns`. The `preferred` prefix wins when it denotes `ns`.
    pub fn qname_prefix(&self, preferred: &str, ns: &str) -> Option<Cow<'static, str>> {
        if !preferred.is_empty() && self.prefix_is(preferred, ns) {
            return Some(Cow::Owned(preferred.to_owned()));
        }
        if same(self.default, ns) {
            return Some(Cow::Borrowed(""));
        }
        // No prefix can denote "no namespace".
        if ns.is_empty() {
            return None;
        }
        self.prefix_for(ns)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Name, QNameValue, XmlWriter, parse_value};

    fn qname(namespace: &str, prefix: &str, local: &str) -> QNameValue {
        QNameValue {
            namespace: namespace.into(),
            local: local.into(),
            prefix: prefix.into(),
        }
    }

    /// A QName read unprefixed from a document without a default namespace
    /// is in no namespace; written under the writer's default namespace it
    /// must still denote no namespace, and one read in another default
    /// namespace must get a prefix for it.
    #[test]
    fn qnames_denote_their_namespace_where_they_are_written() {
        let mut w = XmlWriter::new();
        w.start(Name::new("urn:a", "root"));
        w.attribute(Name::local("none"), &qname("", "", "x"))
            .unwrap();
        w.start(Name::new("urn:a", "child"));
        w.attribute(Name::local("other"), &qname("urn:b", "", "y"))
            .unwrap();
        w.attribute(Name::local("same"), &qname("urn:a", "", "z"))
            .unwrap();
        w.end().unwrap();
        w.simple_element(Name::new("urn:a", "text"), &qname("", "", "t"))
            .unwrap();
        w.end().unwrap();
        assert_eq!(
            w.into_string(),
            concat!(
                r#"<n0:root xmlns="" xmlns:n0="urn:a" none="x">"#,
                r#"<n0:child xmlns:n1="urn:b" other="n1:y" same="n0:z"/>"#,
                r#"<n0:text>t</n0:text></n0:root>"#
            )
        );
    }

    /// A QName in the default namespace written before one in no namespace
    /// on the same tag: undeclaring the default gives both it and the
    /// element a prefix.
    #[test]
    fn undeclaring_the_default_prefixes_what_relied_on_it() {
        let mut w = XmlWriter::new();
        w.start(Name::new("urn:a", "root"));
        w.attribute(Name::local("first"), &qname("urn:a", "", "x"))
            .unwrap();
        w.attribute(Name::local("second"), &qname("", "", "y"))
            .unwrap();
        w.end().unwrap();
        assert_eq!(
            w.into_string(),
            r#"<n0:root xmlns="" first="n0:x" xmlns:n0="urn:a" second="y"/>"#
        );
    }

    #[test]
    fn a_prefix_read_is_kept_when_it_can_be() {
        let mut w = XmlWriter::new();
        w.start(Name::new("urn:a", "root"));
        w.attribute(Name::local("q"), &qname("urn:b", "b", "y"))
            .unwrap();
        w.end().unwrap();
        assert_eq!(
            w.into_string(),
            r#"<root xmlns="urn:a" xmlns:b="urn:b" q="b:y"/>"#
        );
        // Outside a document the value is written as read.
        let v: QNameValue = parse_value("y").unwrap();
        assert_eq!(super::super::value_to_string(&v).unwrap(), "y");
    }
}
