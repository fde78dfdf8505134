//! The hand-written EWS messages in `tests/ews/messages/`, checked by an
//! external oracle: libxml2's `xmllint`, with the published EWS schemas.
//!
//! - every message is a SOAP 1.1 envelope whose Body holds the expected
//!   element of the messages namespace; requests carry
//!   `t:RequestServerVersion Version="Exchange2016"`, responses
//!   `t:ServerVersionInfo`;
//! - every message validates against the Exchange 2016 schemas (in a
//!   temporary copy whose `ArrayOfTransitionsType` libxml2 can compile, see
//!   `tests/ews/README.md`);
//! - the messages the README marks as such also validate against the
//!   unmodified Exchange 2010 SP2 schemas (requests with their version
//!   changed to `Exchange2010_SP2`, which 2010 SP2 knows), and the others are
//!   rejected there, so the table stays true;
//! - broken copies are rejected, so validation really reaches into the
//!   Header and the Body.
//!
//! The schemas are read from `$XSDGEN_EWS_CORPUS` (the `ews` folder of the
//! shared corpus, default `../shared/corpus/ews` beside the checkout) and
//! the `w3c` folder next to it, through `xsdgen_testkit::ews_schemas`.
//! Without the corpus or without xmllint these tests are skipped loudly, or
//! fail when `CI` is set.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use xsdgen_testkit::ews_schemas::{self, Schemas};
use xsdgen_testkit::xmllint::{self, TempDir, stderr};

const MESSAGES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";
const TYPES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/types";
const REQUEST_VERSION: &str = r#"<t:RequestServerVersion Version="Exchange2016"/>"#;

/// Every message file, the element its Body holds, and whether it is also
/// a valid Exchange 2010 SP2 message.
const MESSAGES: [(&str, &str, bool); 13] = [
    ("CreateItem.request.xml", "CreateItem", true),
    ("CreateItem.response.xml", "CreateItemResponse", true),
    ("ErrorServerBusy.response.xml", "GetItemResponse", true),
    ("FindItem.request.xml", "FindItem", true),
    ("FindItem.response.xml", "FindItemResponse", true),
    ("GetItem.request.xml", "GetItem", true),
    // `t:Body/@IsTruncated` is new in Exchange 2013.
    ("GetItem.response.xml", "GetItemResponse", false),
    (
        "GetUserOofSettings.request.xml",
        "GetUserOofSettingsRequest",
        true,
    ),
    (
        "GetUserOofSettings.response.xml",
        "GetUserOofSettingsResponse",
        true,
    ),
    ("ResolveNames.request.xml", "ResolveNames", true),
    ("ResolveNames.response.xml", "ResolveNamesResponse", true),
    ("SyncFolderItems.request.xml", "SyncFolderItems", true),
    // `t:Flag` is new in Exchange 2013.
    (
        "SyncFolderItems.response.xml",
        "SyncFolderItemsResponse",
        false,
    ),
];

fn ews_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ews")
}

