//! Wildcards: `xs:any` and `xs:anyAttribute`, with their `namespace`
//! constraint, and the holder of the attributes an `anyAttribute` takes.

use std::borrow::Cow;

use super::bytes::same;
use super::{Name, ReadError, ReadErrorKind, Start, WriteError, XmlReader, XmlWriter};

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

/// Attributes that a type's `anyAttribute` accepted, in document order,
/// with their expanded names: written back with prefixes of the writer's
/// choosing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct AnyAttributes(pub Vec<AnyAttribute>);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnyAttribute {
    /// `""` for no namespace.
    pub namespace: String,
    pub local: String,
    pub value: String,
}

impl AnyAttributes {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of the attribute `{namespace}local`, if present.
    pub fn get(&self, namespace: &str, local: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|a| a.namespace == namespace && a.local == local)
            .map(|a| a.value.as_str())
    }
}

impl<'i> XmlReader<'i> {
    /// Takes the lookahead element if `wildcard` accepts its namespace.
    #[inline]
    pub fn take_any(&self, next: &mut Option<Start<'i>>, wildcard: Wildcard) -> Option<Start<'i>> {
        next.take_if(|s| wildcard.matches(self.namespace_of(s)))
    }

    /// The attributes of the element just started that are not `declared`
    /// and that `wildcard` accepts. Namespace declarations are not
    /// attributes; undeclared attributes the wildcard refuses are ignored,
    /// as they are without a wildcard.
    pub fn other_attributes(
        &self,
        start: &Start<'i>,
        declared: &[Name],
        wildcard: Wildcard,
    ) -> Result<AnyAttributes, ReadError> {
        let mut out = Vec::new();
        for (key, raw) in super::lexer::attributes(start.attrs) {
            let (prefix, local) = key.split_once(':').unwrap_or(("", key));
            if key == "xmlns" || prefix == "xmlns" {
                continue;
            }
            let ns = if prefix.is_empty() {
                ""
            } else {
                self.resolve_attribute_prefix(prefix)?
            };
            if declared
                .iter()
                .any(|d| d.local == local && same(d.ns.as_bytes(), ns.as_bytes()))
                || !wildcard.matches(ns)
            {
                continue;
            }
            let value = self.decode_attribute(raw)?;
            out.push(AnyAttribute {
                namespace: ns.to_owned(),
                local: local.to_owned(),
                value: value.into_owned(),
            });
        }
        Ok(AnyAttributes(out))
    }

    fn resolve_attribute_prefix(&self, prefix: &str) -> Result<&str, ReadError> {
        if prefix == "xml" {
            return Ok(super::ns::XML);
        }
        self.lookup_prefix(prefix)
            .ok_or_else(|| self.error(ReadErrorKind::UnknownPrefix(prefix.into())))
    }
}

impl XmlWriter {
    /// Writes the attributes an `anyAttribute` took, into the open start
    /// tag.
    pub fn other_attributes(&mut self, attributes: &AnyAttributes) -> Result<(), WriteError> {
        for a in &attributes.0 {
            let prefix = if a.namespace.is_empty() {
                None
            } else {
                Some(self.prefix_for_dynamic(&a.namespace))
            };
            let out = self.buffer_mut();
            out.push(' ');
            if let Some(p) = &prefix {
                out.push_str(p);
                out.push(':');
            }
            out.push_str(&a.local);
            out.push_str("=\"");
            super::escape::escape_attr(out, &a.value)
                .map_err(|e| WriteError::invalid_char(e.0, Name::local("anyAttribute")))?;
            out.push('"');
        }
        Ok(())
    }

    /// A prefix bound to `ns`, declared on the open start tag when none
    /// is in scope.
    fn prefix_for_dynamic(&mut self, ns: &str) -> Cow<'static, str> {
        if let Some(p) = self.prefix_in_scope(ns) {
            return p;
        }
        let prefix = match ns {
            super::ns::XSI => Cow::Borrowed("xsi"),
            _ => Cow::Owned(format!("a{}", self.prefix_count())),
        };
        self.bind_prefix(prefix.clone(), Cow::Owned(ns.to_owned()));
        prefix
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

    #[test]
    fn other_attributes_round_trip_by_expanded_name() {
        let xml = format!(
            r#"<h xmlns:s="{SOAP}" xmlns:x="urn:x" Version="V1" s:mustUnderstand="1" x:extra="a&amp;b" plain="p"/>"#
        );
        let mut r = XmlReader::new(&xml);
        let start = r.root().unwrap();
        let declared = [Name::local("Version")];
        let soap_only = r
            .other_attributes(&start, &declared, Wildcard::Only(&[SOAP]))
            .unwrap();
        assert_eq!(soap_only.get(SOAP, "mustUnderstand"), Some("1"));
        assert_eq!(soap_only.0.len(), 1);
        let all = r
            .other_attributes(&start, &declared, Wildcard::Any)
            .unwrap();
        assert_eq!(all.0.len(), 3);
        assert_eq!(all.get("urn:x", "extra"), Some("a&b"));

        let mut w = XmlWriter::new();
        w.start(Name::new("urn:t", "h"));
        w.other_attributes(&all).unwrap();
        w.end().unwrap();
        let written = w.into_string();
        let mut r = XmlReader::new(&written);
        let start = r.root().unwrap();
        let again = r
            .other_attributes(&start, &declared, Wildcard::Any)
            .unwrap();
        assert_eq!(again, all, "{written}");
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
