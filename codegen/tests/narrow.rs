//! What a root reaches on small schemas: everything a document under it
//! can contain, nothing it cannot; choices narrowed by `only_branches`;
//! and `explain`'s chain from a root to an item, with positions.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use xsdgen::Config;
use xsdgen::diagnostics::Diagnostics;
use xsdgen::passes::{self, Roots};

fn write(name: &str, body: &str) -> (PathBuf, String) {
    let text = format!(
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t"
                      targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#
    );
    let dir = std::env::temp_dir().join(format!("xsdgen-narrow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

fn roots(elements: &[&str]) -> Roots {
    Roots::Select {
        elements: elements.iter().map(|e| e.to_string()).collect(),
        types: Vec::new(),
        operations: Vec::new(),
    }
}

/// The local names of the named types and global elements `roots` reach.
fn reached(path: &PathBuf, roots: &Roots) -> BTreeSet<String> {
    let (_, model) = common::front(std::slice::from_ref(path)).unwrap();
    let mut diagnostics = Diagnostics::new();
    let reach = passes::reach(&model, roots, &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let types = reach.types.iter().filter_map(|t| model.ty(*t).name.clone());
    let elements = reach
        .elements
        .iter()
        .map(|e| model.element(*e).name.clone());
    types.chain(elements).map(|q| q.local).collect()
}

/// A response that may hold any of several messages, as EWS's
/// `ArrayOfResponseMessagesType` does.
const RESPONSES: &str = r#"
    <xs:complexType name="MessageType">
        <xs:sequence><xs:element name="Code" type="xs:string"/></xs:sequence>
    </xs:complexType>
    <xs:complexType name="PingMessageType">
        <xs:complexContent><xs:extension base="t:MessageType">
            <xs:sequence><xs:element name="Echo" type="xs:string"/></xs:sequence>
        </xs:extension></xs:complexContent>
    </xs:complexType>
    <xs:complexType name="FindMessageType">
        <xs:complexContent><xs:extension base="t:MessageType">
            <xs:sequence><xs:element name="Hits" type="t:HitsType"/></xs:sequence>
        </xs:extension></xs:complexContent>
    </xs:complexType>
    <xs:complexType name="HitsType">
        <xs:sequence><xs:element name="Hit" type="xs:string" maxOccurs="unbounded"/></xs:sequence>
    </xs:complexType>
    <xs:complexType name="ArrayOfMessagesType">
        <xs:choice maxOccurs="unbounded">
            <xs:element name="PingMessage" type="t:PingMessageType"/>
            <xs:element name="FindMessage" type="t:FindMessageType"/>
            <xs:element name="DeleteMessage" type="t:MessageType"/>
        </xs:choice>
    </xs:complexType>
    <xs:complexType name="ResponseType">
        <xs:sequence><xs:element name="Messages" type="t:ArrayOfMessagesType"/></xs:sequence>
    </xs:complexType>
    <xs:complexType name="PingResponseType">
        <xs:complexContent><xs:extension base="t:ResponseType"/></xs:complexContent>
    </xs:complexType>
    <xs:complexType name="FindResponseType">
        <xs:complexContent><xs:extension base="t:ResponseType"/></xs:complexContent>
    </xs:complexType>
    <xs:element name="PingResponse" type="t:PingResponseType"/>
    <xs:element name="FindResponse" type="t:FindResponseType"/>"#;

#[test]
fn a_choice_of_every_message_reaches_every_message_and_their_derived_types() {
    let (path, _) = write("responses.xsd", RESPONSES);
    let got = reached(&path, &roots(&["PingResponse"]));
    // DeleteMessage is declared MessageType, so xsi:type may name either
    // derived type there: both are reachable from any response.
    for name in [
        "PingResponse",
        "PingResponseType",
        "ResponseType",
        "ArrayOfMessagesType",
        "MessageType",
        "PingMessageType",
        "FindMessageType",
        "HitsType",
    ] {
        assert!(got.contains(name), "{name} missing from {got:?}");
    }
    // ResponseType is reached only as a base: no element is declared with
    // it, so the other response types cannot appear under PingResponse.
    assert!(!got.contains("FindResponseType"), "{got:?}");
    assert!(!got.contains("FindResponse"), "{got:?}");
}

#[test]
fn only_branches_drops_the_other_branches_and_what_only_they_reach() {
    let (path, _) = write("responses-narrow.xsd", RESPONSES);
    let narrowed = Config::new()
        .root_element("PingResponse")
        .only_branches("ArrayOfMessagesType", ["PingMessage"])
        .generate(&[&path])
        .unwrap();
    let code = &narrowed[0].contents;
    assert!(code.contains("pub struct PingMessageType"), "{code}");
    assert!(code.contains("pub struct MessageType"), "{code}");
    assert!(!code.contains("FindMessage"), "{code}");
    assert!(!code.contains("HitsType"), "{code}");
    assert!(!code.contains("DeleteMessage"), "{code}");

    // A second call for the same type adds its branches.
    let both = Config::new()
        .root_element("PingResponse")
        .root_element("FindResponse")
        .only_branches("ArrayOfMessagesType", ["PingMessage"])
        .only_branches("ArrayOfMessagesType", ["{urn:t}FindMessage"])
        .generate(&[&path])
        .unwrap();
    let code = &both[0].contents;
    assert!(code.contains("pub struct HitsType"), "{code}");
    assert!(!code.contains("DeleteMessage"), "{code}");
}

#[test]
fn only_branches_naming_no_branch_is_an_error() {
    let (path, _) = write("responses-bad.xsd", RESPONSES);
    let err = Config::new()
        .only_branches("ArrayOfMessagesType", ["PingMesage"])
        .generate(&[&path])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("type 'ArrayOfMessagesType' has no choice with a branch 'PingMesage'"),
        "{err}"
    );
    let err = Config::new()
        .only_branches("NoSuchType", ["PingMessage"])
        .generate(&[&path])
        .unwrap_err()
        .to_string();
    assert!(err.contains("'NoSuchType' is not declared"), "{err}");
}

#[test]
fn substitution_members_and_derived_types_only_where_they_can_stand() {
    let (path, _) = write(
        "poly.xsd",
        r#"
        <xs:complexType name="ShapeType" abstract="true">
            <xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence>
        </xs:complexType>
        <xs:complexType name="CircleType">
            <xs:complexContent><xs:extension base="t:ShapeType"/></xs:complexContent>
        </xs:complexType>
        <xs:complexType name="SquareType">
            <xs:complexContent><xs:extension base="t:ShapeType"/></xs:complexContent>
        </xs:complexType>
        <xs:element name="Shape" type="t:ShapeType" abstract="true"/>
        <xs:element name="Circle" type="t:CircleType" substitutionGroup="t:Shape"/>
        <xs:element name="AnyShape" type="t:ShapeType"/>
        <xs:complexType name="DrawingType">
            <xs:sequence><xs:element ref="t:Shape"/></xs:sequence>
        </xs:complexType>
        <xs:element name="Drawing" type="t:DrawingType"/>
        <xs:element name="Plain" type="xs:string"/>"#,
    );
    // The head is referenced: its members may stand there; the abstract
    // head itself never appears, so no xsi:type can name SquareType.
    let got = reached(&path, &roots(&["Drawing"]));
    assert!(
        got.contains("Circle") && got.contains("CircleType"),
        "{got:?}"
    );
    assert!(!got.contains("SquareType"), "{got:?}");
    assert!(!got.contains("AnyShape"), "{got:?}");
    // A head no root reaches brings none of its members.
    let got = reached(&path, &roots(&["Plain"]));
    assert_eq!(got, BTreeSet::from(["Plain".to_owned()]));
    // Where an element is declared with the base, every derived type may.
    let got = reached(&path, &roots(&["AnyShape"]));
    assert!(
        got.contains("CircleType") && got.contains("SquareType"),
        "{got:?}"
    );
}

/// `path:line:col` of the first occurrence of `needle` in `text`.
fn position(path: &Path, text: &str, needle: &str) -> String {
    let offset = text.find(needle).unwrap();
    let (line, col) = xsdgen::diagnostics::line_col(text, offset);
    format!("{}:{line}:{col}", path.display())
}

#[test]
fn explain_prints_the_chain_from_the_root_with_positions() {
    let (path, text) = write("responses-explain.xsd", RESPONSES);
    let chain = Config::new()
        .root_element("PingResponse")
        .explain(&[&path], "type:HitsType")
        .unwrap();
    let at = |needle| position(&path, &text, needle);
    let expected = [
        format!(
            "element PingResponse  ({})",
            at(r#"<xs:element name="PingResponse""#)
        ),
        format!(
            "  -> type PingResponseType  ({})",
            at(r#"<xs:element name="PingResponse""#)
        ),
        format!(
            "  -> base type ResponseType  ({})",
            at(r#"<xs:complexType name="PingResponseType""#)
        ),
        format!(
            "  -> field Messages: type ArrayOfMessagesType  ({})",
            at(r#"<xs:element name="Messages""#)
        ),
        format!(
            "  -> branch FindMessage: type FindMessageType  ({})",
            at(r#"<xs:element name="FindMessage""#)
        ),
        format!(
            "  -> field Hits: type HitsType  ({})",
            at(r#"<xs:element name="Hits""#)
        ),
    ];
    assert_eq!(chain.lines().collect::<Vec<_>>(), expected, "{chain}");
}

#[test]
fn explain_names_what_it_cannot_explain() {
    let (path, _) = write("responses-unknown.xsd", RESPONSES);
    let config = {
        let mut c = Config::new();
        c.root_element("PingResponse");
        c
    };
    let err = config.explain(&[&path], "HitType").unwrap_err().to_string();
    assert!(err.contains("'HitType' names no element or type"), "{err}");
    assert!(err.contains("close matches: HitsType"), "{err}");
    let err = config
        .explain(&[&path], "FindResponse")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("element FindResponse is not reached from the roots"),
        "{err}"
    );
}
