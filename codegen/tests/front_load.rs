//! `load`: what is read, once, from where, and how it is named.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::front;
use xsdgen::load::{FileKind, LinkKind, XML_NS, load};

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("xsdgen-load-{name}-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).expect("a scratch directory");
        Self(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, text).expect("writing a scratch file");
        path
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

const XS: &str = r#"xmlns:xs="http://www.w3.org/2001/XMLSchema""#;

#[test]
fn circular_includes_are_read_once() {
    let dir = Dir::new("circular");
    let a = dir.write(
        "a.xsd",
        &format!(r#"<xs:schema {XS} targetNamespace="urn:t"><xs:include schemaLocation="sub/b.xsd"/></xs:schema>"#),
    );
    dir.write(
        "sub/b.xsd",
        &format!(
            r#"<xs:schema {XS} targetNamespace="urn:t"><xs:include schemaLocation="../a.xsd"/><xs:element name="B" type="xs:int"/></xs:schema>"#
        ),
    );
    let sources = load(&[a.clone(), a.clone()]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sources.files().len(), 2);
    let paths: Vec<_> = sources.paths_read().collect();
    assert_eq!(paths, [a.as_path(), dir.0.join("sub/b.xsd").as_path()]);
    assert_eq!(sources.inputs().count(), 1);
    assert_eq!(sources.namespace_files("urn:t").len(), 2);
    assert_eq!(sources.links().len(), 2);
    assert!(
        sources
            .links()
            .iter()
            .all(|l| l.kind == LinkKind::Include && l.target.is_some())
    );
}

#[test]
fn wsdl_imports_and_embedded_schema_imports_are_followed() {
    let dir = Dir::new("wsdl");
    let svc = dir.write(
        "svc.wsdl",
        r#"<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:svc">
  <wsdl:import namespace="urn:parts" location="sub/parts.wsdl"/>
</wsdl:definitions>"#,
    );
    dir.write(
        "sub/parts.wsdl",
        &format!(
            r#"<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:parts">
  <wsdl:types><xs:schema {XS} targetNamespace="urn:parts"><xs:import namespace="urn:types" schemaLocation="types.xsd"/></xs:schema></wsdl:types>
</wsdl:definitions>"#
        ),
    );
    dir.write(
        "sub/types.xsd",
        &format!(r#"<xs:schema {XS} targetNamespace="urn:types"><xs:attribute name="a" type="xs:int"/></xs:schema>"#),
    );
    let sources = load(&[svc]).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<_> = sources.files().iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FileKind::Wsdl, FileKind::Wsdl, FileKind::Schema]);
    assert_eq!(sources.namespace_files("urn:types").len(), 1);
    // The embedded schema's namespace is catalogued under its WSDL file.
    assert_eq!(sources.namespace_files("urn:parts").len(), 1);
}

#[test]
fn the_xml_namespace_is_built_in() {
    let dir = Dir::new("xml");
    let a = dir.write(
        "a.xsd",
        &format!(
            r#"<xs:schema {XS} targetNamespace="urn:t">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace"/>
  <xs:complexType name="Text"><xs:attribute ref="xml:lang"/></xs:complexType>
</xs:schema>"#
        ),
    );
    let (sources, model) = front(std::slice::from_ref(&a)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sources.namespace_files(XML_NS).len(), 1);
    assert_eq!(sources.paths_read().collect::<Vec<&Path>>(), [a.as_path()]);
    let text = model
        .types
        .iter()
        .find(|t| t.name_hint == "Text")
        .expect("Text");
    let xsdgen::model::TypeKind::Complex(c) = &text.kind else {
        panic!("complex")
    };
    assert_eq!(c.attributes[0].name.namespace.as_deref(), Some(XML_NS));
    assert_eq!(c.attributes[0].name.local, "lang");
}

#[test]
fn bom_and_line_ends_are_normalized() {
    let dir = Dir::new("bom");
    let path = dir.0.join("a.xsd");
    fs::write(
        &path,
        format!("\u{FEFF}<xs:schema {XS}>\r\n<xs:element name=\"a\"/>\r</xs:schema>\r\n"),
    )
    .expect("writing");
    let sources = load(&[path]).unwrap_or_else(|e| panic!("{e}"));
    let text = &sources.files()[0].text;
    assert!(!text.starts_with('\u{FEFF}'));
    assert!(!text.contains('\r'));
    assert_eq!(text.lines().count(), 3);
}

#[test]
fn a_missing_input_is_an_io_error_with_its_path() {
    match load(&[PathBuf::from("no/such/input.xsd")]) {
        Ok(_) => panic!("expected an error"),
        Err(e) => assert_eq!(
            e.to_string(),
            "cannot read 'no/such/input.xsd': no such file or directory"
        ),
    }
}
