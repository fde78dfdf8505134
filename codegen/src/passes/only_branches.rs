//! Drops the branches of a choice that the user says never occur.
//!
//! A schema may allow far more than a service sends: EWS's
//! `ArrayOfResponseMessagesType` is a choice of every response message of
//! every operation, so any one operation's response reaches nearly the
//! whole schema. Only the user knows that `ConvertIdResponse` carries only
//! `ConvertIdResponseMessage`; [`crate::Config::only_branches`] says so,
//! and this pass rewrites the model before the tree shaking so that the
//! other branches, and what only they reach, are not generated.
//!
//! In the named complex type's own content model, every choice with an
//! element branch among the kept names keeps those element branches and
//! its branches that are not elements (sequences, groups, wildcards);
//! choices without such a branch are left alone. A document carrying a
//! dropped branch then fails to read with an unexpected-element error.

use std::collections::{BTreeMap, BTreeSet};

use super::tree_shake::find;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Content, Model, Particle, QName, Term, TypeKind};

/// Complex type (`{uri}local` or a local name) -> the element branches
/// (`{uri}local` or a local name) its choices keep.
pub type OnlyBranches = BTreeMap<String, BTreeSet<String>>;

/// `model` with the choices of `only` narrowed. A type that is not
/// declared, or a kept name that no choice of the type has, is an error in
/// `diagnostics`.
pub fn only_branches(model: &Model, only: &OnlyBranches, diagnostics: &mut Diagnostics) -> Model {
    let mut out = model.clone();
    for (type_name, keep) in only {
        let id = match find(&model.type_index, type_name, "type of only_branches") {
            Ok(id) => id,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let span = model.type_span(id);
        let mut used = BTreeSet::new();
        if let TypeKind::Complex(c) = &mut out.ty_mut(id).kind
            && let Content::Elements(p) = &mut c.content
        {
            narrow(p, keep, &mut used);
        }
        for name in keep.difference(&used) {
            diagnostics.push(Diagnostic::error(
                span,
                format!("only_branches: type '{type_name}' has no choice with a branch '{name}'"),
            ));
        }
    }
    out
}

fn narrow(p: &mut Particle, keep: &BTreeSet<String>, used: &mut BTreeSet<String>) {
    match &mut p.term {
        Term::Choice(branches) => {
            let kept = |b: &Particle| match &b.term {
                Term::Element(e) => key(&e.name, keep),
                _ => None,
            };
            let named: Vec<String> = branches.iter().filter_map(kept).collect();
            if !named.is_empty() {
                branches.retain(|b| !matches!(b.term, Term::Element(_)) || kept(b).is_some());
                used.extend(named);
            }
            branches.iter_mut().for_each(|b| narrow(b, keep, used));
        }
        Term::Sequence(ps) | Term::All(ps) => ps.iter_mut().for_each(|b| narrow(b, keep, used)),
        Term::Element(_) | Term::Any(_) => {}
    }
}

/// The kept name that designates `name`, if any.
fn key(name: &QName, keep: &BTreeSet<String>) -> Option<String> {
    [name.to_string(), name.local.clone()]
        .into_iter()
        .find(|k| keep.contains(k))
}
