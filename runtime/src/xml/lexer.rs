//! An XML 1.0 lexer over a whole document held as `&str`.
//!
//! The caller checks UTF-8 once for the whole input (`std::str::from_utf8`
//! is SIMD-fast) and strips a byte order mark; from then on the lexer works
//! on bytes and slices the input only next to ASCII delimiters, so every
//! token borrows from the input and none allocates (the lexer's one
//! allocation is its stack of open elements). Positions are byte offsets
//! of the token's first byte (`<` for markup).
//!
//! It enforces well-formedness short of document structure: names are
//! namespace QNames, end tags match, attributes are quoted, unique and free
//! of `<`, references are well-formed and defined, comments, PIs, CDATA and
//! the DOCTYPE end, and no character XML 1.0 forbids appears anywhere.
//! Whether there is exactly one root, and what may stand outside it, is the
//! reader's business. A DOCTYPE is only delimited (internal subset
//! included) and reported: the reader refuses it.

mod decode;
mod error;
mod markup;
mod scan;
#[cfg(test)]
mod tests;
mod token;

pub use decode::{attributes, decode_attr, decode_text, has_xmlns, normalize_newlines};
pub use error::{LexError, LexErrorKind};
pub use token::Token;

use super::bytes::same;
use scan::{find, qname_end, skip_ws};

/// Attributes a start tag may have before the duplicate check allocates.
const FEW_ATTRIBUTES: usize = 8;

