//! What the lexer fails with: a precise kind and a byte offset.

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at byte {pos}")]
pub struct LexError {
    pub kind: LexErrorKind,
    pub pos: usize,
}

/// Why the input is not well-formed. The position of each is given where
/// the lexer reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LexErrorKind {
    /// A control character other than tab, LF, CR, or U+FFFE/U+FFFF; at it.
    #[error("a character XML 1.0 does not allow")]
    InvalidChar,
    /// No name where one is required; at the offending character.
    #[error("not an XML name")]
    InvalidName,
    /// A name with a leading, trailing or second colon; at the name.
    #[error("not a namespace-qualified name (misplaced colon)")]
    InvalidQName,
    /// In a tag, something other than attributes, `>` or `/>`; at it.
    #[error("expected an attribute, `>` or `/>`")]
    MalformedTag,
    /// Two attributes with no whitespace between them; at the second.
    #[error("attributes must be separated by whitespace")]
    MissingWhitespace,
    /// An attribute name not followed by `=`; at what follows instead.
    #[error("expected `=` after the attribute name")]
    MissingEquals,
    /// At the first character of the value.
    #[error("attribute value is not quoted")]
    UnquotedAttributeValue,
    /// At the `<`.
    #[error("`<` in an attribute value")]
    LtInAttributeValue,
    /// At the second occurrence's name.
    #[error("duplicate attribute")]
    DuplicateAttribute,
    /// At the end tag.
    #[error("end tag does not match the open element")]
    MismatchedEnd,
    /// At the end tag.
    #[error("end tag with no open element")]
    UnmatchedEnd,
    /// The input ended inside an element; at its start tag.
    #[error("element not closed at the end of the input")]
    UnclosedElement,
    /// The input ended inside a start or end tag; at its `<`.
    #[error("tag not closed at the end of the input")]
    UnterminatedTag,
    /// These four: at the construct's `<`.
    #[error("comment not closed at the end of the input")]
    UnterminatedComment,
    #[error("processing instruction not closed at the end of the input")]
    UnterminatedPi,
    #[error("CDATA section not closed at the end of the input")]
    UnterminatedCData,
    #[error("document type declaration not closed at the end of the input")]
    UnterminatedDocType,
    /// At the `]]>`.
    #[error("`]]>` in text")]
    CDataEndInText,
    /// At the `--`.
    #[error("`--` inside a comment")]
    DoubleHyphenInComment,
    /// `<!` not followed by `--`, `[CDATA[` or `DOCTYPE`; at the `<`.
    #[error("unknown markup after `<!`")]
    MalformedMarkup,
    /// A PI target not followed by whitespace or `?>`; at what follows.
    #[error("malformed processing instruction")]
    MalformedPi,
    /// At the offending part of the declaration.
    #[error("malformed XML declaration")]
    MalformedDecl,
    /// At the offending part of the declaration.
    #[error("malformed document type declaration")]
    MalformedDocType,
    /// `<?xml` other than the declaration at offset 0, any case; at `<`.
    #[error("processing instruction target `xml` is reserved")]
    ReservedPiTarget,
    /// `&` not starting `&name;`, `&#N;` or `&#xH;`; at the `&`.
    #[error("malformed entity or character reference")]
    InvalidReference,
    /// At the `&`.
    #[error("undefined entity")]
    UndefinedEntity,
    /// A character reference to a non-character (`&#0;`); at the `&`.
    #[error("character reference to a character XML 1.0 does not allow")]
    InvalidCharRef,
}

impl LexErrorKind {
    pub fn at(self, pos: usize) -> LexError {
        LexError { kind: self, pos }
    }
}
