//! Errors of a users file, located by line and column.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use super::check::InvalidUser;

/// Where in a users file something is: 1-based line and column (in
/// characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The location of the byte offset `span.start` of `text`.
    pub(super) fn of(file: &str, text: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let before = &text[..start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            file: file.to_owned(),
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Why a users file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum UsersFileError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Not TOML, or not the shape of a users file: a missing, unknown or
    /// duplicate key, a value of the wrong type.
    #[error("{location}: {reason}")]
    Syntax { location: Location, reason: String },
    /// Well-formed, but a value is not acceptable.
    #[error("{location}: {problem}")]
    Invalid {
        location: Location,
        problem: Problem,
    },
}

impl UsersFileError {
    /// Where the error is, unless the file could not be read at all.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Self::Read { .. } => None,
            Self::Syntax { location, .. } | Self::Invalid { location, .. } => Some(location),
        }
    }
}

/// A value of a well-formed users file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("user {name:?}: {why}")]
    User { name: String, why: InvalidUser },
    #[error("a second user named {0:?} (names are compared ignoring case)")]
    DuplicateName(String),
    #[error("a second user with the e-mail address {0:?}")]
    DuplicateEmail(String),
    #[error("extension_digits must be between 1 and 20")]
    ExtensionDigits,
    #[error("a phone number must satisfy the dialing rules")]
    PhoneNumber,
    #[error("this phone number is listed twice (numbers are compared by their digits)")]
    DuplicatePhone,
}

/// The text of a TOML or serde error, without the value it may quote.
///
/// serde writes "invalid type: string \"hunter2\", expected u32" and the
/// like, which for a password or PIN would print the secret; those keep only
/// what was expected. Other messages (syntax, missing, unknown or duplicate
/// keys) name keys and grammar, never values.
pub(super) fn describe(message: &str) -> String {
    const QUOTING: [(&str, &str); 3] = [
        ("invalid type: ", "wrong type"),
        ("invalid value: ", "invalid value"),
        ("unknown variant ", "unknown value"),
    ];
    for (prefix, what) in QUOTING {
        if let Some(rest) = message.strip_prefix(prefix) {
            return match rest.find(", expected ") {
                Some(at) => format!("{what}{}", &rest[at..]),
                None => what.to_owned(),
            };
        }
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_count_lines_and_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        let at = |offset| {
            let l = Location::of("f.toml", text, offset..offset);
            (l.line, l.column)
        };
        assert_eq!(at(0), (1, 1));
        assert_eq!(at(6), (2, 1));
        // After the two-byte é: column 3, not 4.
        assert_eq!(at(9), (2, 3));
        // Inside é, and past the end: clamped, never a panic.
        assert_eq!(at(8), (2, 2));
        assert_eq!(at(999), (3, 1));
    }

    #[test]
    fn describe_drops_quoted_values() {
        assert_eq!(
            describe("invalid type: integer `802469`, expected a string"),
            "wrong type, expected a string"
        );
        assert_eq!(
            describe("unknown variant `bsy`, expected `answer` or `busy`"),
            "unknown value, expected `answer` or `busy`"
        );
        assert_eq!(describe("invalid value: x"), "invalid value");
        assert_eq!(describe("missing field `email`"), "missing field `email`");
    }
}
