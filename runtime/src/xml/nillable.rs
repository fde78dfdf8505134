//! `nillable="true"` elements: nil (`xsi:nil="true"`) is a value of its
//! own, distinct from an absent element (`Option`) and from an empty one.

use super::{
    Name, ReadError, SimpleValue, Start, WriteError, XmlRead, XmlReader, XmlWrite, XmlWriter,
};

/// The value of a nillable element: `Nil` for `<e xsi:nil="true"/>`.
///
/// An optional nillable element is `Option<Nillable<T>>`: `None` when the
/// element is absent, `Some(Nil)` when it is present and nil.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nillable<T> {
    Nil,
    Value(T),
}

impl<T> Nillable<T> {
    pub fn is_nil(&self) -> bool {
        matches!(self, Self::Nil)
    }

    pub fn as_ref(&self) -> Nillable<&T> {
        match self {
            Self::Nil => Nillable::Nil,
            Self::Value(v) => Nillable::Value(v),
        }
    }

    /// `None` for nil.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Nil => None,
            Self::Value(v) => Some(v),
        }
    }

    pub fn into_option(self) -> Option<T> {
        match self {
            Self::Nil => None,
            Self::Value(v) => Some(v),
        }
    }
}

impl<T> From<T> for Nillable<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl<T> From<Option<T>> for Nillable<T> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Nil, Self::Value)
    }
}

impl<T: SimpleValue> Nillable<T> {
    /// Reads a simple-typed nillable element whose start tag was just read.
    pub fn read_value(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Self, ReadError> {
        if r.is_nil(start)? {
            r.skip()?;
            Ok(Self::Nil)
        } else {
            r.no_attributes(start)?;
            r.read_value().map(Self::Value)
        }
    }

    /// Writes a simple-typed nillable element.
    pub fn write_value(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        match self {
            Self::Nil => w.nil_element(name),
            Self::Value(v) => w.simple_element(name, v),
        }
    }
}

impl<T: XmlRead> XmlRead for Nillable<T> {
    /// A nil element's attributes and content are skipped.
    fn read_xml(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Self, ReadError> {
        if r.is_nil(start)? {
            r.skip()?;
            Ok(Self::Nil)
        } else {
            T::read_xml(r, start).map(Self::Value)
        }
    }
}

impl<T: XmlWrite> XmlWrite for Nillable<T> {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        match self {
            Self::Nil => w.nil_element(name),
            Self::Value(v) => v.write_xml(w, name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nil_and_value_round_trip() {
        let xml = r#"<a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><n xsi:nil="true"/><n>5</n></a>"#;
        let mut r = XmlReader::new(xml);
        r.root().unwrap();
        let mut next = r.next_child().unwrap();
        let s = r.take_required(&mut next, Name::local("n")).unwrap();
        let first = Nillable::<i32>::read_value(&mut r, &s).unwrap();
        next = r.next_child().unwrap();
        let s = r.take_required(&mut next, Name::local("n")).unwrap();
        let second = Nillable::<i32>::read_value(&mut r, &s).unwrap();
        assert_eq!((first, second), (Nillable::Nil, Nillable::Value(5)));

        let mut w = XmlWriter::new();
        w.start(Name::local("a"));
        first.write_value(&mut w, Name::local("n")).unwrap();
        second.write_value(&mut w, Name::local("n")).unwrap();
        w.end().unwrap();
        assert_eq!(
            w.into_string(),
            r#"<a><n xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/><n>5</n></a>"#
        );
    }
}
