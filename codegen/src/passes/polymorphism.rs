//! What may stand where a schema names an element or a type.
//!
//! Two XSD mechanisms let an instance carry something other than what a
//! content model declares:
//! - a **substitution group**: where the head element is referenced, any
//!   element declared `substitutionGroup="head"` (directly or through
//!   another member) may appear instead, under its own name;
//! - **type derivation**: an element declared with type `B` may carry
//!   `xsi:type="D"` for any `D` derived from `B`, by extension or
//!   restriction.
//!
//! Abstract heads and abstract types never appear themselves. This pass
//! lists, for each head and each base type, the concrete candidates in
//! schema order (the head or base itself first when it is concrete), so
//! that tree shaking keeps them, recursion analysis sees their fields, and
//! the plan makes an enum of them.
//!
//! `block` and `final` are not consulted: every derived type and member is
//! a candidate.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Content, ElementId, Model, Particle, Term, TypeId, TypeKind, TypeRef};

#[derive(Debug, Clone, Default)]
pub struct Polymorphism {
    /// Head element -> the concrete elements that may appear for it, for
    /// heads that have members or are abstract.
    pub substitutes: BTreeMap<ElementId, Vec<ElementId>>,
    /// Complex type -> the concrete types an element declared with it may
    /// carry, for types that have derived types or are abstract.
    pub derived: BTreeMap<TypeId, Vec<TypeId>>,
}

impl Polymorphism {
    pub fn substitutes(&self, head: ElementId) -> Option<&[ElementId]> {
        self.substitutes.get(&head).map(Vec::as_slice)
    }

    pub fn derived(&self, base: TypeId) -> Option<&[TypeId]> {
        self.derived.get(&base).map(Vec::as_slice)
    }
}

/// Computes the candidates of every head and base in `model`.
pub fn polymorphism(model: &Model) -> Polymorphism {
    let mut members: BTreeMap<ElementId, Vec<ElementId>> = BTreeMap::new();
    for id in model.element_ids() {
        if let Some(head) = model.element(id).substitution_group {
            members.entry(head).or_default().push(id);
        }
    }
    let mut children: BTreeMap<TypeId, Vec<TypeId>> = BTreeMap::new();
    for id in model.type_ids() {
        if let TypeKind::Complex(c) = &model.ty(id).kind
            && let Some((TypeRef::Defined(base), _)) = c.base
        {
            children.entry(base).or_default().push(id);
        }
    }

    let (referenced, typed) = uses(model);
    let mut out = Polymorphism::default();
    for id in model.element_ids() {
        let decl = model.element(id);
        if !referenced.contains(&id) || !members.contains_key(&id) && !decl.is_abstract {
            continue;
        }
        let all = closure(id, &members);
        let concrete = all
            .into_iter()
            .filter(|e| !model.element(*e).is_abstract)
            .collect();
        out.substitutes.insert(id, concrete);
    }
    for id in model.type_ids() {
        let TypeKind::Complex(c) = &model.ty(id).kind else {
            continue;
        };
        if !typed.contains(&id) || !children.contains_key(&id) && !c.is_abstract {
            continue;
        }
        // `xsi:type` can only name a named type.
        let all = closure(id, &children);
        let concrete: Vec<TypeId> = all
            .into_iter()
            .filter(|t| {
                let def = model.ty(*t);
                def.name.is_some() && !matches!(&def.kind, TypeKind::Complex(c) if c.is_abstract)
            })
            .collect();
        if !c.is_abstract && concrete.len() < 2 {
            continue;
        }
        out.derived.insert(id, concrete);
    }
    out
}

/// The global elements referenced from content models, and the complex
/// types some element is declared with: only those need candidates.
fn uses(model: &Model) -> (BTreeSet<ElementId>, BTreeSet<TypeId>) {
    fn particle(p: &Particle, refs: &mut BTreeSet<ElementId>, typed: &mut BTreeSet<TypeId>) {
        match &p.term {
            Term::Element(e) => match e.global {
                // The referenced declaration says whether its type is used.
                Some(g) => {
                    refs.insert(g);
                }
                None => {
                    if let TypeRef::Defined(t) = e.type_ref {
                        typed.insert(t);
                    }
                }
            },
            Term::Sequence(ps) | Term::Choice(ps) | Term::All(ps) => {
                ps.iter().for_each(|p| particle(p, refs, typed));
            }
            Term::Any(_) => {}
        }
    }
    let mut refs = BTreeSet::new();
    let mut typed = BTreeSet::new();
    for id in model.element_ids() {
        // An abstract element never appears: its type is not used by it.
        let decl = model.element(id);
        if let (false, TypeRef::Defined(t)) = (decl.is_abstract, decl.type_ref) {
            typed.insert(t);
        }
    }
    for id in model.type_ids() {
        if let TypeKind::Complex(c) = &model.ty(id).kind
            && let Content::Elements(p) = &c.content
        {
            particle(p, &mut refs, &mut typed);
        }
    }
    (refs, typed)
}

/// `root`, then everything below it in id (schema) order, each once.
fn closure<Id: Copy + Ord>(root: Id, children: &BTreeMap<Id, Vec<Id>>) -> Vec<Id> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        // A cycle (an invalid schema the checks report) ends here.
        if seen.insert(id) {
            stack.extend(children.get(&id).into_iter().flatten().copied());
        }
    }
    seen.remove(&root);
    std::iter::once(root).chain(seen).collect()
}
