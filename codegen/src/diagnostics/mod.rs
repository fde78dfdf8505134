//! Diagnostics: located messages collected within a stage and rendered like
//! rustc, with the source line and a caret under the offending text.
//!
//! ```text
//! load --> SourceSet --parse--> syntax::SchemaSet --lower--> model::Model
//!   \__________________\_____________________________\___> Diagnostics
//!                                                check: stop if any error
//! ```
//!
//! Every stage pushes into one [`Diagnostics`] collector and keeps going, so
//! that one run reports as many problems as it can; [`crate::check::check`]
//! then turns any error into an [`Error`] holding the rendered text, and the
//! next stage only starts on a clean result.

mod error;
pub(crate) mod render;
mod span;

pub use error::Error;
pub use render::{line_col, render, render_one};
pub use span::{FileId, Span};

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

/// A secondary message attached to a diagnostic, such as the place of the
/// first definition of a duplicated name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub span: Option<Span>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// None only for problems that belong to no file (an input that cannot
    /// be read is reported as [`Error::Io`] instead).
    pub span: Option<Span>,
    pub message: String,
    pub notes: Vec<Note>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, Some(span), message)
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, Some(span), message)
    }

    pub fn new(severity: Severity, span: Option<Span>, message: impl Into<String>) -> Self {
        Self {
            severity,
            span,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    /// Adds a located note (`note: first defined here`).
    pub fn with_note(mut self, span: Span, message: impl Into<String>) -> Self {
        self.notes.push(Note {
            span: Some(span),
            message: message.into(),
        });
        self
    }

    /// Adds a note without a location (`= note: ...`).
    pub fn with_help(mut self, message: impl Into<String>) -> Self {
        self.notes.push(Note {
            span: None,
            message: message.into(),
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The collector every stage writes to. It must be checked between stages
/// ([`crate::check::check`]): a stage's output is only trustworthy when no
/// error was pushed while producing it.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Where each stage after the first began in `items`, so that messages
    /// are shown stage by stage (see [`Diagnostics::begin_stage`]).
    stages: Vec<usize>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.push(Diagnostic::error(span, message));
    }

    pub fn warning(&mut self, span: Span, message: impl Into<String>) {
        self.push(Diagnostic::warning(span, message));
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Marks the start of the next stage's messages: [`Diagnostics::sorted`]
    /// keeps the stages in order and sorts within each.
    pub fn begin_stage(&mut self) {
        if self.stages.last() != Some(&self.items.len()) {
            self.stages.push(self.items.len());
        }
    }

    /// The diagnostics in a stable order: stage by stage, and within a
    /// stage by file, then position, then the order they were reported in;
    /// the same message at the same place (a broken message part used by
    /// several operations) only once.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut stage = 0;
        let mut keyed: Vec<(usize, &Diagnostic)> = Vec::with_capacity(self.items.len());
        for (i, d) in self.items.iter().enumerate() {
            while self.stages.get(stage).is_some_and(|&start| start <= i) {
                stage += 1;
            }
            keyed.push((stage, d));
        }
        keyed.sort_by_key(|(stage, d)| (*stage, d.span.map(|s| (s.file, s.start))));
        let mut seen = std::collections::BTreeSet::new();
        keyed
            .into_iter()
            .filter(|(_, d)| seen.insert((d.span, d.severity, d.message.clone())))
            .map(|(_, d)| d.clone())
            .collect()
    }

    /// The warnings (and notes), in the order of [`Diagnostics::sorted`].
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.sorted()
            .into_iter()
            .filter(|d| !d.is_error())
            .collect()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }
}
