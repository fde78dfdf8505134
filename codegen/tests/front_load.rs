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

/// `a.xsd` imports `urn:b` from `location` and refers to `b:X`.
fn importer(dir: &Dir, location: Option<&str>) -> PathBuf {
    let location = location.map_or(String::new(), |l| format!(r#" schemaLocation="{l}""#));
    dir.write(
        "a.xsd",
        &format!(
            r#"<xs:schema {XS} xmlns:b="urn:b" targetNamespace="urn:a" elementFormDefault="qualified">
  <xs:import namespace="urn:b"{location}/>
  <xs:element name="A"><xs:complexType><xs:sequence><xs:element ref="b:X"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>"#
        ),
    )
}

fn exporter(dir: &Dir, name: &str) -> PathBuf {
    dir.write(
        name,
        &format!(r#"<xs:schema {XS} targetNamespace="urn:b" elementFormDefault="qualified"><xs:element name="X" type="xs:string"/></xs:schema>"#),
    )
}

fn generated(config: &xsdgen::Config, inputs: &[PathBuf]) -> Result<String, String> {
    config
        .generate(inputs)
        .map(|files| files[0].contents.clone())
        .map_err(|e| e.to_string())
}

#[test]
fn a_remote_import_is_satisfied_by_a_file_given_for_its_namespace() {
    let dir = Dir::new("remote-given");
    let a = importer(&dir, Some("http://example.com/b.xsd"));
    let b = exporter(&dir, "b.xsd");
    let code = generated(&xsdgen::Config::new(), &[a.clone(), b]).unwrap_or_else(|e| panic!("{e}"));
    assert!(code.contains("pub struct X(pub String);"), "{code}");
    // Without that file it is an error that says what to do.
    let err = generated(&xsdgen::Config::new(), &[a]).unwrap_err();
    assert!(
        err.contains("cannot read 'http://example.com/b.xsd': remote schemas are never fetched"),
        "{err}"
    );
    assert!(err.contains("Config::map_location"), "{err}");
    assert!(err.contains("declares namespace 'urn:b'"), "{err}");
}

#[test]
fn an_import_without_location_is_satisfied_by_the_files_given() {
    let dir = Dir::new("noloc");
    let a = importer(&dir, None);
    let b = exporter(&dir, "b.xsd");
    // The namespace's file may come after the importer.
    let code = generated(&xsdgen::Config::new(), &[a, b]).unwrap_or_else(|e| panic!("{e}"));
    assert!(code.contains("pub struct X(pub String);"), "{code}");
}

#[test]
fn locations_are_mapped_to_files() {
    let dir = Dir::new("mapped");
    let a = importer(&dir, Some("http://example.com/schemas/b.xsd"));
    let local = exporter(&dir, "sub/local-b.xsd");
    let mut config = xsdgen::Config::new();
    config.map_location("http://example.com/schemas/b.xsd", &local);
    let code = generated(&config, std::slice::from_ref(&a)).unwrap_or_else(|e| panic!("{e}"));
    assert!(code.contains("pub struct X(pub String);"), "{code}");

    // A relative location that is not where the file is, mapped by the
    // path it resolves to.
    let dir = Dir::new("mapped-relative");
    let a = importer(&dir, Some("old/b.xsd"));
    let local = exporter(&dir, "sub/b.xsd");
    let joined = a.parent().unwrap().join("old/b.xsd");
    let mut config = xsdgen::Config::new();
    config.map_location(joined.to_string_lossy(), &local);
    let code = generated(&config, &[a]).unwrap_or_else(|e| panic!("{e}"));
    assert!(code.contains("pub struct X(pub String);"), "{code}");
}

#[test]
fn catalogs_map_locations_and_chain() {
    let dir = Dir::new("catalog");
    let a = importer(&dir, Some("http://example.com/schemas/b.xsd"));
    exporter(&dir, "sub/b.xsd");
    let first = dir.write(
        "catalog.xml",
        r#"<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"><nextCatalog catalog="sub/next.xml"/></catalog>"#,
    );
    dir.write(
        "sub/next.xml",
        r#"<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <rewriteURI uriStartString="http://example.com/schemas/" rewritePrefix="./"/>
</catalog>"#,
    );
    let mut config = xsdgen::Config::new();
    config.catalog(&first);
    let generated = config.build(&[a]).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        generated.files[0]
            .contents
            .contains("pub struct X(pub String);")
    );
    let read: Vec<String> = generated
        .files_read
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // The catalogs are inputs of the build too (cargo:rerun-if-changed).
    assert_eq!(read, ["catalog.xml", "next.xml", "a.xsd", "b.xsd"]);

    let err = xsdgen::Config::new()
        .catalog(dir.0.join("missing.xml"))
        .generate(&[dir.0.join("a.xsd")])
        .unwrap_err();
    assert!(matches!(err, xsdgen::Error::Io { .. }), "{err}");
}

#[test]
fn chameleon_includes_take_the_including_namespace() {
    let dir = Dir::new("chameleon");
    let main = dir.write(
        "main.xsd",
        &format!(
            r#"<xs:schema {XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">
  <xs:include schemaLocation="sub/basic.xsd"/>
  <xs:element name="Price" type="t:TMoney"/>
</xs:schema>"#
        ),
    );
    // No target namespace, no default namespace: unprefixed references
    // mean the including schema's namespace.
    dir.write(
        "sub/basic.xsd",
        &format!(
            r#"<xs:schema {XS} elementFormDefault="qualified">
  <xs:simpleType name="TDigits"><xs:restriction base="xs:string"><xs:pattern value="[0-9]+"/></xs:restriction></xs:simpleType>
  <xs:complexType name="TMoney"><xs:sequence><xs:element name="Amount" type="TDigits"/></xs:sequence>
    <xs:attributeGroup ref="Currency"/></xs:complexType>
  <xs:attributeGroup name="Currency"><xs:attribute name="code" type="TDigits"/></xs:attributeGroup>
</xs:schema>"#
        ),
    );
    let (_, model) = front(&[main]).unwrap_or_else(|e| panic!("{e}"));
    let money = model
        .type_index
        .keys()
        .find(|q| q.local == "TMoney")
        .expect("TMoney");
    assert_eq!(money.namespace.as_deref(), Some("urn:t"));
}
