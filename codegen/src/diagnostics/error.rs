//! The error type of the whole generator.

use std::io;
use std::path::PathBuf;

use super::Diagnostic;

/// What a caller of the generator gets when it cannot produce code.
///
/// `Display` prints everything a user needs: for [`Error::Diagnostics`] the
/// rendered messages with file, line, column and source excerpt. `Debug`
/// prints the same (as `anyhow` and `miette` errors do), so that a build
/// script's `fn main() -> Result<(), Box<dyn Error>>` returning it with
/// `?` shows `schemas/a.xsd:41:7: error: ...` and the caret, not a dump of
/// spans.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input named by the caller could not be read. Files reached through
    /// `xs:include`/`xs:import` are reported as located diagnostics instead.
    #[error("cannot read '{}': {}", path.display(), super::render::io_reason(source))]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The schemas have errors. `rendered` is the text of all diagnostics
    /// (errors and any warnings of the same stage) in source order.
    #[error("{rendered}")]
    Diagnostics {
        rendered: String,
        diagnostics: Vec<Diagnostic>,
    },
}

impl Error {
    /// The diagnostics behind this error; empty for an I/O error.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Diagnostics { diagnostics, .. } => diagnostics,
            Error::Io { .. } => &[],
        }
    }
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}
