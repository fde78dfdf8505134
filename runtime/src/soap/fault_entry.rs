//! A fault's detail entry as a typed element: the `wsdl:fault` messages of
//! an operation name the elements its faults carry, and generated code
//! puts them in and takes them out through these two calls.
//!
//! The entry is kept in [`FaultDetail::raw`], which is how a detail of
//! any shape travels: written as it is (inside `Detail` in SOAP 1.2), and
//! read back self-contained, with the namespace bindings it uses.

use crate::xml::{ReadError, WriteError, XmlElement, XmlReader, to_xml};

use super::{Fault, FaultDetail};

impl FaultDetail {
    /// The first entry of the detail that is the element `T`, read. `None`
    /// when there is no detail or no such entry; an entry that is `T`'s
    /// element but not valid is an error, with the path inside the detail.
    pub fn entry<T: XmlElement>(&self) -> Option<Result<T, ReadError>> {
        let raw = self.raw.as_deref()?;
        let mut r = XmlReader::new(raw);
        let found = (|| {
            r.root()?;
            while let Some(child) = r.next_child()? {
                if r.is(&child, T::NAME) {
                    return T::read_xml(&mut r, &child).map(Some);
                }
                r.skip()?;
            }
            Ok(None)
        })();
        found.transpose()
    }
}

impl Fault {
    /// The fault with `entry` as its detail, replacing any detail it had.
    pub fn with_entry<T: XmlElement>(mut self, entry: &T) -> Result<Self, WriteError> {
        let xml = to_xml(entry)?;
        self.detail = FaultDetail {
            raw: Some(format!("<detail>{xml}</detail>")),
            ..FaultDetail::default()
        };
        Ok(self)
    }
}
