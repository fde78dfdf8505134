//! The two SOAP versions: their envelope namespaces and the element names
//! that differ by namespace only.

use std::fmt;

use crate::xml::{Name, ns};

/// A SOAP version, told apart by the namespace of the envelope.
///
/// 1.1 is the default: it is what ASMX services, and so the UM service,
/// speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SoapVersion {
    /// SOAP 1.1 (W3C Note, 2000): `http://schemas.xmlsoap.org/soap/envelope/`,
    /// sent as `text/xml` with a `SOAPAction` header.
    #[default]
    V11,
    /// SOAP 1.2 (W3C Recommendation, 2003/2007):
    /// `http://www.w3.org/2003/05/soap-envelope`, sent as
    /// `application/soap+xml` with the action as a media type parameter.
    V12,
}

impl SoapVersion {
    /// Both versions, newest first: the order a node lists what it supports
    /// in an `Upgrade` header.
    pub const ALL: [Self; 2] = [Self::V12, Self::V11];

    /// The envelope namespace URI.
    pub const fn namespace(self) -> &'static str {
        match self {
            Self::V11 => ns::SOAP11,
            Self::V12 => ns::SOAP12,
        }
    }

    /// The version whose envelope namespace is `namespace`.
    pub fn from_namespace(namespace: &str) -> Option<Self> {
        match namespace {
            ns::SOAP11 => Some(Self::V11),
            ns::SOAP12 => Some(Self::V12),
            _ => None,
        }
    }

    /// `local` in the envelope namespace.
    pub(crate) const fn name(self, local: &'static str) -> Name {
        Name::new(self.namespace(), local)
    }

    pub(crate) const fn envelope(self) -> Name {
        self.name("Envelope")
    }

    pub(crate) const fn header(self) -> Name {
        self.name("Header")
    }

    pub(crate) const fn body(self) -> Name {
        self.name("Body")
    }

    pub(crate) const fn fault(self) -> Name {
        self.name("Fault")
    }
}

impl fmt::Display for SoapVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::V11 => "SOAP 1.1",
            Self::V12 => "SOAP 1.2",
        })
    }
}
