//! Wildcards: `xs:any` and `xs:anyAttribute`, with their `namespace`
//! constraint, and the holder of the attributes an `anyAttribute` takes.

use std::borrow::Cow;

use super::bytes::same;
use super::{Name, Start, WriteError, XmlReader, XmlWriter, ns};

/// The namespaces a wildcard accepts (its `namespace` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wildcard {
    /// `##any`.
    Any,
    /// `##other`: a namespace, but not this one (the schema's target
    /// namespace, `""` for none).
    Other(&'static str),
    /// A list of namespaces; `""` stands for `##local` (no namespace).
    Only(&'static [&'static str]),
}

impl Wildcard {
    pub fn matches(&self, ns: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Other(target) => !ns.is_empty() && !same(ns.as_bytes(), target.as_bytes()),
            Self::Only(list) => list.iter().any(|n| same(n.as_bytes(), ns.as_bytes())),
        }
    }
}

/// The attributes of an element that its type does not declare by name:
/// those its `anyAttribute` takes, and the `xsi:` vocabulary (an
/// `xsi:schemaLocation`, an `xsi:type` naming the declared type), in
/// document order, by expanded name. They are written back with prefixes
/// of the writer's choosing.
///
/// Empty, it is one word and allocates nothing: every generated struct has
/// one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
// The box is the point: a `Vec` is three words in every struct of a
// schema, where nearly all values have none of these attributes.
#[allow(clippy::box_collection)]
pub struct AnyAttributes(Option<Box<Vec<AnyAttribute>>>);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnyAttribute {
    /// `""` for no namespace.
    pub namespace: String,
    pub local: String,
    pub value: String,
    /// For a value that reads as a QName (`t:RT`): its prefix and the
    /// namespace that prefix denoted, so that the value keeps its meaning
    /// when written with another prefix.
    pub binding: Option<(String, String)>,
}

impl AnyAttribute {
    /// An attribute with a plain value.
    pub fn new(namespace: &str, local: &str, value: &str) -> Self {
        Self {
            namespace: namespace.to_owned(),
            local: local.to_owned(),
            value: value.to_owned(),
            binding: None,
        }
    }
}

impl AnyAttributes {
    pub const fn new() -> Self {
        Self(None)
    }

    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|v| v.is_empty())
    }

    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |v| v.len())
    }

    pub fn push(&mut self, attribute: AnyAttribute) {
        self.0.get_or_insert_with(Box::default).push(attribute);
    }

    pub fn iter(&self) -> std::slice::Iter<'_, AnyAttribute> {
        self.as_slice().iter()
    }

    pub fn as_slice(&self) -> &[AnyAttribute] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The value of the attribute `{namespace}local`, if present.
    pub fn get(&self, namespace: &str, local: &str) -> Option<&str> {
        self.iter()
            .find(|a| a.namespace == namespace && a.local == local)
            .map(|a| a.value.as_str())
    }
}

impl<'a> IntoIterator for &'a AnyAttributes {
    type Item = &'a AnyAttribute;
    type IntoIter = std::slice::Iter<'a, AnyAttribute>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl FromIterator<AnyAttribute> for AnyAttributes {
    fn from_iter<I: IntoIterator<Item = AnyAttribute>>(iter: I) -> Self {
        let all: Vec<AnyAttribute> = iter.into_iter().collect();
        Self((!all.is_empty()).then(|| Box::new(all)))
    }
}

