//! The header blocks that go with SOAP's own faults (SOAP 1.2 Part 1):
//! `Upgrade` with a `VersionMismatch` (section 5.4.7), listing the
//! envelopes the node supports, and one `NotUnderstood` per entry with a
//! `MustUnderstand` (section 5.4.8).
//!
//! Both are in the SOAP 1.2 namespace whatever the envelope's version:
//! appendix A has a 1.2 node send `Upgrade` in its 1.1 answers too.
//! `NotUnderstood` has no 1.1 counterpart and is written in 1.2 only.

use std::borrow::Cow;

use crate::xml::{Name, NamespaceContext, ReadError, WriteError, XmlReader, XmlWriter, ns};

use super::{Fault, HeaderName, SoapVersion};

const UPGRADE: Name = Name::new(ns::SOAP12, "Upgrade");
const SUPPORTED_ENVELOPE: Name = Name::new(ns::SOAP12, "SupportedEnvelope");
const NOT_UNDERSTOOD: Name = Name::new(ns::SOAP12, "NotUnderstood");
const QNAME: Name = Name::local("qname");

/// The prefix a 1.1 envelope binds for the `Upgrade` block.
const SOAP12_PREFIX: &str = "soap12";
/// The prefix a `NotUnderstood` block binds for the entry's namespace.
const ENTRY_PREFIX: &str = "nu";

/// Whether `fault` has header blocks to write in its version.
pub(crate) fn has_header_blocks(fault: &Fault) -> bool {
    !fault.upgrade.is_empty()
        || (fault.version == SoapVersion::V12 && !fault.not_understood.is_empty())
}

/// Writes `fault`'s header blocks as entries of the open `Header`.
pub(crate) fn write_header_blocks(w: &mut XmlWriter, fault: &Fault) -> Result<(), WriteError> {
    if !fault.upgrade.is_empty() {
        if fault.version != SoapVersion::V12 {
            w.declare_prefix(SOAP12_PREFIX, ns::SOAP12);
        }
        w.start(UPGRADE);
        for version in &fault.upgrade {
            w.start(SUPPORTED_ENVELOPE);
            let prefix = w.ensure_prefix(version.namespace());
            w.attribute_str(QNAME, &format!("{prefix}:Envelope"))?;
            w.end()?;
        }
        w.end()?;
    }
    if fault.version == SoapVersion::V12 {
        for entry in &fault.not_understood {
            w.start(NOT_UNDERSTOOD);
            if entry.namespace.is_empty() {
                // The envelope's default namespace is none, so an
                // unprefixed QName names an entry in no namespace.
                w.attribute_str(QNAME, &entry.local)?;
            } else {
                w.bind_prefix(
                    Cow::Borrowed(ENTRY_PREFIX),
                    Cow::Owned(entry.namespace.clone()),
                );
                w.attribute_str(QNAME, &format!("{ENTRY_PREFIX}:{}", entry.local))?;
            }
            w.end()?;
        }
    }
    Ok(())
}

/// Reads the header blocks of a fault message into `fault`, whose version
/// is known: the reader is just inside `Header`, and reads it through its
/// end tag. `NotUnderstood` is read in 1.2 messages only, as it is
/// written. Entries whose
/// `qname` cannot be resolved, and envelopes of unknown versions, are
/// left out: they are of no use to a caller and do not make the fault less
/// of one.
pub(crate) fn read_header_blocks(
    r: &mut XmlReader<'_>,
    fault: &mut Fault,
) -> Result<(), ReadError> {
    while let Some(entry) = r.next_child()? {
        if r.is(&entry, UPGRADE) {
            while let Some(supported) = r.next_child()? {
                if r.is(&supported, SUPPORTED_ENVELOPE) {
                    let qname = r.attribute(&supported, QNAME)?.map(Cow::into_owned);
                    let version = qname
                        .and_then(|q| resolve(r, &q))
                        .filter(|name| name.local == "Envelope")
                        .and_then(|name| SoapVersion::from_namespace(&name.namespace));
                    if let Some(version) = version {
                        fault.upgrade.push(version);
                    }
                }
                r.skip()?;
            }
        } else if fault.version == SoapVersion::V12 && r.is(&entry, NOT_UNDERSTOOD) {
            let qname = r.attribute(&entry, QNAME)?.map(Cow::into_owned);
            if let Some(name) = qname.and_then(|q| resolve(r, &q)) {
                fault.not_understood.push(name);
            }
            r.skip()?;
        } else {
            r.skip()?;
        }
    }
    Ok(())
}

/// A QName attribute value as an expanded name, with the declarations of
/// the element just read in scope.
fn resolve(r: &XmlReader<'_>, qname: &str) -> Option<HeaderName> {
    let qname = qname.trim();
    let (prefix, local) = qname.split_once(':').unwrap_or(("", qname));
    if local.is_empty() {
        return None;
    }
    let namespace = r.resolve_prefix(prefix);
    if namespace.is_none() && !prefix.is_empty() {
        return None;
    }
    Some(HeaderName::new(namespace.unwrap_or_default(), local))
}
