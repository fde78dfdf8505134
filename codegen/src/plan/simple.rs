//! Simple types: enumerations -> enums, other restrictions -> checked
//! newtypes, lists -> `Vec` newtypes, unions -> enums of the members.

use super::docs::{self, code};
use super::names::{self, RustIdent, Scope, Suffix};
use super::rust::{
    Bound, Checks, EnumDef, EnumVariant, Item, ListDef, Measure, Primitive, RestrictedDef,
    TypeExpr, UnionDef, ValueKind,
};
use super::{Planner, builtins};
use crate::diagnostics::Span;
use crate::model::{Builtin, Facets, SimpleType, TypeId, TypeKind, TypeRef, WhiteSpace};

impl Planner<'_> {
    pub(super) fn plan_simple(&mut self, id: TypeId, ident: RustIdent, st: &SimpleType) -> Item {
        let def = self.model.ty(id);
        let doc = docs::doc(def.doc.as_deref());
        let span = def.span;
        match st {
            SimpleType::Restriction { base, facets } if !facets.enumeration.is_empty() => {
                let mut scope = Scope::new();
                let variants: Vec<EnumVariant> = facets
                    .enumeration
                    .iter()
                    .map(|v| EnumVariant {
                        ident: scope.claim(names::variant_ident(&v.value), Suffix::Camel),
                        value: v.value.clone(),
                        doc: docs::doc(v.doc.as_deref()),
                    })
                    .collect();
                let unknown = self
                    .options
                    .enum_unknown_variant
                    .then(|| scope.claim(names::variant_ident("Unknown"), Suffix::Camel));
                let collapse = match facets.white_space {
                    Some(ws) => ws == WhiteSpace::Collapse,
                    None => builtins::collapses(self.root_builtin(*base)),
                };
                Item::Enum(EnumDef {
                    ident,
                    doc,
                    derives: Default::default(),
                    variants,
                    unknown,
                    collapse,
                    span,
                })
            }
            SimpleType::Restriction { base, facets } => {
                let (inner, facets, base) = self.restriction_chain(*base, facets.clone(), span);
                let (checks, notes) = self.checks(&inner, &facets, base);
                Item::Restricted(RestrictedDef {
                    ident,
                    doc: docs::with_notes(doc, &notes),
                    derives: Default::default(),
                    inner,
                    checks,
                    span,
                })
            }
            SimpleType::List { item } => {
                let item = self.simple_expr(*item, span);
                Item::List(ListDef {
                    ident,
                    doc,
                    derives: Default::default(),
                    item,
                    span,
                })
            }
            SimpleType::Union { members } => {
                let mut scope = Scope::new();
                let members = members
                    .iter()
                    .map(|m| {
                        let expr = self.simple_expr(*m, span);
                        let raw = match (m, &expr) {
                            (TypeRef::Builtin(b), _) => b.local_name().to_owned(),
                            (_, TypeExpr::Defined(p)) => p.ident.name.clone(),
                            (_, TypeExpr::Primitive(_)) => "Value".to_owned(),
                        };
                        (scope.claim(names::variant_ident(&raw), Suffix::Camel), expr)
                    })
                    .collect();
                Item::Union(UnionDef {
                    ident,
                    doc,
                    derives: Default::default(),
                    members,
                    span,
                })
            }
        }
    }

    /// A type used as simple content, list item or union member.
    fn simple_expr(&mut self, t: TypeRef, span: Span) -> TypeExpr {
        match self.type_expr(t) {
            Some((expr, ValueKind::Simple)) => expr,
            _ => {
                self.error(span, "a list item or union member must be a simple type");
                TypeExpr::Primitive(Primitive::String)
            }
        }
    }

    /// The built-in type a chain of restrictions ends in (string for
    /// lists and unions, which are compared after collapsing anyway).
    pub(crate) fn root_builtin(&self, mut t: TypeRef) -> Builtin {
        for _ in 0..=self.model.types.len() {
            match t {
                TypeRef::Builtin(b) => return b,
                TypeRef::Defined(id) => match &self.model.ty(id).kind {
                    TypeKind::Simple(SimpleType::Restriction { base, .. }) => t = *base,
                    _ => return Builtin::Token,
                },
            }
        }
        Builtin::String
    }

    /// Follows restrictions without enumerations down to a built-in type or
    /// a type with a Rust shape of its own, merging facets (the derived
    /// type's win). Returns the inner type, the facets, and the type
    /// reached.
    fn restriction_chain(
        &mut self,
        mut base: TypeRef,
        mut facets: Facets,
        span: Span,
    ) -> (TypeExpr, Facets, TypeRef) {
        for _ in 0..=self.model.types.len() {
            match base {
                TypeRef::Defined(id) => match &self.model.ty(id).kind {
                    TypeKind::Simple(SimpleType::Restriction {
                        base: next,
                        facets: f,
                    }) if f.enumeration.is_empty() => {
                        merge(&mut facets, f);
                        base = *next;
                    }
                    _ => break,
                },
                TypeRef::Builtin(_) => break,
            }
        }
        let inner = self.simple_expr(base, span);
        (inner, facets, base)
    }

    /// The checks a constructor can make cheaply, and notes on the facets
    /// it does not check.
    fn checks(
        &mut self,
        inner: &TypeExpr,
        facets: &Facets,
        base: TypeRef,
    ) -> (Checks, Vec<String>) {
        let builtin = match base {
            TypeRef::Builtin(b) => Some(b),
            TypeRef::Defined(_) => None,
        };
        let is_list = matches!(base, TypeRef::Defined(id)
            if matches!(self.model.ty(id).kind, TypeKind::Simple(SimpleType::List { .. })));
        let mut checks = Checks::default();
        let mut notes = Vec::new();
        let primitive = match inner {
            TypeExpr::Primitive(p) => Some(*p),
            TypeExpr::Defined(_) => None,
        };
        checks.measure = match primitive {
            Some(Primitive::String) => Some(Measure::Chars),
            Some(Primitive::Runtime("Base64Binary" | "HexBinary")) => Some(Measure::Len),
            _ if is_list => Some(Measure::Len),
            _ => None,
        };
        let has_length =
            facets.length.is_some() || facets.min_length.is_some() || facets.max_length.is_some();
        if let Some(measure) = checks.measure {
            checks.length = facets.length;
            checks.min_length = facets.min_length;
            checks.max_length = facets.max_length;
            let unit = match (measure, primitive) {
                (Measure::Chars, _) => "characters",
                (Measure::Len, Some(_)) => "bytes",
                (Measure::Len, None) => "items",
            };
            let parts: Vec<String> = [
                facets.length.map(|n| format!("exactly {n}")),
                facets.min_length.map(|n| format!("at least {n}")),
                facets.max_length.map(|n| format!("at most {n}")),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !parts.is_empty() {
                notes.push(format!("Checked by `new`: {} {unit}.", parts.join(" and ")));
            }
        } else if has_length {
            notes.push("Not checked: the length facets.".to_owned());
        }

        let (implicit_min, implicit_max) = builtin.map_or((None, None), builtins::implicit_bounds);
        let min = bound(
            facets.min_inclusive.as_deref(),
            facets.min_exclusive.as_deref(),
        )
        .or(implicit_min.map(|v| (v, true)));
        let max = bound(
            facets.max_inclusive.as_deref(),
            facets.max_exclusive.as_deref(),
        )
        .or(implicit_max.map(|v| (v, true)));
        for (which, b, slot) in [
            ("minimum", min, &mut checks.min),
            ("maximum", max, &mut checks.max),
        ] {
            let Some((literal, inclusive)) = b else {
                continue;
            };
            match primitive.and_then(|p| range_literal(p, literal)) {
                Some(rust) => {
                    let relation = match (which, inclusive) {
                        ("minimum", true) => "at least",
                        ("minimum", false) => "more than",
                        (_, true) => "at most",
                        (_, false) => "less than",
                    };
                    notes.push(format!("Checked by `new`: {relation} {}.", literal.trim()));
                    *slot = Some(Bound {
                        literal: rust,
                        inclusive,
                    });
                }
                None => notes.push(format!("Not checked: the {which} {}.", code(literal))),
            }
        }
        for p in &facets.patterns {
            notes.push(format!("Not checked: the pattern {}.", code(p)));
        }
        if let Some(d) = facets.total_digits {
            notes.push(format!("Not checked: at most {d} digits in total."));
        }
        if let Some(d) = facets.fraction_digits {
            notes.push(format!("Not checked: at most {d} fraction digits."));
        }
        (checks, notes)
    }
}

