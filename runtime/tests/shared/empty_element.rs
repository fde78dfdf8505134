//! `empty_element!(Type, NAMESPACE, "Local")`: an element with no content,
//! the shape of most test requests and of empty responses; one copy for
//! every test fixture module of the crate.

macro_rules! empty_element {
    ($ty:ident, $ns:expr, $local:literal) => {
        #[derive(Debug, Default, Clone, PartialEq)]
        pub struct $ty;

        impl XmlWrite for $ty {
            fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
                w.start(name);
                w.end()
            }
        }

        impl XmlRead for $ty {
            fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> {
                r.end()?;
                Ok(Self)
            }
        }

        impl XmlElement for $ty {
            const NAME: Name = Name::new($ns, $local);
        }
    };
}
