//! The attributes of a start tag, split once: each one goes to the
//! declared attribute it names, to the type's other attributes (an
//! `xs:anyAttribute`, or the `xsi:` vocabulary), or to the policy for
//! undeclared content (see [`super::super::options`]).

use std::borrow::Cow;

use super::super::bytes::same;
use super::super::lexer;
use super::super::value::SimpleValue;
use super::super::wildcard::{AnyAttribute, AnyAttributes, Wildcard};
use super::super::{Name, ReadError, ReadErrorKind, ns};
use super::{Start, XmlReader, snippet};

const XSI_TYPE: &str = "type";

impl<'i> XmlReader<'i> {
    /// Splits the attributes of `start` once: the raw (decoded) value of
    /// each of `declared`, in that order, while the others go to `other`
    /// (those `wildcard` takes, and `xsi:` ones) or to the policy.
    pub fn attributes<'s, const N: usize>(
        &mut self,
        start: &Start<'s>,
        declared: &[Name; N],
        wildcard: Option<Wildcard>,
        other: &mut AnyAttributes,
    ) -> Result<[Option<Cow<'s, str>>; N], ReadError> {
        let mut values = [const { None }; N];
        if start.attrs.is_empty() {
            return Ok(values);
        }
        for (key, raw) in lexer::attributes(start.attrs) {
            let (prefix, local) = key.split_once(':').unwrap_or(("", key));
            if key == "xmlns" || prefix == "xmlns" {
                continue;
            }
            // Unprefixed attributes are in no namespace, whatever the
            // default namespace is.
            let namespace = if prefix.is_empty() {
                ""
            } else {
                self.attribute_namespace(prefix)?
            };
            if let Some(i) = declared
                .iter()
                .position(|d| same(d.local, local) && same(d.ns, namespace))
            {
                if let Some(slot) = values.get_mut(i) {
                    *slot = Some(self.decode_value(raw)?);
                }
                continue;
            }
            let is_xsi = same(namespace, ns::XSI);
            if is_xsi && local == XSI_TYPE && self.consumed_type == Some(start.pos) {
                continue;
            }
            if is_xsi || wildcard.is_some_and(|w| w.matches(namespace)) {
                let value = self.decode_value(raw)?;
                let binding = self.value_binding(&value);
                other.push(AnyAttribute {
                    namespace: namespace.to_owned(),
                    local: local.to_owned(),
                    value: value.into_owned(),
                    binding,
                });
                continue;
            }
            let error = self.undeclared_attribute(namespace, local);
            self.undeclared(error)?;
        }
        Ok(values)
    }

    /// For an element whose type keeps no attributes (simple content read
    /// as a value, a choice): every attribute but namespace declarations
    /// goes to the policy, and `xsi:` hints are skipped with a warning.
    /// `xsi:nil` is read by `Nillable`, not here.
    pub fn no_attributes(&mut self, start: &Start<'_>) -> Result<(), ReadError> {
        if start.attrs.is_empty() {
            return Ok(());
        }
        for (key, _) in lexer::attributes(start.attrs) {
            let (prefix, local) = key.split_once(':').unwrap_or(("", key));
            if key == "xmlns" || prefix == "xmlns" {
                continue;
            }
            let namespace = if prefix.is_empty() {
                ""
            } else {
                self.attribute_namespace(prefix)?
            };
            let error = self.undeclared_attribute(namespace, local);
            if same(namespace, ns::XSI) {
                if local == "nil" || self.consumed_type == Some(start.pos) && local == XSI_TYPE {
                    continue;
                }
                self.warn(&error);
            } else {
                self.undeclared(error)?;
            }
        }
        Ok(())
    }

    /// An optional attribute's value, parsed.
    pub fn attribute_of<T: SimpleValue>(
        &self,
        raw: Option<Cow<'_, str>>,
        name: Name,
    ) -> Result<Option<T>, ReadError> {
        let Some(text) = raw else {
            return Ok(None);
        };
        T::parse_value(&text, self).map(Some).map_err(|e| {
            self.error(ReadErrorKind::InvalidValue {
                value: snippet(&text),
                reason: format!("in attribute {name}: {}", e.reason),
            })
        })
    }

    /// A required attribute's value, parsed.
    pub fn required_attribute_of<T: SimpleValue>(
        &self,
        raw: Option<Cow<'_, str>>,
        name: Name,
    ) -> Result<T, ReadError> {
        self.attribute_of(raw, name)?
            .ok_or_else(|| self.missing_attribute(name))
    }

    /// An attribute value of any start tag read by this reader, with its
    /// references replaced.
    fn decode_value<'s>(&self, raw: &'s str) -> Result<Cow<'s, str>, ReadError> {
        lexer::decode_attr(raw).map_err(|e| self.lex_error(e, self.offset_of(raw)))
    }

    fn attribute_namespace(&self, prefix: &str) -> Result<&str, ReadError> {
        if prefix == "xml" {
            return Ok(ns::XML);
        }
        match self.scopes.lookup(prefix) {
            Some(uri) => Ok(uri),
            None => Err(self.error(ReadErrorKind::UnknownPrefix(prefix.into()))),
        }
    }

    fn undeclared_attribute(&self, namespace: &str, local: &str) -> ReadError {
        let name = if namespace.is_empty() {
            local.to_owned()
        } else {
            format!("{{{namespace}}}{local}")
        };
        self.error(ReadErrorKind::UndeclaredAttribute(name))
    }

    /// The binding of the prefix a QName-like value uses (`t:RT`), so that
    /// a value kept by expanded name can be written with a prefix bound to
    /// the same namespace.
    pub(crate) fn value_binding(&self, value: &str) -> Option<(String, String)> {
        let (prefix, local) = value.trim().split_once(':')?;
        let is_name = |s: &str| {
            !s.is_empty()
                && !s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.')
                && s.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        };
        if !is_name(prefix) || !is_name(local) || prefix == "xmlns" {
            return None;
        }
        let uri = if prefix == "xml" {
            ns::XML
        } else {
            self.scopes.lookup(prefix)?
        };
        Some((prefix.to_owned(), uri.to_owned()))
    }
}
