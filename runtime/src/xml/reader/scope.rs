//! Namespace scopes: the declarations in force at the current element, and
//! the URIs seen so far, interned so that an element's namespace is a
//! small integer.

use std::borrow::Cow;

use super::super::bytes::same;

/// Index into [`Scopes::uris`]; [`NO_NS`] for no namespace.
pub(super) type NsId = u32;
const NO_NS: NsId = u32::MAX;

/// `xmlns:prefix="uri"` (an empty prefix for `xmlns=`) declared on the
/// element at `depth`. The prefix borrows from the input: a declaration
/// costs no allocation.
struct Binding<'i> {
    prefix: &'i str,
    ns: NsId,
    depth: usize,
}

#[derive(Default)]
pub(super) struct Scopes<'i> {
    /// Borrowed from the input unless a declaration had to be decoded.
    uris: Vec<Cow<'i, str>>,
    bindings: Vec<Binding<'i>>,
}

impl<'i> Scopes<'i> {
    pub(super) fn new() -> Self {
        Self {
            uris: Vec::with_capacity(4),
            bindings: Vec::with_capacity(4),
        }
    }

    /// Declares `prefix` on the element at `depth`; `uri` empty undeclares
    /// the default namespace (`xmlns=""`).
    pub(super) fn declare(&mut self, prefix: &'i str, uri: Cow<'i, str>, depth: usize) {
        let ns = if uri.is_empty() {
            NO_NS
        } else {
            self.intern(uri)
        };
        self.bindings.push(Binding { prefix, ns, depth });
    }

    /// Ends the scopes of elements deeper than `depth`.
    pub(super) fn leave(&mut self, depth: usize) {
        while self.bindings.last().is_some_and(|b| b.depth > depth) {
            self.bindings.pop();
        }
    }

    /// The namespace of an element name with `prefix` (`""` for none);
    /// None for an undeclared prefix.
    pub(super) fn element_ns(&mut self, prefix: &str) -> Option<NsId> {
        match self.binding(prefix) {
            Some(ns) => Some(ns),
            None if prefix.is_empty() => Some(NO_NS),
            None if prefix == "xml" => Some(self.intern(Cow::Borrowed(super::super::ns::XML))),
            None => None,
        }
    }

    /// The namespace bound to `prefix` (`""`: the default) and the depth
    /// of the element that declared it; None when it is not declared (or,
    /// for `""`, when no default namespace was ever declared).
    pub(super) fn binding_of(&self, prefix: &str) -> Option<(&str, usize)> {
        self.bindings
            .iter()
            .rev()
            .find(|b| same(b.prefix, prefix))
            .map(|b| (self.uri(b.ns), b.depth))
    }

    /// The URI bound to a non-empty prefix.
    pub(super) fn lookup(&self, prefix: &str) -> Option<&str> {
        if prefix == "xml" {
            return Some(super::super::ns::XML);
        }
        self.binding(prefix).map(|ns| self.uri(ns))
    }

    /// The default namespace in force; `""` when there is none.
    pub(super) fn default_ns(&self) -> &str {
        self.binding("").map_or("", |ns| self.uri(ns))
    }

    pub(super) fn uri(&self, ns: NsId) -> &str {
        self.uris.get(ns as usize).map_or("", |uri| uri)
    }

    fn binding(&self, prefix: &str) -> Option<NsId> {
        self.bindings
            .iter()
            .rev()
            .find(|b| same(b.prefix, prefix))
            .map(|b| b.ns)
    }

    fn intern(&mut self, uri: Cow<'i, str>) -> NsId {
        match self
            .uris
            .iter()
            .position(|known| same(known.as_ref(), uri.as_ref()))
        {
            Some(i) => i as NsId,
            None => {
                self.uris.push(uri);
                (self.uris.len() - 1) as NsId
            }
        }
    }
}