/// Facets of `base` that `derived` does not set itself.
fn merge(derived: &mut Facets, base: &Facets) {
    macro_rules! inherit {
        ($($f:ident),*) => {$(
            if derived.$f.is_none() {
                derived.$f = base.$f.clone();
            }
        )*};
    }
    inherit!(
        length,
        min_length,
        max_length,
        min_inclusive,
        max_inclusive,
        min_exclusive,
        max_exclusive,
        total_digits,
        fraction_digits,
        white_space
    );
    // A value must match a pattern of every step of the derivation.
    derived.patterns.extend(base.patterns.iter().cloned());
}

fn bound<'a>(inclusive: Option<&'a str>, exclusive: Option<&'a str>) -> Option<(&'a str, bool)> {
    inclusive
        .map(|v| (v, true))
        .or(exclusive.map(|v| (v, false)))
}

/// The facet value as a Rust literal of the primitive type, when it is a
/// number that fits.
fn range_literal(p: Primitive, text: &str) -> Option<String> {
    let text = text.trim();
    if let Some((lo, hi)) = p.integer_range() {
        let value: i128 = text.strip_prefix('+').unwrap_or(text).parse().ok()?;
        return (lo..=hi).contains(&value).then(|| value.to_string());
    }
    let suffix = match p {
        Primitive::F32 => "f32",
        Primitive::F64 => "f64",
        _ => return None,
    };
    let value: f64 = text.parse().ok()?;
    value.is_finite().then(|| format!("{value:?}{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_literals() {
        assert_eq!(range_literal(Primitive::U8, "+200").as_deref(), Some("200"));
        assert_eq!(range_literal(Primitive::U8, "300"), None);
        assert_eq!(range_literal(Primitive::I64, "-5").as_deref(), Some("-5"));
        assert_eq!(
            range_literal(Primitive::F64, "1.5").as_deref(),
            Some("1.5f64")
        );
        assert_eq!(
            range_literal(Primitive::F32, "2").as_deref(),
            Some("2.0f32")
        );
        assert_eq!(range_literal(Primitive::F64, "INF"), None);
        assert_eq!(range_literal(Primitive::String, "1"), None);
    }
}
