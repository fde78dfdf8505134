//! Resolving QName references against the symbol tables and the arena,
//! with the "unknown ..." diagnostics, printed with the name as written.

use super::Lowerer;
use crate::diagnostics::Diagnostic;
use crate::load::xml::XS_NS;
use crate::model::{Builtin, ElementId, QName, TypeKind, TypeRef};
use crate::syntax::QNameRef;

impl Lowerer<'_, '_> {
    /// `r` as the schema set means it: a reference to no namespace written
    /// in a schema without target namespace that is included into one (a
    /// chameleon include) refers to the including schema's namespace, where
    /// that schema's components now live.
    pub(crate) fn adopt(&self, r: &QNameRef) -> QNameRef {
        match (&r.name.namespace, self.index.chameleons.get(&r.span.file)) {
            (None, Some(ns)) => QNameRef {
                name: QName::new(Some(ns), &r.name.local),
                ..r.clone()
            },
            _ => r.clone(),
        }
    }

    /// A type by name: a built-in of XML Schema or a named type of the set.
    pub(crate) fn type_ref(&mut self, r: &QNameRef) -> Option<TypeRef> {
        let r = &self.adopt(r);
        if r.name.ns() == XS_NS {
            if let Some(builtin) = Builtin::from_local_name(&r.name.local) {
                return Some(TypeRef::Builtin(builtin));
            }
        }
        if let Some(&id) = self.model.type_index.get(&r.name) {
            return Some(TypeRef::Defined(id));
        }
        self.unknown("type", r);
        None
    }

    /// A type that must be simple; `context` says where it is used, e.g.
    /// "a list item type".
    pub(crate) fn simple_type_ref(&mut self, r: &QNameRef, context: &str) -> Option<TypeRef> {
        let t = self.type_ref(r)?;
        if !self.is_simple(t) {
            self.diags.error(
                r.span,
                format!(
                    "'{}' is a complex type, but {context} must be a simple type",
                    r.written
                ),
            );
            return None;
        }
        Some(t)
    }

    pub(crate) fn is_simple(&self, t: TypeRef) -> bool {
        match t {
            TypeRef::Builtin(b) => b != Builtin::AnyType,
            TypeRef::Defined(id) => self
                .model
                .types
                .get(id.index())
                .is_some_and(|def| matches!(def.kind, TypeKind::Simple(_))),
        }
    }

    pub(crate) fn element_ref(&mut self, r: &QNameRef) -> Option<ElementId> {
        let r = &self.adopt(r);
        let found = self.model.element_index.get(&r.name).copied();
        if found.is_none() {
            self.unknown("element", r);
        }
        found
    }

    /// Reports an unresolved reference; says so when nothing in the set
    /// declares the namespace at all (a missing import, usually).
    pub(crate) fn unknown(&mut self, what: &str, r: &QNameRef) {
        let mut d = Diagnostic::error(r.span, format!("unknown {what} '{}'", r.written));
        let ns = r.name.ns();
        if ns == XS_NS {
            if what == "type" {
                d = d.with_help(format!(
                    "'{}' is not a built-in type of XML Schema",
                    r.name.local
                ));
            }
        } else if self.sources.namespace_files(ns).is_empty() {
            d = d.with_help(match ns {
                "" => "no schema without target namespace was loaded".to_owned(),
                _ => format!("no schema for namespace '{ns}' was loaded"),
            });
        }
        self.diags.push(d);
    }
}
