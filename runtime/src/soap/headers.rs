//! SOAP 1.1 header entries: the typed set an operation declares, and what
//! happens to the others. The rule for entries an operation does not declare is on [`XmlHeaders`].

use crate::xml::{
    Name, ReadError, ReadErrorKind, Start, WriteError, XmlElement, XmlReader, XmlWriter, ns,
};

const NOT_UNDERSTOOD: &str = "header entry not understood";

/// The `soap:actor` that means "whoever receives this message next".
const ACTOR_NEXT: &str = "http://schemas.xmlsoap.org/soap/actor/next";

/// The set of header entries of one direction of an operation, generated
/// as a struct with an `Option` per entry (or [`NoHeaders`]).
///
/// Every entry is optional: a client may leave out any of them, and a
/// server need not send any back, so a typed set cannot require one.
///
/// # Entries the set does not declare
///
/// SOAP 1.1 (section 4.2.3) lets a sender mark a header entry
/// `soap:mustUnderstand="1"`: a recipient that does not know it must fail
/// rather than act on the message without it. Reading applies that rule
/// the same way to requests (a server) and responses (a client):
///
/// - an entry the operation declares is read into its field, whatever its
///   `mustUnderstand`;
/// - an undeclared entry is skipped, unless it is marked
///   `mustUnderstand="1"` (or `"true"`, which some stacks write) and is
///   meant for this node: then reading fails with an error that names the
///   entry and that [`is_not_understood`] recognises, so that a server can
///   answer with a `soap:MustUnderstand` fault. An entry whose `soap:actor`
///   is someone other than the next node (`.../soap/actor/next`) is not
///   ours to understand and is always skipped.
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

/// Writes `soap:Header` with the entries of `headers`, or nothing when
/// none is set.
pub(crate) fn write_all<H: XmlHeaders>(headers: &H, w: &mut XmlWriter) -> Result<(), WriteError> {
    if headers.is_empty() {
        return Ok(());
    }
    w.start(super::HEADER);
    headers.write_headers(w)?;
    w.end()
}

/// Reads the children of `soap:Header`, whose start tag has just been
/// read, through its end tag.
pub(crate) fn read_all<H: XmlHeaders>(r: &mut XmlReader<'_>) -> Result<H, ReadError> {
    let mut headers = H::default();
    while let Some(entry) = r.next_child()? {
        if headers.read_header(r, &entry)? {
            continue;
        }
        if must_understand(r, &entry)? {
            let name = r.name_of(&entry);
            return Err(r.error(ReadErrorKind::Other(format!(
                "{NOT_UNDERSTOOD}: {name} is marked soap:mustUnderstand=\"1\", \
                 and the operation does not declare it"
            ))));
        }
        r.skip()?;
    }
    Ok(headers)
}

/// Whether reading failed on an undeclared header entry marked
/// `soap:mustUnderstand="1"`.
pub fn is_not_understood(error: &ReadError) -> bool {
    matches!(&error.kind, ReadErrorKind::Other(m) if m.starts_with(NOT_UNDERSTOOD))
}

/// Whether the entry `start` must be understood by this node.
fn must_understand(r: &XmlReader<'_>, start: &Start<'_>) -> Result<bool, ReadError> {
    let marked = r
        .attribute(start, Name::new(ns::SOAP11, "mustUnderstand"))?
        .is_some_and(|v| matches!(v.trim(), "1" | "true"));
    if !marked {
        return Ok(false);
    }
    let actor = r.attribute(start, Name::new(ns::SOAP11, "actor"))?;
    Ok(actor.is_none_or(|a| a.trim() == ACTOR_NEXT))
}
