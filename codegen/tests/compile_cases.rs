//! Every golden `schemas/cases/*/expected.rs`, compiled (and linted, under
//! `cargo clippy --all-targets`), with each example XML of its folder read
//! into the generated types and written back to the same canonical XML.

use std::path::Path;

use xsdgen_runtime::xml::{ReadErrorKind, XmlElement, from_xml, to_xml};

/// `case!(folder, RootType)`: a module with the folder's golden code, and
/// a test that round-trips its examples through `RootType`.
macro_rules! case {
    ($name:ident, $($root:ident)::+) => {
        #[allow(dead_code)]
        mod $name {
            include!(concat!("../../schemas/cases/", stringify!($name), "/expected.rs"));
        }

        #[test]
        fn $name() {
            round_trip_examples::<$name::$($root)::+>(stringify!($name));
        }
    };
}

case!(all, Options);
case!(any, Extensible);
case!(builtins, Builtins);
case!(choice, Person);
case!(enum_unknown, Status);
case!(enumeration, Call);
case!(extension, Meeting);
case!(form, Envelope);
case!(import, orders::Order);
case!(list_union, Schedule);
case!(nillable, Reading);
case!(recursion, Calculation);
case!(restriction, Settings);
case!(sequence, Order);
case!(simple_content, Price);

/// Reads each `example*.xml` of the case, writes it back, and compares.
fn round_trip_examples<T: XmlElement + PartialEq + std::fmt::Debug>(case: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas/cases")
        .join(case);
    let mut examples: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("example") && name.ends_with(".xml")
        })
        .collect();
    examples.sort();
    assert!(!examples.is_empty(), "{case}: no example");
    for path in examples {
        let xml = std::fs::read_to_string(&path).unwrap();
        let value: T = from_xml(&xml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let written = to_xml(&value).unwrap();
        assert_eq!(
            canonical(&written),
            canonical(&xml),
            "{}: written back as\n{written}",
            path.display()
        );
        let again: T = from_xml(&written).unwrap();
        assert_eq!(again, value, "{}", path.display());
    }
}

/// The XML infoset as text: expanded names, attributes sorted, text
/// trimmed, whitespace-only text and namespace declarations left out.
fn canonical(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let mut out = String::new();
    write_node(doc.root_element(), 0, &mut out);
    out
}

fn write_node(node: roxmltree::Node<'_, '_>, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let name = |ns: Option<&str>, local: &str| match ns.filter(|ns| !ns.is_empty()) {
        Some(ns) => format!("{{{ns}}}{local}"),
        None => local.to_owned(),
    };
    let mut attrs: Vec<String> = node
        .attributes()
        .map(|a| format!("{}={:?}", name(a.namespace(), a.name()), a.value()))
        .collect();
    attrs.sort();
    out.push_str(&format!(
        "{indent}<{} {}>\n",
        name(node.tag_name().namespace(), node.tag_name().name()),
        attrs.join(" ")
    ));
    for child in node.children() {
        if child.is_element() {
            write_node(child, depth + 1, out);
        } else if child.is_text() {
            let text = child.text().unwrap_or_default().trim();
            if !text.is_empty() {
                out.push_str(&format!("{indent}  {text:?}\n"));
            }
        }
    }
}

#[test]
fn the_wrong_namespace_is_named_in_the_error() {
    let xml = r#"<Order xmlns="urn:xsdgen:test:sequence"><Id xmlns="https://wrong">A</Id></Order>"#;
    let err = from_xml::<sequence::Order>(xml).unwrap_err();
    assert_eq!(
        err.kind,
        ReadErrorKind::UnexpectedElement {
            expected: "{urn:xsdgen:test:sequence}Id".into(),
            found: "{https://wrong}Id".into(),
        }
    );
    assert_eq!(err.path, "/Order/Id");
}

