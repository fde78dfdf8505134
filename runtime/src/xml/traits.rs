//! The traits generated code implements.

use super::{Name, ReadError, Start, WriteError, XmlReader, XmlWriter};

/// A value that can be written as the content and attributes of an element.
pub trait XmlWrite {
    /// Writes `self` as element `name`, start tag to end tag.
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError>;
}

/// The values of an optional or repeated particle as a field holds them:
/// an `Option` or a `Vec`.
pub trait Occurrences {
    type Item;
    fn as_slice(&self) -> &[Self::Item];
}

impl<T> Occurrences for Option<T> {
    type Item = T;
    fn as_slice(&self) -> &[T] {
        Option::as_slice(self)
    }
}

impl<T> Occurrences for Vec<T> {
    type Item = T;
    fn as_slice(&self) -> &[T] {
        self
    }
}

/// A boxed value (a large or recursive field) writes as the value.
impl<T: XmlWrite + ?Sized> XmlWrite for Box<T> {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        (**self).write_xml(w, name)
    }
}

/// A value that can be read from an element.
pub trait XmlRead: Sized {
    /// Reads the element whose start tag `start` has just been read: its
    /// attributes first, then its content through the end tag.
    fn read_xml(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Self, ReadError>;
}

/// A boxed value reads as the value: generated readers read a large or
/// recursive field with the same `xml::read` as any other.
impl<T: XmlRead> XmlRead for Box<T> {
    #[inline]
    fn read_xml(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Self, ReadError> {
        T::read_xml(r, start).map(Box::new)
    }
}

/// A global element declaration: a type that is a whole document or a SOAP
/// body on its own.
pub trait XmlElement: XmlWrite + XmlRead {
    const NAME: Name;
}

/// Writes a global element as a standalone document fragment.
pub fn to_xml<T: XmlElement>(value: &T) -> Result<String, WriteError> {
    let mut w = XmlWriter::new();
    value.write_xml(&mut w, T::NAME)?;
    Ok(w.into_string())
}

/// Reads a document whose root is the global element `T`.
pub fn from_xml<T: XmlElement>(xml: &str) -> Result<T, ReadError> {
    let mut r = XmlReader::new(xml);
    let start = r.root()?;
    r.expect(&start, T::NAME)?;
    let value = T::read_xml(&mut r, &start)?;
    r.finish()?;
    Ok(value)
}
