//! Names do not depend on the order of declarations, and a variant for a
//! global element is named as the element's own type.

use std::path::PathBuf;

fn case(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas/cases/names_case_and_order")
        .join(file)
}

/// Every item and variant name with what it stands for, sorted: the
/// generated code as a set of names, whatever its order.
fn names(schema: &str) -> Vec<String> {
    let files = xsdgen::Config::new()
        .emit_rerun_if_changed(false)
        .generate(&[case(schema)])
        .expect("the case generates");
    let code = &files[0].contents;
    let mut out: Vec<String> = Vec::new();
    let mut item = String::new();
    for line in code.lines() {
        let t = line.trim();
        if let Some(rest) = t
            .strip_prefix("pub struct ")
            .or_else(|| t.strip_prefix("pub enum "))
        {
            item = rest
                .split([' ', '(', '{'])
                .next()
                .unwrap_or_default()
                .to_owned();
            out.push(t.to_owned());
        } else if line.starts_with("    ")
            && !line.starts_with("     ")
            && t.ends_with("),")
            && !t.starts_with("pub")
        {
            out.push(format!("{item}::{t}"));
        } else if let Some(name) = t.strip_prefix("const NAME: xml::Name = ") {
            out.push(format!("{item} is {name}"));
        } else if t.starts_with("impl xml::XmlElement for ") {
            item = t
                .trim_start_matches("impl xml::XmlElement for ")
                .trim_end_matches(" {")
                .to_owned();
        }
    }
    out.sort();
    out
}

#[test]
fn declaration_order_does_not_change_names() {
    let declared = names("schema.xsd");
    assert_eq!(declared, names("reordered.xsd"));
    // The element spelled as the identifier keeps it; the other takes its
    // kind's suffix.
    assert!(
        declared.contains(&r#"Snippet is xml::Name::new(T_NS, "Snippet");"#.to_owned()),
        "{declared:#?}"
    );
    assert!(
        declared.contains(&r#"SnippetElement is xml::Name::new(T_NS, "snippet");"#.to_owned()),
        "{declared:#?}"
    );
    // A variant holds what the struct of its name holds.
    assert!(
        declared.contains(&"P::Snippet(SnippetType),".to_owned()),
        "{declared:#?}"
    );
    assert!(
        declared.contains(&"P::SnippetElement(String),".to_owned()),
        "{declared:#?}"
    );
}

#[test]
fn a_branch_from_another_namespace_takes_its_modules_name() {
    let a = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:a="urn:x:kml"
                 xmlns:b="urn:x:gx" targetNamespace="urn:x:kml" elementFormDefault="qualified">
      <xs:import namespace="urn:x:gx" schemaLocation="b.xsd"/>
      <xs:element name="altitudeMode" type="xs:string"/>
      <xs:element name="Placemark"><xs:complexType><xs:choice>
        <xs:element ref="b:altitudeMode"/>
        <xs:element ref="a:altitudeMode"/>
      </xs:choice></xs:complexType></xs:element>
    </xs:schema>"#;
    let b = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                 targetNamespace="urn:x:gx" elementFormDefault="qualified">
      <xs:element name="altitudeMode" type="xs:int"/>
    </xs:schema>"#;
    let files = xsdgen::Config::new()
        .generate_in_memory(&[("a.xsd", a), ("b.xsd", b)])
        .expect("generates");
    let code = &files[0].contents;
    assert!(
        code.contains("pub enum Placemark {\n        GxAltitudeMode(i32),\n        AltitudeMode(String),\n    }"),
        "{code}"
    );
}

#[test]
fn a_field_from_another_namespace_takes_its_modules_name() {
    let a = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:a="urn:x:kml"
                 xmlns:b="urn:x:gx" targetNamespace="urn:x:kml" elementFormDefault="qualified">
      <xs:import namespace="urn:x:gx" schemaLocation="b.xsd"/>
      <xs:element name="altitudeMode" type="xs:string"/>
      <xs:element name="Placemark"><xs:complexType><xs:sequence>
        <xs:element ref="b:altitudeMode" minOccurs="0"/>
        <xs:element ref="a:altitudeMode" minOccurs="0"/>
      </xs:sequence></xs:complexType></xs:element>
    </xs:schema>"#;
    let b = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                 targetNamespace="urn:x:gx" elementFormDefault="qualified">
      <xs:element name="altitudeMode" type="xs:int"/>
    </xs:schema>"#;
    let files = xsdgen::Config::new()
        .generate_in_memory(&[("a.xsd", a), ("b.xsd", b)])
        .expect("generates");
    let code = &files[0].contents;
    assert!(
        code.contains(
            "pub gx_altitude_mode: Option<i32>,\n        pub altitude_mode: Option<String>,"
        ),
        "{code}"
    );
}
