//! The whole generator pipeline over files held in memory.

use std::path::{Path, PathBuf};

/// Runs the whole generator pipeline on `files`, as `xsdgen::Config` does on
/// disk, rendering every diagnostic (rendering spans over arbitrary text is
/// code worth fuzzing too). `all` generates everything, with every
/// enumeration open, to reach more of the plan and the emitter.
///
/// Errors and diagnostics are expected answers to broken input; a panic,
/// or generated code that does not even parse, is a bug.
pub fn generate(input: &Path, files: &[(PathBuf, Vec<u8>)], all: bool) {
    // The pipeline takes the first file as the input.
    let mut files = files.to_vec();
    if let Some(i) = files.iter().position(|(p, _)| p == input) {
        files.swap(0, i);
    }
    let mut config = xsdgen::Config::new();
    config.generate_all(all).enum_unknown_variant(all);
    match config.build_in_memory(&files) {
        Ok(generated) => {
            let _ = generated.warnings;
        }
        Err(e) => {
            // An internal error means generated code did not parse or emit
            // failed on a schema set that passed every check: a bug.
            let text = e.to_string();
            assert!(!text.contains("internal error"), "{text}");
        }
    }
}