#[test]
fn missing_and_extra_elements_are_errors() {
    let xml = r#"<Order xmlns="urn:xsdgen:test:sequence"><Id>A</Id></Order>"#;
    let err = from_xml::<sequence::Order>(xml).unwrap_err();
    assert_eq!(
        err.kind,
        ReadErrorKind::MissingElement("{urn:xsdgen:test:sequence}Line".into())
    );
    let xml = r#"<Options xmlns="urn:xsdgen:test:all"><Shape>s</Shape><Color>c</Color><Color>d</Color></Options>"#;
    let err = from_xml::<all::Options>(xml).unwrap_err();
    assert_eq!(
        err.kind,
        ReadErrorKind::Duplicate("{urn:xsdgen:test:all}Color".into())
    );
    let xml = r#"<Options xmlns="urn:xsdgen:test:all"><Color>c</Color></Options>"#;
    let err = from_xml::<all::Options>(xml).unwrap_err();
    assert_eq!(
        err.kind,
        ReadErrorKind::MissingElement("{urn:xsdgen:test:all}Shape".into())
    );
}

#[test]
fn unknown_enumeration_values_name_the_allowed_ones() {
    let xml = r#"<Call xmlns="urn:xsdgen:test:enumeration"><State>Ringing</State><Level>1</Level></Call>"#;
    let err = from_xml::<enumeration::Call>(xml).unwrap_err();
    match &err.kind {
        ReadErrorKind::InvalidValue { value, reason } => {
            assert_eq!(value, "Ringing");
            assert_eq!(reason, "expected one of: Idle, Connected, on-hold");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(enumeration::CallState::OnHold.to_string(), "on-hold");
    assert_eq!("on-hold".parse(), Ok(enumeration::CallState::OnHold));
}

#[test]
fn unknown_values_are_kept_when_asked() {
    use enum_unknown::{Status, StatusType};
    let xml = r#"<Status xmlns="urn:xsdgen:test:enum-unknown">Suspended</Status>"#;
    let status: Status = from_xml(xml).unwrap();
    assert_eq!(status.0, StatusType::Unknown2("Suspended".into()));
    assert_eq!(status.0.as_str(), "Suspended");
    let xml = r#"<Status xmlns="urn:xsdgen:test:enum-unknown">Unknown</Status>"#;
    assert_eq!(from_xml::<Status>(xml).unwrap().0, StatusType::Unknown);
}

#[test]
fn restricted_newtypes_check_their_facets() {
    use restriction::{Code, Percent, Pin, Ratio, ShortPin};
    assert!(Pin::new("123".into()).is_err());
    assert!(Pin::new("1234".into()).is_ok());
    assert!(
        ShortPin::new("1234567".into()).is_err(),
        "the derived maxLength applies"
    );
    assert!(
        ShortPin::new("123".into()).is_err(),
        "the base's minLength applies too"
    );
    assert!(Percent::new(101).is_err());
    assert_eq!(Percent::new(100).map(Percent::into_inner), Ok(100));
    assert!(Ratio::new(0.0).is_err());
    assert!(Ratio::new(0.5).is_ok());
    assert!(Code::new(xsdgen_runtime::xml::HexBinary(vec![1, 2, 3])).is_err());
    let xml = r#"<Settings xmlns="urn:xsdgen:test:restriction"><Pin>12</Pin><Volume>1</Volume><Balance>0.5</Balance><Price>1</Price><Code>BEEF</Code><Count>1</Count></Settings>"#;
    let err = from_xml::<restriction::Settings>(xml).unwrap_err();
    assert!(
        matches!(err.kind, ReadErrorKind::InvalidValue { .. }),
        "{err}"
    );
}

#[test]
fn recursion_is_boxed_only_where_needed() {
    use recursion::{Expr, Folder, Sum};
    let nested = Expr::Negate(Box::new(Expr::Number(1)));
    let sum = Sum {
        left: Box::new(nested),
        right: None,
    };
    assert!(matches!(Expr::Sum(Box::new(sum)), Expr::Sum(_)));
    let folder = Folder {
        name: "/".into(),
        folder: vec![Folder::default()],
    };
    assert_eq!(folder.folder.len(), 1);
}

#[test]
fn nil_is_not_absent() {
    use xsdgen_runtime::xml::Nillable;
    let xml = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/cases/nillable/example.xml"),
    )
    .unwrap();
    let reading: nillable::Reading = from_xml(&xml).unwrap();
    assert_eq!(reading.value, Nillable::Nil);
    assert_eq!(reading.unit, Some(Nillable::Value("cm".to_owned())));
    assert_eq!(reading.sample, vec![Nillable::Value(1), Nillable::Nil]);
    assert_eq!(reading.also, Some(Nillable::Nil));
}
