//! Phase 2 of lowering: arena ids for every named type and global element
//! before any body is lowered, so that references (also recursive ones)
//! always resolve. Bodies start as placeholders of the right kind.

use super::Lowerer;
use super::index::{Entry, SchemaCx};
use crate::diagnostics::Span;
use crate::model::{
    Builtin, ComplexType, ElementDecl as ModelElement, ElementId, Facets, QName, SimpleType,
    TypeDef, TypeId, TypeKind, TypeRef,
};
use crate::syntax::{ElementDecl, TypeDefinition};

/// The syntax behind each id, for phase 3.
pub(crate) struct Pending<'s> {
    pub types: Vec<(TypeId, Entry<'s, TypeDefinition>)>,
    pub element_types: Vec<(TypeId, Entry<'s, TypeDefinition>, String)>,
    pub elements: Vec<(ElementId, Entry<'s, ElementDecl>)>,
}

pub(crate) fn placeholder(
    name: Option<QName>,
    hint: &str,
    cx: SchemaCx<'_>,
    doc: Option<String>,
    span: Span,
    simple: bool,
) -> TypeDef {
    let kind = if simple {
        TypeKind::Simple(SimpleType::Restriction {
            base: TypeRef::Builtin(Builtin::AnySimpleType),
            facets: Facets::default(),
        })
    } else {
        TypeKind::Complex(ComplexType::empty())
    };
    TypeDef {
        name,
        name_hint: hint.to_owned(),
        namespace: cx.tns.map(str::to_owned),
        doc,
        span,
        kind,
    }
}

impl<'s> Lowerer<'s, '_> {
    pub(crate) fn allocate(&mut self) -> Pending<'s> {
        let mut pending = Pending {
            types: Vec::new(),
            element_types: Vec::new(),
            elements: Vec::new(),
        };
        for (qname, (def, cx)) in std::mem::take(&mut self.index.types) {
            let doc = match def {
                TypeDefinition::Simple(t) => t.doc.clone(),
                TypeDefinition::Complex(t) => t.doc.clone(),
            };
            let hint = qname.local.clone();
            let id = self.model.add_type(placeholder(
                Some(qname),
                &hint,
                cx,
                doc,
                def.span(),
                def.is_simple(),
            ));
            pending.types.push((id, (def, cx)));
        }
        for (qname, (decl, cx)) in std::mem::take(&mut self.index.elements) {
            let id = self.model.add_element(ModelElement {
                name: qname,
                type_ref: TypeRef::Builtin(Builtin::AnyType),
                is_abstract: decl.is_abstract,
                nillable: decl.nillable,
                substitution_group: None,
                default: decl.default.clone(),
                fixed: decl.fixed.clone(),
                doc: decl.doc.clone(),
                span: decl.span,
            });
            pending.elements.push((id, (decl, cx)));
        }
        // Explicit types first; elements without one take their
        // substitution group head's type, or xs:anyType.
        let mut typed = Vec::with_capacity(pending.elements.len());
        for (_, (decl, cx)) in &pending.elements {
            let hint = decl.name.clone().unwrap_or_default();
            let t = if let Some(def) = &decl.anonymous {
                let def: &'s TypeDefinition = def;
                let anon = placeholder(None, &hint, *cx, None, def.span(), def.is_simple());
                let id = self.model.add_type(anon);
                pending.element_types.push((id, (def, *cx), hint));
                Some(TypeRef::Defined(id))
            } else {
                decl.type_name.as_ref().and_then(|r| self.type_ref(r))
            };
            typed.push(t.is_some() || decl.type_name.is_some());
            self.element_types
                .push(t.unwrap_or(TypeRef::Builtin(Builtin::AnyType)));
        }
        self.inherit_head_types(&pending, &typed);
        for (id, t) in self.element_types.iter().enumerate() {
            if let Some(e) = self.model.elements.get_mut(id) {
                e.type_ref = *t;
            }
        }
        pending
    }

    /// `<xs:element name="b" substitutionGroup="a"/>` has the type of `a`.
    fn inherit_head_types(&mut self, pending: &Pending<'s>, typed: &[bool]) {
        for (i, (_, (decl, _))) in pending.elements.iter().enumerate() {
            if typed.get(i).copied().unwrap_or(true) {
                continue;
            }
            let mut head = decl.substitution_group.as_ref().map(|r| self.adopt(r).name);
            // Bounded: a circular substitution group is reported later.
            for _ in 0..pending.elements.len() {
                let Some(name) = head.take() else { break };
                let Some(&hid) = self.model.element_index.get(&name) else {
                    break;
                };
                if typed.get(hid.index()).copied().unwrap_or(false) {
                    if let Some(&t) = self.element_types.get(hid.index()) {
                        if let Some(slot) = self.element_types.get_mut(i) {
                            *slot = t;
                        }
                    }
                    break;
                }
                head = pending
                    .elements
                    .get(hid.index())
                    .and_then(|(_, (d, _))| d.substitution_group.as_ref())
                    .map(|r| self.adopt(r).name);
            }
        }
    }
}
