//! Helpers shared by the integration tests of the generator.

use std::io::Write as _;
use std::path::PathBuf;

/// The EWS corpus folder: `$XSDGEN_EWS_CORPUS`, by default
/// `../shared/corpus/ews` beside the workspace. Without it a test is
/// skipped loudly, or fails when `CI` is set.
#[allow(dead_code)]
pub fn ews_corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("XSDGEN_EWS_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/ews"),
        PathBuf::from,
    );
    if dir.is_dir() {
        return Some(dir);
    }
    let message = format!(
        "the EWS corpus is not at {} (set XSDGEN_EWS_CORPUS)",
        dir.display()
    );
    assert!(std::env::var_os("CI").is_none(), "{message}");
    // Straight to the process's stderr: the test harness captures
    // `eprintln!` of passing tests, and a skip must not go unnoticed.
    let _ = writeln!(std::io::stderr(), "\n*** SKIPPED: {message} ***\n");
    None
}

/// The front half of the pipeline (load, parse, lower, check) over files
/// on disk: the sources and the checked model.
#[allow(dead_code)]
pub fn front(
    inputs: &[PathBuf],
) -> Result<(xsdgen::load::SourceSet, xsdgen::model::Model), xsdgen::Error> {
    let front = xsdgen::pipeline::front(
        xsdgen::pipeline::Inputs::Disk(inputs),
        &xsdgen::load::LoadOptions::default(),
    )?;
    Ok((front.sources, front.model))
}
