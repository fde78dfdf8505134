//! The plan on small schemas: which items exist and what they are called.

mod common;

use std::path::PathBuf;

use xsdgen::diagnostics::Diagnostics;
use xsdgen::passes::{self, Roots};
use xsdgen::plan::rust::{Item, RustCrate};
use xsdgen::plan::{self as planner, PlanOptions};

fn write(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xsdgen-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn plan(name: &str, body: &str, roots: Roots) -> RustCrate {
    plan_with(name, body, roots, &PlanOptions::default())
}

fn plan_with(name: &str, body: &str, roots: Roots, options: &PlanOptions) -> RustCrate {
    let text = format!(
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t"
                      targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#
    );
    let (_, model) = common::front(&[write(name, &text)]).unwrap();
    let mut diagnostics = Diagnostics::new();
    let (model, analysis) = passes::run(&model, &roots, &mut diagnostics);
    let krate = planner::plan(&model, &analysis, options, &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    krate
}

/// `(kind, ident)` of every item of the top-level module.
fn items(krate: &RustCrate) -> Vec<String> {
    krate.modules[0]
        .items
        .iter()
        .map(|item| {
            let kind = match item {
                Item::Struct(_) => "struct",
                Item::Choice(_) => "choice",
                Item::Enum(_) => "enum",
                Item::Restricted(_) => "restricted",
                Item::List(_) => "list",
                Item::Union(_) => "union",
                Item::Wrapper(_) => "wrapper",
                Item::Polymorphic(_) => "polymorphic",
            };
            format!("{kind} {}", item.ident())
        })
        .collect()
}

#[test]
fn elements_keep_their_names_and_types_give_way() {
    let krate = plan(
        "collide.xsd",
        r#"<xs:element name="UMProperties" type="t:UMProperties"/>
           <xs:complexType name="UMProperties"><xs:sequence/></xs:complexType>
           <xs:element name="String" type="xs:string"/>
           <xs:complexType name="Result"><xs:sequence/></xs:complexType>
           <xs:element name="Outcome" type="t:Result"/>"#,
        Roots::Auto,
    );
    assert_eq!(
        items(&krate),
        [
            "wrapper UmProperties",
            "struct UmPropertiesType",
            "wrapper StringElement",
            "struct ResultType",
            "wrapper Outcome",
        ]
    );
}

#[test]
fn field_names_are_escaped_and_deduplicated() {
    let krate = plan(
        "fields.xsd",
        r#"<xs:element name="E"><xs:complexType>
             <xs:sequence>
               <xs:element name="type" type="xs:string"/>
               <xs:element name="self" type="xs:string"/>
               <xs:element name="Type" type="xs:string"/>
               <xs:element name="_2fa" type="xs:string"/>
               <xs:element name="next" type="xs:string"/>
             </xs:sequence>
             <xs:attribute name="value" type="xs:string"/>
           </xs:complexType></xs:element>"#,
        Roots::Auto,
    );
    let Item::Struct(e) = &krate.modules[0].items[0] else {
        panic!()
    };
    let fields: Vec<String> = e
        .fields
        .iter()
        .map(|f| format!("{}/{}", f.ident, f.local))
        .collect();
    assert_eq!(
        fields,
        [
            "value/value",
            "other_attributes/other_attributes",
            "r#type/r#type",
            "self_/self_",
            "type_2/type_2",
            "_2fa/_2fa",
            "next/next_"
        ]
    );
}

#[test]
fn tree_shaking_keeps_what_the_roots_reach() {
    let body = r#"<xs:element name="A" type="t:TA"/>
                  <xs:complexType name="TA"><xs:sequence><xs:element name="x" type="t:Used"/></xs:sequence></xs:complexType>
                  <xs:simpleType name="Used"><xs:restriction base="xs:int"/></xs:simpleType>
                  <xs:simpleType name="Unused"><xs:restriction base="xs:int"/></xs:simpleType>
                  <xs:element name="B" type="xs:string"/>"#;
    let all_elements = plan("shake.xsd", body, Roots::Auto);
    assert_eq!(
        items(&all_elements),
        ["wrapper A", "struct Ta", "restricted Used", "wrapper B"]
    );
    let only_b = plan(
        "shake.xsd",
        body,
        Roots::Select {
            elements: vec!["{urn:t}B".into()],
            types: vec![],
            operations: vec![],
        },
    );
    assert_eq!(items(&only_b), ["wrapper B"]);
    let everything = plan("shake.xsd", body, Roots::All);
    assert_eq!(items(&everything).len(), 5);
}

#[test]
fn unknown_roots_are_reported() {
    let text = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="A" type="xs:int"/></xs:schema>"#;
    let (_, model) = common::front(&[write("roots.xsd", text)]).unwrap();
    let mut diagnostics = Diagnostics::new();
    passes::run(
        &model,
        &Roots::Select {
            elements: vec!["Nope".into()],
            types: vec![],
            operations: vec![],
        },
        &mut diagnostics,
    );
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].message,
        "root element 'Nope' is not declared by the schemas"
    );
}

