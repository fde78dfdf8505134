//! A pull reader for generated deserializers, over quick-xml's `Reader`.
//!
//! The input is a complete document in memory (a SOAP response body), so
//! every name and most text borrow from it. Namespaces are compared by URI;
//! the URIs in use are interned, which makes an element test two short
//! comparisons. Namespace scopes are kept here rather than in quick-xml's
//! `NsReader`: a start tag is searched for `xmlns` only as a raw string, and
//! most tags have no attributes at all, so resolving a name costs a lookup in
//! a stack of a handful of bindings. That is most of what makes generated
//! readers faster than serde's. The reader keeps the byte offset of each open
//! start tag and turns it into an element path and a line/column only when
//! reporting an error, so the happy path pays nothing for good messages.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::value::{NamespaceContext, SimpleValue};
use super::{Name, ReadError, ReadErrorKind};

/// Index into [`XmlReader`]'s interned namespaces; `NO_NS` for none.
type NsId = u32;
const NO_NS: NsId = u32::MAX;

/// A start tag that has been read; its content has not.
pub struct Start<'i> {
    raw: BytesStart<'i>,
    ns: NsId,
    /// Byte offset of `<` in the input.
    pos: usize,
}

impl Start<'_> {
    pub fn local_name(&self) -> &str {
        let name = self.raw.name();
        let q = name.0;
        q.rsplit_once(':').map_or(q, |(_, local)| local)
    }
}

/// A namespace declaration in scope: `xmlns:prefix="uri"` (or `xmlns=`
/// with an empty prefix) on the element at `depth`.
struct Binding {
    prefix: Box<str>,
    ns: NsId,
    depth: usize,
}

pub struct XmlReader<'i> {
    input: &'i [u8],
    inner: Reader<&'i [u8]>,
    open: Vec<usize>,
    namespaces: Vec<String>,
    bindings: Vec<Binding>,
    /// An end tag was read; its element's bindings stay in scope until the
    /// next event, so that QName text can still be resolved.
    pending_pop: bool,
    /// Offset of the event read last, where errors are reported.
    last_pos: usize,
}

impl<'i> XmlReader<'i> {
    pub fn new(input: &'i str) -> Self {
        Self::from_slice(input.as_bytes())
    }

    /// Accepts bytes from the network; they must be UTF-8, as SOAP 1.1
    /// messages from Exchange are. quick-xml checks that event by event, so
    /// the input is not scanned twice; a bad byte is a located error.
    pub fn from_bytes(input: &'i [u8]) -> Result<Self, ReadError> {
        Ok(Self::from_slice(input))
    }

    fn from_slice(input: &'i [u8]) -> Self {
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        let mut inner = Reader::from_reader(input);
        let config = inner.config_mut();
        // `<a/>` and `<a></a>` mean the same; one shape keeps readers simple.
        config.expand_empty_elements = true;
        config.check_end_names = true;
        Self {
            input,
            inner,
            open: Vec::with_capacity(16),
            namespaces: Vec::with_capacity(4),
            bindings: Vec::with_capacity(4),
            pending_pop: false,
            last_pos: 0,
        }
    }

    /// Reads up to the document element and returns its start tag. A DTD is
    /// refused: SOAP forbids it, and it is the door to entity expansion.
    pub fn root(&mut self) -> Result<Start<'i>, ReadError> {
        loop {
            match self.next_event()? {
                (_, Event::Decl(_) | Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::Text(t)) if is_blank(&t) => {}
                (_, Event::DocType(_)) => {
                    return Err(self.error(ReadErrorKind::Syntax(
                        "a document type declaration is not allowed".into(),
                    )));
                }
                (ns, Event::Start(raw)) => return Ok(self.opened(ns, raw)),
                (_, Event::Eof) => {
                    return Err(self.error(ReadErrorKind::Syntax("no root element".into())));
                }
                (_, _) => {
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
                (_, Event::Eof) => return Ok(()),
                (_, Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::Text(t)) if is_blank(&t) => {}
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
                (ns, Event::Start(raw)) => return Ok(Some(self.opened(ns, raw))),
                (_, Event::End(_)) => {
                    self.open.pop();
                    return Ok(None);
                }
                // Whitespace needs no end-of-line normalization to be
                // recognised as whitespace.
                (_, Event::Text(t)) => {
                    if !is_blank(&t) {
                        return Err(self.error(ReadErrorKind::UnexpectedText(snippet(&t))));
                    }
                }
                (_, Event::CData(t)) => {
                    let text = t.xml10_content();
                    if !is_blank(&text) {
                        return Err(self.error(ReadErrorKind::UnexpectedText(snippet(&text))));
                    }
                }
                (_, Event::GeneralRef(r)) => {
                    let text = format!("&{};", r.xml10_content());
                    return Err(self.error(ReadErrorKind::UnexpectedText(text)));
                }
                (_, Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::Eof) => return Err(self.error(ReadErrorKind::UnexpectedEof)),
                (_, Event::Decl(_) | Event::DocType(_) | Event::Empty(_)) => {
                    return Err(self.error(ReadErrorKind::Syntax("misplaced declaration".into())));
                }
            }
        }
    }

