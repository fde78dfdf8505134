//! Attribute uses: local declarations, references to global attributes
//! (`ref="xml:lang"`), and attribute groups flattened into their users.

use std::collections::BTreeSet;

use super::Lowerer;
use super::content::wildcard;
use super::index::SchemaCx;
use crate::diagnostics::Diagnostic;
use crate::model::{AttributeUse, Builtin, QName, TypeRef, Wildcard};
use crate::syntax::{AttrDecls, AttributeDecl, AttributeItem, AttributeUseKind, QNameRef};

impl<'s> Lowerer<'s, '_> {
    /// The attributes of a type or group, groups flattened, prohibited
    /// ones left out, and the first attribute wildcard found.
    pub(crate) fn attr_decls(
        &mut self,
        decls: &AttrDecls,
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> (Vec<AttributeUse>, Option<Wildcard>) {
        let mut out: Vec<AttributeUse> = Vec::new();
        let mut any = decls.any_attribute.as_ref().map(|w| wildcard(w, cx.tns));
        for item in &decls.items {
            match item {
                AttributeItem::Attribute(a) => {
                    if a.use_kind != AttributeUseKind::Prohibited {
                        out.extend(self.attribute_use(a, cx, hint));
                    }
                }
                AttributeItem::GroupRef(r) => {
                    if let Some((attrs, group_any)) = self.attribute_group(r) {
                        out.extend(attrs);
                        any = any.or(group_any);
                    }
                }
            }
        }
        let mut names = BTreeSet::new();
        let mut unique = Vec::with_capacity(out.len());
        for a in out {
            if names.insert(a.name.clone()) {
                unique.push(a);
            } else {
                let first = unique
                    .iter()
                    .find(|u: &&AttributeUse| u.name == a.name)
                    .map(|u| u.span);
                let mut d =
                    Diagnostic::error(a.span, format!("duplicate attribute '{}'", a.name.local));
                if let Some(first) = first {
                    d = d.with_note(first, "first declared here");
                }
                self.diags.push(d);
            }
        }
        (unique, any)
    }

    fn attribute_use(
        &mut self,
        a: &AttributeDecl,
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> Option<AttributeUse> {
        let required = a.use_kind == AttributeUseKind::Required;
        if let Some(r) = &a.reference {
            let (name, type_ref, global) = self.global_attribute(r)?;
            return Some(AttributeUse {
                name,
                type_ref,
                required,
                default: a.default.clone().or_else(|| global.default.clone()),
                fixed: a.fixed.clone().or_else(|| global.fixed.clone()),
                doc: a.doc.clone().or_else(|| global.doc.clone()),
                span: a.span,
            });
        }
        let local = a.name.as_deref()?;
        let type_ref = self.attribute_type(a, cx, hint)?;
        Some(AttributeUse {
            name: cx.local(local, a.form.unwrap_or(cx.attribute_form)),
            type_ref,
            required,
            default: a.default.clone(),
            fixed: a.fixed.clone(),
            doc: a.doc.clone(),
            span: a.span,
        })
    }

    fn attribute_type(
        &mut self,
        a: &AttributeDecl,
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> Option<TypeRef> {
        if let Some(t) = &a.anonymous {
            let hint = a.name.as_deref().unwrap_or(hint);
            Some(TypeRef::Defined(self.anonymous_simple(t, cx, hint)))
        } else if let Some(r) = &a.type_name {
            self.simple_type_ref(r, "an attribute's type")
        } else {
            Some(TypeRef::Builtin(Builtin::AnySimpleType))
        }
    }

    /// A global attribute's qualified name and type (lowered on first use).
    pub(crate) fn global_attribute(
        &mut self,
        r: &QNameRef,
    ) -> Option<(QName, TypeRef, &'s AttributeDecl)> {
        let r = &self.adopt(r);
        let Some(&(decl, gcx)) = self.index.attributes.get(&r.name) else {
            self.unknown("attribute", r);
            return None;
        };
        let t = match self.attribute_types.get(&r.name) {
            Some(&t) => t,
            None => {
                let t = self.attribute_type(decl, gcx, &r.name.local)?;
                self.attribute_types.insert(r.name.clone(), t);
                t
            }
        };
        Some((r.name.clone(), t, decl))
    }

    /// The attributes of a named attribute group, flattened once.
    pub(crate) fn attribute_group(
        &mut self,
        r: &QNameRef,
    ) -> Option<(Vec<AttributeUse>, Option<Wildcard>)> {
        let r = &self.adopt(r);
        if let Some(done) = self.attribute_groups.get(&r.name) {
            return Some(done.clone());
        }
        if self.attribute_group_stack.contains(&r.name) {
            self.diags.error(
                r.span,
                format!("circular attribute group reference '{}'", r.written),
            );
            return None;
        }
        let Some(&(group, gcx)) = self.index.attribute_groups.get(&r.name) else {
            self.unknown("attribute group", r);
            return None;
        };
        if !self.enter(r.span) {
            return None;
        }
        self.attribute_group_stack.push(r.name.clone());
        let lowered = self.attr_decls(&group.attrs, gcx, &group.name);
        self.attribute_group_stack.pop();
        self.leave();
        self.attribute_groups
            .insert(r.name.clone(), lowered.clone());
        Some(lowered)
    }
}
