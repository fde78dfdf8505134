//! SOAP header entries -> one struct per distinct set of header elements,
//! shared by the operations that declare it.
//!
//! # Which operations share a struct
//!
//! Two operations share one when they declare the same header elements in
//! the same direction (request or response), in whatever order: WSDLs such
//! as EWS's repeat one set over a hundred operations, and a struct per
//! operation would be a hundred identical types that cannot be assigned
//! to each other.
//!
//! # Names
//!
//! The struct is named after the first operation, in the order of the
//! WSDL (services, then portType order), that declares the set:
//! `{Operation}InputHeaders` or `{Operation}OutputHeaders`; its fields are
//! in that operation's binding order, one `Option` per element, named
//! after the element (`snake_case`, numbered on collision). Every later
//! operation with the set gets a type alias of its own name
//! (`pub type CreateItemInputHeaders = GetItemInputHeaders;`), so that
//! code written against one operation's header type keeps its name when an
//! operation is added before it. An operation without header entries uses
//! the runtime's `NoHeaders`.
//!
//! Every field is an `Option`: WSDL 1.1 cannot say that a header entry is
//! required, a client sends only the entries it needs, and a server
//! answers without the ones it does not use.

use std::collections::BTreeMap;

use super::Planner;
use super::names::{self, RustIdent, Scope, Suffix};
use super::rust::{HeaderFieldDef, HeaderStructDef, HeadersDef, OperationDef};
use crate::model::{ElementId, HeaderPart, Operation};

/// Request or response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Direction {
    Input,
    Output,
}

impl Direction {
    fn suffix(self) -> &'static str {
        match self {
            Direction::Input => "InputHeaders",
            Direction::Output => "OutputHeaders",
        }
    }

    fn message(self) -> &'static str {
        match self {
            Direction::Input => "request",
            Direction::Output => "response",
        }
    }
}

/// The sets planned so far.
#[derive(Default)]
pub(super) struct HeaderSets {
    /// By direction and sorted elements: the struct's identifier, the
    /// operation that defines it, and how many operations use it.
    seen: BTreeMap<(Direction, Vec<ElementId>), (RustIdent, String, usize)>,
}

impl Planner<'_> {
    /// The header type of `op` in direction `dir`, whose unit struct is
    /// `op_ident`; identifiers are claimed in `scope`, the operations
    /// module's.
    pub(super) fn plan_headers(
        &mut self,
        op: &Operation,
        op_ident: &RustIdent,
        dir: Direction,
        sets: &mut HeaderSets,
        scope: &mut Scope,
    ) -> HeadersDef {
        let headers: &[HeaderPart] = match dir {
            Direction::Input => &op.input.headers,
            Direction::Output => &op.output.headers,
        };
        if headers.is_empty() {
            return HeadersDef::None;
        }
        let mut key: Vec<ElementId> = headers.iter().map(|h| h.element).collect();
        key.sort();
        key.dedup();
        let ident = scope.claim(
            RustIdent::plain(&format!("{}{}", op_ident.name, dir.suffix())),
            Suffix::Camel,
        );
        if let Some((target, first, uses)) = sets.seen.get_mut(&(dir, key.clone())) {
            *uses += 1;
            let doc = format!(
                "The `soap:Header` entries of the `{}` {}: the same set as `{first}`'s.",
                op.name,
                dir.message()
            );
            return HeadersDef::Alias {
                ident,
                target: target.clone(),
                doc: Some(doc),
            };
        }
        let mut fields = Vec::new();
        let mut field_scope = Scope::new();
        for h in headers {
            let path = self.element_paths.get(h.element.index()).cloned();
            let Some(element) = path.flatten() else {
                self.error(
                    h.span,
                    "internal error: this header element was not planned",
                );
                continue;
            };
            let local = &self.model.element(h.element).name.local;
            fields.push(HeaderFieldDef {
                ident: field_scope.claim(names::field_ident(local), Suffix::Snake),
                element,
            });
        }
        let first = (ident.clone(), op.name.clone(), 1);
        sets.seen.insert((dir, key), first);
        HeadersDef::Struct(HeaderStructDef {
            ident,
            doc: None,
            fields,
        })
    }
}

/// Documents each struct of `ops`, now that the number of its users is
/// known.
pub(super) fn document(sets: &HeaderSets, ops: &mut [OperationDef]) {
    for op in ops {
        for (dir, def) in [
            (Direction::Input, &mut op.input_headers),
            (Direction::Output, &mut op.output_headers),
        ] {
            let HeadersDef::Struct(d) = def else {
                continue;
            };
            let uses = sets
                .seen
                .values()
                .find(|(ident, _, _)| *ident == d.ident)
                .map_or(1, |(_, _, uses)| *uses);
            let what = dir.message();
            let mut doc = format!(
                "The `soap:Header` entries of the `{}` {what}.\n\n\
                 Every entry is optional: a client sends only the ones it needs, \
                 and a server need not send any back.",
                op.name
            );
            match uses.saturating_sub(1) {
                0 => {}
                1 => doc.push_str(&format!(
                    "\n\nOne other operation declares the same entries for its {what} \
                     and names this struct with a type alias."
                )),
                n => doc.push_str(&format!(
                    "\n\n{n} other operations declare the same entries for their {what}s \
                     and name this struct with type aliases."
                )),
            }
            d.doc = Some(doc);
        }
    }
}
