//! Markup other than tags: comments, CDATA sections, processing
//! instructions, the XML declaration and the document type declaration.

use super::scan::{self, find, skip_ws};
use super::{LexError, LexErrorKind, Lexer, Token};

const COMMENT_OPEN: &[u8] = b"<!--";
const CDATA_OPEN: &[u8] = b"<![CDATA[";
const DOCTYPE_OPEN: &[u8] = b"<!DOCTYPE";

impl<'i> Lexer<'i> {
    pub(super) fn bang(&mut self, lt: usize) -> Result<Token<'i>, LexError> {
        let rest = self.input.as_bytes().get(lt..).unwrap_or_default();
        if rest.starts_with(COMMENT_OPEN) {
            let (end, after) = comment_end(self.input.as_bytes(), lt)?;
            self.pos = after;
            let text = self.slice(lt + COMMENT_OPEN.len(), end);
            return Ok(Token::Comment { text, pos: lt });
        }
        if rest.starts_with(CDATA_OPEN) {
            return self.cdata(lt);
        }
        if rest.starts_with(DOCTYPE_OPEN) {
            return self.doctype(lt);
        }
        // Input cut inside the opening delimiter is an unterminated
        // construct, not unknown markup.
        // (`<!` alone could be any of them.)
        let kind = if rest.len() <= 2 {
            LexErrorKind::MalformedMarkup
        } else if COMMENT_OPEN.starts_with(rest) {
            LexErrorKind::UnterminatedComment
        } else if CDATA_OPEN.starts_with(rest) {
            LexErrorKind::UnterminatedCData
        } else if DOCTYPE_OPEN.starts_with(rest) {
            LexErrorKind::UnterminatedDocType
        } else {
            LexErrorKind::MalformedMarkup
        };
        Err(kind.at(lt))
    }

    fn cdata(&mut self, lt: usize) -> Result<Token<'i>, LexError> {
        let bytes = self.input.as_bytes();
        let from = lt + CDATA_OPEN.len();
        let mut i = from;
        loop {
            match find::<{ scan::CDATA }>(bytes, i) {
                None => return Err(LexErrorKind::UnterminatedCData.at(lt)),
                Some((j, b']')) => {
                    if bytes.get(j + 1..j + 3) == Some(b"]>") {
                        self.pos = j + 3;
                        let text = self.slice(from, j);
                        return Ok(Token::CData { text, pos: lt });
                    }
                    i = j + 1;
                }
                Some((j, _)) => {
                    scan::check_char(bytes, j)?;
                    i = j + 1;
                }
            }
        }
    }

    pub(super) fn pi(&mut self, lt: usize) -> Result<Token<'i>, LexError> {
        let bytes = self.input.as_bytes();
        let start = lt + 2;
        let Some(end) = scan::ncname_end(self.input, start) else {
            return Err(match bytes.get(start) {
                None => LexErrorKind::UnterminatedPi.at(lt),
                Some(_) => scan::unexpected(bytes, start, LexErrorKind::InvalidName),
            });
        };
        let target = self.slice(start, end);
        if target.eq_ignore_ascii_case("xml") {
            // Only the declaration, only first, only in lower case.
            if lt == 0 && target == "xml" {
                return self.decl(end);
            }
            return Err(LexErrorKind::ReservedPiTarget.at(lt));
        }
        let content = match bytes.get(end) {
            Some(b'?') if bytes.get(end + 1) == Some(&b'>') => end,
            Some(&b) if scan::is_ws(b) => skip_ws(bytes, end),
            Some(_) => return Err(scan::unexpected(bytes, end, LexErrorKind::MalformedPi)),
            None => return Err(LexErrorKind::UnterminatedPi.at(lt)),
        };
        let (stop, after) = pi_end(bytes, lt, content)?;
        self.pos = after;
        Ok(Token::Pi {
            target,
            content: self.slice(content, stop),
            pos: lt,
        })
    }

    /// `<?xml` VersionInfo EncodingDecl? SDDecl? S? `?>`, at offset 0.
    fn decl(&mut self, from: usize) -> Result<Token<'i>, LexError> {
        const NAMES: [&str; 3] = ["version", "encoding", "standalone"];
        let input = self.input;
        let bytes = input.as_bytes();
        let malformed = |at| Err(scan::unexpected(bytes, at, LexErrorKind::MalformedDecl));
        let mut i = from;
        // Index into NAMES of the next pseudo-attribute allowed.
        let mut next = 0;
        loop {
            let at = skip_ws(bytes, i);
            match bytes.get(at) {
                None => return Err(LexErrorKind::UnterminatedPi.at(0)),
                Some(b'?') if bytes.get(at + 1) == Some(&b'>') => {
                    if next == 0 {
                        return malformed(at);
                    }
                    self.pos = at + 2;
                    return Ok(Token::Decl {
                        content: self.slice(from, at),
                        pos: 0,
                    });
                }
                Some(_) if at == i => return malformed(at),
                Some(_) => {}
            }
            let Some(name_end) = scan::ncname_end(input, at) else {
                return malformed(at);
            };
            let name = self.slice(at, name_end);
            match NAMES.iter().skip(next).position(|&n| n == name) {
                // The version comes first and is required.
                Some(k) if next > 0 || k == 0 => next += k + 1,
                _ => return malformed(at),
            }
            let eq = skip_ws(bytes, name_end);
            if bytes.get(eq) != Some(&b'=') {
                return malformed(eq);
            }
            let q = skip_ws(bytes, eq + 1);
            let Some(&quote) = bytes.get(q).filter(|&&b| b == b'"' || b == b'\'') else {
                return malformed(q);
            };
            let Some(close) = bytes
                .get(q + 1..)
                .and_then(|rest| rest.iter().position(|&b| b == quote))
                .map(|k| q + 1 + k)
            else {
                return Err(LexErrorKind::UnterminatedPi.at(0));
            };
            let value = bytes.get(q + 1..close).unwrap_or_default();
            let ok = match name {
                "version" => value
                    .strip_prefix(b"1.")
                    .is_some_and(|d| !d.is_empty() && d.iter().all(u8::is_ascii_digit)),
                "encoding" => value.split_first().is_some_and(|(first, rest)| {
                    first.is_ascii_alphabetic()
                        && rest
                            .iter()
                            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
                }),
                _ => value == b"yes" || value == b"no",
            };
            if !ok {
                return malformed(q + 1);
            }
            i = close + 1;
        }
    }

    /// `<!DOCTYPE` S Name ... `>`: only delimited, minding quoted literals
    /// and the internal subset with the declarations, comments and PIs it
    /// may hold (any of which may contain `>`, `]` or a quote). What is
    /// declared is not checked: the reader refuses any DOCTYPE.
    fn doctype(&mut self, lt: usize) -> Result<Token<'i>, LexError> {
        let bytes = self.input.as_bytes();
        let unterminated = LexErrorKind::UnterminatedDocType.at(lt);
        let after = lt + DOCTYPE_OPEN.len();
        let name = skip_ws(bytes, after);
        if name == after {
            return Err(match bytes.get(after) {
                None => unterminated,
                Some(_) => scan::unexpected(bytes, after, LexErrorKind::MalformedDocType),
            });
        }
        if name >= bytes.len() {
            return Err(unterminated);
        }
        let mut i = scan::qname_end(self.input, name)?;
        let mut subset = false;
        // Inside a markup declaration of the subset (`<!ELEMENT ...>`).
        let mut decl = false;
        loop {
            let Some(&b) = bytes.get(i) else {
                return Err(unterminated);
            };
            i = match b {
                b'"' | b'\'' if !subset || decl => {
                    let stop = if b == b'"' {
                        literal_end::<{ scan::DQ_LITERAL }>(bytes, i + 1)?
                    } else {
                        literal_end::<{ scan::SQ_LITERAL }>(bytes, i + 1)?
                    };
                    stop.ok_or(unterminated)? + 1
                }
                b'[' if !subset => {
                    subset = true;
                    i + 1
                }
                b']' if !subset => return Err(LexErrorKind::MalformedDocType.at(i)),
                b'>' if !subset => {
                    self.pos = i + 1;
                    let content = self.slice(after, i);
                    return Ok(Token::DocType { content, pos: lt });
                }
                b'>' if decl => {
                    decl = false;
                    i + 1
                }
                _ if !subset || decl => {
                    if b == 0xEF || (b < 0x20 && !scan::is_ws(b)) {
                        scan::check_char(bytes, i)?;
                    }
                    i + 1
                }
                // Between the subset's declarations: only whitespace,
                // parameter entity references, declarations, comments and
                // PIs, and the `]` that ends it, then whitespace and `>`.
                b']' => {
                    let gt = skip_ws(bytes, i + 1);
                    match bytes.get(gt) {
                        Some(b'>') => {
                            subset = false;
                            gt
                        }
                        Some(_) => {
                            return Err(scan::unexpected(
                                bytes,
                                gt,
                                LexErrorKind::MalformedDocType,
                            ));
                        }
                        None => return Err(unterminated),
                    }
                }
                b'<' if bytes.get(i..i + 4) == Some(COMMENT_OPEN) => {
                    comment_end(bytes, i)
                        .map_err(|e| if e.pos == i { unterminated } else { e })?
                        .1
                }
                b'<' if bytes.get(i + 1) == Some(&b'?') => {
                    pi_end(bytes, i, i + 2)
                        .map_err(|e| if e.pos == i { unterminated } else { e })?
                        .1
                }
                b'<' if bytes.get(i + 1) == Some(&b'!') => {
                    decl = true;
                    i + 2
                }
                b'%' => match scan::ncname_end(self.input, i + 1) {
                    Some(end) if bytes.get(end) == Some(&b';') => end + 1,
                    _ => return Err(LexErrorKind::MalformedDocType.at(i)),
                },
                _ if scan::is_ws(b) => i + 1,
                _ => return Err(scan::unexpected(bytes, i, LexErrorKind::MalformedDocType)),
            };
        }
    }
}

