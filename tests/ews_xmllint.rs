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
//! the `w3c` folder next to it. Without the corpus or without xmllint these
//! tests are skipped loudly, or fail when `CI` is set.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// Where the wrappers in `tests/ews/validate/` expect the shared corpus.
const WRAPPER_CORPUS: &str = "../../../../shared/corpus/";

fn ews_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ews")
}

fn messages_dir() -> PathBuf {
    ews_dir().join("messages")
}

/// Says loudly why a test does not run; in CI, where everything it needs
/// is installed, fails it instead.
fn skip(message: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    // Straight to stderr: the test harness captures `eprintln!` of passing
    // tests, and a skip must not go unnoticed.
    let _ = writeln!(std::io::stderr(), "SKIPPED: {message}");
}

/// The corpus folders: `ews` (holding one folder per version) and `w3c`.
struct Corpus {
    ews: PathBuf,
    w3c: PathBuf,
}

fn corpus() -> Option<Corpus> {
    let ews = std::env::var_os("XSDGEN_EWS_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ews"),
        PathBuf::from,
    );
    let w3c = ews.join("../w3c");
    for needed in [
        ews.join("Exchange2016/messages.xsd"),
        ews.join("Exchange2010_SP2/messages.xsd"),
        w3c.join("soap-envelope-1.1.xsd"),
        w3c.join("xml.xsd"),
    ] {
        if !needed.is_file() {
            skip(&format!(
                "{} is missing: the EWS corpus is not there (set XSDGEN_EWS_CORPUS to its ews folder)",
                needed.display()
            ));
            return None;
        }
    }
    Some(Corpus { ews, w3c })
}

fn xmllint_installed() -> bool {
    match Command::new("xmllint").arg("--version").output() {
        Ok(_) => true,
        Err(e) => {
            skip(&format!(
                "xmllint cannot be run ({e}); install Debian's libxml2-utils"
            ));
            false
        }
    }
}

