//! What the FindItem benches share: the documents, and one read and one
//! write through each of the two bindings.

pub mod document;
pub mod generated;
pub mod serde_model;

/// The two sizes: a first page, and a whole folder.
pub const SIZES: [(&str, usize); 2] = [("20KB", 9), ("5MB", 2_380)];
