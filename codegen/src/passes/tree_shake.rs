//! Keeps what the roots reach and drops the rest.
//!
//! Roots, by [`Roots`]:
//! - `Auto`: with WSDL services, every operation's input, output, fault
//!   and header elements; for plain XSD, every global element.
//! - `Select`: the named global elements and types (`{uri}local` or a
//!   local name that is unique) and WSDL operations (by name); operations
//!   not named, and operations whose messages are not all kept, are
//!   dropped.
//! - `All`: everything, named types without any element among them.
//!
//! What a root reaches is the closure of [`super::reach`].
//! The result is a new [`Model`] whose arenas hold the kept items in their
//! original order.

use std::collections::BTreeSet;

use super::polymorphism::polymorphism;
use super::reach::{Reach, Walk, operations};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::model::{
    Content, ElementDecl, ElementId, Model, Particle, QName, SimpleType, Term, TypeDef, TypeId,
    TypeKind, TypeRef,
};

/// What to generate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Roots {
    /// The WSDL operations when there are services, else every global
    /// element.
    #[default]
    Auto,
    /// These global elements and named types (`{uri}local`, or a local
    /// name) and WSDL operations (by name).
    Select {
        elements: Vec<String>,
        types: Vec<String>,
        operations: Vec<String>,
    },
    /// Every type and element of the schemas.
    All,
}

/// The reachable part of `model`. A root that names nothing is an error
/// in `diagnostics`.
pub fn tree_shake(model: &Model, roots: &Roots, diagnostics: &mut Diagnostics) -> Model {
    if *roots == Roots::All {
        return model.clone();
    }
    let reach = reach(model, roots, diagnostics);
    let operations = match roots {
        Roots::Select { operations, .. } => Some(operations.as_slice()),
        _ => None,
    };
    rebuild(model, &reach.elements, &reach.types, operations)
}

/// What `roots` reach in `model`, with the edge each item was first
/// reached by. `Roots::All` reaches what the default roots reach (the
/// rest is kept without being reached). A root that names nothing is an
/// error in `diagnostics`.
pub fn reach(model: &Model, roots: &Roots, diagnostics: &mut Diagnostics) -> Reach {
    let poly = polymorphism(model);
    let mut walk = Walk::new(model, &poly);
    match roots {
        Roots::Auto | Roots::All if !model.services.is_empty() => {
            (0..operations(model).count()).for_each(|i| walk.root_operation(i));
        }
        Roots::Auto | Roots::All => model.element_ids().for_each(|e| walk.root_element(e)),
        Roots::Select {
            elements,
            types,
            operations: names,
        } => {
            for name in elements {
                match find(&model.element_index, name, "root element") {
                    Ok(id) => walk.root_element(id),
                    Err(d) => diagnostics.push(d),
                }
            }
            for name in types {
                match find(&model.type_index, name, "root type") {
                    Ok(id) => walk.root_type(id),
                    Err(d) => diagnostics.push(d),
                }
            }
            for name in names {
                match operations(model).position(|op| op.name == *name) {
                    Some(index) => walk.root_operation(index),
                    None => diagnostics.push(Diagnostic::new(
                        Severity::Error,
                        None,
                        format!("root operation '{name}' is not in the WSDL"),
                    )),
                }
            }
        }
    }
    walk.run()
}

/// `{uri}local`, or a local name that only one namespace declares.
/// `what` names the role in messages (`root type`).
pub(super) fn find<Id: Copy>(
    index: &std::collections::BTreeMap<QName, Id>,
    name: &str,
    what: &str,
) -> Result<Id, Diagnostic> {
    let parsed = name
        .strip_prefix('{')
        .and_then(|rest| rest.split_once('}'))
        .map(|(ns, local)| QName::new(Some(ns), local));
    let matches: Vec<(&QName, Id)> = index
        .iter()
        .filter(|(q, _)| match &parsed {
            Some(p) => *q == p,
            None => q.local == name,
        })
        .map(|(q, id)| (q, *id))
        .collect();
    match matches.as_slice() {
        [(_, id)] => Ok(*id),
        [] => Err(Diagnostic::new(
            Severity::Error,
            None,
            format!("{what} '{name}' is not declared by the schemas"),
        )),
        several => {
            let names: Vec<String> = several.iter().map(|(q, _)| q.to_string()).collect();
            Err(Diagnostic::new(
                Severity::Error,
                None,
                format!(
                    "{what} '{name}' is ambiguous: write one of {}",
                    names.join(", ")
                ),
            ))
        }
    }
}

