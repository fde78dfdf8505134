//! The SOAP headers of the real EWS WSDLs, generated in process: each
//! operation's header types, and how few structs they share.
//!
//! The corpus is `$XSDGEN_EWS_CORPUS`, by default `../shared/corpus/ews`
//! next to the workspace. Without it the tests are skipped (loudly), and
//! fail when `CI` is set.

mod common;

use std::path::PathBuf;

const TYPES: &str = "super::types";

fn corpus() -> Option<PathBuf> {
    common::ews_corpus()
}

/// The generated file for one EWS version.
fn generate(version: &str) -> Option<String> {
    let wsdl = corpus()?.join(version).join("services.wsdl");
    let files = match xsdgen::Config::new()
        .emit_rerun_if_changed(false)
        .generate(&[&wsdl])
    {
        Ok(files) => files,
        Err(e) => panic!("{}: {e}", wsdl.display()),
    };
    assert_eq!(files.len(), 1);
    files.into_iter().next().map(|f| f.contents)
}

/// The fields of the struct that operation `op` names as its `dir`
/// (`InputHeaders` or `OutputHeaders`), following a type alias.
fn header_fields(code: &str, op: &str, dir: &str) -> Vec<String> {
    let impl_start = code
        .find(&format!("impl ::xsdgen_runtime::Operation for {op} {{"))
        .unwrap_or_else(|| panic!("no operation {op}"));
    let decl = format!("type {dir} = ");
    let rest = &code[impl_start..];
    let at = rest.find(&decl).expect("the header type") + decl.len();
    let mut ty = rest[at..].split(';').next().unwrap_or_default().to_owned();
    if let Some(i) = code.find(&format!("pub type {ty} = ")) {
        let target = &code[i + format!("pub type {ty} = ").len()..];
        ty = target.split(';').next().unwrap_or_default().to_owned();
    }
    let start = code
        .find(&format!("pub struct {ty} {{"))
        .unwrap_or_else(|| panic!("no struct {ty}"));
    let body = &code[start..];
    let end = body.find('}').expect("the struct's end");
    body[..end]
        .lines()
        .skip(1)
        .map(|l| l.trim().trim_end_matches(',').to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn check(code: &str, operations: usize) {
    let input = header_fields(code, "GetItem", "InputHeaders");
    for field in [
        format!("pub request_server_version: Option<{TYPES}::RequestServerVersion>"),
        format!("pub exchange_impersonation: Option<{TYPES}::ExchangeImpersonation>"),
        format!("pub mailbox_culture: Option<{TYPES}::MailboxCulture>"),
        format!("pub time_zone_context: Option<{TYPES}::TimeZoneContext>"),
    ] {
        assert!(input.contains(&field), "{field} not in {input:#?}");
    }
    let output = header_fields(code, "GetItem", "OutputHeaders");
    assert_eq!(
        output,
        [format!(
            "pub server_version_info: Option<{TYPES}::ServerVersionInfo>"
        )]
    );
    // Every operation has header types; few distinct structs hold them.
    let impls = code
        .matches("impl ::xsdgen_runtime::Operation for ")
        .count();
    assert_eq!(impls, operations);
    let structs = code
        .matches("impl ::xsdgen_runtime::soap::XmlHeaders for ")
        .count();
    let aliases = code.matches("\n    pub type ").count();
    let no_headers = code
        .matches("Headers = ::xsdgen_runtime::soap::NoHeaders;")
        .count();
    assert_eq!(structs + aliases + no_headers, 2 * operations);
    assert!(structs <= 15, "{structs} header structs");
    let output_structs = code
        .lines()
        .filter(|l| l.trim_start().starts_with("pub struct ") && l.ends_with("OutputHeaders {"))
        .count();
    assert_eq!(output_structs, 1, "one response header set");
    println!(
        "{operations} operations, {structs} header structs, {aliases} aliases, {no_headers} without headers"
    );
}

#[test]
fn exchange_2016_headers() {
    let Some(code) = generate("Exchange2016") else {
        return;
    };
    check(&code, 122);
    // Only later versions declare DateTimePrecision.
    let input = header_fields(&code, "GetItem", "InputHeaders");
    assert!(
        input.contains(&format!(
            "pub date_time_precision: Option<{TYPES}::DateTimePrecision>"
        )),
        "{input:#?}"
    );
}

#[test]
fn exchange_2010_sp2_headers() {
    let Some(code) = generate("Exchange2010_SP2") else {
        return;
    };
    check(&code, 60);
}
