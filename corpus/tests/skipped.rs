//! Says loudly when the corpus tests could not run.

#[test]
fn the_corpus_was_found() {
    if !xsdgen_corpus::GENERATED {
        // The build script refuses a missing corpus under CI, so this
        // only happens on a machine without `../shared`.
        eprintln!("SKIPPED: xsdgen-corpus was built without the corpus (set XSDGEN_CORPUS)");
    }
}
