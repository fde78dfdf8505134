//! Content models: particles, local elements and element references, and
//! named groups flattened into their users (a circular group reference is
//! an error, not a stack overflow).

use super::Lowerer;
use super::index::SchemaCx;
use crate::model::{Builtin, ElementUse, Particle, Term, TypeRef, Wildcard};
use crate::syntax::{self, ElementDecl, QNameRef};

impl Lowerer<'_, '_> {
    /// Lowers a particle; None when it is broken (already reported).
    pub(crate) fn particle(
        &mut self,
        p: &syntax::Particle,
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> Option<Particle> {
        if !self.enter(p.span) {
            return None;
        }
        let term = match &p.term {
            syntax::Term::Element(e) => self.element_use(e, cx).map(Term::Element),
            syntax::Term::Sequence(items) => Some(Term::Sequence(self.particles(items, cx, hint))),
            syntax::Term::Choice(items) => Some(Term::Choice(self.particles(items, cx, hint))),
            syntax::Term::All(items) => Some(Term::All(self.particles(items, cx, hint))),
            syntax::Term::Any(w) => Some(Term::Any(wildcard(w))),
            syntax::Term::GroupRef(r) => self.group(r).map(|g| g.term),
        };
        self.leave();
        Some(Particle {
            min_occurs: p.min_occurs,
            max_occurs: p.max_occurs,
            term: term?,
            span: p.span,
        })
    }

    fn particles(
        &mut self,
        items: &[syntax::Particle],
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> Vec<Particle> {
        items
            .iter()
            .filter_map(|p| self.particle(p, cx, hint))
            .collect()
    }

    fn element_use(&mut self, e: &ElementDecl, cx: SchemaCx<'_>) -> Option<ElementUse> {
        if let Some(r) = &e.reference {
            let id = self.element_ref(r)?;
            let global = self.model.elements.get(id.index())?;
            return Some(ElementUse {
                name: global.name.clone(),
                type_ref: global.type_ref,
                global: Some(id),
                nillable: global.nillable,
                default: global.default.clone(),
                fixed: global.fixed.clone(),
                doc: e.doc.clone().or_else(|| global.doc.clone()),
                span: e.span,
            });
        }
        let name = e.name.as_deref()?;
        let type_ref = if let Some(def) = &e.anonymous {
            TypeRef::Defined(self.anonymous(def, cx, name))
        } else if let Some(r) = &e.type_name {
            self.type_ref(r)?
        } else {
            TypeRef::Builtin(Builtin::AnyType)
        };
        Some(ElementUse {
            name: cx.local(name, e.form.unwrap_or(cx.element_form)),
            type_ref,
            global: None,
            nillable: e.nillable,
            default: e.default.clone(),
            fixed: e.fixed.clone(),
            doc: e.doc.clone(),
            span: e.span,
        })
    }

    /// Lowers the groups and global attributes no type uses, so that their
    /// errors (a circular reference, an unknown type) are reported all the
    /// same.
    pub(crate) fn unused_declarations(&mut self) {
        let groups: Vec<_> = self.index.groups.keys().cloned().collect();
        for name in groups {
            if !self.groups.contains_key(&name) {
                let span = self
                    .index
                    .groups
                    .get(&name)
                    .map(|(g, _)| g.span)
                    .unwrap_or_default();
                self.group(&QNameRef {
                    written: name.local.clone(),
                    name,
                    span,
                });
            }
        }
        let groups: Vec<_> = self.index.attribute_groups.keys().cloned().collect();
        for name in groups {
            if !self.attribute_groups.contains_key(&name) {
                let span = self
                    .index
                    .attribute_groups
                    .get(&name)
                    .map(|(g, _)| g.span)
                    .unwrap_or_default();
                self.attribute_group(&QNameRef {
                    written: name.local.clone(),
                    name,
                    span,
                });
            }
        }
        let attributes: Vec<_> = self
            .index
            .attributes
            .iter()
            .map(|(n, (a, _))| (n.clone(), a.span))
            .collect();
        for (name, span) in attributes {
            self.global_attribute(&QNameRef {
                written: name.local.clone(),
                name,
                span,
            });
        }
    }

    /// The model group of a named group, lowered once and shared by every
    /// reference (its anonymous types too).
    fn group(&mut self, r: &QNameRef) -> Option<Particle> {
        if let Some(done) = self.groups.get(&r.name) {
            return done.clone();
        }
        if self.group_stack.contains(&r.name) {
            self.diags
                .error(r.span, format!("circular group reference '{}'", r.written));
            return None;
        }
        let Some(&(group, gcx)) = self.index.groups.get(&r.name) else {
            self.unknown("group", r);
            return None;
        };
        self.group_stack.push(r.name.clone());
        let lowered = group
            .particle
            .as_ref()
            .and_then(|p| self.particle(p, gcx, &group.name));
        self.group_stack.pop();
        self.groups.insert(r.name.clone(), lowered.clone());
        lowered
    }
}

pub(crate) fn wildcard(w: &syntax::Wildcard) -> Wildcard {
    Wildcard {
        namespace: w.namespace.clone(),
        process_contents: w.process_contents.clone(),
        span: w.span,
    }
}
