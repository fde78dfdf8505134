//! Says loudly when the EWS tests could not run.

#[test]
fn the_ews_corpus_was_found() {
    if !xsdgen_ews::GENERATED {
        // The build script refuses a missing corpus under CI, so this
        // only happens on a machine without `../shared`.
        eprintln!("SKIPPED: xsdgen-ews was built without the EWS corpus (set XSDGEN_EWS_CORPUS)");
    }
}