/// The kept items, renumbered, with every reference rewritten.
fn rebuild(
    model: &Model,
    elements: &BTreeSet<ElementId>,
    types: &BTreeSet<TypeId>,
    operations: Option<&[String]>,
) -> Model {
    let type_map = remap(
        model.types.len(),
        types.iter().map(|t| t.index()),
        TypeId::new,
    );
    let element_map = remap(
        model.elements.len(),
        elements.iter().map(|e| e.index()),
        ElementId::new,
    );
    let map = Map {
        types: &type_map,
        elements: &element_map,
    };

    let mut out = Model::default();
    for id in types {
        let mut def: TypeDef = model.ty(*id).clone();
        map.type_def(&mut def);
        out.add_type(def);
    }
    for id in elements {
        let mut decl: ElementDecl = model.element(*id).clone();
        decl.type_ref = map.type_ref(decl.type_ref);
        decl.substitution_group = decl.substitution_group.and_then(|e| map.element(e));
        out.add_element(decl);
    }
    for service in &model.services {
        let mut service = service.clone();
        service.operations.retain_mut(|op| {
            let mut kept = operations.is_none_or(|names| names.contains(&op.name));
            for msg in std::iter::once(&mut op.input)
                .chain(std::iter::once(&mut op.output))
                .chain(op.faults.iter_mut())
            {
                match map.element(msg.element) {
                    Some(e) => msg.element = e,
                    None => kept = false,
                }
                msg.headers.retain_mut(|h| match map.element(h.element) {
                    Some(e) => {
                        h.element = e;
                        true
                    }
                    None => false,
                });
            }
            kept
        });
        if !service.operations.is_empty() {
            out.services.push(service);
        }
    }
    out
}

/// Old index -> new id, for the kept indices in ascending order.
fn remap<Id: Copy>(
    len: usize,
    kept: impl Iterator<Item = usize>,
    id: fn(usize) -> Id,
) -> Vec<Option<Id>> {
    let mut map = vec![None; len];
    for (new, old) in kept.enumerate() {
        if let Some(slot) = map.get_mut(old) {
            *slot = Some(id(new));
        }
    }
    map
}

struct Map<'a> {
    types: &'a [Option<TypeId>],
    elements: &'a [Option<ElementId>],
}

impl Map<'_> {
    fn type_ref(&self, t: TypeRef) -> TypeRef {
        match t {
            // Every type reached from a kept item is kept.
            TypeRef::Defined(id) => self
                .types
                .get(id.index())
                .copied()
                .flatten()
                .map_or(t, TypeRef::Defined),
            TypeRef::Builtin(_) => t,
        }
    }

    fn element(&self, e: ElementId) -> Option<ElementId> {
        self.elements.get(e.index()).copied().flatten()
    }

    fn type_def(&self, def: &mut TypeDef) {
        match &mut def.kind {
            TypeKind::Simple(SimpleType::Restriction { base, .. }) => *base = self.type_ref(*base),
            TypeKind::Simple(SimpleType::List { item }) => *item = self.type_ref(*item),
            TypeKind::Simple(SimpleType::Union { members }) => {
                members.iter_mut().for_each(|m| *m = self.type_ref(*m));
            }
            TypeKind::Complex(c) => {
                if let Some((base, _)) = &mut c.base {
                    *base = self.type_ref(*base);
                }
                for a in &mut c.attributes {
                    a.type_ref = self.type_ref(a.type_ref);
                }
                match &mut c.content {
                    Content::Empty => {}
                    Content::Simple(t) => *t = self.type_ref(*t),
                    Content::Elements(p) => self.particle(p),
                }
            }
        }
    }

    fn particle(&self, p: &mut Particle) {
        match &mut p.term {
            Term::Element(e) => {
                e.type_ref = self.type_ref(e.type_ref);
                e.global = e.global.and_then(|g| self.element(g));
            }
            Term::Sequence(ps) | Term::Choice(ps) | Term::All(ps) => {
                ps.iter_mut().for_each(|p| self.particle(p));
            }
            Term::Any(_) => {}
        }
    }
}