impl<'i> XmlReader<'i> {
    /// Takes the lookahead element if `wildcard` accepts its namespace.
    #[inline]
    pub fn take_any(&self, next: &mut Option<Start<'i>>, wildcard: Wildcard) -> Option<Start<'i>> {
        next.take_if(|s| wildcard.matches(self.namespace_of(s)))
    }
}

impl XmlWriter {
    /// Writes the attributes a type keeps beyond those it declares, into
    /// the open start tag. What a reader would refuse is refused: a name
    /// the type declares (`declared`, written by the type itself), and a
    /// name outside both `wildcard` and the `xsi:` vocabulary.
    pub fn other_attributes(
        &mut self,
        attributes: &AnyAttributes,
        declared: &[Name],
        wildcard: Option<Wildcard>,
    ) -> Result<(), WriteError> {
        for a in attributes {
            let is_xsi = same(a.namespace.as_bytes(), ns::XSI.as_bytes());
            let clash = declared
                .iter()
                .any(|d| d.local == a.local && same(d.ns.as_bytes(), a.namespace.as_bytes()));
            if clash || !is_xsi && !wildcard.is_some_and(|w| w.matches(&a.namespace)) {
                let name = if a.namespace.is_empty() {
                    a.local.clone()
                } else {
                    format!("{{{}}}{}", a.namespace, a.local)
                };
                let reason = if clash {
                    "the type writes this attribute itself"
                } else {
                    "the type does not declare this attribute, and no wildcard of it takes it"
                };
                return Err(WriteError::InvalidValue {
                    name,
                    reason: reason.to_owned(),
                });
            }
            // The type's own `xsi:type` (of a derived variant) is written
            // already; the one kept here would repeat it.
            if is_xsi && a.local == "type" && self.type_written() {
                continue;
            }
            let prefix = if a.namespace.is_empty() {
                None
            } else {
                Some(self.ensure_prefix_for(Cow::Owned(a.namespace.clone())))
            };
            let value = match &a.binding {
                Some((p, uri)) => self.qname_value(&a.value, p, uri),
                None => Cow::Borrowed(a.value.as_str()),
            };
            let out = self.buffer_mut();
            out.push(' ');
            if let Some(p) = &prefix {
                out.push_str(p);
                out.push(':');
            }
            out.push_str(&a.local);
            out.push_str("=\"");
            super::escape::escape_attr(out, &value)
                .map_err(|e| WriteError::invalid_char(e.0, Name::local("anyAttribute")))?;
            out.push('"');
        }
        Ok(())
    }