/// The comment at `lt`: offset of its closing `-->` and the offset after.
fn comment_end(bytes: &[u8], lt: usize) -> Result<(usize, usize), LexError> {
    let mut i = lt + COMMENT_OPEN.len();
    loop {
        match find::<{ scan::COMMENT }>(bytes, i) {
            None => return Err(LexErrorKind::UnterminatedComment.at(lt)),
            Some((j, b'-')) => {
                if bytes.get(j + 1) == Some(&b'-') {
                    return match bytes.get(j + 2) {
                        Some(b'>') => Ok((j, j + 3)),
                        Some(_) => Err(LexErrorKind::DoubleHyphenInComment.at(j)),
                        None => Err(LexErrorKind::UnterminatedComment.at(lt)),
                    };
                }
                i = j + 1;
            }
            Some((j, _)) => {
                scan::check_char(bytes, j)?;
                i = j + 1;
            }
        }
    }
}

/// The PI at `lt` whose content starts at `from`: offset of its `?>` and
/// the offset after.
fn pi_end(bytes: &[u8], lt: usize, from: usize) -> Result<(usize, usize), LexError> {
    let mut i = from;
    loop {
        match find::<{ scan::PI }>(bytes, i) {
            None => return Err(LexErrorKind::UnterminatedPi.at(lt)),
            Some((j, b'?')) => {
                if bytes.get(j + 1) == Some(&b'>') {
                    return Ok((j, j + 2));
                }
                i = j + 1;
            }
            Some((j, _)) => {
                scan::check_char(bytes, j)?;
                i = j + 1;
            }
        }
    }
}

/// Offset of the quote closing a literal whose content starts at `from`.
fn literal_end<const MASK: u16>(bytes: &[u8], from: usize) -> Result<Option<usize>, LexError> {
    let mut i = from;
    loop {
        match find::<MASK>(bytes, i) {
            None => return Ok(None),
            Some((j, b'"' | b'\'')) => return Ok(Some(j)),
            Some((j, _)) => {
                scan::check_char(bytes, j)?;
                i = j + 1;
            }
        }
    }
}
