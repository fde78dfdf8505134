//! Every golden `schemas/cases/*/expected.rs`, compiled (and linted, under
//! `cargo clippy --all-targets`), with each example XML of its folder read
//! into the generated types and written back to the same canonical XML.

use std::path::Path;

use xsdgen_runtime::xml::{ReadErrorKind, XmlElement, from_xml, to_xml};
use xsdgen_testkit::canonical;

/// `case!(folder, RootType)`: a module with the folder's golden code, and
/// a test that round-trips its examples through `RootType`.
macro_rules! case {
    ($name:ident, $($root:ident)::+) => {
        // Generated code compiles without a warning; what a case does not
        // use is fine.
        #[deny(warnings)]
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
case!(defaults, Policy);
case!(choice, Person);
case!(digits, Order);
case!(enum_unknown, Status);
case!(enumeration, Call);
case!(extension, Meeting);
case!(form, Envelope);
case!(groups, Directory);
case!(import, orders::Order);
case!(list_union, Schedule);
case!(mixed, Note);
case!(nillable, Reading);
case!(pattern, Catalog);
case!(recursion, Calculation);
case!(redefine, Customer);
case!(restriction, Settings);
case!(sequence, Order);
case!(simple_content, Price);
case!(whitespace, Entry);
case!(substitution_group, Query);
case!(upa_violation, Transitions);
case!(xml_attributes, Greeting);
case!(xsi_type, Folder);
case!(wsdl_headers, messages::GetThing);
case!(soap12_service, Reserve);
case!(wildcard_namespaces, R);
case!(substitution_across_namespaces, b::Root);
case!(nested_repeated_choice, Root);
case!(remote_schema_location, a::A);
case!(empty_substitution_group, Root);
case!(names_case_and_order, P);

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
fn the_writer_refuses_what_the_reader_would() {
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/cases/sequence/example.xml"),
    )
    .unwrap();
    let mut order: sequence::Order = from_xml(&example).unwrap();
    // `Line` is 1..unbounded, `Tag` 0..3.
    let lines = std::mem::take(&mut order.line);
    let err = to_xml(&order).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Order: 0 {urn:xsdgen:test:sequence}Line element(s), where the schema allows 1 or more"
    );
    order.line = lines;
    order.tag = vec!["a".into(); 4];
    let err = to_xml(&order).unwrap_err();
    assert!(
        err.to_string()
            .contains("4 {urn:xsdgen:test:sequence}Tag element(s), where the schema allows 0 to 3"),
        "{err}"
    );
    order.tag.pop();
    let written = to_xml(&order).unwrap();
    assert_eq!(from_xml::<sequence::Order>(&written).unwrap(), order);
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
fn recursion_is_boxed_only_where_needed() {
    use recursion::{Expr, Folder, Sum};
    let nested = Expr::Negate(Box::new(Expr::Number(1)));
    // `new` takes the required fields, boxed for the caller where needed.
    let sum = Sum::new(nested);
    assert!(sum.right.is_none());
    assert!(matches!(Expr::Sum(Box::new(sum)), Expr::Sum(_)));
    let folder = Folder {
        folder: vec![Folder::default()],
        ..Folder::new("/".into())
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

#[test]
fn xsi_type_chooses_the_variant_and_is_required_for_abstract_types() {
    use xsi_type::{AnyItemType, BaseIdType, Folder};
    let xml = r#"<Folder xmlns="urn:xsdgen:test:xsi-type" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="urn:xsdgen:test:xsi-type">
        <Item i:type="x:MessageType"><Id i:type="x:ItemIdType" Id="1"/><From>bob</From></Item></Folder>"#;
    let folder: Folder = from_xml(xml).unwrap();
    let [AnyItemType::Message(m)] = folder.item.as_slice() else {
        panic!("expected one message: {folder:?}");
    };
    assert_eq!(m.from.as_deref(), Some("bob"));
    assert!(matches!(&m.id, BaseIdType::ItemId(id) if id.id == "1"));

    // No xsi:type on an element of an abstract type.
    let xml = r#"<Folder xmlns="urn:xsdgen:test:xsi-type"><Item><Id Id="1"/></Item></Folder>"#;
    let err = from_xml::<Folder>(xml).unwrap_err();
    assert!(err.to_string().contains("BaseIdType is abstract"), "{err}");
    assert_eq!(err.path, "/Folder/Item/Id");

    // A type that is not derived from the declared one.
    let xml = r#"<Folder xmlns="urn:xsdgen:test:xsi-type" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Item i:type="ItemIdType"><Id i:type="ItemIdType" Id="1"/></Item></Folder>"#;
    let err = from_xml::<Folder>(xml).unwrap_err();
    assert!(
        err.to_string()
            .contains("{urn:xsdgen:test:xsi-type}ItemIdType"),
        "{err}"
    );
}

#[test]
fn substitution_group_members_keep_their_names_and_bounds() {
    use substitution_group::{AnyShape, Expression, Query};
    let xml = r#"<Query xmlns="urn:xsdgen:test:substitution"><Not><IsEqualTo><Field>a</Field><Value>1</Value></IsEqualTo></Not><Circle radius="1"/></Query>"#;
    let q: Query = from_xml(xml).unwrap();
    let Expression::Not(not) = &q.expression else {
        panic!("{q:?}");
    };
    assert!(matches!(&not.expression, Expression::IsEqualTo(c) if c.value == 1));
    assert!(matches!(q.shape.as_slice(), [AnyShape::Circle(c)] if c.radius == 1.0));

    // `And` needs two operands; the abstract head never appears itself.
    let xml = r#"<Query xmlns="urn:xsdgen:test:substitution"><And><Not><IsEqualTo><Field>a</Field><Value>1</Value></IsEqualTo></Not></And></Query>"#;
    assert!(from_xml::<Query>(xml).is_err());
    let xml = r#"<Query xmlns="urn:xsdgen:test:substitution"><Expression/></Query>"#;
    let err = from_xml::<Query>(xml).unwrap_err();
    assert!(err.to_string().contains("Expression"), "{err}");
}

#[test]
fn generated_headers_go_into_the_envelope_and_back() {
    use wsdl_headers::{messages, operations as op, types};
    use xsdgen_runtime::Operation;
    use xsdgen_runtime::soap::{
        EnvelopeStyle, NoHeaders, XmlHeaders, read_envelope_with_headers,
        read_request_with_headers, write_envelope_with_headers,
    };

    // One struct for the operations with the same set, in any order.
    let headers: <op::PutThing as Operation>::InputHeaders = op::GetThingInputHeaders {
        request_version: Some(types::RequestVersion::new(types::VersionType::V2)),
        culture: Some(types::Culture("en-US".into())),
        ..op::PutThingInputHeaders::default()
    };
    let request = messages::GetThing::new("AAMk".into());
    let xml = write_envelope_with_headers(&headers, &request, &EnvelopeStyle::COMPACT).unwrap();
    assert_eq!(
        xml,
        concat!(
            r#"<?xml version="1.0" encoding="utf-8"?>"#,
            r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>"#,
            r#"<Culture xmlns="urn:xsdgen:test:wsdl-headers:types">en-US</Culture>"#,
            r#"<RequestVersion xmlns="urn:xsdgen:test:wsdl-headers:types" Version="V2"/>"#,
            r#"</soap:Header><soap:Body>"#,
            r#"<GetThing xmlns="urn:xsdgen:test:wsdl-headers:messages"><Id>AAMk</Id></GetThing>"#,
            r#"</soap:Body></soap:Envelope>"#,
        )
    );
    let read =
        read_request_with_headers::<op::GetThingInputHeaders, messages::GetThing>(xml.as_bytes())
            .unwrap();
    assert_eq!(read.headers, headers);
    assert_eq!(read.body, request);

    // The response set is shared by every operation that has one.
    let response = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><ServerVersion xmlns="urn:xsdgen:test:wsdl-headers:types" Major="15" Minor="1"/></s:Header><s:Body><PingResponse xmlns="urn:xsdgen:test:wsdl-headers:messages"/></s:Body></s:Envelope>"#;
    let read = read_envelope_with_headers::<
        <op::Ping as Operation>::OutputHeaders,
        <op::Ping as Operation>::Response,
    >(response.as_bytes())
    .unwrap();
    let version = read.headers.server_version.unwrap();
    assert_eq!((version.major, version.minor, version.build), (15, 1, None));

    let info = |name: &str| {
        op::OPERATIONS
            .iter()
            .find(|o| o.name == name)
            .copied()
            .unwrap()
    };
    assert_eq!(
        info("GetThing").input_headers,
        &[
            <types::Impersonation as XmlElement>::NAME,
            <types::Culture as XmlElement>::NAME,
            <types::RequestVersion as XmlElement>::NAME,
        ]
    );
    assert_eq!(
        info("Ping").output_headers,
        op::GetThingOutputHeaders::NAMES
    );
    assert!(info("Echo").input_headers.is_empty());
    let _: <op::Echo as Operation>::OutputHeaders = NoHeaders;
}

#[test]
fn defaults_apply_to_empty_elements_and_absent_attributes() {
    use defaults::Policy;
    let xml =
        r#"<Policy xmlns="urn:xsdgen:test:defaults"><MinLength/><Mode></Mode><Limit/></Policy>"#;
    let p: Policy = from_xml(xml).unwrap();
    assert_eq!(p.min_length, 6);
    // A string's empty text is a value: kept, and written back empty.
    assert_eq!(p.mode.as_deref(), Some(""));
    assert!(!to_xml(&p).unwrap().contains("digits"));
    assert_eq!(p.limit, Some(25));
    // Absent elements and attributes stay absent; an attribute's accessor
    // applies its default, and writing leaves it out.
    assert_eq!(p.history, None);
    assert_eq!((p.version, p.kind.as_deref()), (None, None));
    assert_eq!((p.version(), p.kind()), (2, "pin"));
    assert!(!to_xml(&p).unwrap().contains("version="));
}

#[test]
fn redefinitions_replace_their_originals_everywhere() {
    use redefine::{Code, Customer};
    // The redefined type keeps the original's facets and adds its own.
    assert!(Code::new("ACME".into()).is_ok());
    assert!(
        Code::new("acme".into()).is_err(),
        "the redefinition's pattern"
    );
    assert!(
        Code::new("ABCDEFGHI".into()).is_err(),
        "the original's maxLength"
    );
    let xml = r#"<Customer xmlns="urn:xsdgen:test:redefine"><Code>lower</Code><Address><Street>s</Street><City>c</City></Address><Email>e</Email></Customer>"#;
    let err = from_xml::<Customer>(xml).unwrap_err();
    assert_eq!(err.path, "/Customer/Code");
}

#[path = "compile_cases/facets.rs"]
mod facets;