    /// `value`, a QName with `prefix` for `uri`, as it must be written
    /// here: unchanged when `prefix` is or can be bound to `uri` on the open
    /// start tag, else with a prefix that is.
    fn qname_value<'v>(&mut self, value: &'v str, prefix: &str, uri: &str) -> Cow<'v, str> {
        if self.prefix_is(prefix, uri) {
            return Cow::Borrowed(value);
        }
        if !self.prefix_is_used_here(prefix) {
            self.bind_prefix(Cow::Owned(prefix.to_owned()), Cow::Owned(uri.to_owned()));
            return Cow::Borrowed(value);
        }
        let other = self.ensure_prefix_for(Cow::Owned(uri.to_owned()));
        let local = value.trim().split_once(':').map_or(value, |(_, l)| l);
        Cow::Owned(format!("{other}:{local}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";

    #[test]
    fn namespace_constraints() {
        assert!(Wildcard::Any.matches(""));
        assert!(Wildcard::Other("urn:t").matches("urn:x"));
        assert!(!Wildcard::Other("urn:t").matches("urn:t"));
        assert!(
            !Wildcard::Other("urn:t").matches(""),
            "##other excludes no namespace"
        );
        assert!(Wildcard::Only(&["", "urn:t"]).matches(""));
        assert!(!Wildcard::Only(&["urn:t"]).matches("urn:x"));
    }

    fn others(xml: &str, declared: &[Name; 1], wildcard: Option<Wildcard>) -> AnyAttributes {
        let mut r = XmlReader::new(xml);
        let start = r.root().unwrap();
        let mut other = AnyAttributes::new();
        r.attributes(&start, declared, wildcard, &mut other)
            .unwrap();
        other
    }

    #[test]
    fn other_attributes_round_trip_by_expanded_name() {
        let xml = format!(
            r#"<h xmlns:s="{SOAP}" xmlns:x="urn:x" Version="V1" s:mustUnderstand="1" x:extra="a&amp;b"/>"#
        );
        let declared = [Name::local("Version")];
        let soap_only = {
            let mut r = XmlReader::new(&xml);
            let start = r.root().unwrap();
            let mut other = AnyAttributes::new();
            let err = r
                .attributes(&start, &declared, Some(Wildcard::Only(&[SOAP])), &mut other)
                .unwrap_err();
            assert_eq!(
                err.kind,
                crate::xml::ReadErrorKind::UndeclaredAttribute("{urn:x}extra".into())
            );
            other
        };
        assert_eq!(soap_only.get(SOAP, "mustUnderstand"), Some("1"));
        let all = others(&xml, &declared, Some(Wildcard::Any));
        assert_eq!(all.len(), 2);
        assert_eq!(all.get("urn:x", "extra"), Some("a&b"));

        let mut w = XmlWriter::new();
        w.start(Name::new("urn:t", "h"));
        w.other_attributes(&all, &declared, Some(Wildcard::Any))
            .unwrap();
        w.end().unwrap();
        let written = w.into_string();
        assert_eq!(
            others(&written, &declared, Some(Wildcard::Any)),
            all,
            "{written}"
        );
    }

    #[test]
    fn qname_values_keep_their_namespace() {
        let xml = r#"<t:R xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="t:RT"/>"#;
        let kept = others(xml, &[Name::local("none")], None);
        assert_eq!(
            kept.as_slice()[0].binding,
            Some(("t".to_owned(), "urn:t".to_owned()))
        );
        // Written under an element of another namespace, `t` is declared.
        let mut w = XmlWriter::new();
        w.start(Name::new("urn:other", "R"));
        w.other_attributes(&kept, &[], None).unwrap();
        w.end().unwrap();
        let written = w.into_string();
        assert_eq!(
            written,
            r#"<R xmlns="urn:other" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:t="urn:t" xsi:type="t:RT"/>"#
        );
        // Where `t` is taken by the element itself, another prefix is used.
        let mut w = XmlWriter::new();
        w.declare_prefix("t", "urn:elsewhere");
        w.start(Name::new("urn:elsewhere", "R"));
        w.other_attributes(&kept, &[], None).unwrap();
        w.end().unwrap();
        let written = w.into_string();
        let again = others(&written, &[Name::local("none")], None);
        let (p, uri) = again.as_slice()[0].binding.clone().unwrap();
        assert_eq!(uri, "urn:t", "{written}");
        assert_ne!(p, "t", "{written}");
    }

    #[test]
    fn the_writer_refuses_what_the_reader_refuses() {
        let mut attrs = AnyAttributes::new();
        attrs.push(AnyAttribute::new("urn:x", "extra", "1"));
        let mut w = XmlWriter::new();
        w.start(Name::local("h"));
        assert!(w.other_attributes(&attrs, &[], None).is_err());
        assert!(
            w.other_attributes(&attrs, &[], Some(Wildcard::Other("")))
                .is_ok()
        );
        let mut clash = AnyAttributes::new();
        clash.push(AnyAttribute::new("", "Version", "2"));
        assert!(
            w.other_attributes(&clash, &[Name::local("Version")], Some(Wildcard::Any))
                .is_err()
        );
    }

    #[test]
    fn empty_holders_are_one_word() {
        assert_eq!(
            std::mem::size_of::<AnyAttributes>(),
            std::mem::size_of::<usize>()
        );
        assert!(AnyAttributes::new().is_empty());
    }

    #[test]
    fn elements_are_taken_by_namespace() {
        let mut r = XmlReader::new(r#"<p xmlns="urn:t"><a/><b xmlns="urn:o"/></p>"#);
        r.root().unwrap();
        let mut next = r.next_child().unwrap();
        assert!(r.take_any(&mut next, Wildcard::Other("urn:t")).is_none());
        assert!(r.take_any(&mut next, Wildcard::Any).is_some());
        r.skip().unwrap();
        let mut next = r.next_child().unwrap();
        assert!(r.take_any(&mut next, Wildcard::Other("urn:t")).is_some());
    }
}
