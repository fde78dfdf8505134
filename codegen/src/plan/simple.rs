//! Simple types: enumerations -> enums, other restrictions -> checked
//! newtypes, lists -> `Vec` newtypes, unions -> enums of the members.

use super::docs::{self, code};
use super::names::{self, RustIdent, Scope, Suffix};
use super::rust::{
    Bound, Checks, EnumDef, EnumVariant, Item, ListDef, Measure, PatternInput, Primitive,
    RestrictedDef, TypeExpr, UnionDef, ValueKind,
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
                let chain = self.restriction_chain(*base, facets.clone(), span);
                let (checks, notes) = self.checks(&chain);
                let inner = chain.inner;
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
    /// type's win) and keeping the patterns of each step apart.
    fn restriction_chain(&mut self, mut base: TypeRef, mut facets: Facets, span: Span) -> Chain {
        let mut patterns = Vec::new();
        let own = std::mem::take(&mut facets.patterns);
        if !own.is_empty() {
            patterns.push(own);
        }
        for _ in 0..=self.model.types.len() {
            match base {
                TypeRef::Defined(id) => match &self.model.ty(id).kind {
                    TypeKind::Simple(SimpleType::Restriction {
                        base: next,
                        facets: f,
                    }) if f.enumeration.is_empty() => {
                        merge(&mut facets, f);
                        if !f.patterns.is_empty() {
                            patterns.push(f.patterns.clone());
                        }
                        base = *next;
                    }
                    _ => break,
                },
                TypeRef::Builtin(_) => break,
            }
        }
        let inner = self.simple_expr(base, span);
        Chain {
            inner,
            facets,
            patterns,
            base,
        }
    }

    /// The checks the constructor makes, and notes on the facets for the
    /// type's documentation.
    fn checks(&self, chain: &Chain) -> (Checks, Vec<String>) {
        let Chain {
            inner,
            facets,
            patterns,
            base,
        } = chain;
        let builtin = match base {
            TypeRef::Builtin(b) => Some(*b),
            TypeRef::Defined(_) => None,
        };
        let is_list = matches!(base, TypeRef::Defined(id)
            if matches!(self.model.ty(*id).kind, TypeKind::Simple(SimpleType::List { .. })));
        let mut checks = Checks::default();
        let mut notes = Vec::new();
        let primitive = match inner {
            TypeExpr::Primitive(p) => Some(*p),
            TypeExpr::Defined(_) => None,
        };
        if primitive == Some(Primitive::String) {
            let white_space = facets.white_space.unwrap_or(match builtin {
                Some(b) if builtins::collapses(b) => WhiteSpace::Collapse,
                Some(Builtin::NormalizedString) => WhiteSpace::Replace,
                _ => WhiteSpace::Preserve,
            });
            checks.white_space = match white_space {
                WhiteSpace::Preserve => None,
                WhiteSpace::Replace => {
                    notes.push("`new` replaces tabs and line ends with spaces.".to_owned());
                    Some(white_space)
                }
                WhiteSpace::Collapse => {
                    notes.push("`new` collapses whitespace.".to_owned());
                    Some(white_space)
                }
            };
        }
        self.length_checks(&mut checks, &mut notes, facets, primitive, is_list);
        checks.pattern_input = match primitive {
            Some(Primitive::String) => PatternInput::Value,
            Some(Primitive::Runtime("Decimal" | "DateTime" | "Date" | "Time" | "Duration")) => {
                PatternInput::AsStr
            }
            _ => PatternInput::Text,
        };
        for step in patterns {
            let list = step
                .iter()
                .map(|p| code(p))
                .collect::<Vec<_>>()
                .join(" or ");
            notes.push(match checks.pattern_input {
                PatternInput::Text => {
                    format!("Checked on read against the text, not by `new`: the pattern {list}.")
                }
                _ => format!("Checked by `new`: the pattern {list}."),
            });
        }
        checks.patterns.clone_from(patterns);
        self.range_checks(&mut checks, &mut notes, facets, primitive, builtin);
        let digits =
            primitive.is_some_and(|p| p.is_integer() || p == Primitive::Runtime("Decimal"));
        for (facet, n, what) in [
            (
                &mut checks.total_digits,
                facets.total_digits,
                "digits in total",
            ),
            (
                &mut checks.fraction_digits,
                facets.fraction_digits,
                "fraction digits",
            ),
        ] {
            let Some(n) = n else { continue };
            if digits {
                notes.push(format!("Checked by `new`: at most {n} {what}."));
                *facet = Some(u64::from(n));
            } else {
                notes.push(format!("Not checked: at most {n} {what}."));
            }
        }
        (checks, notes)
    }

    fn length_checks(
        &self,
        checks: &mut Checks,
        notes: &mut Vec<String>,
        facets: &Facets,
        primitive: Option<Primitive>,
        is_list: bool,
    ) {
        checks.measure = match primitive {
            Some(Primitive::String) => Some(Measure::Chars),
            Some(Primitive::Runtime("Base64Binary" | "HexBinary")) => Some(Measure::Len),
            _ if is_list => Some(Measure::Len),
            _ => None,
        };
        let has_length =
            facets.length.is_some() || facets.min_length.is_some() || facets.max_length.is_some();
        let Some(measure) = checks.measure else {
            if has_length {
                notes.push("Not checked: the length facets.".to_owned());
            }
            return;
        };
        checks.length = facets.length;
        checks.min_length = facets.min_length.filter(|n| *n > 0);
        checks.max_length = facets.max_length;
        let unit = match (measure, primitive) {
            (Measure::Chars, _) => "characters",
            (Measure::Len, Some(_)) => "octets",
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
    }

    fn range_checks(
        &self,
        checks: &mut Checks,
        notes: &mut Vec<String>,
        facets: &Facets,
        primitive: Option<Primitive>,
        builtin: Option<Builtin>,
    ) {
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
            let literal = literal.trim();
            if !primitive.is_some_and(|p| bound_is_valid(p, literal)) {
                notes.push(format!("Not checked: the {which} {}.", code(literal)));
                continue;
            }
            let relation = match (which, inclusive) {
                ("minimum", true) => "at least",
                ("minimum", false) => "more than",
                (_, true) => "at most",
                (_, false) => "less than",
            };
            notes.push(format!("Checked by `new`: {relation} {literal}."));
            // `value >= u8::MIN` always holds: no call for it.
            let limits = primitive.and_then(Primitive::integer_range);
            let vacuous = inclusive
                && limits.is_some_and(|(lo, hi)| {
                    let edge = if which == "minimum" { lo } else { hi };
                    literal.strip_prefix('+').unwrap_or(literal).parse() == Ok(edge)
                });
            if !vacuous {
                *slot = Some(Bound {
                    literal: literal.to_owned(),
                    inclusive,
                });
            }
        }
    }
}

