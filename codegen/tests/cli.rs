//! The `xsdgen` binary: `generate` writes, `check` compares (0 identical,
//! 1 stale or missing, 2 schema errors), and the output is the same bytes
//! as `build.rs` produces for the same inputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn xsdgen(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xsdgen"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run xsdgen")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xsdgen-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_checked_in_um_bindings_are_what_the_cli_generates() {
    // Relative input paths here, absolute ones in build.rs: same bytes.
    let out = xsdgen(
        &["check", "schemas/um.wsdl", "-o", "generated/src"],
        &workspace(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn generate_then_check_then_detect_a_stale_file() {
    let dir = scratch("stale");
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/cases/sequence/schema.xsd");
    let case = case.to_str().unwrap();
    let out_dir = dir.to_str().unwrap();

    let out = xsdgen(
        &["generate", case, "-o", out_dir, "--file-name", "seq.rs"],
        &dir,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/cases/sequence/expected.rs"),
    )
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("seq.rs")).unwrap(),
        expected
    );

    let out = xsdgen(
        &["check", case, "-o", out_dir, "--file-name", "seq.rs"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    std::fs::write(
        dir.join("seq.rs"),
        expected.replacen("pub struct Order", "pub struct Ordre", 1),
    )
    .unwrap();
    let out = xsdgen(
        &["check", case, "-o", out_dir, "--file-name", "seq.rs"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("stale: "), "{err}");
    assert!(err.contains("checked in: pub struct Ordre {"), "{err}");
    assert!(err.contains("generated:  pub struct Order {"), "{err}");

    std::fs::remove_file(dir.join("seq.rs")).unwrap();
    let out = xsdgen(
        &["check", case, "-o", out_dir, "--file-name", "seq.rs"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing: "), "{}", stderr(&out));
}

#[test]
fn schema_errors_exit_with_2_and_a_located_message() {
    let dir = scratch("broken");
    std::fs::write(
        dir.join("bad.xsd"),
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element name=\"A\" type=\"xs:nope\"/>\n</xs:schema>\n",
    )
    .unwrap();
    let out = xsdgen(&["generate", "bad.xsd", "-o", "out"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("bad.xsd:2:"), "{err}");
    assert!(!dir.join("out").exists());
}

#[test]
fn safe_to_retry_overrides_the_wsdl() {
    let dir = scratch("retry");
    let wsdl = workspace().join("schemas/um.wsdl");
    let out = xsdgen(
        &[
            "generate",
            wsdl.to_str().unwrap(),
            "-o",
            ".",
            "--safe-to-retry",
            "ResetPIN",
            "--safe-to-retry",
            "GetCallInfo=false",
        ],
        &dir,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let code = std::fs::read_to_string(dir.join("um.rs")).unwrap();
    let reset = code
        .split("impl ::xsdgen_runtime::Operation for ResetPin")
        .nth(1)
        .unwrap();
    assert!(reset.contains("const SAFE_TO_RETRY: bool = true;"));
    let info = code
        .split("impl ::xsdgen_runtime::Operation for GetCallInfo")
        .nth(1)
        .unwrap();
    assert!(info.contains("const SAFE_TO_RETRY: bool = false;"));

    let out = xsdgen(
        &[
            "generate",
            wsdl.to_str().unwrap(),
            "-o",
            ".",
            "--safe-to-retry",
            "ResetPin",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("'ResetPin', which the services do not have"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_prints_the_chain_and_rejects_an_unknown_name() {
    let dir = scratch("explain");
    let schema = dir.join("s.xsd");
    std::fs::write(
        &schema,
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">
<xs:complexType name="InnerType"><xs:sequence><xs:element name="V" type="xs:string"/></xs:sequence></xs:complexType>
<xs:complexType name="OuterType"><xs:sequence><xs:element name="Inner" type="t:InnerType"/></xs:sequence></xs:complexType>
<xs:element name="Outer" type="t:OuterType"/>
</xs:schema>"#,
    )
    .unwrap();
    let out = xsdgen(&["explain", "InnerType", "s.xsd", "--root", "Outer"], &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "element Outer  (s.xsd:4:1)\n  -> type OuterType  (s.xsd:4:1)\n  -> field Inner: type InnerType  (s.xsd:3:47)\n"
    );
    let out = xsdgen(&["explain", "element:Inner", "s.xsd"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("'element:Inner' names no element or type"),
        "{}",
        stderr(&out)
    );
}
