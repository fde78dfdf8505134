//! Shared by the fuzz targets: the whole generator pipeline over files held
//! in memory, and the two ways of making those files from fuzz input.
//!
//! Errors and diagnostics are expected answers to broken input; a panic,
//! or generated code that does not even parse, is a bug.

pub mod bases;
pub mod mutate;
pub mod split;

use std::path::PathBuf;

use xsdgen::check::check;
use xsdgen::diagnostics::{Diagnostics, render};
use xsdgen::load::{SourceSet, load_memory_into};
use xsdgen::lower::lower_into;
use xsdgen::parse::parse_into;
use xsdgen::passes::Roots;
use xsdgen::plan::PlanOptions;

/// Runs load, parse, lower, passes, plan, emit and render on `files`, as
/// `xsdgen::Config::generate` does on disk, rendering every diagnostic.
pub fn generate(inputs: &[PathBuf], files: &[(PathBuf, Vec<u8>)], all: bool) {
    let mut diagnostics = Diagnostics::new();
    let Ok(sources) = load_memory_into(inputs, files, &mut diagnostics) else {
        return;
    };
    if stopped(&diagnostics, &sources) {
        return;
    }
    let schemas = parse_into(&sources, &mut diagnostics);
    if stopped(&diagnostics, &sources) {
        return;
    }
    let model = lower_into(&sources, &schemas, &mut diagnostics);
    if stopped(&diagnostics, &sources) {
        return;
    }
    let _ = render(&model.warnings, &sources);

    let roots = if all { Roots::All } else { Roots::Auto };
    let (shaken, recursion) = match xsdgen::passes::run(&model, &roots) {
        Ok(done) => done,
        Err(d) => {
            let _ = render(std::slice::from_ref(&d), &sources);
            return;
        }
    };
    let options = PlanOptions {
        enum_unknown_variant: all,
        ..PlanOptions::default()
    };
    let mut diagnostics = Diagnostics::new();
    let krate = xsdgen::plan::plan(&shaken, &recursion, &options, &mut diagnostics);
    if stopped(&diagnostics, &sources) {
        return;
    }
    let tokens = match xsdgen::emit::emit(&krate) {
        Ok(tokens) => tokens,
        Err(e) => panic!(
            "emit failed on a schema set that passed every check: {}",
            e.0
        ),
    };
    if let Err(e) = xsdgen::render::render(tokens, inputs) {
        panic!("generated code does not parse: {}", e.0);
    }
}

/// Whether an error was reported; renders the diagnostics either way, since
/// rendering spans over arbitrary text is code worth fuzzing too.
fn stopped(diagnostics: &Diagnostics, sources: &SourceSet) -> bool {
    match check(diagnostics, sources) {
        Ok(()) => {
            let _ = render(&diagnostics.sorted(), sources);
            false
        }
        Err(e) => {
            let _ = e.to_string();
            true
        }
    }
}
