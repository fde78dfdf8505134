//! The UM schemas and their test vectors, checked by an external oracle:
//! libxml2's `xmllint`.
//!
//! - every schema file is well-formed XML;
//! - every XSD compiles as a schema, and `um-messages.xsd` (with the types it
//!   includes) validates a bare UM element on its own;
//! - every operation example in `schemas/examples/` is a valid SOAP 1.1
//!   envelope under `schemas/validate.xsd`, with the expected element in the
//!   messages namespace inside its Body;
//! - a broken copy of an example is rejected, so the validation really
//!   reaches into the Body.
//!
//! The fault examples are not validated: Exchange's faults do not follow the
//! SOAP 1.1 envelope schema (see `schemas/examples/README.md`).
//!
//! `xmllint` is required: without it these tests fail, they are not skipped.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MESSAGES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

const OPERATIONS: [&str; 11] = [
    "IsUMEnabled",
    "GetUMProperties",
    "SetOofStatus",
    "SetPlayOnPhoneDialString",
    "SetTelephoneAccessFolderEmail",
    "SetMissedCallNotificationEnabled",
    "ResetPIN",
    "PlayOnPhone",
    "GetCallInfo",
    "Disconnect",
    "PlayOnPhoneGreeting",
];

/// The schema files we expect; any other `.xsd`/`.wsdl` in `schemas/` is
/// checked too.
const SCHEMA_FILES: [&str; 4] = ["um.wsdl", "um-messages.xsd", "um-types.xsd", "validate.xsd"];

fn schemas_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas")
}

fn examples_dir() -> PathBuf {
    schemas_dir().join("examples")
}

/// Runs `xmllint` with `args`; panics with an installation hint if it is missing.
fn xmllint<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    match Command::new("xmllint").args(args).output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "xmllint is not installed (or not on PATH); these tests need it. \
             Install Debian's libxml2-utils: `apt-get install libxml2-utils`"
        ),
        Err(e) => panic!("could not run xmllint: {e}"),
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_success(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "xmllint rejected {what} ({}):\n{}",
        output.status,
        stderr(output)
    );
}

/// Files directly in `dir` whose names end with one of `suffixes`, sorted.
fn files_ending_with(dir: &Path, suffixes: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            let name = path.file_name().and_then(OsStr::to_str).unwrap_or("");
            path.is_file() && suffixes.iter().any(|suffix| name.ends_with(suffix))
        })
        .collect();
    files.sort();
    files
}

/// Writes `contents` to a file of its own under the system temp directory.
fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "exchange-um-schemas-xmllint-{}-{name}",
        std::process::id()
    ));
    fs::write(&path, contents).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

#[test]
fn every_schema_file_is_well_formed() {
    let files = files_ending_with(&schemas_dir(), &[".xsd", ".wsdl"]);
    for expected in SCHEMA_FILES {
        assert!(
            files.iter().any(|f| f.ends_with(expected)),
            "schemas/{expected} is missing"
        );
    }
    let mut args = vec![OsStr::new("--noout")];
    args.extend(files.iter().map(|f| f.as_os_str()));
    assert_success(&xmllint(args), "the schema files");
}

#[test]
fn every_xsd_compiles_as_a_schema() {
    // A bare UM element, outside any envelope: valid under um-messages.xsd,
    // and it uses a type from um-types.xsd (through xs:include), including
    // the EventCause value "Unavailable" that the schema accepts by decision.
    let bare = temp_file(
        "bare-element.xml",
        &format!(
            "<GetCallInfoResponse xmlns=\"{MESSAGES_NS}\"><GetCallInfoResponse>\
             <CallState>Connected</CallState><EventCause>Unavailable</EventCause>\
             </GetCallInfoResponse></GetCallInfoResponse>\n"
        ),
    );

    for xsd in files_ending_with(&schemas_dir(), &[".xsd"]) {
        let output = xmllint([
            OsStr::new("--noout"),
            OsStr::new("--schema"),
            xsd.as_os_str(),
            bare.as_os_str(),
        ]);
        // xmllint exits with 5 when the schema itself does not compile; other
        // failures (um-types.xsd declares no elements, so nothing validates
        // against it alone) are about the instance, not the schema.
        assert!(
            output.status.code() != Some(5) && !stderr(&output).contains("failed to compile"),
            "{} does not compile as a schema:\n{}",
            xsd.display(),
            stderr(&output)
        );
    }

    let messages = schemas_dir().join("um-messages.xsd");
    let output = xmllint([
        OsStr::new("--noout"),
        OsStr::new("--schema"),
        messages.as_os_str(),
        bare.as_os_str(),
    ]);
    let _ = fs::remove_file(&bare);
    assert_success(&output, "a bare GetCallInfoResponse under um-messages.xsd");
}

