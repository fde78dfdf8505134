//! Phase 5 of lowering: simple content derived from a complex type gets
//! the simple type of that type's value, once every body is known.

use super::Lowerer;
use crate::model::{Builtin, Content, SimpleType, TypeKind, TypeRef};

impl Lowerer<'_, '_> {
    pub(crate) fn fix_simple_content(&mut self) {
        for fixup in std::mem::take(&mut self.simple_fixups) {
            let Some(value) = self.simple_value(fixup.base) else {
                let name = match fixup.base {
                    TypeRef::Builtin(b) => format!("xs:{}", b.local_name()),
                    TypeRef::Defined(id) => self
                        .model
                        .types
                        .get(id.index())
                        .map_or_else(String::new, |t| t.name_hint.clone()),
                };
                if !self.derives_from_itself(fixup.base) {
                    self.diags.error(
                        fixup.span,
                        format!("'{name}' has no simple content, so 'xs:simpleContent' cannot derive from it"),
                    );
                }
                continue;
            };
            let target = fixup.restriction.unwrap_or(fixup.owner);
            let Some(def) = self.model.types.get_mut(target.index()) else {
                continue;
            };
            match &mut def.kind {
                TypeKind::Simple(SimpleType::Restriction { base, .. }) => *base = value,
                TypeKind::Complex(c) => c.content = Content::Simple(value),
                TypeKind::Simple(_) => {}
            }
        }
    }

    /// The simple type of the text of `t`: `t` itself when simple, else the
    /// value type of a complex type with simple content (following bases).
    fn simple_value(&self, t: TypeRef) -> Option<TypeRef> {
        let mut current = t;
        for _ in 0..=self.model.types.len() {
            let id = match current {
                TypeRef::Builtin(Builtin::AnyType) => return None,
                TypeRef::Builtin(_) => return Some(current),
                TypeRef::Defined(id) => id,
            };
            match &self.model.types.get(id.index())?.kind {
                TypeKind::Simple(_) => return Some(current),
                TypeKind::Complex(c) => match c.content {
                    Content::Simple(next) => current = next,
                    _ => return None,
                },
            }
        }
        None
    }

    /// True when following content bases from `t` comes back to a type
    /// already seen: reported as a circular derivation by the checks.
    fn derives_from_itself(&self, t: TypeRef) -> bool {
        let mut seen = std::collections::BTreeSet::new();
        let mut current = t;
        while let TypeRef::Defined(id) = current {
            if !seen.insert(id) {
                return true;
            }
            match self.model.types.get(id.index()).map(|d| &d.kind) {
                Some(TypeKind::Complex(c)) => match c.content {
                    Content::Simple(next) => current = next,
                    _ => return false,
                },
                _ => return false,
            }
        }
        false
    }
}
