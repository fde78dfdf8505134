//! What a reader does with content the schema does not declare where it
//! appears, and the warnings it keeps of what it skipped.
//!
//! The policy is the same for elements and attributes, and nothing is ever
//! dropped without a word:
//! - [`Undeclared::Error`] (the default): an undeclared element or
//!   attribute is a [`ReadError`] with its path and position, as a
//!   validating parser reports it;
//! - [`Undeclared::Skip`]: it is skipped, and a [`ReadWarning`] says where
//!   (also logged as a `tracing` warning), for documents from producers
//!   that extend a schema without saying so.
//!
//! Whatever the policy, what the schema lets an element carry is kept:
//! attributes an `xs:anyAttribute` takes, and the `xsi:` attributes of the
//! XML Schema instance vocabulary (`xsi:schemaLocation`, an `xsi:type` that
//! names the declared type) are kept in the type's `other_attributes` and
//! written back. On an element whose type has no place for attributes (a
//! simple-typed element, a choice), such `xsi:` hints are skipped with a
//! warning.

use std::fmt;

use super::ReadError;

/// See the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Undeclared {
    #[default]
    Error,
    Skip,
}

/// How a document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadOptions {
    pub undeclared: Undeclared,
}

/// Something the reader skipped, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadWarning {
    /// The element path, as in [`ReadError`].
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl ReadWarning {
    pub(crate) fn from_error(error: &ReadError) -> Self {
        Self {
            path: error.path.clone(),
            line: error.line,
            column: error.column,
            message: format!("skipped: {}", error.kind),
        }
    }
}

impl fmt::Display for ReadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {}): {}",
            self.path, self.line, self.column, self.message
        )
    }
}
