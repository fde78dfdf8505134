//! The published EWS schemas, ready for `xmllint`: the workspace's driver
//! schemas (`tests/ews/validate/`) pointed at the shared corpus, the 2016
//! set in a copy libxml2 can compile. See `tests/ews/README.md`.
//!
//! The corpus is read from `$XSDGEN_EWS_CORPUS` (its `ews` folder, default
//! `../shared/corpus/ews` beside the checkout) and the `w3c` folder next to
//! it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::xmllint::{TempDir, skip};

/// Where the driver schemas expect the shared corpus.
const WRAPPER_CORPUS: &str = "../../../../shared/corpus/";

/// The workspace's root: this crate's parent.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The corpus folders: `ews` (holding one folder per version) and `w3c`.
pub struct Corpus {
    pub ews: PathBuf,
    pub w3c: PathBuf,
}

/// The corpus, or `None` (said through [`skip`]) when a schema is missing.
pub fn corpus() -> Option<Corpus> {
    let ews = std::env::var_os("XSDGEN_EWS_CORPUS")
        .map_or_else(|| workspace().join("../shared/corpus/ews"), PathBuf::from);
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

/// The two driver schemas, each validating a whole SOAP 1.1 envelope.
pub struct Schemas {
    pub exchange2016: PathBuf,
    pub exchange2010_sp2: PathBuf,
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Both driver schemas, pointing at `corpus` (the 2016 one at a copy
/// libxml2 can compile), written into `temp`.
///
/// # Panics
/// When the corpus or the driver schemas are not as expected.
pub fn schemas(corpus: &Corpus, temp: &TempDir) -> Schemas {
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
    let copy = temp.path().join("Exchange2016");
    fs::create_dir_all(&copy).unwrap_or_else(|e| panic!("{}: {e}", copy.display()));
    fs::copy(published.join("messages.xsd"), copy.join("messages.xsd"))
        .unwrap_or_else(|e| panic!("copying messages.xsd: {e}"));
    let types = read(&published.join("types.xsd"));
    let patched = make_transitions_deterministic(&types);
    fs::write(copy.join("types.xsd"), patched)
        .unwrap_or_else(|e| panic!("writing the patched types.xsd: {e}"));

    let validate = workspace().join("tests/ews/validate");
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
    Schemas {
        exchange2016: rewrite("exchange2016.xsd", "Exchange2016", &abs(&copy)),
        exchange2010_sp2: rewrite(
            "exchange2010_sp2.xsd",
            "Exchange2010_SP2",
            &abs(&corpus.ews.join("Exchange2010_SP2")),
        ),
    }
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
