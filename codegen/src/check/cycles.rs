//! Circular definitions that lowering cannot see locally: a type deriving
//! from itself (through bases, list items or union members), and an element
//! in its own substitution group. Both would make later passes loop.

use crate::diagnostics::Diagnostics;
use crate::model::{Content, Model, SimpleType, TypeId, TypeKind, TypeRef};

use super::type_label;

fn derivation_edges(model: &Model, id: TypeId) -> Vec<TypeId> {
    let defined = |t: &TypeRef| match t {
        TypeRef::Defined(id) => Some(*id),
        TypeRef::Builtin(_) => None,
    };
    match model.types.get(id.index()).map(|d| &d.kind) {
        Some(TypeKind::Complex(c)) => {
            let mut out: Vec<TypeId> = c.base.iter().filter_map(|(b, _)| defined(b)).collect();
            if let Content::Simple(t) = &c.content {
                out.extend(defined(t).filter(|t| !out.contains(t)));
            }
            out
        }
        Some(TypeKind::Simple(SimpleType::Restriction { base, .. })) => {
            defined(base).into_iter().collect()
        }
        Some(TypeKind::Simple(SimpleType::List { item })) => defined(item).into_iter().collect(),
        Some(TypeKind::Simple(SimpleType::Union { members })) => {
            members.iter().filter_map(defined).collect()
        }
        None => Vec::new(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    New,
    Active,
    Done,
}

/// Iterative depth-first search; reports each type where a cycle closes.
pub(crate) fn type_derivations(model: &Model, diags: &mut Diagnostics) {
    let mut marks = vec![Mark::New; model.types.len()];
    for start in model.type_ids() {
        if marks.get(start.index()) != Some(&Mark::New) {
            continue;
        }
        let mut stack = vec![(start, derivation_edges(model, start), 0usize)];
        if let Some(m) = marks.get_mut(start.index()) {
            *m = Mark::Active;
        }
        while let Some((node, edges, next)) = stack.last_mut() {
            let Some(&target) = edges.get(*next) else {
                if let Some(m) = marks.get_mut(node.index()) {
                    *m = Mark::Done;
                }
                stack.pop();
                continue;
            };
            *next += 1;
            match marks.get(target.index()) {
                Some(Mark::New) => {
                    if let Some(m) = marks.get_mut(target.index()) {
                        *m = Mark::Active;
                    }
                    stack.push((target, derivation_edges(model, target), 0));
                }
                Some(Mark::Active) => {
                    let span = model.type_span(target);
                    diags.error(
                        span,
                        format!(
                            "circular type definition: {} derives from itself",
                            type_label(model, target)
                        ),
                    );
                }
                _ => {}
            }
        }
    }
}

pub(crate) fn substitution_groups(model: &Model, diags: &mut Diagnostics) {
    let mut marks = vec![Mark::New; model.elements.len()];
    for start in model.element_ids() {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(id) = current {
            match marks.get(id.index()) {
                Some(Mark::New) => {}
                Some(Mark::Active) => {
                    let e = model.element(id);
                    diags.error(
                        e.span,
                        format!(
                            "circular substitution group: element '{}' is its own head",
                            e.name.local
                        ),
                    );
                    break;
                }
                _ => break,
            }
            if let Some(m) = marks.get_mut(id.index()) {
                *m = Mark::Active;
            }
            path.push(id);
            current = model
                .elements
                .get(id.index())
                .and_then(|e| e.substitution_group);
        }
        for id in path {
            if let Some(m) = marks.get_mut(id.index()) {
                *m = Mark::Done;
            }
        }
    }
}
