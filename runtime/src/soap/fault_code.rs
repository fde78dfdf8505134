//! Fault codes: the text of `faultcode` (1.1) or of a `Value` in `Code`
//! and its `Subcode`s (1.2), and the codes SOAP itself defines.

use std::fmt;

use crate::xml::ns;

use super::SoapVersion;

/// A `faultcode` (1.1) or a code's `Value` (1.2): an `xs:QName` in principle, but Exchange writes some with
/// a prefix that it never declares, so the text is kept as written and only
/// split at `:`; the prefix is resolved when it happens to be declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultCode {
    /// The text as written, e.g. `a:InvalidObjectIdException`.
    pub raw: String,
    /// The namespace bound to the prefix, when the document declares it.
    pub namespace: Option<String>,
    /// The part after the prefix, e.g. `InvalidObjectIdException`.
    pub local: String,
}

impl FaultCode {
    /// `prefix:local` with `prefix` declared for `namespace` where written.
    pub fn qualified(prefix: &str, namespace: impl Into<String>, local: &str) -> Self {
        Self {
            raw: format!("{prefix}:{local}"),
            namespace: Some(namespace.into()),
            local: local.to_owned(),
        }
    }

    /// `prefix:local` with the prefix declared nowhere, the shape Exchange
    /// uses for exception class names. Written back exactly so.
    pub fn undeclared(prefix: &str, local: &str) -> Self {
        Self {
            raw: format!("{prefix}:{local}"),
            namespace: None,
            local: local.to_owned(),
        }
    }

    /// One of SOAP 1.1's own codes: `Client`, `Server`, `VersionMismatch`,
    /// `MustUnderstand`.
    pub fn soap(local: &str) -> Self {
        Self::qualified("soap", ns::SOAP11, local)
    }

    /// One of SOAP 1.2's own codes: `Sender`, `Receiver`,
    /// `VersionMismatch`, `MustUnderstand`, `DataEncodingUnknown`. The
    /// prefix is `soap`, which the envelope binds with the default styles.
    pub fn soap12(local: &str) -> Self {
        Self::qualified("soap", ns::SOAP12, local)
    }

    /// The code `code` means in `version`. SOAP 1.1 has no
    /// `DataEncodingUnknown`; it is the sender's fault there, `Client`.
    pub fn standard(version: SoapVersion, code: StandardCode) -> Self {
        Self::qualified("soap", version.namespace(), code.local_name(version))
    }

    /// Which of SOAP's own codes this is, in which version. A SOAP 1.1
    /// code refined with dots (`Client.Authentication`) is the code before
    /// the first dot.
    pub fn standard_code(&self) -> Option<(SoapVersion, StandardCode)> {
        let version = SoapVersion::from_namespace(self.namespace.as_deref()?)?;
        let local = match version {
            SoapVersion::V11 => self.local.split('.').next().unwrap_or_default(),
            SoapVersion::V12 => self.local.as_str(),
        };
        StandardCode::ALL
            .into_iter()
            .find(|c| c.local_name(version) == local && c.exists_in(version))
            .map(|c| (version, c))
    }

    /// This code as `version` writes it: a standard code of the other
    /// version becomes its counterpart (1.1 `Client` is 1.2 `Sender`,
    /// `Server` is `Receiver`, and back), keeping its prefix; any other
    /// code is returned as it is.
    pub fn in_version(&self, version: SoapVersion) -> Self {
        match self.standard_code() {
            Some((from, code)) if from != version => {
                let prefix = self.prefix().unwrap_or("soap");
                Self::qualified(prefix, version.namespace(), code.local_name(version))
            }
            _ => self.clone(),
        }
    }

    /// Splits `raw` at its first `:`; `resolve` maps the prefix to its
    /// namespace if it is declared. An unprefixed code gets no namespace.
    pub fn parse(raw: &str, resolve: impl FnOnce(&str) -> Option<String>) -> Self {
        let raw = raw.trim();
        let (namespace, local) = match raw.split_once(':') {
            Some((prefix, local)) => (resolve(prefix).filter(|ns| !ns.is_empty()), local),
            None => (None, raw),
        };
        Self {
            raw: raw.to_owned(),
            namespace,
            local: local.to_owned(),
        }
    }

    /// The prefix as written, if any.
    pub fn prefix(&self) -> Option<&str> {
        self.raw.split_once(':').map(|(p, _)| p)
    }
}

impl fmt::Display for FaultCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// The fault codes SOAP defines, by what they mean (SOAP 1.2 Part 1,
/// section 5.4.6; SOAP 1.1, section 4.4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StandardCode {
    /// The message is not an envelope of a version the node speaks.
    VersionMismatch,
    /// A header entry marked `mustUnderstand` was not understood.
    MustUnderstand,
    /// 1.2 only: a header entry or the body uses an encoding the node
    /// does not support.
    DataEncodingUnknown,
    /// The message was wrong and will not succeed unchanged: 1.2
    /// `Sender`, 1.1 `Client`.
    Sender,
    /// The message was fine but processing it failed: 1.2 `Receiver`,
    /// 1.1 `Server`.
    Receiver,
}

impl StandardCode {
    pub const ALL: [Self; 5] = [
        Self::VersionMismatch,
        Self::MustUnderstand,
        Self::DataEncodingUnknown,
        Self::Sender,
        Self::Receiver,
    ];

    /// The local name in `version` (`DataEncodingUnknown` is `Client` in
    /// 1.1, see [`FaultCode::standard`]).
    pub const fn local_name(self, version: SoapVersion) -> &'static str {
        match (self, version) {
            (Self::VersionMismatch, _) => "VersionMismatch",
            (Self::MustUnderstand, _) => "MustUnderstand",
            (Self::DataEncodingUnknown, SoapVersion::V12) => "DataEncodingUnknown",
            (Self::Sender, SoapVersion::V12) => "Sender",
            (Self::Receiver, SoapVersion::V12) => "Receiver",
            (Self::Sender | Self::DataEncodingUnknown, SoapVersion::V11) => "Client",
            (Self::Receiver, SoapVersion::V11) => "Server",
        }
    }

    /// Whether `version` defines the code.
    pub const fn exists_in(self, version: SoapVersion) -> bool {
        !matches!(
            (self, version),
            (Self::DataEncodingUnknown, SoapVersion::V11)
        )
    }
}
