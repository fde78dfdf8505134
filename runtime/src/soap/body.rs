//! Reading an envelope: the typed body of a response, a fault, or (for a
//! server) a request whose type is chosen after looking at its name; with
//! the header entries the operation declares.
//!
//! Every reader takes either version's envelope and says which it read
//! ([`BodyReader::version`], [`read_envelope_with_version`],
//! [`Fault::version`]); an `Envelope` in any other namespace fails with
//! [`ReadErrorKind::VersionMismatch`].

use crate::xml::{Name, ReadError, ReadErrorKind, Start, XmlElement, XmlReader, ns};

use super::fault_headers::read_header_blocks;
use super::headers::{NoHeaders, XmlHeaders, read_all};
use super::{Fault, SoapVersion};

/// The content of a response's `soap:Body`.
#[derive(Debug, Clone, PartialEq)]
pub enum Body<T> {
    /// The element the operation answers with.
    Content(T),
    /// The server reports that the operation failed. Boxed: a fault is
    /// large and rare.
    Fault(Box<Fault>),
}

/// A message read with its header entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope<H, B> {
    /// The entries of `soap:Header` the operation declares; an absent
    /// header reads as no entry set.
    pub headers: H,
    pub body: B,
}

impl<H: Default, B> Envelope<H, B> {
    /// `body` with no header entry set.
    pub fn new(body: B) -> Self {
        Self {
            headers: H::default(),
            body,
        }
    }
}

/// Reads a response envelope whose body is either `T` or a `soap:Fault`.
///
/// Either version's envelope is read. Header entries are skipped, under
/// the `mustUnderstand` rule of [`XmlHeaders`]. A body element with the right local name in another
/// namespace fails with [`ReadErrorKind::UnexpectedElement`], which names
/// the namespace that was expected.
pub fn read_envelope<T: XmlElement>(input: &[u8]) -> Result<Body<T>, ReadError> {
    read_envelope_with_headers::<NoHeaders, T>(input).map(|e| e.body)
}

/// [`read_envelope`], also reading the header entries of `H`.
pub fn read_envelope_with_headers<H: XmlHeaders, T: XmlElement>(
    input: &[u8],
) -> Result<Envelope<H, Body<T>>, ReadError> {
    read_envelope_with_version(input).map(|(_, envelope)| envelope)
}

/// [`read_envelope_with_headers`], also returning the version of the
/// envelope, so that a client can refuse an answer in another version
/// than its request's.
pub fn read_envelope_with_version<H: XmlHeaders, T: XmlElement>(
    input: &[u8],
) -> Result<(SoapVersion, Envelope<H, Body<T>>), ReadError> {
    let mut headers = H::default();
    let body = BodyReader::open(input, |r, version| {
        headers = read_all(r, version, &[])?;
        Ok(())
    })?;
    let version = body.version;
    let body = if body.is_fault() {
        Body::Fault(Box::new(body.read_fault()?))
    } else {
        Body::Content(body.read_body()?)
    };
    Ok((version, Envelope { headers, body }))
}

/// Reads a request envelope whose body must be `T`.
pub fn read_request<T: XmlElement>(input: &[u8]) -> Result<T, ReadError> {
    BodyReader::new(input)?.read()
}

/// [`read_request`], also reading the header entries of `H`.
pub fn read_request_with_headers<H: XmlHeaders, T: XmlElement>(
    input: &[u8],
) -> Result<Envelope<H, T>, ReadError> {
    BodyReader::new(input)?.read_with_headers()
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
    input: &'i [u8],
    reader: XmlReader<'i>,
    start: Start<'i>,
    version: SoapVersion,
    /// The envelope has a `Header`, which was skipped.
    has_header: bool,
}

impl<'i> BodyReader<'i> {
    /// Reads the envelope, skips a header, and stops after the start tag of
    /// the body's first element. The header entries are read (again) once
    /// the caller knows which it expects: [`Self::headers`],
    /// [`Self::read_with_headers`], or [`Self::read`] for none.
    pub fn new(input: &'i [u8]) -> Result<Self, ReadError> {
        Self::open(input, |r, _| r.skip())
    }

