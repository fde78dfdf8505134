//! Phase 3 of lowering: the bodies of named types, of the anonymous types
//! of global elements, and the global element declarations themselves;
//! plus complex types (derivations, content, attributes) and anonymous
//! types wherever they appear.

use super::alloc::{Pending, placeholder};
use super::index::SchemaCx;
use super::{Lowerer, SimpleFixup};
use crate::model::{Builtin, ComplexType, Content, Derivation, TypeId, TypeKind, TypeRef};
use crate::syntax::{AttrDecls, ComplexBody, ComplexTypeDef, TypeDefinition};

impl<'s> Lowerer<'s, '_> {
    pub(crate) fn fill(&mut self, pending: Pending<'s>) {
        for (id, (def, cx)) in pending.types {
            let hint = def.name().unwrap_or_default().to_owned();
            self.fill_type(id, def, cx, &hint);
        }
        for (id, (def, cx), hint) in pending.element_types {
            self.fill_type(id, def, cx, &hint);
        }
        self.unused_declarations();
        for (id, (decl, _)) in pending.elements {
            let head = decl
                .substitution_group
                .as_ref()
                .and_then(|r| self.element_ref(r));
            if let Some(e) = self.model.elements.get_mut(id.index()) {
                e.substitution_group = head;
            }
        }
    }

    fn fill_type(&mut self, id: TypeId, def: &TypeDefinition, cx: SchemaCx<'_>, hint: &str) {
        let kind = match def {
            TypeDefinition::Simple(t) => TypeKind::Simple(self.simple_type(id, t, cx, hint)),
            TypeDefinition::Complex(t) => TypeKind::Complex(self.complex_type(id, t, cx, hint)),
        };
        if let Some(slot) = self.model.types.get_mut(id.index()) {
            slot.kind = kind;
        }
    }

    /// Lowers an anonymous type; `hint` names the declaration around it.
    pub(crate) fn anonymous(
        &mut self,
        def: &TypeDefinition,
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> TypeId {
        let doc = match def {
            TypeDefinition::Simple(t) => t.doc.clone(),
            TypeDefinition::Complex(t) => t.doc.clone(),
        };
        let id = self.model.add_type(placeholder(
            None,
            hint,
            cx,
            doc,
            def.span(),
            def.is_simple(),
        ));
        self.fill_type(id, def, cx, hint);
        id
    }

    fn complex_type(
        &mut self,
        id: TypeId,
        t: &ComplexTypeDef,
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> ComplexType {
        let mut out = ComplexType {
            is_abstract: t.is_abstract,
            mixed: t.mixed,
            ..ComplexType::empty()
        };
        let attrs: &AttrDecls = match &t.body {
            ComplexBody::Plain { particle, attrs } => {
                if let Some(p) = particle.as_ref().and_then(|p| self.particle(p, cx, hint)) {
                    out.content = Content::Elements(p);
                }
                attrs
            }
            ComplexBody::ComplexContent {
                derivation,
                base,
                mixed,
                particle,
                attrs,
                ..
            } => {
                if let Some(b) = self.type_ref(base) {
                    if self.is_simple(b) {
                        self.diags.error(
                            base.span,
                            format!(
                                "'{}' is a simple type; use 'xs:simpleContent' to derive from it",
                                base.written
                            ),
                        );
                    }
                    out.base = Some((b, *derivation));
                }
                out.mixed = mixed.unwrap_or(t.mixed);
                if let Some(p) = particle.as_ref().and_then(|p| self.particle(p, cx, hint)) {
                    out.content = Content::Elements(p);
                }
                attrs
            }
            ComplexBody::SimpleContent {
                span,
                derivation,
                base,
                inline,
                facets,
                attrs,
            } => {
                let b = self
                    .type_ref(base)
                    .unwrap_or(TypeRef::Builtin(Builtin::AnySimpleType));
                out.base = Some((b, *derivation));
                out.content = Content::Simple(b);
                let inline = inline
                    .as_ref()
                    .map(|s| TypeRef::Defined(self.anonymous_simple(s, cx, hint)));
                let restriction = (*derivation == Derivation::Restriction && !facets.is_empty())
                    .then(|| self.facet_restriction(inline.unwrap_or(b), facets, cx, hint, *span));
                match (restriction, inline) {
                    (Some(r), _) => out.content = Content::Simple(TypeRef::Defined(r)),
                    (None, Some(i)) => out.content = Content::Simple(i),
                    (None, None) => {}
                }
                // The value type of a complex base is known only when all
                // bodies are lowered.
                if inline.is_none() {
                    self.simple_fixups.push(SimpleFixup {
                        owner: id,
                        base: b,
                        restriction,
                        span: base.span,
                    });
                }
                attrs
            }
        };
        let (attributes, any) = self.attr_decls(attrs, cx, hint);
        out.attributes = attributes;
        out.any_attribute = any;
        out
    }
}
