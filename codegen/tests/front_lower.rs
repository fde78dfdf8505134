//! `lower`: what the model says about small schemas.

use std::fs;
use std::path::PathBuf;

mod common;
use common::front;
use xsdgen::model::{
    Builtin, ComplexType, Content, Derivation, MaxOccurs, Model, QName, SimpleType, Term, TypeKind,
    TypeRef,
};

fn model(name: &str, body: &str) -> Model {
    let dir = std::env::temp_dir().join(format!("xsdgen-lower-{name}-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a scratch directory");
    let path: PathBuf = dir.join("s.xsd");
    let text = format!(
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#
    );
    fs::write(&path, text).expect("writing the schema");
    let result = front(&[path]);
    let _ = fs::remove_dir_all(&dir);
    match result {
        Ok((_, model)) => model,
        Err(e) => panic!("{e}"),
    }
}

fn complex<'m>(model: &'m Model, local: &str) -> &'m ComplexType {
    let id = model.type_index[&QName::new(Some("urn:t"), local)];
    match &model.ty(id).kind {
        TypeKind::Complex(c) => c,
        TypeKind::Simple(_) => panic!("{local} is simple"),
    }
}

fn sequence(c: &ComplexType) -> &[xsdgen::model::Particle] {
    match &c.content {
        Content::Elements(p) => match &p.term {
            Term::Sequence(items) => items,
            other => panic!("not a sequence: {other:?}"),
        },
        other => panic!("no elements: {other:?}"),
    }
}

#[test]
fn local_names_follow_form_and_defaults() {
    let m = model(
        "forms",
        r#"<xs:complexType name="T">
             <xs:sequence>
               <xs:element name="q" type="xs:string"/>
               <xs:element name="u" type="xs:string" form="unqualified"/>
             </xs:sequence>
             <xs:attribute name="a" type="xs:int"/>
             <xs:attribute name="b" type="xs:int" form="qualified" use="required"/>
           </xs:complexType>"#,
    );
    let t = complex(&m, "T");
    let names: Vec<_> = sequence(t)
        .iter()
        .map(|p| match &p.term {
            Term::Element(e) => e.name.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        [QName::new(Some("urn:t"), "q"), QName::new(None, "u")]
    );
    assert_eq!(t.attributes[0].name, QName::new(None, "a"));
    assert_eq!(t.attributes[1].name, QName::new(Some("urn:t"), "b"));
    assert!(t.attributes[1].required);
    assert_eq!(t.attributes[0].type_ref, TypeRef::Builtin(Builtin::Int));
}

#[test]
fn groups_are_flattened_with_the_occurrences_of_the_reference() {
    let m = model(
        "groups",
        r#"<xs:group name="G"><xs:choice><xs:element name="x" type="xs:int"/><xs:element name="y" type="xs:int"/></xs:choice></xs:group>
           <xs:attributeGroup name="A"><xs:attribute name="id" type="xs:ID"/></xs:attributeGroup>
           <xs:complexType name="T">
             <xs:sequence><xs:group ref="t:G" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
             <xs:attributeGroup ref="t:A"/>
           </xs:complexType>"#,
    );
    let t = complex(&m, "T");
    let items = sequence(t);
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].min_occurs, items[0].max_occurs),
        (0, MaxOccurs::Unbounded)
    );
    assert!(matches!(&items[0].term, Term::Choice(c) if c.len() == 2));
    assert_eq!(t.attributes.len(), 1);
    assert_eq!(t.attributes[0].name.local, "id");
}

#[test]
fn anonymous_types_get_the_name_of_their_declaration() {
    let m = model(
        "anonymous",
        r#"<xs:element name="Outer">
             <xs:complexType><xs:sequence>
               <xs:element name="Inner"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="A"/></xs:restriction></xs:simpleType></xs:element>
             </xs:sequence></xs:complexType>
           </xs:element>"#,
    );
    let hints: Vec<_> = m
        .types
        .iter()
        .filter(|t| t.name.is_none())
        .map(|t| t.name_hint.as_str())
        .collect();
    assert_eq!(hints, ["Outer", "Inner"]);
    let outer = m.element(m.element_index[&QName::new(Some("urn:t"), "Outer")]);
    assert!(matches!(outer.type_ref, TypeRef::Defined(id) if m.ty(id).name_hint == "Outer"));
}