pub struct Lexer<'i> {
    input: &'i str,
    /// Offset of the next unread byte.
    pos: usize,
    /// Open elements: name and offset of the start tag.
    open: Vec<(&'i str, usize)>,
    /// The `End` owed for an empty-element tag just returned.
    empty: Option<(&'i str, usize)>,
}

impl<'i> Lexer<'i> {
    pub fn new(input: &'i str) -> Self {
        Self {
            input,
            pos: 0,
            open: Vec::with_capacity(16),
            empty: None,
        }
    }

    /// Offset just past the last token returned.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// Number of open elements, counting an empty-element tag whose `End`
    /// is still to come.
    #[cfg(test)]
    pub fn depth(&self) -> usize {
        self.open.len() + usize::from(self.empty.is_some())
    }

    /// The next token; `Eof` for ever once the input is consumed. An error
    /// consumes nothing (state changes only once a token is complete), so
    /// asking again returns the same error.
    pub fn next_token(&mut self) -> Result<Token<'i>, LexError> {
        if let Some((qname, pos)) = self.empty.take() {
            return Ok(Token::End { qname, pos });
        }
        let bytes = self.input.as_bytes();
        let at = self.pos;
        match bytes.get(at) {
            Some(b'<') => match bytes.get(at + 1) {
                Some(b'/') => self.end_tag(at),
                Some(b'!') => self.bang(at),
                Some(b'?') => self.pi(at),
                _ => self.start_tag(at),
            },
            Some(_) => self.text(at),
            None => match self.open.last() {
                Some(&(_, start)) => Err(LexErrorKind::UnclosedElement.at(start)),
                None => Ok(Token::Eof),
            },
        }
    }

    /// The input between two offsets found next to ASCII delimiters, hence
    /// on character boundaries; `get` makes a mistake an empty slice rather
    /// than a panic.
    #[inline(always)]
    fn slice(&self, from: usize, to: usize) -> &'i str {
        self.input.get(from..to).unwrap_or_default()
    }

    fn text(&mut self, at: usize) -> Result<Token<'i>, LexError> {
        let bytes = self.input.as_bytes();
        // Most text between tags is indentation: a short run of whitespace
        // up to the next `<`, cheaper to walk than to search.
        let mut i = at;
        let mut clean = true;
        while let Some(&b) = bytes.get(i) {
            match b {
                b' ' | b'\t' | b'\n' => {}
                b'\r' => clean = false,
                _ => break,
            }
            i += 1;
        }
        let end = loop {
            if bytes.get(i).is_none_or(|&b| b == b'<') {
                break i;
            }
            match find::<{ scan::TEXT }>(bytes, i) {
                None => break bytes.len(),
                Some((j, b'<')) => break j,
                Some((j, b'&')) => {
                    i = scan::reference(self.input, j)?.1;
                    clean = false;
                }
                Some((j, b'\r')) => {
                    i = j + 1;
                    clean = false;
                }
                Some((j, b']')) => {
                    if bytes.get(j + 1..j + 3) == Some(b"]>") {
                        return Err(LexErrorKind::CDataEndInText.at(j));
                    }
                    i = j + 1;
                }
                Some((j, _)) => {
                    scan::check_char(bytes, j)?;
                    i = j + 1;
                }
            }
        };
        self.pos = end;
        let raw = self.slice(at, end);
        Ok(Token::Text {
            raw,
            pos: at,
            clean,
        })
    }

    /// A QName at `start` inside the tag at `lt`.
    #[inline(always)]
    fn tag_name(&self, start: usize, lt: usize) -> Result<usize, LexError> {
        if start >= self.input.len() {
            return Err(LexErrorKind::UnterminatedTag.at(lt));
        }
        qname_end(self.input, start)
    }

    fn start_tag(&mut self, lt: usize) -> Result<Token<'i>, LexError> {
        let bytes = self.input.as_bytes();
        let name_end = self.tag_name(lt + 1, lt)?;
        let qname = self.slice(lt + 1, name_end);
        // Most start tags are a bare name; attributes take the long way.
        let at = match bytes.get(name_end) {
            Some(b'>' | b'/') => name_end,
            _ => self.attribute_list(name_end, lt)?,
        };
        let (empty, close) = match bytes.get(at..at + 2) {
            Some([b'/', b'>']) => (true, at + 2),
            Some([b'/', _]) => {
                return Err(scan::unexpected(bytes, at + 1, LexErrorKind::MalformedTag));
            }
            _ if bytes.get(at) == Some(&b'>') => (false, at + 1),
            _ => return Err(LexErrorKind::UnterminatedTag.at(lt)),
        };
        self.pos = close;
        if empty {
            self.empty = Some((qname, at));
        } else {
            self.open.push((qname, lt));
        }
        Ok(Token::Start {
            qname,
            attrs: self.slice(name_end, at),
            pos: lt,
            empty,
        })
    }

    /// The attributes after the name of the tag at `lt`, from `from`; returns
    /// the offset of the `>` or `/` that ends them.
    fn attribute_list(&mut self, from: usize, lt: usize) -> Result<usize, LexError> {
        let bytes = self.input.as_bytes();
        // The first few names, for the duplicate check.
        let mut names = [""; FEW_ATTRIBUTES];
        let mut count = 0;
        let mut i = from;
        loop {
            let at = skip_ws(bytes, i);
            match bytes.get(at) {
                Some(b'>' | b'/') => {
                    if count > 1 {
                        self.check_duplicates(&names, self.slice(from, at), count)?;
                    }
                    return Ok(at);
                }
                None => return Err(LexErrorKind::UnterminatedTag.at(lt)),
                Some(_) if at == i => {
                    // A name always ends at a non-name character, and after
                    // a value only a name may follow.
                    let kind = if i != from && scan::ncname_end(self.input, at).is_some() {
                        LexErrorKind::MissingWhitespace
                    } else {
                        LexErrorKind::MalformedTag
                    };
                    return Err(scan::unexpected(bytes, at, kind));
                }
                Some(_) => {
                    let name_end;
                    (name_end, i) = self.attribute(at, lt)?;
                    if let Some(slot) = names.get_mut(count) {
                        *slot = self.slice(at, name_end);
                    }
                    count += 1;
                }
            }
        }
    }

    /// One `name = "value"` at `at`; returns the offsets after the name
    /// and after the value.
    fn attribute(&mut self, at: usize, lt: usize) -> Result<(usize, usize), LexError> {
        let bytes = self.input.as_bytes();
        let name_end = self.tag_name(at, lt)?;
        let eq = skip_ws(bytes, name_end);
        match bytes.get(eq) {
            Some(b'=') => {}
            Some(_) => return Err(scan::unexpected(bytes, eq, LexErrorKind::MissingEquals)),
            None => return Err(LexErrorKind::UnterminatedTag.at(lt)),
        }
        let q = skip_ws(bytes, eq + 1);
        let quote = match bytes.get(q) {
            Some(&b @ (b'"' | b'\'')) => b,
            Some(_) => {
                return Err(scan::unexpected(
                    bytes,
                    q,
                    LexErrorKind::UnquotedAttributeValue,
                ));
            }
            None => return Err(LexErrorKind::UnterminatedTag.at(lt)),
        };
        let mut i = q + 1;
        loop {
            let stop = if quote == b'"' {
                find::<{ scan::DQ_VALUE }>(bytes, i)
            } else {
                find::<{ scan::SQ_VALUE }>(bytes, i)
            };
            match stop {
                None => return Err(LexErrorKind::UnterminatedTag.at(lt)),
                Some((j, b'<')) => return Err(LexErrorKind::LtInAttributeValue.at(j)),
                Some((j, b'&')) => i = scan::reference(self.input, j)?.1,
                Some((j, b'"' | b'\'')) => return Ok((name_end, j + 1)),
                Some((j, _)) => {
                    scan::check_char(bytes, j)?;
                    i = j + 1;
                }
            }
        }
    }

    /// Most tags have at most one attribute and skip this; a few are
    /// compared pairwise and only a long list is collected and sorted.
    #[inline(never)]
    fn check_duplicates(
        &self,
        names: &[&'i str; FEW_ATTRIBUTES],
        attrs: &'i str,
        count: usize,
    ) -> Result<(), LexError> {
        let offset = |name: &str| {
            name.as_ptr()
                .addr()
                .saturating_sub(self.input.as_ptr().addr())
        };
        let dup = if count <= FEW_ATTRIBUTES {
            let names = names.get(..count).unwrap_or_default();
            (1..count).find_map(|k| {
                let name = names.get(k)?;
                let before = names.get(..k)?;
                before
                    .iter()
                    .any(|other| same(other, name))
                    .then(|| offset(name))
            })
        } else {
            let mut names: Vec<&str> = attributes(attrs).map(|(name, _)| name).collect();
            // Stable: equal names stay in document order, so the second of
            // each pair is the later one.
            names.sort();
            names
                .windows(2)
                .filter_map(|pair| match pair {
                    [a, b] if same(a, b) => Some(offset(b)),
                    _ => None,
                })
                .min()
        };
        match dup {
            Some(pos) => Err(LexErrorKind::DuplicateAttribute.at(pos)),
            None => Ok(()),
        }
    }

    fn end_tag(&mut self, lt: usize) -> Result<Token<'i>, LexError> {
        let bytes = self.input.as_bytes();
        // The expected name is known: comparing it in place is cheaper than
        // scanning a name and then comparing. Anything unexpected goes the
        // long way, which also finds the precise error.
        if let Some(&(open, _)) = self.open.last() {
            let name_end = lt + 2 + open.len();
            if bytes
                .get(lt + 2..name_end)
                .is_some_and(|name| same(name, open))
            {
                let gt = match bytes.get(name_end) {
                    Some(b'>') => Some(name_end),
                    Some(&b) if scan::is_ws(b) => Some(skip_ws(bytes, name_end)),
                    _ => None,
                };
                if let Some(gt) = gt.filter(|&gt| bytes.get(gt) == Some(&b'>')) {
                    self.open.pop();
                    self.pos = gt + 1;
                    // The same text as the end tag's name, already sliced.
                    return Ok(Token::End {
                        qname: open,
                        pos: lt,
                    });
                }
            }
        }
        let name_end = self.tag_name(lt + 2, lt)?;
        let qname = self.slice(lt + 2, name_end);
        let gt = skip_ws(bytes, name_end);
        match bytes.get(gt) {
            Some(b'>') => {}
            Some(_) => return Err(scan::unexpected(bytes, gt, LexErrorKind::MalformedTag)),
            None => return Err(LexErrorKind::UnterminatedTag.at(lt)),
        }
        match self.open.last() {
            Some(&(open, _)) if same(open, qname) => {
                self.open.pop();
            }
            Some(_) => return Err(LexErrorKind::MismatchedEnd.at(lt)),
            None => return Err(LexErrorKind::UnmatchedEnd.at(lt)),
        }
        self.pos = gt + 1;
        Ok(Token::End { qname, pos: lt })
    }
}
