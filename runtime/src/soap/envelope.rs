//! Writing an envelope around a body element and its header entries.
//!
//! The layout ([`EnvelopeStyle`]) and the version are separate choices:
//! [`write_envelope`] and [`write_envelope_with_headers`] write SOAP 1.1,
//! as they always have; [`write_envelope_parts`] takes the version, and
//! header entries written by the caller besides the typed ones (a
//! WS-Security header computed per message).

use crate::xml::{WriteError, WriteOptions, XmlElement, XmlWriter, ns};

use super::SoapVersion;
use super::headers::{NoHeaders, XmlHeaders};

/// A function that writes header entries, called inside `Header`.
pub type WriteHeaders = fn(&mut XmlWriter) -> Result<(), WriteError>;

/// No extra header entries, for [`write_envelope_parts`].
pub const NO_EXTRA_HEADERS: Option<WriteHeaders> = None;

/// How an envelope is laid out. Every style writes the same information;
/// the styles exist so that output can match the bytes of a given sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnvelopeStyle {
    /// Two-space indentation, one element per line and `" />"` for empty
    /// elements, as in Microsoft's examples. Otherwise everything is on the
    /// line after the XML declaration, with `"/>"`.
    pub indented: bool,
    /// The prefix bound to the envelope namespace (of either version):
    /// `soap` in ASMX output and the documentation, `s` in faults from
    /// Exchange's front end, `env` in the SOAP 1.2 specification.
    pub prefix: &'static str,
    /// Also declare `xmlns:xsi` and `xmlns:xsd` on the envelope, unused, as
    /// .NET ASMX responses do.
    pub schema_namespaces: bool,
}

impl EnvelopeStyle {
    /// What the client sends: one line, no unused declarations.
    pub const COMPACT: Self = Self {
        indented: false,
        prefix: "soap",
        schema_namespaces: false,
    };

    /// The request examples of the documentation.
    pub const INDENTED: Self = Self {
        indented: true,
        prefix: "soap",
        schema_namespaces: false,
    };

    /// The response examples of the documentation, as an ASMX service
    /// writes them.
    pub const ASMX_RESPONSE: Self = Self {
        indented: true,
        prefix: "soap",
        schema_namespaces: true,
    };

    /// The same style with another prefix for the SOAP namespace.
    pub const fn with_prefix(self, prefix: &'static str) -> Self {
        Self { prefix, ..self }
    }

    pub(crate) fn writer(&self) -> XmlWriter {
        let options = if self.indented {
            WriteOptions {
                indent: Some("  "),
                space_before_slash: true,
            }
        } else {
            WriteOptions::default()
        };
        XmlWriter::with_options(options)
    }
}

impl Default for EnvelopeStyle {
    fn default() -> Self {
        Self::COMPACT
    }
}

/// A complete SOAP 1.1 message whose body is `body`, without `soap:Header`.
pub fn write_envelope<T: XmlElement>(
    body: &T,
    style: &EnvelopeStyle,
) -> Result<String, WriteError> {
    write_envelope_parts(SoapVersion::V11, style, &NoHeaders, NO_EXTRA_HEADERS, body)
}

/// A complete SOAP 1.1 message with the entries of `headers` in
/// `soap:Header` and `body` in `soap:Body`. When no entry is set, the
/// header element is left out, and the message is that of
/// [`write_envelope`].
pub fn write_envelope_with_headers<H: XmlHeaders, T: XmlElement>(
    headers: &H,
    body: &T,
    style: &EnvelopeStyle,
) -> Result<String, WriteError> {
    write_envelope_parts(SoapVersion::V11, style, headers, NO_EXTRA_HEADERS, body)
}

/// A complete message of `version`: the entries of `headers`, then
/// whatever `extra_headers` writes, in `Header`, and `body` in `Body`.
/// `Header` is left out when no typed entry is set and there is no
/// `extra_headers` ([`NO_EXTRA_HEADERS`]).
///
/// ```
/// # use xsdgen_runtime::soap::{EnvelopeStyle, NoHeaders, SoapVersion, write_envelope_parts};
/// # use xsdgen_runtime::xml::{AnyElement, Name};
/// # struct Ping;
/// # impl xsdgen_runtime::xml::XmlWrite for Ping {
/// #     fn write_xml(&self, w: &mut xsdgen_runtime::xml::XmlWriter, name: Name) -> Result<(), xsdgen_runtime::xml::WriteError> { w.start(name); w.end() }
/// # }
/// # impl xsdgen_runtime::xml::XmlRead for Ping {
/// #     fn read_xml(r: &mut xsdgen_runtime::xml::XmlReader<'_>, _: &xsdgen_runtime::xml::Start<'_>) -> Result<Self, xsdgen_runtime::xml::ReadError> { r.end()?; Ok(Ping) }
/// # }
/// # impl xsdgen_runtime::xml::XmlElement for Ping { const NAME: Name = Name::new("urn:p", "Ping"); }
/// let xml = write_envelope_parts(
///     SoapVersion::V12,
///     &EnvelopeStyle::COMPACT.with_prefix("env"),
///     &NoHeaders,
///     Some(|w: &mut xsdgen_runtime::xml::XmlWriter| {
///         w.start(Name::new("urn:t", "Trace"));
///         w.text("42")?;
///         w.end()
///     }),
///     &Ping,
/// )
/// .unwrap();
/// assert!(xml.contains(r#"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Header><Trace xmlns="urn:t">42</Trace></env:Header>"#));
/// ```
pub fn write_envelope_parts<H, T, X>(
    version: SoapVersion,
    style: &EnvelopeStyle,
    headers: &H,
    extra_headers: Option<X>,
    body: &T,
) -> Result<String, WriteError>
where
    H: XmlHeaders,
    T: XmlElement,
    X: FnOnce(&mut XmlWriter) -> Result<(), WriteError>,
{
    write_message(version, style, headers, extra_headers, |w| {
        body.write_xml(w, T::NAME)
    })
}

/// Writes the declaration, `Envelope`, the header entries and `Body`, and
/// lets `content` write the body's single child.
pub(crate) fn write_message<H: XmlHeaders, X>(
    version: SoapVersion,
    style: &EnvelopeStyle,
    headers: &H,
    extra_headers: Option<X>,
    content: impl FnOnce(&mut XmlWriter) -> Result<(), WriteError>,
) -> Result<String, WriteError>
where
    X: FnOnce(&mut XmlWriter) -> Result<(), WriteError>,
{
    let mut w = style.writer();
    w.declaration();
    w.declare_prefix(style.prefix, version.namespace());
    if style.schema_namespaces {
        w.declare_prefix("xsi", ns::XSI);
        w.declare_prefix("xsd", ns::XSD);
    }
    w.start(version.envelope());
    if !headers.is_empty() || extra_headers.is_some() {
        w.start(version.header());
        headers.write_headers(&mut w)?;
        if let Some(extra) = extra_headers {
            extra(&mut w)?;
        }
        w.end()?;
    }
    w.start(version.body());
    content(&mut w)?;
    w.end()?;
    w.end()?;
    Ok(w.into_string())
}
