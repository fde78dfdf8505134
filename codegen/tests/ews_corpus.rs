//! The whole generator on the real EWS service descriptions: it succeeds,
//! every operation of the WSDL is in the generated `OPERATIONS` table (the
//! WSDL read independently here, with roxmltree), with its SOAPAction and
//! in WSDL order, the output is byte-for-byte deterministic, and the
//! warnings are the ones we expect.
//!
//! The corpus is read from `$XSDGEN_EWS_CORPUS` (default
//! `../shared/corpus/ews` beside the workspace). Without it these tests are
//! skipped loudly, or fail when `CI` is set.

mod common;

use std::path::PathBuf;

use xsdgen::Config;

const WSDL_NS: &str = "http://schemas.xmlsoap.org/wsdl/";
const SOAP_NS: &str = "http://schemas.xmlsoap.org/wsdl/soap/";

fn corpus() -> Option<PathBuf> {
    common::ews_corpus()
}

/// An operation as the WSDL declares it: its name in the port type, and
/// the `soapAction` of the SOAP 1.1 binding's operation of that name.
#[derive(Debug, PartialEq, Eq)]
struct WsdlOperation {
    name: String,
    soap_action: String,
}

fn wsdl_operations(text: &str) -> Vec<WsdlOperation> {
    let doc = roxmltree::Document::parse(text).expect("the WSDL is well-formed XML");
    let root = doc.root_element();
    let port_types: Vec<_> = children(root, WSDL_NS, "portType").collect();
    assert_eq!(port_types.len(), 1, "one portType");
    let soap_bindings: Vec<_> = children(root, WSDL_NS, "binding")
        .filter(|b| children(*b, SOAP_NS, "binding").next().is_some())
        .collect();
    assert_eq!(soap_bindings.len(), 1, "one SOAP 1.1 binding");
    children(port_types[0], WSDL_NS, "operation")
        .map(|op| {
            let name = op.attribute("name").expect("operation name").to_owned();
            let soap_action = children(soap_bindings[0], WSDL_NS, "operation")
                .find(|b| b.attribute("name") == Some(name.as_str()))
                .and_then(|b| children(b, SOAP_NS, "operation").next())
                .and_then(|s| s.attribute("soapAction"))
                .unwrap_or_else(|| panic!("no soapAction for {name}"))
                .to_owned();
            WsdlOperation { name, soap_action }
        })
        .collect()
}

/// The element children of `node` named `{ns}name`.
fn children<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    ns: &'static str,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> {
    node.children().filter(move |n| {
        n.is_element() && n.tag_name().namespace() == Some(ns) && n.tag_name().name() == name
    })
}

/// The `name` and `soap_action` of every entry of the generated
/// `OPERATIONS` table, in order.
fn generated_operations(code: &str) -> Vec<WsdlOperation> {
    let file = syn::parse_file(code).expect("the generated code parses");
    let mut tables = Vec::new();
    collect_tables(&file.items, &mut tables);
    assert_eq!(tables.len(), 1, "one OPERATIONS table");
    let syn::Expr::Reference(reference) = &*tables[0].expr else {
        panic!("OPERATIONS is not `&[...]`");
    };
    let syn::Expr::Array(array) = &*reference.expr else {
        panic!("OPERATIONS is not `&[...]`");
    };
    array
        .elems
        .iter()
        .map(|entry| {
            let syn::Expr::Struct(entry) = entry else {
                panic!("an OPERATIONS entry is not a struct expression");
            };
            let field = |name: &str| {
                entry
                    .fields
                    .iter()
                    .find(|f| matches!(&f.member, syn::Member::Named(m) if m == name))
                    .and_then(|f| match &f.expr {
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }) => Some(s.value()),
                        _ => None,
                    })
                    .unwrap_or_else(|| panic!("an OPERATIONS entry has no string `{name}`"))
            };
            WsdlOperation {
                name: field("name"),
                soap_action: field("soap_action"),
            }
        })
        .collect()
}

fn collect_tables<'a>(items: &'a [syn::Item], out: &mut Vec<&'a syn::ItemConst>) {
    for item in items {
        match item {
            syn::Item::Const(c) if c.ident == "OPERATIONS" => out.push(c),
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    collect_tables(items, out);
                }
            }
            _ => {}
        }
    }
}

/// Generates code for one version's `services.wsdl` and checks it.
/// `warnings` are the messages the version's WSDL should draw, each once.
fn check_version(version: &str, operations: usize, warnings: &[&str]) {
    let Some(corpus) = corpus() else {
        return;
    };
    let wsdl = corpus.join(version).join("services.wsdl");
    let text = std::fs::read_to_string(&wsdl)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", wsdl.display()));
    let expected = wsdl_operations(text.trim_start_matches('\u{feff}'));
    assert_eq!(expected.len(), operations, "operations in {version}");

    let generated = match Config::new().build(&[&wsdl]) {
        Ok(generated) => generated,
        Err(e) => panic!("{version}: generation failed:\n{e}"),
    };
    assert_eq!(generated.files.len(), 1);
    let drawn: Vec<&str> = generated
        .warnings
        .lines()
        .filter_map(|line| line.split_once(": warning: ").map(|(_, m)| m))
        .collect();
    assert_eq!(
        drawn, warnings,
        "{version}: warnings\n{}",
        generated.warnings
    );
    let names_read: Vec<String> = generated
        .files_read
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names_read,
        ["services.wsdl", "messages.xsd", "types.xsd"],
        "{version}: files read"
    );

    let code = &generated.files[0].contents;
    let table = generated_operations(code);
    let missing: Vec<&str> = expected
        .iter()
        .filter(|op| !table.iter().any(|t| t.name == op.name))
        .map(|op| op.name.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "{version}: operations missing from OPERATIONS: {missing:?}"
    );
    assert_eq!(
        table, expected,
        "{version}: OPERATIONS must list the WSDL's operations, in order, with their SOAPAction"
    );

    let again = match Config::new().generate(&[&wsdl]) {
        Ok(files) => files,
        Err(e) => panic!("{version}: the second run failed:\n{e}"),
    };
    assert!(
        again.len() == 1 && again[0].contents == *code,
        "{version}: two runs on the same input gave different output"
    );
}

#[test]
fn exchange_2016() {
    // GetUserAvailability binds its RequestVersion header twice.
    check_version(
        "Exchange2016",
        122,
        &[
            "header part 'RequestVersion' has the element of an earlier header part; the entry is read and written once",
        ],
    );
}

#[test]
fn exchange_2010_sp2() {
    check_version("Exchange2010_SP2", 60, &[]);
}