#[test]
fn the_um_operations_are_planned_from_the_wsdl() {
    let wsdl = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas/um.wsdl");
    let (_, model) = common::front(&[wsdl]).unwrap();
    let mut diagnostics = Diagnostics::new();
    let (model, analysis) = passes::run(&model, &Roots::Auto, &mut diagnostics);
    let mut options = PlanOptions::default();
    options.safe_to_retry.insert("GetCallInfo".into(), false);
    let krate = planner::plan(&model, &analysis, &options, &mut diagnostics);
    let ops: Vec<String> = krate
        .operations
        .iter()
        .map(|o| format!("{} {} {}", o.ident, o.name, o.safe_to_retry))
        .collect();
    assert_eq!(ops.len(), 11);
    assert!(ops.contains(&"ResetPin ResetPIN false".to_owned()));
    assert!(ops.contains(&"GetUmProperties GetUMProperties true".to_owned()));
    assert!(
        ops.contains(&"GetCallInfo GetCallInfo false".to_owned()),
        "the Config overrides the WSDL"
    );
    assert_eq!(
        krate
            .namespaces
            .values()
            .map(|i| i.to_string())
            .collect::<Vec<_>>(),
        ["MESSAGES_NS"]
    );
    assert_eq!(krate.modules.len(), 1, "one namespace, no modules");
}

/// Whether each element field of struct `ident` is boxed, by field.
fn boxed_fields(krate: &RustCrate, ident: &str) -> Vec<(String, bool)> {
    krate.modules[0]
        .items
        .iter()
        .find_map(|item| match item {
            Item::Struct(d) if d.ident.name == ident => Some(
                d.fields
                    .iter()
                    .filter(|f| matches!(f.binding, xsdgen::plan::rust::Binding::Element { .. }))
                    .map(|f| (f.local.name.clone(), f.ty.boxed))
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn values_over_the_size_budget_are_boxed_and_lists_are_not() {
    // `Big` is twelve strings, 288 bytes; `Small` one.
    let strings: String = (0..12)
        .map(|i| format!(r#"<xs:element name="s{i}" type="xs:string"/>"#))
        .collect();
    let body = format!(
        r#"<xs:complexType name="Big"><xs:sequence>{strings}</xs:sequence></xs:complexType>
           <xs:complexType name="Small"><xs:sequence><xs:element name="s" type="xs:string"/></xs:sequence></xs:complexType>
           <xs:element name="E"><xs:complexType><xs:sequence>
             <xs:element name="big" type="t:Big"/>
             <xs:element name="maybe" type="t:Big" minOccurs="0"/>
             <xs:element name="many" type="t:Big" maxOccurs="unbounded"/>
             <xs:element name="small" type="t:Small"/>
           </xs:sequence></xs:complexType></xs:element>"#
    );
    let krate = plan("budget.xsd", &body, Roots::Auto);
    assert_eq!(
        boxed_fields(&krate, "E"),
        [
            ("big".to_owned(), true),
            ("maybe".to_owned(), true),
            ("many".to_owned(), false),
            ("small".to_owned(), false),
        ]
    );
    let unlimited = PlanOptions {
        size_budget: usize::MAX,
        ..PlanOptions::default()
    };
    let krate = plan_with("budget.xsd", &body, Roots::Auto, &unlimited);
    assert!(boxed_fields(&krate, "E").iter().all(|(_, boxed)| !boxed));
}