fn xmllint<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new("xmllint")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("could not run xmllint: {e}"))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A directory of its own under the system temp directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "exchange-um-ews-xmllint-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        Self(dir)
    }

    fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Both wrappers, pointing at the corpus (the 2016 one at a copy libxml2
/// can compile), written into `temp`: (2016 wrapper, 2010 SP2 wrapper).
fn wrappers(corpus: &Corpus, temp: &TempDir) -> (PathBuf, PathBuf) {
    let abs = |p: &Path| {
        let p = p
            .canonicalize()
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        format!("{}/", p.display())
    };
    let w3c = abs(&corpus.w3c);

    // The 2016 set, with ArrayOfTransitionsType's sequence reduced to the
    // head of the substitution group, which still accepts every member.
    let published = corpus.ews.join("Exchange2016");
    let copy = temp.0.join("Exchange2016");
    fs::create_dir_all(&copy).unwrap_or_else(|e| panic!("{}: {e}", copy.display()));
    fs::copy(published.join("messages.xsd"), copy.join("messages.xsd"))
        .unwrap_or_else(|e| panic!("copying messages.xsd: {e}"));
    let types = read(&published.join("types.xsd"));
    let patched = make_transitions_deterministic(&types);
    fs::write(copy.join("types.xsd"), patched)
        .unwrap_or_else(|e| panic!("writing the patched types.xsd: {e}"));

    let validate = ews_dir().join("validate");
    let rewrite = |wrapper: &str, version: &str, ews: &str| {
        let text = read(&validate.join(wrapper));
        let from = format!("{WRAPPER_CORPUS}ews/{version}/");
        assert!(
            text.contains(&from) && text.contains(&format!("{WRAPPER_CORPUS}w3c/")),
            "{wrapper} does not import from {WRAPPER_CORPUS}"
        );
        let text = text
            .replace(&from, ews)
            .replace(&format!("{WRAPPER_CORPUS}w3c/"), &w3c);
        temp.write(wrapper, &text)
    };
    (
        rewrite("exchange2016.xsd", "Exchange2016", &abs(&copy)),
        rewrite(
            "exchange2010_sp2.xsd",
            "Exchange2010_SP2",
            &abs(&corpus.ews.join("Exchange2010_SP2")),
        ),
    )
}

/// Removes the three member references before `t:Transition` in
/// `ArrayOfTransitionsType`, and nothing else.
fn make_transitions_deterministic(types: &str) -> String {
    let start = types
        .find(r#"<xs:complexType name="ArrayOfTransitionsType">"#)
        .expect("ArrayOfTransitionsType in the 2016 types.xsd");
    let end = start
        + types[start..]
            .find("</xs:complexType>")
            .expect("the end of ArrayOfTransitionsType");
    let mut kept = Vec::new();
    let mut removed = 0;
    for line in types[start..end].split_inclusive('\n') {
        let member = [
            "AbsoluteDateTransition",
            "RecurringDayTransition",
            "RecurringDateTransition",
        ]
        .iter()
        .any(|m| line.contains(&format!(r#"ref="t:{m}""#)));
        if member {
            removed += 1;
        } else {
            kept.push(line);
        }
    }
    assert_eq!(
        removed, 3,
        "ArrayOfTransitionsType changed in the corpus; revisit the patch"
    );
    format!("{}{}{}", &types[..start], kept.concat(), &types[end..])
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
    if !xmllint_installed() {
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
        let output = xmllint([OsStr::new("--xpath"), OsStr::new(&query), path.as_os_str()]);
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
    let Some(corpus) = corpus() else {
        return;
    };
    if !xmllint_installed() {
        return;
    }
    let temp = TempDir::new("2016");
    let (exchange2016, _) = wrappers(&corpus, &temp);
    let files: Vec<PathBuf> = MESSAGES
        .iter()
        .map(|(f, _, _)| messages_dir().join(f))
        .collect();
    let mut args = vec![
        OsStr::new("--noout"),
        OsStr::new("--schema"),
        exchange2016.as_os_str(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let output = xmllint(args);
    assert!(
        output.status.success(),
        "xmllint rejected messages under the Exchange 2016 schemas:\n{}",
        stderr(&output)
    );
}

#[test]
fn the_2010_sp2_messages_validate_against_the_published_2010_sp2_schemas() {
    let Some(corpus) = corpus() else {
        return;
    };
    if !xmllint_installed() {
        return;
    }
    let temp = TempDir::new("2010");
    let (_, exchange2010) = wrappers(&corpus, &temp);
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
        let output = xmllint([
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
    let Some(corpus) = corpus() else {
        return;
    };
    if !xmllint_installed() {
        return;
    }
    let temp = TempDir::new("broken");
    let (exchange2016, _) = wrappers(&corpus, &temp);
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
        let output = xmllint([
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

/// The synthetic FindItem responses the `xsdgen-ews` benches read, made
/// here by the same code.
#[path = "../ews/benches/support/document.rs"]
mod find_item_document;

#[test]
fn the_benched_find_item_responses_validate_against_the_2016_schemas() {
    let Some(corpus) = corpus() else {
        return;
    };
    if !xmllint_installed() {
        return;
    }
    let temp = TempDir::new("bench");
    let (exchange2016, _) = wrappers(&corpus, &temp);
    // Both sizes the benches use: a first page and a whole folder.
    for items in [36, 9_500] {
        let xml = find_item_document::find_item_response(items);
        assert_eq!(
            xml.matches("<t:ItemId ").count(),
            items,
            "one item per requested item"
        );
        let file = temp.write(&format!("FindItem-{items}.xml"), &xml);
        let output = xmllint([
            OsStr::new("--noout"),
            OsStr::new("--schema"),
            exchange2016.as_os_str(),
            file.as_os_str(),
        ]);
        assert!(
            output.status.success(),
            "xmllint rejected the benched FindItem response of {items} items:\n{}",
            stderr(&output)
        );
    }
}
