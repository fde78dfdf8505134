//! A pull reader for generated deserializers, over the crate's own lexer.
//!
//! The input is a complete document in memory (a SOAP response body). Its
//! UTF-8 is checked once, up front; then every name, attribute region and
//! nearly every text borrows from it, and a token costs no allocation.
//! Namespaces are compared by URI; the URIs in use are interned, so an
//! element test is a short string comparison and an integer one. A start
//! tag is searched for `xmlns` only as raw bytes, and most tags have no
//! attributes at all, so resolving a name is a lookup in a stack of a
//! handful of bindings. The reader keeps the byte offset of each open start
//! tag and turns it into an element path and a line/column only when
//! reporting an error, so the happy path pays nothing for good messages.

mod attributes;
mod raw;
mod scope;
mod text;

use std::borrow::Cow;

use super::bytes::same;
use super::lexer::{self, LexError, Lexer, Token};
use super::options::{ReadOptions, ReadWarning, Undeclared};
use super::value::{NamespaceContext, SimpleValue};
use super::{Name, ReadError, ReadErrorKind};
use scope::{NsId, Scopes};

/// A start tag that has been read; its content has not.
pub struct Start<'i> {
    qname: &'i str,
    /// Where the local part of `qname` starts (after the prefix's colon).
    local_start: usize,
    /// The raw attribute region of the tag.
    pub(crate) attrs: &'i str,
    ns: NsId,
    /// Byte offset of `<` in the input.
    pub(crate) pos: usize,
}

impl Start<'_> {
    pub fn local_name(&self) -> &str {
        self.qname.get(self.local_start..).unwrap_or(self.qname)
    }
}

/// What the reader makes of a token.
enum Ev<'i> {
    Start(Start<'i>),
    End,
    /// Character data, references undecoded unless `clean`.
    Text {
        raw: &'i str,
        clean: bool,
    },
    CData(&'i str),
    /// Comments and processing instructions: ignored everywhere.
    Ignored,
    Decl,
    DocType,
    Eof,
}

pub struct XmlReader<'i> {
    input: &'i str,
    lexer: Lexer<'i>,
    /// Offsets of the open start tags, for error paths.
    open: Vec<usize>,
    scopes: Scopes<'i>,
    /// An end tag was read; its element's bindings stay in scope until the
    /// next event, so that QName text can still be resolved.
    pending_pop: bool,
    /// Offset of the token read last, where errors are reported.
    last_pos: usize,
    /// Set when the input was not UTF-8: every read fails with it.
    broken: Option<ReadError>,
    /// The name an optional particle looked for last when the lookahead had
    /// its local name in another namespace: if that element is left over,
    /// it is reported as the misnamed one instead of as an extra element.
    pub(crate) namesake: std::cell::Cell<Option<Name>>,
    /// Mixed elements being read, innermost last (see `mixed.rs`).
    mixed: Vec<super::mixed::ReadFrame>,
    options: ReadOptions,
    /// What [`Undeclared::Skip`] skipped, and `xsi:` hints with no place.
    warnings: Vec<ReadWarning>,
    /// The start tag (by offset) whose `xsi:type` chose a derived type: it
    /// is consumed, not kept among the type's other attributes.
    pub(crate) consumed_type: Option<usize>,
}

impl<'i> XmlReader<'i> {
    pub fn new(input: &'i str) -> Self {
        Self::with_options(input, ReadOptions::default())
    }

    /// A reader with another policy for undeclared content (see
    /// [`super::options`]).
    pub fn with_options(input: &'i str, options: ReadOptions) -> Self {
        let input = input.strip_prefix('\u{feff}').unwrap_or(input);
        Self {
            input,
            lexer: Lexer::new(input),
            open: Vec::with_capacity(16),
            scopes: Scopes::new(),
            pending_pop: false,
            last_pos: 0,
            broken: None,
            namesake: std::cell::Cell::new(None),
            mixed: Vec::new(),
            options,
            warnings: Vec::new(),
            consumed_type: None,
        }
    }

    pub fn options(&self) -> ReadOptions {
        self.options
    }

    /// What was skipped so far, in document order.
    pub fn warnings(&self) -> &[ReadWarning] {
        &self.warnings
    }

    /// Applies the policy to undeclared content described by `error`:
    /// the error itself, or a warning and `Ok` when it is skipped.
    pub(crate) fn undeclared(&mut self, error: ReadError) -> Result<(), ReadError> {
        match self.options.undeclared {
            Undeclared::Error => Err(error),
            Undeclared::Skip => {
                self.warn(&error);
                Ok(())
            }
        }
    }

