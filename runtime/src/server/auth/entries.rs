//! The header entries of a request, as XML an authenticator can read on
//! its own.

use std::fmt;

use crate::soap::SoapVersion;
use crate::xml::{Name, ReadError, XmlReader};

/// One child of a request's `Header`.
#[derive(Clone)]
pub struct HeaderEntry {
    namespace: String,
    local: String,
    xml: String,
}

impl HeaderEntry {
    /// The entry's namespace URI, `""` for none.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn local_name(&self) -> &str {
        &self.local
    }

    /// Whether the entry is the element `name`.
    pub fn is(&self, name: Name) -> bool {
        self.namespace == name.ns && self.local == name.local
    }

    /// The entry start tag to end tag, with the namespace declarations it
    /// uses from the envelope repeated on it, so that it parses alone
    /// (with [`XmlReader`], or [`crate::wsse::read_security_xml`]).
    pub fn xml(&self) -> &str {
        &self.xml
    }
}

impl fmt::Debug for HeaderEntry {
    /// The name only: an entry can hold a password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HeaderEntry")
            .field("namespace", &self.namespace)
            .field("local", &self.local)
            .field("xml_len", &self.xml.len())
            .finish()
    }
}

/// The entries of the `Header` of `envelope`, which has been read once
/// already (so its version is known to be one of SOAP's).
pub(super) fn read_entries(envelope: &[u8]) -> Result<Vec<HeaderEntry>, ReadError> {
    let mut r = XmlReader::from_bytes(envelope)?;
    let root = r.root()?;
    let Some(version) = SoapVersion::from_namespace(r.namespace_of(&root)) else {
        return Ok(Vec::new());
    };
    let header = Name::new(version.namespace(), "Header");
    let mut entries = Vec::new();
    match r.next_child()? {
        Some(first) if r.is(&first, header) => {
            while let Some(entry) = r.next_child()? {
                let namespace = r.namespace_of(&entry).to_owned();
                let local = entry.local_name().to_owned();
                let xml = r.read_raw(&entry)?;
                entries.push(HeaderEntry {
                    namespace,
                    local,
                    xml,
                });
            }
        }
        _ => {}
    }
    Ok(entries)
}
