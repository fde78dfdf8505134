//! Reading an envelope: the typed body of a response, a fault, or (for a
//! server) a request whose type is chosen after looking at its name.

use crate::xml::{Name, ReadError, ReadErrorKind, Start, XmlElement, XmlReader};

use super::{BODY, ENVELOPE, FAULT, Fault, HEADER};

/// The content of a response's `soap:Body`.
#[derive(Debug, Clone, PartialEq)]
pub enum Body<T> {
    /// The element the operation answers with.
    Content(T),
    /// The server reports that the operation failed. Boxed: a fault is
    /// large and rare.
    Fault(Box<Fault>),
}

/// Reads a response envelope whose body is either `T` or a `soap:Fault`.
///
/// A `soap:Header` is skipped. A body element with the right local name in
/// another namespace fails with [`ReadErrorKind::UnexpectedElement`], which
/// names the namespace that was expected.
pub fn read_envelope<T: XmlElement>(input: &[u8]) -> Result<Body<T>, ReadError> {
    let body = BodyReader::new(input)?;
    if body.is_fault() {
        body.read_fault().map(|f| Body::Fault(Box::new(f)))
    } else {
        body.read().map(Body::Content)
    }
}

/// Reads a request envelope whose body must be `T`.
pub fn read_request<T: XmlElement>(input: &[u8]) -> Result<T, ReadError> {
    BodyReader::new(input)?.read()
}

/// An envelope read up to the start of its body element, so that a server
/// can dispatch on the element's name and then read it as the right type:
///
/// ```
/// # use xsdgen_runtime::soap::BodyReader;
/// let xml = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><ResetPIN xmlns="urn:m"/></s:Body></s:Envelope>"#;
/// let body = BodyReader::new(xml).unwrap();
/// assert_eq!((body.namespace(), body.local_name()), ("urn:m", "ResetPIN"));
/// ```
pub struct BodyReader<'i> {
    reader: XmlReader<'i>,
    start: Start<'i>,
}

impl<'i> BodyReader<'i> {
    /// Reads the envelope, skips a header, and stops after the start tag of
    /// the body's first element.
    pub fn new(input: &'i [u8]) -> Result<Self, ReadError> {
        let mut reader = XmlReader::from_bytes(input)?;
        if looks_like_html(input) {
            return Err(reader.error(not_soap("the document is an HTML page")));
        }
        let root = reader.root().map_err(|mut e| {
            if let ReadErrorKind::Syntax(msg) = &e.kind {
                e.kind = not_soap(msg);
            }
            e
        })?;
        if root.local_name() != ENVELOPE.local {
            let found = reader.name_of(&root);
            return Err(reader.error(not_soap(&format!("the document element is {found}"))));
        }
        // Right local name, wrong namespace (SOAP 1.2, or https://): the
        // reader's message names both.
        reader.expect(&root, ENVELOPE)?;
        let mut child = reader.next_child()?;
        if let Some(header) = &child {
            if reader.is(header, HEADER) {
                reader.skip()?;
                child = reader.next_child()?;
            }
        }
        let body = match child {
            Some(body) => body,
            None => return Err(reader.missing(BODY)),
        };
        reader.expect(&body, BODY)?;
        let Some(start) = reader.next_child()? else {
            return Err(reader.error(ReadErrorKind::MissingElement(
                "an element in the SOAP body".into(),
            )));
        };
        Ok(Self { reader, start })
    }

    /// Namespace URI of the body element; `""` for none.
    pub fn namespace(&self) -> &str {
        self.reader.namespace_of(&self.start)
    }

    pub fn local_name(&self) -> &str {
        self.start.local_name()
    }

    /// Whether the body element is `name`.
    pub fn is(&self, name: Name) -> bool {
        self.reader.is(&self.start, name)
    }

    pub fn is_fault(&self) -> bool {
        self.is(FAULT)
    }

    /// Reads the body element as `T`, then checks that nothing else is in
    /// the body.
    pub fn read<T: XmlElement>(mut self) -> Result<T, ReadError> {
        self.reader.expect(&self.start, T::NAME)?;
        let value = T::read_xml(&mut self.reader, &self.start)?;
        self.finish()?;
        Ok(value)
    }

    /// Reads the body element as a `soap:Fault`.
    pub fn read_fault(mut self) -> Result<Fault, ReadError> {
        self.reader.expect(&self.start, FAULT)?;
        let fault = super::fault::read_fault(&mut self.reader)?;
        self.finish()?;
        Ok(fault)
    }

    fn finish(&mut self) -> Result<(), ReadError> {
        let r = &mut self.reader;
        if let Some(extra) = r.next_child()? {
            return Err(r.extra(&extra));
        }
        // SOAP 1.1 lets qualified elements follow the body; nothing we know
        // of sends them, and ignoring them is what the spec asks.
        while r.next_child()?.is_some() {
            r.skip()?;
        }
        r.finish()
    }
}

fn not_soap(why: &str) -> ReadErrorKind {
    ReadErrorKind::Other(format!("not a SOAP 1.1 envelope: {why}"))
}

/// An error page from a web server or proxy in front of the service. It is
/// seldom well-formed XML, so it is recognised before parsing; the message
/// then says what the document is rather than where the parser choked.
fn looks_like_html(input: &[u8]) -> bool {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let start = input
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(input.len());
    let head = input.get(start..).unwrap_or_default();
    let lower = head.get(..14).unwrap_or(head).to_ascii_lowercase();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}
