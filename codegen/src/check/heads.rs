//! Substitution group heads that nothing can stand for: an abstract head
//! without members is an extension point the schema set leaves open. Where
//! a content model refers to it, no element can be read or written, which
//! the user should hear about rather than find out from an empty field.

use std::collections::BTreeSet;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Content, ElementId, Model, Particle, Term, TypeKind};

pub(crate) fn empty_heads(model: &Model, diags: &mut Diagnostics) {
    let heads: BTreeSet<ElementId> = model
        .element_ids()
        .filter_map(|id| model.element(id).substitution_group)
        .collect();
    let mut warned = BTreeSet::new();
    for id in model.type_ids() {
        if let TypeKind::Complex(c) = &model.ty(id).kind
            && let Content::Elements(p) = &c.content
        {
            references(p, &mut |global, particle| {
                let decl = model.element(global);
                if decl.is_abstract && !heads.contains(&global) && warned.insert(global) {
                    diags.push(
                        Diagnostic::warning(
                            particle.span,
                            format!(
                                "abstract element '{}' has no substitution group members in these schemas: nothing can appear here",
                                decl.name.local
                            ),
                        )
                        .with_note(decl.span, "declared here"),
                    );
                }
            });
        }
    }
}

/// Calls `f` for every reference to a global element in `p`.
fn references(p: &Particle, f: &mut impl FnMut(ElementId, &Particle)) {
    match &p.term {
        Term::Element(e) => {
            if let Some(global) = e.global {
                f(global, p);
            }
        }
        Term::Sequence(ps) | Term::Choice(ps) | Term::All(ps) => {
            ps.iter().for_each(|p| references(p, f));
        }
        Term::Any(_) => {}
    }
}
