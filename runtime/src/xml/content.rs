//! Helpers for the readers xsdgen generates for element content.
//!
//! A generated reader keeps one element of lookahead, `next`: the child
//! start tag read last and not yet claimed by a particle (`None` once the
//! parent's end tag has been consumed). Each particle either takes it or
//! leaves it for the next one; what is left at the end is an error.

//!
//! A particle is read by one call: [`XmlReader::required`],
//! [`XmlReader::optional`] or [`XmlReader::repeated`], given how to read
//! one value once its start tag is taken: [`read`] for a type with
//! `XmlRead`, [`text`] for a simple type, `Nillable::read_value` or
//! `Nillable::read_xml` for nillable ones. Keeping the loop here, not in
//! every generated reader, is what keeps generated code small.

use super::{Name, ReadError, ReadErrorKind, SimpleValue, Start, XmlRead, XmlReader};

/// Reads an element of a type with `XmlRead` whose start tag was taken.
#[inline]
pub fn read<T: XmlRead>(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<T, ReadError> {
    T::read_xml(r, start)
}

/// Reads the text of a simple-typed element whose start tag was taken. Its
/// attributes, which such an element has no place for, go to the policy
/// for undeclared content.
#[inline]
pub fn text<T: SimpleValue>(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<T, ReadError> {
    r.no_attributes(start)?;
    r.read_value()
}

/// [`text`] for an element with a schema default (or fixed value), which
/// an empty element has.
#[inline]
pub fn text_or<T: SimpleValue>(
    r: &mut XmlReader<'_>,
    start: &Start<'_>,
    default: &str,
) -> Result<T, ReadError> {
    r.no_attributes(start)?;
    r.read_value_or(default)
}

impl<'i> XmlReader<'i> {
    /// Takes the lookahead element if it is `name`.
    #[inline]
    pub fn take(&self, next: &mut Option<Start<'i>>, name: Name) -> Option<Start<'i>> {
        match next.take_if(|s| self.is(s, name)) {
            Some(start) => Some(start),
            None => {
                if let Some(found) = next
                    && super::bytes::same(found.local_name().as_bytes(), name.local.as_bytes())
                {
                    self.namesake.set(Some(name));
                }
                None
            }
        }
    }

    /// A required element `name`, read by `read`; then the next lookahead.
    #[inline]
    pub fn required<T>(
        &mut self,
        next: &mut Option<Start<'i>>,
        name: Name,
        read: impl FnOnce(&mut Self, &Start<'i>) -> Result<T, ReadError>,
    ) -> Result<T, ReadError> {
        let start = self.take_required(next, name)?;
        let value = read(self, &start)?;
        *next = self.next_child()?;
        Ok(value)
    }

    /// An optional element `name`: `None` when the lookahead is another.
    #[inline]
    pub fn optional<T>(
        &mut self,
        next: &mut Option<Start<'i>>,
        name: Name,
        read: impl FnOnce(&mut Self, &Start<'i>) -> Result<T, ReadError>,
    ) -> Result<Option<T>, ReadError> {
        match self.take(next, name) {
            Some(start) => {
                let value = read(self, &start)?;
                *next = self.next_child()?;
                Ok(Some(value))
            }
            None => Ok(None),
        }
    }

    /// `min` to `max` consecutive elements `name` (`u32::MAX`: unbounded).
    /// Reading stops at `max`; a further one is left to the next particle.
    pub fn repeated<T>(
        &mut self,
        next: &mut Option<Start<'i>>,
        name: Name,
        min: u32,
        max: u32,
        mut read: impl FnMut(&mut Self, &Start<'i>) -> Result<T, ReadError>,
    ) -> Result<Vec<T>, ReadError> {
        let mut values = Vec::new();
        while values.len() < max as usize {
            let Some(start) = self.take(next, name) else {
                break;
            };
            values.push(read(self, &start)?);
            *next = self.next_child()?;
        }
        if values.len() < min as usize {
            return Err(self.expected_one_of(next.as_ref(), &[name]));
        }
        Ok(values)
    }

    /// Takes the lookahead element, which must be `name`: a required
    /// particle. Fails with "missing" when the parent has no more children,
    /// and otherwise with "expected `name`, found ..." naming both
    /// namespaces, so that `https://` for `http://` is plain to see.
    #[inline]
    pub fn take_required(
        &self,
        next: &mut Option<Start<'i>>,
        name: Name,
    ) -> Result<Start<'i>, ReadError> {
        match next.take_if(|s| self.is(s, name)) {
            Some(start) => Ok(start),
            None => Err(match next {
                Some(found) => self.unexpected(found, name),
                None => self.missing(name),
            }),
        }
    }

    /// After the last particle of a content model: the lookahead must be
    /// empty. A leftover element that an optional particle looked for under
    /// its local name but in another namespace is reported as that element
    /// in the wrong namespace; any other as an extra element.
    pub fn end_content(&self, next: Option<Start<'i>>) -> Result<(), ReadError> {
        match next {
            None => Ok(()),
            Some(found) => Err(match self.namesake.take() {
                Some(name) if name.local == found.local_name() && !self.is(&found, name) => {
                    self.unexpected(&found, name)
                }
                _ => self.extra(&found),
            }),
        }
    }

    /// The error for a required element group (a choice or a nested
    /// sequence) that the lookahead does not start: `first` names the
    /// elements that could start it.
    pub fn expected_one_of(&self, next: Option<&Start<'i>>, first: &[Name]) -> ReadError {
        match (next, first) {
            (Some(found), [only]) => self.unexpected(found, *only),
            (Some(found), _) => match self.namesake(found, first) {
                Some(name) => self.unexpected(found, name),
                None => self.error(ReadErrorKind::UnexpectedElement {
                    expected: one_of(first),
                    found: self.name_of(found),
                }),
            },
            (None, _) => self.error(ReadErrorKind::MissingElement(one_of(first))),
        }
    }

    /// Attribute `name` of the element just started, which must be there.
    pub fn required_attribute<T: SimpleValue>(
        &self,
        start: &Start<'i>,
        name: Name,
    ) -> Result<T, ReadError> {
        self.attribute_value(start, name)?
            .ok_or_else(|| self.missing_attribute(name))
    }

    /// Attribute `name` of the element just started, or the schema's
    /// default (or fixed) value when it is absent.
    pub fn attribute_or<T: SimpleValue>(
        &self,
        start: &Start<'i>,
        name: Name,
        default: &str,
    ) -> Result<T, ReadError> {
        match self.attribute_value(start, name)? {
            Some(value) => Ok(value),
            None => super::parse_value(default).map_err(|e| {
                self.error(ReadErrorKind::InvalidValue {
                    value: default.to_owned(),
                    reason: format!("default of attribute {name}: {}", e.reason),
                })
            }),
        }
    }

    /// The name among `names` with the local name of `found` in another
    /// namespace.
    fn namesake(&self, found: &Start<'_>, names: &[Name]) -> Option<Name> {
        names
            .iter()
            .copied()
            .find(|n| n.local == found.local_name() && !self.is(found, *n))
    }
}

fn one_of(names: &[Name]) -> String {
    match names {
        [] => "an element".to_owned(),
        [only] => only.to_string(),
        _ => {
            let list: Vec<String> = names.iter().map(Name::to_string).collect();
            format!("one of {}", list.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Name = Name::new("http://x", "a");
    const B: Name = Name::new("http://x", "b");

    fn first_child(xml: &str) -> (XmlReader<'_>, Option<Start<'_>>) {
        let mut r = XmlReader::new(xml);
        r.root().unwrap();
        let next = r.next_child().unwrap();
        (r, next)
    }

    #[test]
    fn wrong_namespace_names_the_expected_one() {
        let (r, mut next) = first_child(r#"<p xmlns="http://x"><a xmlns="https://x"/></p>"#);
        let err = r.take_required(&mut next, A).err().unwrap();
        assert_eq!(
            err.kind,
            ReadErrorKind::UnexpectedElement {
                expected: "{http://x}a".into(),
                found: "{https://x}a".into()
            }
        );
        // An optional `a` is not there, so the misnamed one is left over.
        assert!(r.take(&mut next, B).is_none());
        assert!(r.take(&mut next, A).is_none());
        let err = r.end_content(next).unwrap_err();
        assert_eq!(
            err.kind,
            ReadErrorKind::UnexpectedElement {
                expected: "{http://x}a".into(),
                found: "{https://x}a".into()
            }
        );
    }

    #[test]
    fn leftovers_and_missing() {
        let (r, next) = first_child(r#"<p xmlns="http://x"><c/></p>"#);
        let err = r.end_content(next).unwrap_err();
        assert_eq!(
            err.kind,
            ReadErrorKind::ExtraElement {
                found: "{http://x}c".into()
            }
        );
        // A second `a` after the one the model allows is extra, not misnamed.
        let (r, next) = first_child(r#"<p xmlns="http://x"><a/></p>"#);
        let err = r.end_content(next).unwrap_err();
        assert_eq!(
            err.kind,
            ReadErrorKind::ExtraElement {
                found: "{http://x}a".into()
            }
        );
        let (r, mut next) = first_child(r#"<p xmlns="http://x"></p>"#);
        let err = r.take_required(&mut next, A).err().unwrap();
        assert_eq!(
            err.kind,
            ReadErrorKind::MissingElement("{http://x}a".into())
        );
        let err = r.expected_one_of(None, &[A, B]);
        assert_eq!(
            err.kind,
            ReadErrorKind::MissingElement("one of {http://x}a, {http://x}b".into())
        );
    }

    #[test]
    fn particles_read_their_occurrences() {
        let xml = r#"<p xmlns="http://x"><a>1</a><a>2</a><a>3</a><b>x</b></p>"#;
        let (mut r, mut next) = first_child(xml);
        let a: Vec<u8> = r.repeated(&mut next, A, 1, 2, text).unwrap();
        assert_eq!(a, [1, 2]);
        // The third `a` is beyond the maximum: left to what follows.
        let extra: Option<u8> = r.optional(&mut next, A, text).unwrap();
        assert_eq!(extra, Some(3));
        let b: String = r.required(&mut next, B, text).unwrap();
        assert_eq!(b, "x");
        assert!(next.is_none());

        let (mut r, mut next) = first_child(r#"<p xmlns="http://x"><b/></p>"#);
        let err = r
            .repeated::<u8>(&mut next, A, 1, u32::MAX, text)
            .unwrap_err();
        assert_eq!(
            err.kind,
            ReadErrorKind::UnexpectedElement {
                expected: "{http://x}a".into(),
                found: "{http://x}b".into()
            }
        );
    }

    #[test]
    fn attributes_with_defaults() {
        let mut r = XmlReader::new(r#"<p n="4"/>"#);
        let p = r.root().unwrap();
        assert_eq!(r.required_attribute::<u8>(&p, Name::local("n")), Ok(4));
        assert_eq!(r.attribute_or::<u8>(&p, Name::local("m"), "7"), Ok(7));
        assert_eq!(r.attribute_or::<u8>(&p, Name::local("n"), "7"), Ok(4));
        let err = r
            .required_attribute::<u8>(&p, Name::local("m"))
            .unwrap_err();
        assert_eq!(err.kind, ReadErrorKind::MissingAttribute("m".into()));
    }
}