#[test]
fn simple_content_through_a_complex_base_has_the_value_type() {
    let m = model(
        "simple-content",
        r#"<xs:complexType name="Base"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="unit" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
           <xs:complexType name="Derived"><xs:simpleContent><xs:extension base="t:Base"/></xs:simpleContent></xs:complexType>
           <xs:complexType name="Limited"><xs:simpleContent><xs:restriction base="t:Derived"><xs:totalDigits value="4"/></xs:restriction></xs:simpleContent></xs:complexType>"#,
    );
    let derived = complex(&m, "Derived");
    assert!(matches!(
        derived.content,
        Content::Simple(TypeRef::Builtin(Builtin::Decimal))
    ));
    assert!(matches!(
        derived.base,
        Some((TypeRef::Defined(_), Derivation::Extension))
    ));
    let limited = complex(&m, "Limited");
    let Content::Simple(TypeRef::Defined(r)) = limited.content else {
        panic!("{:?}", limited.content)
    };
    match &m.ty(r).kind {
        TypeKind::Simple(SimpleType::Restriction { base, facets }) => {
            assert_eq!(*base, TypeRef::Builtin(Builtin::Decimal));
            assert_eq!(facets.total_digits, Some(4));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn substitution_group_members_inherit_the_head_type() {
    let m = model(
        "substitution",
        r#"<xs:complexType name="Item"><xs:sequence/></xs:complexType>
           <xs:element name="Head" type="t:Item" abstract="true"/>
           <xs:element name="Member" substitutionGroup="t:Head"/>
           <xs:element name="Holder"><xs:complexType><xs:sequence><xs:element ref="t:Head" maxOccurs="3"/></xs:sequence></xs:complexType></xs:element>"#,
    );
    let head_id = m.element_index[&QName::new(Some("urn:t"), "Head")];
    let member = m.element(m.element_index[&QName::new(Some("urn:t"), "Member")]);
    assert_eq!(member.substitution_group, Some(head_id));
    assert_eq!(member.type_ref, m.element(head_id).type_ref);
    assert!(m.element(head_id).is_abstract);
}

#[test]
fn lists_unions_and_facets() {
    let m = model(
        "simple",
        r#"<xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]+"/><xs:maxLength value="8"/><xs:whiteSpace value="collapse"/></xs:restriction></xs:simpleType>
           <xs:simpleType name="Codes"><xs:list itemType="t:Code"/></xs:simpleType>
           <xs:simpleType name="CodeOrInt"><xs:union memberTypes="t:Code xs:int"><xs:simpleType><xs:restriction base="xs:date"/></xs:simpleType></xs:union></xs:simpleType>"#,
    );
    let get = |local: &str| &m.ty(m.type_index[&QName::new(Some("urn:t"), local)]).kind;
    let TypeKind::Simple(SimpleType::Restriction { facets, .. }) = get("Code") else {
        panic!()
    };
    assert_eq!(facets.patterns, ["[A-Z]+"]);
    assert_eq!(facets.max_length, Some(8));
    assert!(matches!(
        get("Codes"),
        TypeKind::Simple(SimpleType::List {
            item: TypeRef::Defined(_)
        })
    ));
    let TypeKind::Simple(SimpleType::Union { members }) = get("CodeOrInt") else {
        panic!()
    };
    assert_eq!(members.len(), 3);
    assert_eq!(members[1], TypeRef::Builtin(Builtin::Int));
}

#[test]
fn wildcards_are_resolved_against_their_schema() {
    use xsdgen::model::{NamespaceConstraint, ProcessContents};
    let model = model(
        "wildcards",
        r###"<xs:complexType name="W"><xs:sequence>
             <xs:any namespace="##targetNamespace ##local urn:o" processContents="lax"/>
             <xs:any namespace="##other" processContents="skip"/>
           </xs:sequence><xs:anyAttribute/></xs:complexType>"###,
    );
    let w = complex(&model, "W");
    let wildcards: Vec<_> = sequence(w)
        .iter()
        .filter_map(|p| match &p.term {
            Term::Any(w) => Some((w.namespaces.clone(), w.process_contents)),
            _ => None,
        })
        .collect();
    assert_eq!(
        wildcards,
        [
            (
                NamespaceConstraint::Only(vec![Some("urn:t".into()), None, Some("urn:o".into())]),
                ProcessContents::Lax
            ),
            (
                NamespaceConstraint::Other(Some("urn:t".into())),
                ProcessContents::Skip
            ),
        ]
    );
    let any = w.any_attribute.as_ref().expect("anyAttribute");
    assert_eq!(any.namespaces, NamespaceConstraint::Any);
    assert_eq!(any.process_contents, ProcessContents::Strict);
}
