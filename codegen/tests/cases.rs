//! Golden tests: each folder of `schemas/cases/` with a `schema.xsd` (or,
//! for a WSDL case, a `schema.wsdl`) is generated and compared byte for
//! byte with its `expected.rs`.
//! `compile_cases.rs` compiles every `expected.rs` and round-trips the
//! folder's example XML through it. Re-bless with
//! `XSDGEN_BLESS=1 cargo test -p xsdgen --test cases`.

use std::fs;
use std::path::{Path, PathBuf};

const BLESS: &str = "XSDGEN_BLESS=1 cargo test -p xsdgen --test cases";

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/cases")
}

/// The case folders, sorted.
fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("../schemas/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| entry(p).is_file())
        .collect();
    dirs.sort();
    dirs
}

/// The file a case is generated from.
fn entry(dir: &Path) -> PathBuf {
    let wsdl = dir.join("schema.wsdl");
    if wsdl.is_file() {
        wsdl
    } else {
        dir.join("schema.xsd")
    }
}

/// The case's inputs: its entry, then every `*.input.xsd` of the folder (a
/// schema given on the command line beside the entry, as a user gives the
/// local copy of an import whose location is a URL).
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut extra: Vec<PathBuf> = fs::read_dir(dir)
        .expect("a case folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".input.xsd"))
        .collect();
    extra.sort();
    std::iter::once(entry(dir)).chain(extra).collect()
}

/// Options some cases exercise.
fn config(case: &str) -> xsdgen::Config {
    let mut config = xsdgen::Config::new();
    config.emit_rerun_if_changed(false);
    if case == "enum_unknown" {
        config.enum_unknown_variant(true);
    }
    config
}

#[test]
fn generated_code_matches_expected() {
    let bless = std::env::var_os("XSDGEN_BLESS").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for dir in cases() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let files = match config(&name).generate(&inputs(&dir)) {
            Ok(files) => files,
            Err(e) => {
                failures.push(format!("{name}: generation failed:\n{e}"));
                continue;
            }
        };
        assert_eq!(files.len(), 1, "{name}");
        let fresh = &files[0].contents;
        let expected_path = dir.join("expected.rs");
        if bless {
            fs::write(&expected_path, fresh).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if &expected != fresh {
            let line = expected
                .lines()
                .zip(fresh.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| expected.lines().count().min(fresh.lines().count()));
            failures.push(format!(
                "{name}: expected.rs differs from line {}:\n  expected:  {}\n  generated: {}",
                line + 1,
                expected.lines().nth(line).unwrap_or("<end of file>"),
                fresh.lines().nth(line).unwrap_or("<end of file>"),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the changes are intended, run:\n\n    {BLESS}\n",
        failures.join("\n\n")
    );
}

#[test]
fn every_case_is_compiled_and_round_tripped() {
    let compile =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compile_cases.rs"))
            .unwrap();
    for dir in cases() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            compile.contains(&format!("case!({name},")),
            "tests/compile_cases.rs does not compile the case '{name}': add `case!({name}, ...)`"
        );
        assert!(
            dir.join("example.xml").is_file(),
            "case '{name}' has no example.xml"
        );
    }
}
