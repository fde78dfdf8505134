//! Dispatch of each model type to its planner, and newtypes for global
//! elements that are not a struct of their own.

use super::Planner;
use super::docs;
use super::rust::{Derives, FieldType, Item, Occurs, WrapperDef};
use crate::model::{ElementId, TypeId, TypeKind};

impl Planner<'_> {
    pub(super) fn plan_type(&mut self, id: TypeId) {
        let Some(path) = self.type_paths[id.index()].clone() else {
            return;
        };
        if self.replaced_by_enum(id) {
            return;
        }
        let seq = self.seq();
        let item = match &self.model.ty(id).kind {
            TypeKind::Simple(st) => self.plan_simple(id, path.ident, st),
            TypeKind::Complex(_) => self.plan_complex(id, path.ident),
        };
        self.push_item(path.module, seq, item);
    }

    /// A newtype for a global element, unless its anonymous complex type
    /// already is the element's struct.
    pub(super) fn plan_element(&mut self, id: ElementId) {
        let decl = self.model.element(id);
        let Some(path) = self.element_paths[id.index()].clone() else {
            return;
        };
        // An abstract element never appears in a document: nothing reads
        // or writes it under its own name.
        if self.struct_elements.contains(&id) || decl.is_abstract {
            return;
        }
        let Some((inner, kind, _)) = self.element_type_expr(decl.type_ref) else {
            self.error(
                decl.span,
                "internal error: the type of this element was not planned",
            );
            return;
        };
        let seq = self.seq();
        let element = self.xml_name(&decl.name);
        self.push_item(
            path.module,
            seq,
            Item::Wrapper(WrapperDef {
                ident: path.ident,
                doc: docs::doc(decl.doc.as_deref()),
                derives: Derives::default(),
                inner: FieldType {
                    inner,
                    kind,
                    nillable: decl.nillable,
                    boxed: false,
                    occurs: Occurs::One,
                },
                element,
                span: decl.span,
            }),
        );
    }
}
