//! What each fuzz target does with its input, in one place: the targets
//! call these, and so does the replay test of the main workspace
//! (`tests/fuzz_regressions.rs`), which runs `fuzz/regressions/` on stable.

/// `schema_loader`: the bytes as one or more schema files
/// (see [`crate::split`]), through the whole generator.
pub fn schema_loader(data: &[u8]) {
    if let Some(split) = crate::split::split(data) {
        crate::generate::generate(&split.inputs[0], &split.files, split.all);
    }
}

/// `xml_reader`: the bytes as an XML document (see [`crate::documents`]).
pub fn xml_reader(data: &[u8]) {
    crate::documents::read_document(data);
}