#[test]
fn every_operation_example_is_a_valid_envelope() {
    let expected: Vec<PathBuf> = OPERATIONS
        .iter()
        .flat_map(|op| [format!("{op}.request.xml"), format!("{op}.response.xml")])
        .map(|name| examples_dir().join(name))
        .collect();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(
        files_ending_with(&examples_dir(), &[".xml"]),
        sorted,
        "schemas/examples/ must hold exactly one request and one response per operation"
    );

    // Validation: the lax wildcard of the envelope's Body validates every
    // declared UM element in full.
    let validate = schemas_dir().join("validate.xsd");
    let mut args = vec![
        OsStr::new("--noout"),
        OsStr::new("--schema"),
        validate.as_os_str(),
    ];
    args.extend(expected.iter().map(|f| f.as_os_str()));
    assert_success(
        &xmllint(args),
        "the operation examples under schemas/validate.xsd",
    );

    // The wildcard lets an undeclared element through (an https namespace, a
    // misspelt name), so check the Body's element by name as well.
    let body_child = r#"/*[local-name()="Envelope"]/*[local-name()="Body"]/*"#;
    let query = format!("concat(namespace-uri({body_child}), ' ', local-name({body_child}))");
    for op in OPERATIONS {
        for (kind, element) in [
            ("request", op.to_string()),
            ("response", format!("{op}Response")),
        ] {
            let file = examples_dir().join(format!("{op}.{kind}.xml"));
            let output = xmllint([OsStr::new("--xpath"), OsStr::new(&query), file.as_os_str()]);
            assert_success(&output, &file.display().to_string());
            assert_eq!(
                String::from_utf8_lossy(&output.stdout).trim(),
                format!("{MESSAGES_NS} {element}"),
                "the Body of {} must hold {element} in the messages namespace",
                file.display()
            );
        }
    }
}

#[test]
fn a_mutated_example_is_rejected() {
    // PlayOnPhone's children must come in the order entryId, DialString.
    let original = fs::read_to_string(examples_dir().join("PlayOnPhone.request.xml"))
        .expect("schemas/examples/PlayOnPhone.request.xml");
    let mut lines: Vec<&str> = original.lines().collect();
    let find = |lines: &[&str], tag: &str| {
        lines
            .iter()
            .position(|line| line.trim_start().starts_with(tag))
            .unwrap_or_else(|| panic!("PlayOnPhone.request.xml has no {tag} line"))
    };
    let (entry_id, dial_string) = (find(&lines, "<entryId>"), find(&lines, "<DialString>"));
    lines.swap(entry_id, dial_string);
    let swapped = temp_file("PlayOnPhone-swapped.xml", &(lines.join("\n") + "\n"));

    let validate = schemas_dir().join("validate.xsd");
    let output = xmllint([
        OsStr::new("--noout"),
        OsStr::new("--schema"),
        validate.as_os_str(),
        swapped.as_os_str(),
    ]);
    let _ = fs::remove_file(&swapped);
    assert!(
        !output.status.success(),
        "xmllint accepted PlayOnPhone with its children swapped: validation does not reach the Body"
    );
    assert!(
        stderr(&output).contains("entryId"),
        "xmllint rejected the swapped copy, but not for its children:\n{}",
        stderr(&output)
    );
}
