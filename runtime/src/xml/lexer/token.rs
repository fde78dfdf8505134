//! What the lexer returns: slices of the input and their offsets.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'i> {
    /// A start tag; `attrs` is the raw region between the name and `>` or
    /// `/>`, for [`attributes`](super::attributes). For `<a/>` (`empty`),
    /// the matching [`Token::End`] is the next token, so `<a/>` reads like
    /// `<a></a>`.
    Start {
        qname: &'i str,
        attrs: &'i str,
        pos: usize,
        empty: bool,
    },
    /// An end tag; for an empty-element tag, `pos` is that of its `/>`.
    End {
        qname: &'i str,
        pos: usize,
    },
    /// Character data up to the next markup, references undecoded. `clean`
    /// says there is nothing to decode (no `&`, no `\r`): `raw` is the text.
    Text {
        raw: &'i str,
        pos: usize,
        clean: bool,
    },
    /// The content of a CDATA section; line ends are not yet normalized
    /// (see [`normalize_newlines`](super::normalize_newlines)).
    CData {
        text: &'i str,
        pos: usize,
    },
    Comment {
        text: &'i str,
        pos: usize,
    },
    Pi {
        target: &'i str,
        content: &'i str,
        pos: usize,
    },
    /// The XML declaration; `content` (after `<?xml`, before `?>`) has been
    /// checked and reads with [`attributes`](super::attributes).
    Decl {
        content: &'i str,
        pos: usize,
    },
    /// A document type declaration, everything after `<!DOCTYPE`.
    DocType {
        content: &'i str,
        pos: usize,
    },
    Eof,
}