    /// Keeps a warning about what `error` describes, which is skipped.
    pub(crate) fn warn(&mut self, error: &ReadError) {
        let warning = ReadWarning::from_error(error);
        tracing::warn!(target: "xsdgen_runtime::xml", "{warning}");
        self.warnings.push(warning);
    }

    /// Accepts bytes from the network; they must be UTF-8, as SOAP 1.1
    /// messages from Exchange are. The check is one SIMD-fast pass; a bad
    /// byte is reported at its line and column.
    pub fn from_bytes(input: &'i [u8]) -> Result<Self, ReadError> {
        Self::from_bytes_with(input, ReadOptions::default())
    }

    /// [`XmlReader::from_bytes`] with a policy for undeclared content.
    pub fn from_bytes_with(input: &'i [u8], options: ReadOptions) -> Result<Self, ReadError> {
        match std::str::from_utf8(input) {
            Ok(text) => Ok(Self::with_options(text, options)),
            Err(e) => {
                let valid = input.get(..e.valid_up_to()).unwrap_or_default();
                // The valid prefix locates the error, with the path of the
                // elements open at that point.
                let mut reader = Self::new(std::str::from_utf8(valid).unwrap_or_default());
                while let Ok(ev) = reader.next_event() {
                    if matches!(ev, Ev::Eof) {
                        break;
                    }
                }
                reader.last_pos = reader.input.len();
                Err(reader.error(ReadErrorKind::Syntax(format!(
                    "the input is not UTF-8: {e}"
                ))))
            }
        }
    }