/// A restriction followed down to the type that gives it its Rust shape.
struct Chain {
    inner: TypeExpr,
    facets: Facets,
    /// The patterns of each step, the type's own first.
    patterns: Vec<Vec<String>>,
    base: TypeRef,
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
        total_digits,
        fraction_digits,
        white_space
    );
    // A derived bound of either kind replaces both of the base's: XML
    // Schema requires it to be the narrower one.
    if derived.min_inclusive.is_none() && derived.min_exclusive.is_none() {
        derived.min_inclusive.clone_from(&base.min_inclusive);
        derived.min_exclusive.clone_from(&base.min_exclusive);
    }
    if derived.max_inclusive.is_none() && derived.max_exclusive.is_none() {
        derived.max_inclusive.clone_from(&base.max_inclusive);
        derived.max_exclusive.clone_from(&base.max_exclusive);
    }
}

fn bound<'a>(inclusive: Option<&'a str>, exclusive: Option<&'a str>) -> Option<(&'a str, bool)> {
    inclusive
        .map(|v| (v, true))
        .or(exclusive.map(|v| (v, false)))
}

/// Whether a range facet's value is a value of the inner type that the
/// runtime can compare with: the runtime's own parser decides.
fn bound_is_valid(p: Primitive, text: &str) -> bool {
    use xsdgen_runtime::xml::{self as rt, parse_value as parse};
    match p {
        Primitive::I8 => parse::<i8>(text).is_ok(),
        Primitive::I16 => parse::<i16>(text).is_ok(),
        Primitive::I32 => parse::<i32>(text).is_ok(),
        Primitive::I64 => parse::<i64>(text).is_ok(),
        Primitive::U8 => parse::<u8>(text).is_ok(),
        Primitive::U16 => parse::<u16>(text).is_ok(),
        Primitive::U32 => parse::<u32>(text).is_ok(),
        Primitive::U64 => parse::<u64>(text).is_ok(),
        Primitive::F32 => parse::<f32>(text).is_ok_and(|v| !v.is_nan()),
        Primitive::F64 => parse::<f64>(text).is_ok_and(|v| !v.is_nan()),
        Primitive::Runtime("Decimal") => parse::<rt::Decimal>(text).is_ok(),
        Primitive::Runtime("DateTime") => parse::<rt::DateTime>(text).is_ok(),
        Primitive::Runtime("Date") => parse::<rt::Date>(text).is_ok(),
        Primitive::Runtime("Time") => parse::<rt::Time>(text).is_ok(),
        Primitive::Runtime("Duration") => parse::<rt::Duration>(text).is_ok(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_values_of_the_inner_type() {
        assert!(bound_is_valid(Primitive::U8, "+200"));
        assert!(!bound_is_valid(Primitive::U8, "300"));
        assert!(bound_is_valid(Primitive::I64, "-5"));
        assert!(bound_is_valid(Primitive::F64, "1.5"));
        assert!(bound_is_valid(Primitive::F32, "INF"));
        assert!(!bound_is_valid(Primitive::F64, "NaN"));
        assert!(bound_is_valid(Primitive::Runtime("Decimal"), "-1.50"));
        assert!(!bound_is_valid(Primitive::Runtime("Decimal"), "1e5"));
        assert!(bound_is_valid(Primitive::Runtime("Duration"), "PT1H"));
        assert!(!bound_is_valid(Primitive::Runtime("Date"), "2015-13-01"));
        assert!(!bound_is_valid(Primitive::String, "1"));
    }
}
