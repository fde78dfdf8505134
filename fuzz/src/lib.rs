//! Shared by the fuzz targets: what each target does with its input
//! (`targets`), the whole generator pipeline over files held in memory
//! (`generate`), the two ways of making those files from fuzz input
//! (`split`, `mutate`), and the reading of XML documents (`documents`).
//!
//! Errors and diagnostics are expected answers to broken input; a panic,
//! or generated code that does not even parse, is a bug.

pub mod bases;
pub mod documents;
pub mod generate;
pub mod mutate;
pub mod split;
pub mod targets;

pub use generate::generate;