    /// Reads up to the document element and returns its start tag. A DTD is
    /// refused: SOAP forbids it, and it is the door to entity expansion.
    pub fn root(&mut self) -> Result<Start<'i>, ReadError> {
        loop {
            match self.next_event()? {
                Ev::Decl | Ev::Ignored => {}
                Ev::Text { raw, .. } if is_blank(raw) => {}
                Ev::DocType => {
                    return Err(self.error(ReadErrorKind::Syntax(
                        "a document type declaration is not allowed".into(),
                    )));
                }
                Ev::Start(start) => return Ok(start),
                Ev::Eof => {
                    return Err(self.error(ReadErrorKind::Syntax("no root element".into())));
                }
                _ => {
                    return Err(self.error(ReadErrorKind::Syntax(
                        "content before the root element".into(),
                    )));
                }
            }
        }
    }

    /// After the root element: only comments and whitespace may follow.
    pub fn finish(&mut self) -> Result<(), ReadError> {
        loop {
            match self.next_event()? {
                Ev::Eof => return Ok(()),
                Ev::Ignored => {}
                Ev::Text { raw, .. } if is_blank(raw) => {}
                _ => {
                    return Err(self.error(ReadErrorKind::Syntax(
                        "content after the root element".into(),
                    )));
                }
            }
        }
    }

    /// The next child element of the current element, or `None` once its
    /// end tag has been consumed. Text other than whitespace is an error:
    /// this is element-only content.
    pub fn next_child(&mut self) -> Result<Option<Start<'i>>, ReadError> {
        loop {
            match self.next_event()? {
                Ev::Start(start) => {
                    if !self.mixed.is_empty() {
                        self.mixed_child();
                    }
                    return Ok(Some(start));
                }
                Ev::End => {
                    self.open.pop();
                    return Ok(None);
                }
                Ev::Text { raw, clean }
                    if !self.mixed.is_empty() && self.in_mixed(self.open.len()) =>
                {
                    let text = if clean {
                        Cow::Borrowed(raw)
                    } else {
                        lexer::decode_text(raw)
                            .map_err(|e| self.lex_error(e, self.offset_of(raw)))?
                    };
                    self.mixed_text(text);
                }
                Ev::CData(raw) if !self.mixed.is_empty() && self.in_mixed(self.open.len()) => {
                    self.mixed_text(lexer::normalize_newlines(raw));
                }
                // Whitespace needs no decoding to be recognised as such.
                Ev::Text { raw, .. } | Ev::CData(raw) => {
                    if !is_blank(raw) {
                        return Err(self.error(ReadErrorKind::UnexpectedText(snippet(raw))));
                    }
                }
                Ev::Ignored => {}
                Ev::Eof => return Err(self.error(ReadErrorKind::UnexpectedEof)),
                Ev::Decl | Ev::DocType => {
                    return Err(self.error(ReadErrorKind::Syntax("misplaced declaration".into())));
                }
            }
        }
    }

    /// Whether `start` is the element `name` (namespace URI and local name).
    pub fn is(&self, start: &Start<'_>, name: Name) -> bool {
        same(start.local_name(), name.local) && self.is_namespace(start.ns, name.ns)
    }

    /// Whether interned namespace `ns` is `uri`.
    fn is_namespace(&self, ns: NsId, uri: &str) -> bool {
        same(self.scopes.uri(ns), uri)
    }

    /// Fails unless `start` is `name`; the message names both, so a
    /// namespace mix-up (`https://` for `http://`) is plain to see.
    pub fn expect(&self, start: &Start<'_>, name: Name) -> Result<(), ReadError> {
        if self.is(start, name) {
            Ok(())
        } else {
            Err(self.unexpected(start, name))
        }
    }

    pub fn unexpected(&self, start: &Start<'_>, expected: Name) -> ReadError {
        self.error(ReadErrorKind::UnexpectedElement {
            expected: expected.to_string(),
            found: self.name_of(start),
        })
    }

    /// An element that no particle of the content model accepts here.
    pub fn extra(&self, start: &Start<'_>) -> ReadError {
        self.error(ReadErrorKind::ExtraElement {
            found: self.name_of(start),
        })
    }

    pub fn missing(&self, name: Name) -> ReadError {
        self.error(ReadErrorKind::MissingElement(name.to_string()))
    }

    pub fn missing_attribute(&self, name: Name) -> ReadError {
        self.error(ReadErrorKind::MissingAttribute(name.to_string()))
    }

    pub fn duplicate(&self, start: &Start<'_>) -> ReadError {
        self.error(ReadErrorKind::Duplicate(self.name_of(start)))
    }

    /// Consumes the rest of the current element, which must have no further
    /// children.
    pub fn end(&mut self) -> Result<(), ReadError> {
        match self.next_child()? {
            None => Ok(()),
            Some(child) => Err(self.extra(&child)),
        }
    }

    /// Skips the current element's content, through its end tag.
    pub fn skip(&mut self) -> Result<(), ReadError> {
        let depth = self.open.len();
        while self.open.len() >= depth {
            match self.next_event()? {
                Ev::End => {
                    self.open.pop();
                }
                Ev::Eof => return Err(self.error(ReadErrorKind::UnexpectedEof)),
                _ => {}
            }
        }
        Ok(())
    }

    /// The value of attribute `name` of the element just started. Must be
    /// called before reading the element's content, while its namespace
    /// declarations are in scope.
    pub fn attribute<'s>(
        &self,
        start: &'s Start<'i>,
        name: Name,
    ) -> Result<Option<Cow<'s, str>>, ReadError> {
        for (key, raw) in lexer::attributes(start.attrs) {
            let (prefix, local) = key.split_once(':').unwrap_or(("", key));
            if local != name.local || prefix == "xmlns" || key == "xmlns" {
                continue;
            }
            // Unprefixed attributes are in no namespace, whatever the
            // default namespace is.
            let ns = if prefix.is_empty() {
                ""
            } else {
                match self.scopes.lookup(prefix) {
                    Some(ns) => ns,
                    None => return Err(self.error(ReadErrorKind::UnknownPrefix(prefix.into()))),
                }
            };
            if ns == name.ns {
                let value =
                    lexer::decode_attr(raw).map_err(|e| self.lex_error(e, self.offset_of(raw)))?;
                return Ok(Some(value));
            }
        }
        Ok(None)
    }

    /// Attribute `name` parsed as a simple value.
    pub fn attribute_value<T: SimpleValue>(
        &self,
        start: &Start<'i>,
        name: Name,
    ) -> Result<Option<T>, ReadError> {
        let Some(text) = self.attribute(start, name)? else {
            return Ok(None);
        };
        T::parse_value(&text, self).map(Some).map_err(|e| {
            self.error(ReadErrorKind::InvalidValue {
                value: snippet(&text),
                reason: format!("in attribute {name}: {}", e.reason),
            })
        })
    }

    /// `xsi:nil="true"` on the element just started.
    pub fn is_nil(&self, start: &Start<'i>) -> Result<bool, ReadError> {
        Ok(self
            .attribute_value::<bool>(start, Name::new(super::ns::XSI, "nil"))?
            .unwrap_or(false))
    }

    /// The element's name in Clark notation, for messages.
    pub fn name_of(&self, start: &Start<'_>) -> String {
        let ns = self.namespace_of(start);
        if ns.is_empty() {
            start.local_name().to_owned()
        } else {
            format!("{{{ns}}}{}", start.local_name())
        }
    }

    /// An error of `kind` at the current position and element path.
    pub fn error(&self, kind: ReadErrorKind) -> ReadError {
        self.error_at(kind, self.last_pos)
    }

    fn error_at(&self, kind: ReadErrorKind, pos: usize) -> ReadError {
        let (line, column) = line_col(self.input.as_bytes(), pos);
        ReadError::new(kind, self.path(), line, column)
    }

    /// Namespace URI of an element read by this reader; `""` for none.
    pub fn namespace_of(&self, start: &Start<'_>) -> &str {
        self.scopes.uri(start.ns)
    }

    /// How many elements are open.
    pub(crate) fn depth(&self) -> usize {
        self.open.len()
    }

    pub(crate) fn mixed_frames(&mut self) -> &mut Vec<super::mixed::ReadFrame> {
        &mut self.mixed
    }

    pub(crate) fn mixed_frames_ref(&self) -> &[super::mixed::ReadFrame] {
        &self.mixed
    }

    fn path(&self) -> String {
        let mut path = String::new();
        for &pos in &self.open {
            let tag = self.input.get(pos + 1..).unwrap_or_default();
            let end = tag
                .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                .unwrap_or(tag.len());
            let qname = tag.get(..end).unwrap_or_default();
            path.push('/');
            path.push_str(qname.rsplit_once(':').map_or(qname, |(_, l)| l));
        }
        if path.is_empty() {
            path.push('/');
        }
        path
    }

    fn next_event(&mut self) -> Result<Ev<'i>, ReadError> {
        if let Some(broken) = &self.broken {
            return Err(broken.clone());
        }
        if self.pending_pop {
            self.pending_pop = false;
            self.scopes.leave(self.open.len());
        }
        let token = match self.lexer.next_token() {
            Ok(token) => token,
            Err(e) => {
                let err = self.lex_error(e, 0);
                self.broken = Some(err.clone());
                return Err(err);
            }
        };
        Ok(match token {
            Token::Start {
                qname, attrs, pos, ..
            } => {
                self.last_pos = pos;
                Ev::Start(self.enter(qname, attrs, pos)?)
            }
            Token::End { pos, .. } => {
                self.last_pos = pos;
                self.pending_pop = true;
                Ev::End
            }
            Token::Text { raw, pos, clean } => {
                self.last_pos = pos;
                Ev::Text { raw, clean }
            }
            Token::CData { text, pos } => {
                self.last_pos = pos;
                Ev::CData(text)
            }
            Token::Comment { pos, .. } | Token::Pi { pos, .. } => {
                self.last_pos = pos;
                Ev::Ignored
            }
            Token::Decl { pos, .. } => {
                self.last_pos = pos;
                Ev::Decl
            }
            Token::DocType { pos, .. } => {
                self.last_pos = pos;
                Ev::DocType
            }
            Token::Eof => {
                self.last_pos = self.input.len();
                Ev::Eof
            }
        })
    }

    /// Opens an element: brings its namespace declarations into scope and
    /// resolves its name.
    fn enter(
        &mut self,
        qname: &'i str,
        attrs: &'i str,
        pos: usize,
    ) -> Result<Start<'i>, ReadError> {
        self.open.push(pos);
        let depth = self.open.len();
        if lexer::has_xmlns(attrs) {
            for (key, raw) in lexer::attributes(attrs) {
                let prefix = match key.strip_prefix("xmlns") {
                    Some("") => "",
                    Some(rest) => match rest.strip_prefix(':') {
                        Some(prefix) => prefix,
                        None => continue,
                    },
                    None => continue,
                };
                let uri =
                    lexer::decode_attr(raw).map_err(|e| self.lex_error(e, self.offset_of(raw)))?;
                self.scopes.declare(prefix, uri, depth);
            }
        }
        // Names are short: a plain loop beats a call to memchr.
        let colon = qname.bytes().position(|b| b == b':');
        let prefix = colon.and_then(|c| qname.get(..c)).unwrap_or("");
        match self.scopes.element_ns(prefix) {
            Some(ns) => Ok(Start {
                qname,
                local_start: colon.map_or(0, |c| c + 1),
                attrs,
                ns,
                pos,
            }),
            None => Err(self.error(ReadErrorKind::UnknownPrefix(prefix.to_owned()))),
        }
    }

    /// A lexer error as a read error; `base` is added to positions that
    /// are relative to a decoded piece of text.
    fn lex_error(&self, e: LexError, base: usize) -> ReadError {
        self.error_at(ReadErrorKind::Syntax(e.kind.to_string()), base + e.pos)
    }

    /// Byte offset of a slice of the input, for errors found inside it.
    fn offset_of(&self, part: &str) -> usize {
        (part.as_ptr() as usize).saturating_sub(self.input.as_ptr() as usize)
    }
}

impl NamespaceContext for XmlReader<'_> {
    fn resolve_prefix(&self, prefix: &str) -> Option<String> {
        if prefix.is_empty() {
            return Some(self.scopes.default_ns().to_owned());
        }
        self.scopes.lookup(prefix).map(str::to_owned)
    }
}

fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// At most 60 characters of a text, for messages.
fn snippet(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

fn line_col(input: &[u8], pos: usize) -> (u32, u32) {
    let before = input.get(..pos).unwrap_or(input);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}
