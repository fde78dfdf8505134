//! Replays `fuzz/regressions/<target>/`, inputs that once broke a fuzz
//! target and a few seeds, through the same code the targets run
//! (`fuzz/src/targets.rs` and what it uses, compiled here as modules), so
//! that fixed crashes stay fixed on stable without cargo-fuzz. A panic is
//! the failure, as under the fuzzer.

#[path = "../fuzz/src/documents.rs"]
mod documents;
#[path = "../fuzz/src/generate.rs"]
mod generate;
#[path = "../fuzz/src/split.rs"]
mod split;
#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::path::PathBuf;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    for input in &inputs {
        let data = std::fs::read(input).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{} broke {target} again", input.display());
    }
}

#[test]
fn schema_loader_regressions() {
    replay("schema_loader", targets::schema_loader);
}

#[test]
fn xml_reader_regressions() {
    replay("xml_reader", targets::xml_reader);
}
