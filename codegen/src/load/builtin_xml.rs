//! The `xml:` namespace, built in: EWS imports
//! `http://www.w3.org/XML/1998/namespace` without a `schemaLocation` and
//! refers to `xml:lang`. We never go to the network for it.

use std::path::PathBuf;

/// How the built-in document is named in messages.
pub(crate) fn display_path() -> PathBuf {
    PathBuf::from("<built-in>/xml.xsd")
}

pub(crate) const TEXT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang" type="xs:string"/>
  <xs:attribute name="space" type="xs:string"/>
  <xs:attribute name="base" type="xs:string"/>
  <xs:attribute name="id" type="xs:string"/>
</xs:schema>
"#;
