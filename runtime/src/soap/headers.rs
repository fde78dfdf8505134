//! Header entries: the typed set an operation declares, and what happens
//! to the others. The rule for entries an operation does not declare is on
//! [`XmlHeaders`].

use crate::xml::{
    Name, ReadError, ReadErrorKind, Start, WriteError, XmlElement, XmlReader, XmlWriter, ns,
};

use super::SoapVersion;

/// The SOAP 1.1 `actor` that means "whoever receives this message next".
const ACTOR_NEXT: &str = "http://schemas.xmlsoap.org/soap/actor/next";

/// The SOAP 1.2 roles every node plays as the ultimate receiver of a
/// request or a response (Part 1, section 2.2); `.../role/none` is
/// nobody's, and any other role is not ours.
const ROLES_OF_RECEIVER: [&str; 2] = [
    "http://www.w3.org/2003/05/soap-envelope/role/next",
    "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
];

/// The set of header entries of one direction of an operation, generated
/// as a struct with an `Option` per entry (or [`NoHeaders`]).
///
/// Every entry is optional: a client may leave out any of them, and a
/// server need not send any back, so a typed set cannot require one.
///
/// # Entries the set does not declare
///
/// SOAP 1.1 (section 4.2.3) and 1.2 (Part 1, section 5.2.3) let a sender
/// mark a header entry `mustUnderstand`: a recipient that does not know it
/// must fail rather than act on the message without it. Reading applies
/// that rule the same way to requests (a server) and responses (a client):
///
/// - an entry the operation declares is read into its field, whatever its
///   `mustUnderstand`;
/// - an undeclared entry is skipped, unless it is marked
///   `mustUnderstand` and is meant for this node: then reading fails with
///   [`ReadErrorKind::NotUnderstood`], which names the entry and which
///   [`is_not_understood`] recognises, so that a server can answer with a
///   `MustUnderstand` fault.
///
/// The marking and "meant for this node" differ by version:
///
/// - 1.1: `soap:mustUnderstand="1"` (or `"true"`, which some stacks
///   write); an entry whose `soap:actor` is someone other than the next
///   node (`.../soap/actor/next`) is not ours to understand.
/// - 1.2: `env:mustUnderstand` `"true"` or `"1"` (`"false"` and `"0"`
///   unmark it, anything else is an invalid value); the entry is ours
///   without `env:role` and with the roles `.../role/next` and
///   `.../role/ultimateReceiver`, and not with `.../role/none` or any
///   other role.
///
/// So a client ignores a response header it does not know (EWS adds new
/// ones from version to version), unless the server insists on it.
pub trait XmlHeaders: Default {
    /// The elements of the set, in the order they are written.
    const NAMES: &'static [Name];

    /// Whether no entry is set; `soap:Header` is then left out.
    fn is_empty(&self) -> bool;

    /// Writes the entries that are set, each as a child of `soap:Header`.
    fn write_headers(&self, w: &mut XmlWriter) -> Result<(), WriteError>;

    /// Reads the header entry `start` when it is one of the set and
    /// returns true; returns false, having read nothing, when it is not.
    fn read_header(&mut self, r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<bool, ReadError>;
}

/// The header set of an operation that declares none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NoHeaders;

impl XmlHeaders for NoHeaders {
    const NAMES: &'static [Name] = &[];

    fn is_empty(&self) -> bool {
        true
    }

    fn write_headers(&self, _: &mut XmlWriter) -> Result<(), WriteError> {
        Ok(())
    }

    fn read_header(&mut self, _: &mut XmlReader<'_>, _: &Start<'_>) -> Result<bool, ReadError> {
        Ok(false)
    }
}

/// Writes one optional entry of a header set; generated
/// [`XmlHeaders::write_headers`] calls it per field.
pub fn write_header<T: XmlElement>(value: &Option<T>, w: &mut XmlWriter) -> Result<(), WriteError> {
    match value {
        Some(value) => value.write_xml(w, T::NAME),
        None => Ok(()),
    }
}

/// Reads `start` into `slot` when it is the element `T`; generated
/// [`XmlHeaders::read_header`] calls it per field. An entry sent twice is
/// an error rather than a silent choice between the two.
pub fn read_header<T: XmlElement>(
    slot: &mut Option<T>,
    r: &mut XmlReader<'_>,
    start: &Start<'_>,
) -> Result<bool, ReadError> {
    if !r.is(start, T::NAME) {
        return Ok(false);
    }
    if slot.is_some() {
        return Err(r.duplicate(start));
    }
    *slot = Some(T::read_xml(r, start)?);
    Ok(true)
}

/// Reads the children of `Header`, whose start tag has just been read,
/// through its end tag. The entries named in `understood` are skipped
/// whatever their `mustUnderstand`: the caller processes them elsewhere.
pub(crate) fn read_all<H: XmlHeaders>(
    r: &mut XmlReader<'_>,
    version: SoapVersion,
    understood: &[Name],
) -> Result<H, ReadError> {
    let mut headers = H::default();
    while let Some(entry) = r.next_child()? {
        if headers.read_header(r, &entry)? {
            continue;
        }
        let processed_elsewhere = understood.iter().any(|name| r.is(&entry, *name));
        if processed_elsewhere {
            r.skip()?;
            continue;
        }
        if let Some(marked) = must_understand(r, &entry, version)? {
            return Err(r.error(ReadErrorKind::NotUnderstood {
                namespace: r.namespace_of(&entry).to_owned(),
                local: entry.local_name().to_owned(),
                marked: marked.to_owned(),
            }));
        }
        r.skip()?;
    }
    Ok(headers)
}

/// Whether reading failed on an undeclared header entry marked
/// `mustUnderstand` for this node.
pub fn is_not_understood(error: &ReadError) -> bool {
    matches!(&error.kind, ReadErrorKind::NotUnderstood { .. })
}

/// How the entry `start` is marked when this node must understand it.
fn must_understand(
    r: &XmlReader<'_>,
    start: &Start<'_>,
    version: SoapVersion,
) -> Result<Option<&'static str>, ReadError> {
    let mark = r.attribute(start, version.name("mustUnderstand"))?;
    match version {
        SoapVersion::V11 => {
            let marked = mark.is_some_and(|v| matches!(v.trim(), "1" | "true"));
            if !marked {
                return Ok(None);
            }
            let actor = r.attribute(start, Name::new(ns::SOAP11, "actor"))?;
            let ours = actor.is_none_or(|a| a.trim() == ACTOR_NEXT);
            Ok(ours.then_some("soap:mustUnderstand=\"1\""))
        }
        SoapVersion::V12 => {
            let marked = match mark.as_deref().map(str::trim) {
                None | Some("false" | "0") => false,
                Some("true" | "1") => true,
                Some(other) => {
                    return Err(r.error(ReadErrorKind::InvalidValue {
                        value: other.chars().take(60).collect(),
                        reason: format!(
                            "env:mustUnderstand of header entry {} is a boolean \
                             (true, false, 1 or 0)",
                            r.name_of(start)
                        ),
                    }));
                }
            };
            if !marked {
                return Ok(None);
            }
            let role = r.attribute(start, Name::new(ns::SOAP12, "role"))?;
            let ours = role.is_none_or(|role| ROLES_OF_RECEIVER.contains(&role.trim()));
            Ok(ours.then_some("env:mustUnderstand=\"true\""))
        }
    }
}
