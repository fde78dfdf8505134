//! Writing an envelope around a body element and its header entries.

use crate::xml::{WriteError, WriteOptions, XmlElement, XmlWriter, ns};

use super::headers::{NoHeaders, XmlHeaders, write_all};
use super::{BODY, ENVELOPE};

/// How an envelope is laid out. Every style writes the same information;
/// the styles exist so that output can match the bytes of a given sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnvelopeStyle {
    /// Two-space indentation, one element per line and `" />"` for empty
    /// elements, as in Microsoft's examples. Otherwise everything is on the
    /// line after the XML declaration, with `"/>"`.
    pub indented: bool,
    /// The prefix bound to the SOAP 1.1 namespace: `soap` in ASMX output
    /// and the documentation, `s` in faults from Exchange's front end.
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
    write_with(style, &NoHeaders, |w| body.write_xml(w, T::NAME))
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
    write_with(style, headers, |w| body.write_xml(w, T::NAME))
}

/// Writes the declaration, `Envelope`, the header entries and `Body`, and
/// lets `content` write the body's single child.
pub(crate) fn write_with<H: XmlHeaders>(
    style: &EnvelopeStyle,
    headers: &H,
    content: impl FnOnce(&mut XmlWriter) -> Result<(), WriteError>,
) -> Result<String, WriteError> {
    let mut w = style.writer();
    w.declaration();
    w.declare_prefix(style.prefix, ns::SOAP11);
    if style.schema_namespaces {
        w.declare_prefix("xsi", ns::XSI);
        w.declare_prefix("xsd", ns::XSD);
    }
    w.start(ENVELOPE);
    write_all(headers, &mut w)?;
    w.start(BODY);
    content(&mut w)?;
    w.end()?;
    w.end()?;
    Ok(w.into_string())
}