fn messages_dir() -> PathBuf {
    ews_dir().join("messages")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Both driver schemas in `temp`, or `None` when the corpus or xmllint is
/// missing (said loudly by the testkit).
fn schemas(temp: &TempDir) -> Option<Schemas> {
    let corpus = ews_schemas::corpus()?;
    if !xmllint::installed() {
        return None;
    }
    Some(ews_schemas::schemas(&corpus, temp))
}

fn is_request(file: &str) -> bool {
    file.ends_with(".request.xml")
}

#[test]
fn the_message_files_are_the_listed_ones() {
    let mut found: Vec<String> = fs::read_dir(messages_dir())
        .expect("tests/ews/messages")
        .map(|e| {
            e.expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".xml"))
        .collect();
    found.sort();
    let listed: Vec<&str> = MESSAGES.iter().map(|(f, _, _)| *f).collect();
    assert_eq!(found, listed, "tests/ews/messages/ and MESSAGES differ");
}

#[test]
fn every_message_is_an_envelope_with_the_expected_parts() {
    if !xmllint::installed() {
        return;
    }
    let body_child = r#"/*[local-name()="Envelope"]/*[local-name()="Body"]/*"#;
    for (file, element, _) in MESSAGES {
        let path = messages_dir().join(file);
        let header = if is_request(file) {
            format!(
                r#"count(/*/*[local-name()="Header"]/*[namespace-uri()="{TYPES_NS}" and local-name()="RequestServerVersion" and @Version="Exchange2016"])"#
            )
        } else {
            format!(
                r#"count(/*/*[local-name()="Header"]/*[namespace-uri()="{TYPES_NS}" and local-name()="ServerVersionInfo" and @MajorVersion and @MinorVersion and @MajorBuildNumber and @MinorBuildNumber and @Version])"#
            )
        };
        let query = format!(
            "concat(namespace-uri({body_child}), ' ', local-name({body_child}), ' ', count({body_child}), ' ', {header})"
        );
        let output = xmllint::run([OsStr::new("--xpath"), OsStr::new(&query), path.as_os_str()]);
        assert!(
            output.status.success(),
            "{file} is not well-formed:\n{}",
            stderr(&output)
        );
        assert_eq!(
            String::from_utf8_lossy(&output.stdout).trim(),
            format!("{MESSAGES_NS} {element} 1 1"),
            "{file}: the Body must hold exactly one {element} of the messages namespace, \
             and the Header its version element"
        );
        let text = read(&path);
        assert!(
            text.ends_with("</soap:Envelope>\n") || text.ends_with("</s:Envelope>\n"),
            "{file} must end with the envelope and one newline"
        );
        assert!(
            text.lines().all(|l| l == l.trim_end()),
            "{file} has trailing white space"
        );
    }
}

#[test]
fn every_message_validates_against_the_2016_schemas() {
    let temp = TempDir::new("2016");
    let Some(schemas) = schemas(&temp) else {
        return;
    };
    let exchange2016 = schemas.exchange2016;
    let files: Vec<PathBuf> = MESSAGES
        .iter()
        .map(|(f, _, _)| messages_dir().join(f))
        .collect();
    let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    if let Err(report) = xmllint::validate(&exchange2016, &files) {
        panic!("xmllint rejected messages under the Exchange 2016 schemas:\n{report}");
    }
}

#[test]
fn the_2010_sp2_messages_validate_against_the_published_2010_sp2_schemas() {
    let temp = TempDir::new("2010");
    let Some(schemas) = schemas(&temp) else {
        return;
    };
    let exchange2010 = schemas.exchange2010_sp2;
    for (file, _, in_2010) in MESSAGES {
        let mut text = read(&messages_dir().join(file));
        if is_request(file) {
            assert_eq!(
                text.matches(REQUEST_VERSION).count(),
                1,
                "{file} must hold {REQUEST_VERSION} once"
            );
            text = text.replace(
                REQUEST_VERSION,
                r#"<t:RequestServerVersion Version="Exchange2010_SP2"/>"#,
            );
        }
        let copy = temp.write(file, &text);
        let output = xmllint::run([
            OsStr::new("--noout"),
            OsStr::new("--schema"),
            exchange2010.as_os_str(),
            copy.as_os_str(),
        ]);
        if in_2010 {
            assert!(
                output.status.success(),
                "xmllint rejected {file} under the Exchange 2010 SP2 schemas:\n{}",
                stderr(&output)
            );
        } else {
            assert!(
                !output.status.success() && stderr(&output).contains("validity error"),
                "{file} is listed as 2016 only, but it validates under Exchange 2010 SP2 \
                 (or the schema failed to compile):\n{}",
                stderr(&output)
            );
        }
    }
}

#[test]
fn broken_messages_are_rejected() {
    let temp = TempDir::new("broken");
    let Some(schemas) = schemas(&temp) else {
        return;
    };
    let exchange2016 = schemas.exchange2016;
    let original = read(&messages_dir().join("GetItem.request.xml"));
    // In the Header (an unknown version), in the Body (an unknown shape),
    // and in the order of the Body's children.
    let cases = [
        (
            "version",
            original.replace(r#"Version="Exchange2016""#, r#"Version="Exchange2099""#),
            "Exchange2099",
        ),
        (
            "shape",
            original.replace(
                "<t:BaseShape>Default</t:BaseShape>",
                "<t:BaseShape>Everything</t:BaseShape>",
            ),
            "Everything",
        ),
        (
            "order",
            original.replace(
                "<t:IncludeMimeContent>false</t:IncludeMimeContent>\n        <t:BodyType>HTML</t:BodyType>",
                "<t:BodyType>HTML</t:BodyType>\n        <t:IncludeMimeContent>false</t:IncludeMimeContent>",
            ),
            "IncludeMimeContent",
        ),
    ];
    for (name, text, culprit) in cases {
        assert_ne!(text, original, "the {name} mutation changed nothing");
        let broken = temp.write(&format!("GetItem-{name}.xml"), &text);
        let output = xmllint::run([
            OsStr::new("--noout"),
            OsStr::new("--schema"),
            exchange2016.as_os_str(),
            broken.as_os_str(),
        ]);
        assert!(
            !output.status.success() && stderr(&output).contains(culprit),
            "xmllint did not reject the {name} mutation of GetItem.request.xml for '{culprit}':\n{}",
            stderr(&output)
        );
    }
}
