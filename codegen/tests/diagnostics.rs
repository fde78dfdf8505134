//! Snapshots of the rendered diagnostics: every `cases/broken/<name>.xsd`
//! (or `.wsdl`) runs through the whole pipeline, and what the user would
//! see must equal `cases/broken/<name>.expected` byte for byte. A case that
//! passes all stages shows its warnings.
//!
//! To accept new output after checking it by eye:
//! `XSDGEN_BLESS=1 cargo test -p xsdgen --test diagnostics`

use std::fs;
use std::path::{Path, PathBuf};

const CASES: &str = "../schemas/cases/broken";
const BLESS: &str = "XSDGEN_BLESS=1 cargo test -p xsdgen --test diagnostics";

/// What the generator says about one input, as a user would read it: the
/// error, or the warnings of a run that succeeds.
fn diagnose(input: &Path) -> String {
    match xsdgen::Config::new().build(&[input]) {
        Ok(generated) => generated.warnings,
        Err(e @ xsdgen::Error::Io { .. }) => format!("{e}\n"),
        Err(e) => e.to_string(),
    }
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = fs::read_dir(CASES)
        .expect("the cases directory")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("xsd" | "wsdl")))
        // Files included by a case are not cases themselves.
        .filter(|p| !p.to_string_lossy().contains(".inc."))
        .collect();
    cases.sort();
    // Paths as a user types them, relative to the crate.
    cases
        .into_iter()
        .filter_map(|p| p.file_name().map(|n| Path::new(CASES).join(n)))
        .collect()
}

#[test]
fn broken_schemas_render_the_expected_diagnostics() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("the crate directory");
    let bless = std::env::var_os("XSDGEN_BLESS").is_some_and(|v| v == "1");
    let cases = cases();
    assert!(cases.len() >= 12, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let actual = diagnose(case);
        let expected_path = case.with_extension("expected");
        if bless {
            fs::write(&expected_path, &actual).expect("writing the expectation");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if actual.is_empty() {
            failures.push(format!("{}: no diagnostics at all", case.display()));
        } else if actual != expected {
            failures.push(format!(
                "{}:\n--- expected ({})\n{expected}--- actual\n{actual}",
                case.display(),
                expected_path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n{} case(s) differ; if the new output is right, run:\n    {BLESS}",
        failures.join("\n"),
        failures.len()
    );
}

#[test]
fn every_expectation_has_a_case() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("the crate directory");
    let cases = cases();
    for entry in fs::read_dir(CASES).expect("the cases directory").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "expected") {
            let stem = path.file_stem().map(PathBuf::from).unwrap_or_default();
            assert!(
                cases
                    .iter()
                    .any(|c| c.file_stem() == Some(stem.as_os_str())),
                "{} has no case",
                path.display()
            );
        }
    }
}
