//! Enums for what may stand where a schema names a base type or a
//! substitution group head (see [`crate::passes::Polymorphism`]).
//!
//! - An element of a type `B` that has derived types is a field of the
//!   enum `AnyB`, one variant per concrete type (the variant drops a
//!   `Type` suffix: `AnyItemType::Message(MessageType)`). When `B` is
//!   abstract, the enum takes `B`'s own name and no struct `B` is made:
//!   it could never be read or written.
//! - A reference to a substitution group head is a field of the enum
//!   `AnyHead`, one variant per concrete member element, read and written
//!   under the member's own name. When the head is abstract, the enum
//!   takes the head element's name instead of its newtype.
//!
//! A variant whose type is part of a containment cycle is boxed, so the
//! enum has a size whichever field holds it.

use super::Planner;
use super::docs;
use super::names::{self, Scope, Suffix};
use super::rust::{
    Binding, ChoiceDef, Derives, FieldType, FirstSet, Item, Occurs, PolymorphicDef, Role, TypeExpr,
    TypePath, TypeVariant, ValueKind, Variant,
};
use crate::model::{ElementId, TypeId, TypeKind, TypeRef};

impl Planner<'_> {
    /// Claims the enum identifiers, after the types' own.
    pub(super) fn assign_polymorphic_idents(&mut self) {
        let model = self.model;
        let poly = self.poly;
        for &base in poly.derived.keys() {
            let Some(path) = self.type_paths[base.index()].clone() else {
                continue;
            };
            let path = if is_abstract(model, base) {
                path
            } else {
                self.any_path(&path)
            };
            self.poly_paths.insert(base, path);
        }
        for &head in poly.substitutes.keys() {
            let Some(path) = self.element_paths[head.index()].clone() else {
                continue;
            };
            let path = if model.element(head).is_abstract {
                path
            } else {
                self.any_path(&path)
            };
            let mut first = FirstSet::default();
            for &m in poly.substitutes(head).unwrap_or_default() {
                let name = self.xml_name(&model.element(m).name);
                first.names.push(name);
            }
            self.substitution_paths.insert(head, (path, first));
        }
    }

    /// `Any{Name}` beside the item `path` names.
    fn any_path(&mut self, path: &TypePath) -> TypePath {
        let ident = self.claim_type(
            path.module,
            names::type_ident(&format!("Any{}", path.ident.name)),
            None,
        );
        TypePath {
            module: path.module,
            ident,
        }
    }

    /// Whether `id` is an abstract type replaced by its enum.
    pub(super) fn replaced_by_enum(&self, id: TypeId) -> bool {
        self.poly_paths.contains_key(&id) && is_abstract(self.model, id)
    }

    /// The Rust type of an element declared with `t`: the enum of its
    /// derived types when it has some.
    pub(crate) fn element_type_expr(&self, t: TypeRef) -> Option<(TypeExpr, ValueKind, bool)> {
        if let TypeRef::Defined(id) = t
            && let Some(path) = self.poly_paths.get(&id)
        {
            return Some((TypeExpr::Defined(path.clone()), ValueKind::Complex, true));
        }
        self.type_expr(t).map(|(e, k)| (e, k, false))
    }

    /// The enum and first set of a head's substitution group.
    pub(crate) fn substitution(&self, head: Option<ElementId>) -> Option<(TypePath, FirstSet)> {
        self.substitution_paths.get(&head?).cloned()
    }

    /// Plans every polymorphic enum; the first sets of the substitution
    /// enums are known after this.
    pub(super) fn plan_polymorphic(&mut self) {
        let model = self.model;
        let poly = self.poly;
        for (&base, candidates) in &poly.derived {
            let Some(path) = self.poly_paths.get(&base).cloned() else {
                continue;
            };
            let def = model.ty(base);
            let Some(base_name) = def.name.as_ref().map(|n| self.xml_name(n)) else {
                continue;
            };
            let mut scope = Scope::new();
            let mut variants = Vec::new();
            for &t in candidates {
                let (Some(name), Some((inner, _))) = (
                    model.ty(t).name.as_ref(),
                    self.type_expr(TypeRef::Defined(t)),
                ) else {
                    continue;
                };
                let raw = name.local.strip_suffix("Type").filter(|r| !r.is_empty());
                variants.push(TypeVariant {
                    ident: scope.claim(
                        names::variant_ident(raw.unwrap_or(&name.local)),
                        Suffix::Camel,
                    ),
                    ty: FieldType {
                        inner,
                        kind: ValueKind::Complex,
                        nillable: false,
                        boxed: self.recursion.is_recursive(t),
                        occurs: Occurs::One,
                    },
                    type_name: self.xml_name(name),
                });
            }
            let what = if is_abstract(model, base) {
                format!(
                    "The types derived from the abstract type `{}`, one of which an element of this type names with `xsi:type`.",
                    base_name.local
                )
            } else {
                format!(
                    "`{}` or a type derived from it, as the element's `xsi:type` says.",
                    base_name.local
                )
            };
            let seq = self.seq();
            self.push_item(
                path.module,
                seq,
                Item::Polymorphic(PolymorphicDef {
                    ident: path.ident,
                    doc: docs::with_notes(docs::doc(def.doc.as_deref()), &[what]),
                    derives: Derives::default(),
                    base: base_name,
                    is_abstract: is_abstract(model, base),
                    variants,
                    span: def.span,
                }),
            );
        }

        for (&head, members) in &poly.substitutes {
            let Some((path, _)) = self.substitution_paths.get(&head).cloned() else {
                continue;
            };
            let decl = model.element(head);
            let mut scope = Scope::new();
            let mut variants = Vec::new();
            let member_idents = self.branch_idents(path.module, members);
            for &m in members {
                let member = model.element(m);
                let Some((inner, kind, _)) = self.element_type_expr(member.type_ref) else {
                    continue;
                };
                let boxed = match member.type_ref {
                    TypeRef::Defined(t) => self.candidates_recursive(t),
                    TypeRef::Builtin(_) => false,
                };
                let name = self.xml_name(&member.name);
                variants.push(Variant {
                    ident: scope.claim(
                        member_idents
                            .get(&m)
                            .cloned()
                            .unwrap_or_else(|| names::variant_ident(&member.name.local)),
                        Suffix::Camel,
                    ),
                    doc: docs::doc(member.doc.as_deref()),
                    ty: FieldType {
                        inner,
                        kind,
                        nillable: member.nillable,
                        boxed,
                        occurs: Occurs::One,
                    },
                    binding: Binding::Element {
                        name,
                        default: member.default.clone().or_else(|| member.fixed.clone()),
                    },
                });
            }
            let note = format!(
                "The elements that may stand for `{}` (its substitution group).",
                decl.name.local
            );
            let first = self
                .substitution_paths
                .get(&head)
                .map(|(_, f)| f.clone())
                .unwrap_or_default();
            let seq = self.seq();
            self.push_item(
                path.module,
                seq,
                Item::Choice(ChoiceDef {
                    ident: path.ident.clone(),
                    doc: docs::with_notes(docs::doc(decl.doc.as_deref()), &[note]),
                    derives: Derives::default(),
                    role: Role::Group,
                    variants,
                    element: None,
                    first,
                    span: decl.span,
                }),
            );
        }
    }

    /// Whether a value of type `t` (or of a type derived from it) may
    /// contain itself.
    fn candidates_recursive(&self, t: TypeId) -> bool {
        match self.poly.derived(t) {
            // The polymorphic enum boxes its own variants.
            Some(_) => false,
            None => self.recursion.is_recursive(t),
        }
    }
}

fn is_abstract(model: &crate::model::Model, id: TypeId) -> bool {
    matches!(&model.ty(id).kind, TypeKind::Complex(c) if c.is_abstract)
}