    /// Whether `start` is the element `name` (namespace URI and local name).
    pub fn is(&self, start: &Start<'_>, name: Name) -> bool {
        start.local_name() == name.local && self.namespace_of(start) == name.ns
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

    /// The text content of the current element, through its end tag.
    pub fn read_text(&mut self) -> Result<Cow<'i, str>, ReadError> {
        let text = self.text_to_end()?;
        self.open.pop();
        Ok(text)
    }

    /// Reads text through the end tag but leaves the element on the path,
    /// so that a bad value is reported at the element that holds it.
    fn text_to_end(&mut self) -> Result<Cow<'i, str>, ReadError> {
        let mut text: Option<Cow<'i, str>> = None;
        loop {
            let piece: Cow<'i, str> = match self.next_event()? {
                (_, Event::Text(t)) => t.xml10_content(),
                (_, Event::CData(t)) => t.xml10_content(),
                (_, Event::GeneralRef(r)) => Cow::Owned(self.resolve_reference(&r)?),
                (_, Event::Comment(_) | Event::PI(_)) => continue,
                (_, Event::End(_)) => return Ok(text.unwrap_or(Cow::Borrowed(""))),
                (ns, Event::Start(raw)) => {
                    let child = self.opened(ns, raw);
                    let name = self.name_of(&child);
                    return Err(self.error(ReadErrorKind::UnexpectedChild(name)));
                }
                (_, Event::Eof) => return Err(self.error(ReadErrorKind::UnexpectedEof)),
                (_, _) => {
                    return Err(self.error(ReadErrorKind::Syntax("misplaced declaration".into())));
                }
            };
            text = Some(match text {
                None => piece,
                Some(prev) => Cow::Owned(prev.into_owned() + &piece),
            });
        }
    }

    /// Reads the current element's text as a simple value.
    pub fn read_value<T: SimpleValue>(&mut self) -> Result<T, ReadError> {
        // quick-xml keeps the element's namespace bindings until the next
        // event, so QName content still resolves in the element's scope.
        let text = self.text_to_end()?;
        let value = T::parse_value(&text, self).map_err(|e| {
            self.error(ReadErrorKind::InvalidValue {
                value: snippet(&text),
                reason: e.reason,
            })
        });
        self.open.pop();
        value
    }

    /// Skips the current element's content, through its end tag.
    pub fn skip(&mut self) -> Result<(), ReadError> {
        let depth = self.open.len();
        while self.open.len() >= depth {
            match self.next_event()? {
                (ns, Event::Start(raw)) => {
                    self.opened(ns, raw);
                }
                (_, Event::End(_)) => {
                    self.open.pop();
                }
                (_, Event::Eof) => return Err(self.error(ReadErrorKind::UnexpectedEof)),
                _ => {}
            }
        }
        Ok(())
    }

    /// The element `start` as it was written, through its end tag, for
    /// wildcard content that is kept untouched.
    pub fn read_raw(&mut self, start: &Start<'_>) -> Result<String, ReadError> {
        self.skip()?;
        let end = usize::try_from(self.inner.buffer_position()).unwrap_or(self.input.len());
        // Every event of the element was checked to be UTF-8 on the way.
        let raw = self.input.get(start.pos..end).unwrap_or_default();
        Ok(String::from_utf8_lossy(raw).into_owned())
    }

    /// The value of attribute `name` of the element just started. Must be
    /// called before reading the element's content, while its namespace
    /// declarations are in scope.
    pub fn attribute<'s>(
        &self,
        start: &'s Start<'i>,
        name: Name,
    ) -> Result<Option<Cow<'s, str>>, ReadError> {
        for attr in start.raw.attributes() {
            let attr = attr.map_err(|e| self.error(ReadErrorKind::Syntax(e.to_string())))?;
            let key = attr.key.0;
            let (prefix, local) = key.split_once(':').unwrap_or(("", key));
            if local != name.local || prefix == "xmlns" || key == "xmlns" {
                continue;
            }
            // Unprefixed attributes are in no namespace, whatever the
            // default namespace is.
            let ns = if prefix.is_empty() {
                ""
            } else {
                match self.lookup(prefix) {
                    Some(ns) => ns,
                    None => return Err(self.error(ReadErrorKind::UnknownPrefix(prefix.into()))),
                }
            };
            if ns == name.ns {
                let value = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| self.error(ReadErrorKind::Syntax(e.to_string())))?;
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
        let (line, column) = line_col(self.input, self.last_pos);
        ReadError {
            kind,
            path: self.path(),
            line,
            column,
        }
    }

    /// Namespace URI of an element read by this reader; `""` for none.
    pub fn namespace_of(&self, start: &Start<'_>) -> &str {
        self.namespaces
            .get(start.ns as usize)
            .map_or("", String::as_str)
    }

    fn path(&self) -> String {
        let mut path = String::new();
        for &pos in &self.open {
            let tag = self.input.get(pos + 1..).unwrap_or_default();
            let end = tag
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
                .unwrap_or(tag.len());
            let qname = String::from_utf8_lossy(&tag[..end]);
            path.push('/');
            path.push_str(qname.rsplit_once(':').map_or(&*qname, |(_, l)| l));
        }
        if path.is_empty() {
            path.push('/');
        }
        path
    }

    fn next_event(&mut self) -> Result<(NsId, Event<'i>), ReadError> {
        if self.pending_pop {
            self.pending_pop = false;
            let depth = self.open.len();
            while self.bindings.last().is_some_and(|b| b.depth > depth) {
                self.bindings.pop();
            }
        }
        self.last_pos = usize::try_from(self.inner.buffer_position()).unwrap_or(usize::MAX);
        let event = match self.inner.read_event() {
            Ok(event) => event,
            Err(e) => {
                self.last_pos =
                    usize::try_from(self.inner.error_position()).unwrap_or(self.last_pos);
                return Err(self.error(ReadErrorKind::Syntax(e.to_string())));
            }
        };
        let ns = match &event {
            Event::Start(start) => self.enter(start)?,
            Event::End(_) => {
                self.pending_pop = true;
                NO_NS
            }
            _ => NO_NS,
        };
        Ok((ns, event))
    }

    /// Brings the start tag's namespace declarations into scope and resolves
    /// its name.
    fn enter(&mut self, start: &BytesStart<'_>) -> Result<NsId, ReadError> {
        let depth = self.open.len() + 1;
        if start.attributes_raw().contains("xmlns") {
            for attr in start.attributes() {
                let attr = attr.map_err(|e| self.error(ReadErrorKind::Syntax(e.to_string())))?;
                let key = attr.key.0;
                let prefix = match key.strip_prefix("xmlns") {
                    Some("") => "",
                    Some(rest) => match rest.strip_prefix(':') {
                        Some(prefix) => prefix,
                        None => continue,
                    },
                    None => continue,
                };
                let uri = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| self.error(ReadErrorKind::Syntax(e.to_string())))?;
                // `xmlns=""` undeclares the default namespace.
                let ns = if uri.is_empty() {
                    NO_NS
                } else {
                    self.intern(&uri)
                };
                self.bindings.push(Binding {
                    prefix: prefix.into(),
                    ns,
                    depth,
                });
            }
        }
        let qname = start.name().0;
        let prefix = qname.split_once(':').map_or("", |(p, _)| p);
        match self.binding(prefix) {
            Some(ns) => Ok(ns),
            None if prefix.is_empty() => Ok(NO_NS),
            None if prefix == "xml" => Ok(self.intern(super::ns::XML)),
            None => Err(self.error(ReadErrorKind::UnknownPrefix(prefix.to_owned()))),
        }
    }

    fn binding(&self, prefix: &str) -> Option<NsId> {
        self.bindings
            .iter()
            .rev()
            .find(|b| &*b.prefix == prefix)
            .map(|b| b.ns)
    }

    /// The namespace URI bound to a non-empty prefix.
    fn lookup(&self, prefix: &str) -> Option<&str> {
        if prefix == "xml" {
            return Some(super::ns::XML);
        }
        self.binding(prefix)
            .map(|ns| self.namespaces.get(ns as usize).map_or("", String::as_str))
    }

    fn intern(&mut self, uri: &str) -> NsId {
        match self.namespaces.iter().position(|known| known == uri) {
            Some(i) => i as NsId,
            None => {
                self.namespaces.push(uri.to_owned());
                (self.namespaces.len() - 1) as NsId
            }
        }
    }

    fn opened(&mut self, ns: NsId, raw: BytesStart<'i>) -> Start<'i> {
        self.open.push(self.last_pos);
        Start {
            raw,
            ns,
            pos: self.last_pos,
        }
    }

    fn resolve_reference(&self, r: &quick_xml::events::BytesRef<'_>) -> Result<String, ReadError> {
        if r.is_char_ref() {
            return match r.resolve_char_ref() {
                Ok(Some(c)) => Ok(c.to_string()),
                _ => Err(self.error(ReadErrorKind::Syntax(format!(
                    "invalid character reference &{};",
                    r.xml10_content()
                )))),
            };
        }
        let name = r.xml10_content();
        let text = match name.as_ref() {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "apos" => "'",
            "quot" => "\"",
            other => {
                return Err(
                    self.error(ReadErrorKind::Syntax(format!("undefined entity &{other};")))
                );
            }
        };
        Ok(text.to_owned())
    }
}

impl NamespaceContext for XmlReader<'_> {
    fn resolve_prefix(&self, prefix: &str) -> Option<String> {
        if prefix.is_empty() {
            let ns = self.binding("").unwrap_or(NO_NS);
            return Some(
                self.namespaces
                    .get(ns as usize)
                    .cloned()
                    .unwrap_or_default(),
            );
        }
        self.lookup(prefix).map(str::to_owned)
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
