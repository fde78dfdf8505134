use std::fmt;

use super::Name;

/// A failure to read a document into typed values.
///
/// Carries the element path (`/Envelope/Body/GetUMPropertiesResponse/...`)
/// and the line and column in the input, so that a bad message from a server
/// can be located without a debugger. The details are boxed: a generated
/// reader returns a `Result` from every element it reads, and a one-word
/// error keeps those results as small as the values they carry. The fields
/// read through [`ReadErrorInfo`] (`err.path`, `err.kind`).
#[derive(Clone, PartialEq, Eq)]
pub struct ReadError(Box<ReadErrorInfo>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadErrorInfo {
    pub kind: ReadErrorKind,
    /// Local names of the open elements from the root, `/`-separated.
    pub path: String,
    pub line: u32,
    pub column: u32,
}

impl ReadError {
    pub fn new(kind: ReadErrorKind, path: String, line: u32, column: u32) -> Self {
        Self(Box::new(ReadErrorInfo {
            kind,
            path,
            line,
            column,
        }))
    }
}

impl std::ops::Deref for ReadError {
    type Target = ReadErrorInfo;

    fn deref(&self) -> &ReadErrorInfo {
        &self.0
    }
}

impl std::ops::DerefMut for ReadError {
    fn deref_mut(&mut self) -> &mut ReadErrorInfo {
        &mut self.0
    }
}

impl fmt::Debug for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.0;
        write!(
            f,
            "{} (line {}, column {}): {}",
            e.path, e.line, e.column, e.kind
        )
    }
}

impl std::error::Error for ReadError {}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// Not well-formed XML, or not UTF-8.
    #[error("malformed XML: {0}")]
    Syntax(String),
    #[error("the document ended inside an element")]
    UnexpectedEof,
    /// The right local name in the wrong namespace is the usual mistake
    /// (`https://` instead of `http://`), so both namespaces are named.
    #[error("expected element {expected}, found {found}")]
    UnexpectedElement { expected: String, found: String },
    #[error("unexpected element {found} (no further element is allowed here)")]
    ExtraElement { found: String },
    #[error("missing required element {0}")]
    MissingElement(String),
    #[error("missing required attribute {0}")]
    MissingAttribute(String),
    #[error("unexpected text {0:?} where only elements are allowed")]
    UnexpectedText(String),
    #[error("element content where text was expected: {0}")]
    UnexpectedChild(String),
    #[error("undeclared namespace prefix '{0}'")]
    UnknownPrefix(String),
    #[error("invalid value {value:?}: {reason}")]
    InvalidValue { value: String, reason: String },
    #[error("element {0} appears more than once")]
    Duplicate(String),
    /// An attribute the element's type does not declare and no wildcard
    /// of it takes.
    #[error("attribute {0} is not declared here")]
    UndeclaredAttribute(String),
    /// The document element is an `Envelope` in a namespace that is not
    /// that of a SOAP version the reader accepts: the sender speaks
    /// another version (a SOAP node answers with a `VersionMismatch`
    /// fault), or misspelt the namespace.
    #[error("the envelope is in {}, expected {expected}", namespace_or_none(found))]
    VersionMismatch {
        /// The envelope's namespace URI, `""` for none.
        found: String,
        /// The versions that would have been read, for the message.
        expected: String,
    },
    /// A header entry marked `mustUnderstand` for this node, which the
    /// operation does not declare (a SOAP node answers with a
    /// `MustUnderstand` fault naming it).
    #[error(
        "header entry not understood: {} is marked {marked}, and the operation does not declare it",
        clark(namespace, local)
    )]
    NotUnderstood {
        namespace: String,
        local: String,
        /// The marking as the message's version spells it, e.g.
        /// `soap:mustUnderstand="1"`.
        marked: String,
    },
    #[error("{0}")]
    Other(String),
}

fn namespace_or_none(ns: &str) -> String {
    if ns.is_empty() {
        "no namespace".to_owned()
    } else {
        format!("namespace {ns}")
    }
}

fn clark(ns: &str, local: &str) -> String {
    if ns.is_empty() {
        local.to_owned()
    } else {
        format!("{{{ns}}}{local}")
    }
}

/// Why a lexical form does not belong to a simple type. Converted into a
/// [`ReadError`] with its position by the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    pub reason: String,
}

impl ValueError {
    pub fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for ValueError {}

/// A value that cannot be written as XML 1.0.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("character U+{code:04X} cannot be written in XML 1.0 (in {name})")]
    InvalidChar { code: u32, name: String },
    #[error("invalid value for {name}: {reason}")]
    InvalidValue { name: String, reason: String },
    #[error("unbalanced element {0}: end without start")]
    Unbalanced(String),
    /// A repeated element given more or fewer times than its schema
    /// allows: the reader would refuse the document.
    #[error("{path}: {count} {element} element(s), where the schema allows {allowed}")]
    Occurrences {
        /// The enclosing elements, outermost first (`Envelope/Body/Items`).
        path: String,
        element: String,
        count: usize,
        /// `1 or more`, `0 to 3`, ...
        allowed: String,
    },
}

impl WriteError {
    pub(crate) fn invalid_char(c: char, name: Name) -> Self {
        Self::InvalidChar {
            code: u32::from(c),
            name: name.to_string(),
        }
    }
}
