//! Content models: particles, local elements and element references, and
//! named groups flattened into their users (a circular group reference is
//! an error, not a stack overflow).

use super::Lowerer;
use super::index::SchemaCx;
use crate::model::{
    Builtin, ElementUse, MaxOccurs, NamespaceConstraint, Particle, Term, TypeRef, Wildcard,
};
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
        let mut min_occurs = p.min_occurs;
        let term = match &p.term {
            syntax::Term::Element(e) => self.element_use(e, cx).map(Term::Element),
            syntax::Term::Sequence(items) => {
                Some(Term::Sequence(not_empty(self.particles(items, cx, hint))))
            }
            syntax::Term::Choice(items) => {
                let (term, emptiable) = choice(self.particles(items, cx, hint));
                if emptiable {
                    min_occurs = 0;
                }
                Some(term)
            }
            syntax::Term::All(items) => Some(Term::All(not_empty(self.particles(items, cx, hint)))),
            syntax::Term::Any(w) => Some(Term::Any(wildcard(w, cx.tns))),
            syntax::Term::GroupRef(r) => self.group(r).map(|g| g.term),
        };
        self.leave();
        let particle = Particle {
            min_occurs,
            max_occurs: p.max_occurs,
            term: term?,
            span: p.span,
        };
        if only_empty(&particle) {
            // However often it repeats, there is nothing to read or write;
            // a repeated empty particle would have no element to tell where
            // one repetition ends.
            return Some(Particle {
                min_occurs: 1,
                max_occurs: MaxOccurs::Bounded(1),
                term: Term::Sequence(Vec::new()),
                span: p.span,
            });
        }
        Some(particle)
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
        let r = &self.adopt(r);
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

pub(crate) fn wildcard(w: &syntax::Wildcard, tns: Option<&str>) -> Wildcard {
    Wildcard {
        namespaces: NamespaceConstraint::resolve(&w.namespace, tns),
        process_contents: w.process_contents,
        span: w.span,
    }
}

/// The particles of a sequence or `xs:all` without those that can only
/// match nothing: they change neither what the content accepts nor what a
/// reader or writer has to do.
fn not_empty(items: Vec<Particle>) -> Vec<Particle> {
    items.into_iter().filter(|p| !only_empty(p)).collect()
}

/// A choice without its branches that can only match nothing (such as an
/// empty `xs:sequence`), and whether there were any: such a branch makes the
/// choice optional, which is how it is kept. Readers pick a branch by its
/// first element, which an empty branch does not have. A choice of nothing
/// but empty branches matches only nothing, like an empty sequence.
fn choice(branches: Vec<Particle>) -> (Term, bool) {
    let count = branches.len();
    let kept: Vec<Particle> = branches.into_iter().filter(|b| !only_empty(b)).collect();
    if kept.is_empty() && count > 0 {
        return (Term::Sequence(Vec::new()), false);
    }
    let emptiable = kept.len() < count;
    (Term::Choice(kept), emptiable)
}

/// Whether `p` can match the empty content and nothing else.
fn only_empty(p: &Particle) -> bool {
    p.max_occurs == MaxOccurs::Bounded(0)
        || match &p.term {
            Term::Sequence(items) | Term::All(items) => items.iter().all(only_empty),
            Term::Choice(items) => !items.is_empty() && items.iter().all(only_empty),
            Term::Element(_) | Term::Any(_) => false,
        }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::diagnostics::Diagnostics;
    use crate::model::{Content, Model, TypeKind};

    use super::*;

    fn lower(schema: &str) -> Model {
        let mut diagnostics = Diagnostics::new();
        let inputs = [PathBuf::from("t.xsd")];
        let files = [("t.xsd", schema)];
        let sources = crate::load::load_memory_into(&inputs, &files, &mut diagnostics);
        let Ok(sources) = sources else {
            panic!("the input is there");
        };
        let schemas = crate::parse::parse_into(&sources, &mut diagnostics);
        let model = crate::lower::lower_into(&sources, &schemas, &mut diagnostics);
        assert!(!diagnostics.has_errors(), "{diagnostics:?}");
        model
    }

    /// The top particle of the first type's content.
    fn top(model: &Model) -> &Particle {
        match model.types.first().map(|t| &t.kind) {
            Some(TypeKind::Complex(c)) => match &c.content {
                Content::Elements(p) => p,
                other => panic!("not element content: {other:?}"),
            },
            other => panic!("not a complex type: {other:?}"),
        }
    }

    fn schema(content: &str) -> String {
        format!(
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
                 <xs:complexType name="Root"><xs:sequence>{content}</xs:sequence></xs:complexType>
                 <xs:element name="Root" xmlns:t="urn:t" type="t:Root"/>
               </xs:schema>"#
        )
    }

    // Found by fuzzing: an empty branch has no first element, and the
    // reader emitted for it did not parse.
    #[test]
    fn an_empty_choice_branch_makes_the_choice_optional() {
        let model = lower(&schema(
            r#"<xs:choice maxOccurs="unbounded">
                 <xs:element name="A" type="xs:int"/>
                 <xs:sequence/>
                 <xs:sequence><xs:sequence maxOccurs="3"/></xs:sequence>
               </xs:choice>"#,
        ));
        let Term::Sequence(items) = &top(&model).term else {
            panic!("not a sequence");
        };
        let [choice] = items.as_slice() else {
            panic!("{items:?}");
        };
        assert_eq!(choice.min_occurs, 0);
        assert_eq!(choice.max_occurs, MaxOccurs::Unbounded);
        assert!(matches!(&choice.term, Term::Choice(b) if b.len() == 1));
    }

    #[test]
    fn empty_particles_leave_nothing_behind() {
        let model = lower(&schema(
            r#"<xs:sequence maxOccurs="unbounded"/>
               <xs:choice><xs:sequence/></xs:choice>
               <xs:element name="B" type="xs:int"/>"#,
        ));
        let Term::Sequence(items) = &top(&model).term else {
            panic!("not a sequence");
        };
        assert!(
            matches!(items.as_slice(), [p] if matches!(p.term, Term::Element(_))),
            "{items:?}"
        );
        let model = lower(&schema(r#"<xs:sequence maxOccurs="unbounded"/>"#));
        let top = top(&model);
        assert!(matches!(&top.term, Term::Sequence(i) if i.is_empty()));
        assert_eq!(top.max_occurs, MaxOccurs::Bounded(1));
    }

    #[test]
    fn an_empty_choice_is_kept() {
        // It accepts nothing at all, unlike an empty sequence.
        let model = lower(&schema("<xs:choice/>"));
        let Term::Sequence(items) = &top(&model).term else {
            panic!("not a sequence");
        };
        assert!(
            matches!(items.as_slice(), [p] if matches!(&p.term, Term::Choice(b) if b.is_empty()))
        );
    }
}