    /// Reads up to the body's first element, letting `header` read the
    /// `Header` element's content when there is one.
    fn open(
        input: &'i [u8],
        header: impl FnOnce(&mut XmlReader<'i>, SoapVersion) -> Result<(), ReadError>,
    ) -> Result<Self, ReadError> {
        let (mut reader, version, mut child) = open_envelope(input)?;
        let mut has_header = false;
        if let Some(first) = &child {
            if reader.is(first, version.header()) {
                has_header = true;
                header(&mut reader, version)?;
                child = reader.next_child()?;
            }
        }
        let body = match child {
            Some(body) => body,
            None => return Err(reader.missing(version.body())),
        };
        reader.expect(&body, version.body())?;
        let Some(start) = reader.next_child()? else {
            return Err(reader.error(ReadErrorKind::MissingElement(
                "an element in the SOAP body".into(),
            )));
        };
        Ok(Self {
            input,
            reader,
            start,
            version,
            has_header,
        })
    }

    /// The version of the envelope, by its namespace.
    pub fn version(&self) -> SoapVersion {
        self.version
    }

    /// Whether the envelope has a `Header` element (empty or not).
    pub fn has_header(&self) -> bool {
        self.has_header
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

    /// Whether the body element is the version's `Fault`.
    pub fn is_fault(&self) -> bool {
        self.is(self.version.fault())
    }

    /// The header entries of `H`, under the `mustUnderstand` rule of
    /// [`XmlHeaders`]. The header precedes the body, so it is read
    /// again from the start of the input (it is short, and most messages
    /// have none).
    pub fn headers<H: XmlHeaders>(&self) -> Result<H, ReadError> {
        self.headers_understanding(&[])
    }

    /// [`Self::headers`], with the entries named in `understood` taken as
    /// understood although `H` does not declare them: a server that
    /// processes an entry itself (a `wsse:Security` header its
    /// authentication reads) must not refuse it as not understood. They
    /// are skipped here.
    pub fn headers_understanding<H: XmlHeaders>(
        &self,
        understood: &[Name],
    ) -> Result<H, ReadError> {
        if !self.has_header {
            return Ok(H::default());
        }
        match self.reopen_header()? {
            Some((mut reader, version)) => read_all(&mut reader, version, understood),
            None => Ok(H::default()),
        }
    }

    /// A new reader just inside `Header`, if there is one.
    fn reopen_header(&self) -> Result<Option<(XmlReader<'i>, SoapVersion)>, ReadError> {
        match open_envelope(self.input)? {
            (reader, version, Some(header)) if reader.is(&header, version.header()) => {
                Ok(Some((reader, version)))
            }
            _ => Ok(None),
        }
    }

    /// Reads the body element as `T`, then checks that nothing else is in
    /// the body. A header entry marked `mustUnderstand` is an error, since
    /// the caller declares none; see [`Self::read_with_headers`].
    pub fn read<T: XmlElement>(self) -> Result<T, ReadError> {
        self.read_with_headers::<NoHeaders, T>().map(|e| e.body)
    }

    /// Reads the header entries of `H` and the body element as `T`.
    pub fn read_with_headers<H: XmlHeaders, T: XmlElement>(
        self,
    ) -> Result<Envelope<H, T>, ReadError> {
        let headers = self.headers()?;
        let body = self.read_body()?;
        Ok(Envelope { headers, body })
    }

    /// Reads the body element as `T`, then checks that nothing else is in
    /// the body, leaving the header to the caller: call it after
    /// [`Self::headers`] or [`Self::headers_understanding`], which apply
    /// the `mustUnderstand` rule that this does not.
    pub fn read_body<T: XmlElement>(mut self) -> Result<T, ReadError> {
        self.reader.expect(&self.start, T::NAME)?;
        let value = T::read_xml(&mut self.reader, &self.start)?;
        self.finish()?;
        Ok(value)
    }

    /// The body element as self-contained XML (start tag to end tag, with
    /// the namespace bindings it uses from the envelope declared on it;
    /// see `XmlReader::read_raw`), then checks that nothing else is in the
    /// body. Like [`Self::read_body`], it leaves the header to the caller.
    pub fn read_body_raw(mut self) -> Result<String, ReadError> {
        let value = self.reader.read_raw(&self.start)?;
        self.finish()?;
        Ok(value)
    }

    /// Reads the body element as a `Fault`, with the `Upgrade` and
    /// `NotUnderstood` header blocks that go with it (the other header
    /// entries are not read).
    pub fn read_fault(mut self) -> Result<Fault, ReadError> {
        self.reader.expect(&self.start, self.version.fault())?;
        let mut fault = super::fault_read::read_fault(&mut self.reader, self.version)?;
        self.finish()?;
        if self.has_header {
            if let Some((mut reader, _)) = self.reopen_header()? {
                read_header_blocks(&mut reader, &mut fault)?;
            }
        }
        Ok(fault)
    }

    fn finish(&mut self) -> Result<(), ReadError> {
        let r = &mut self.reader;
        if let Some(extra) = r.next_child()? {
            return Err(r.extra(&extra));
        }
        // SOAP 1.1 lets qualified elements follow the body; nothing we know
        // of sends them, and ignoring them is what the spec asks. (SOAP 1.2
        // allows nothing there, and nothing is lost by the same leniency.)
        while r.next_child()?.is_some() {
            r.skip()?;
        }
        r.finish()
    }
}

/// Reads up to the envelope's first child and returns it, with the
/// envelope's version.
fn open_envelope(
    input: &[u8],
) -> Result<(XmlReader<'_>, SoapVersion, Option<Start<'_>>), ReadError> {
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
    if root.local_name() != "Envelope" {
        let found = reader.name_of(&root);
        return Err(reader.error(not_soap(&format!("the document element is {found}"))));
    }
    // Right local name, another namespace: a version we do not speak, or
    // a misspelling (https://); the message names what was expected.
    let found = reader.namespace_of(&root);
    let Some(version) = SoapVersion::from_namespace(found) else {
        return Err(reader.error(ReadErrorKind::VersionMismatch {
            found: found.to_owned(),
            expected: format!(
                "{} ({}) or {} ({})",
                SoapVersion::V11,
                ns::SOAP11,
                SoapVersion::V12,
                ns::SOAP12
            ),
        }));
    };
    let child = reader.next_child()?;
    Ok((reader, version, child))
}

fn not_soap(why: &str) -> ReadErrorKind {
    ReadErrorKind::Other(format!("not a SOAP envelope: {why}"))
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
    // Compared in place: this runs on every response, so no allocation.
    let starts = |prefix: &[u8]| {
        head.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
    };
    starts(b"<!doctype html") || starts(b"<html")
}
