//! Values written in a schema must be values of their types: `default`
//! and `fixed` of attributes and elements, and enumeration values of their
//! base. A bad one would otherwise surface only at run time, when a
//! generated reader applies the default. A default also only makes sense
//! on an optional attribute.

use crate::diagnostics::{Diagnostics, Span};
use crate::model::{Builtin, Content, Model, Particle, SimpleType, Term, TypeKind, TypeRef};

pub(crate) fn schema_values(model: &Model, diags: &mut Diagnostics) {
    for id in model.element_ids() {
        let e = model.element(id);
        value_facets(model, e.type_ref, &e.default, &e.fixed, e.span, diags);
    }
    for id in model.type_ids() {
        match &model.ty(id).kind {
            TypeKind::Complex(c) => {
                for a in &c.attributes {
                    if a.required && a.default.is_some() {
                        diags.error(
                            a.span,
                            format!(
                                "attribute '{}' is required and has a default: a default applies only to an optional attribute",
                                a.name.local
                            ),
                        );
                    }
                    value_facets(model, a.type_ref, &a.default, &a.fixed, a.span, diags);
                }
                if let Content::Elements(p) = &c.content {
                    particle(model, p, diags);
                }
            }
            TypeKind::Simple(SimpleType::Restriction { base, facets }) => {
                for v in &facets.enumeration {
                    if let Some(why) = value_error(model, *base, &v.value, 0) {
                        diags.error(
                            v.span,
                            format!("enumeration value '{}' is not {why}", v.value),
                        );
                    }
                }
            }
            TypeKind::Simple(_) => {}
        }
    }
}

fn particle(model: &Model, p: &Particle, diags: &mut Diagnostics) {
    match &p.term {
        // A reference's default is its global declaration's, checked there.
        Term::Element(e) if e.global.is_none() => {
            value_facets(model, e.type_ref, &e.default, &e.fixed, e.span, diags);
        }
        Term::Element(_) | Term::Any(_) => {}
        Term::Sequence(ps) | Term::Choice(ps) | Term::All(ps) => {
            ps.iter().for_each(|p| particle(model, p, diags));
        }
    }
}

fn value_facets(
    model: &Model,
    t: TypeRef,
    default: &Option<String>,
    fixed: &Option<String>,
    span: Span,
    diags: &mut Diagnostics,
) {
    for (what, value) in [("default", default), ("fixed", fixed)] {
        if let Some(value) = value
            && let Some(why) = value_error(model, t, value, 0)
        {
            diags.error(span, format!("{what} value '{value}' is not {why}"));
        }
    }
}

/// Why `value` is not a value of `t`, or None when it is (or when this
/// check cannot tell: QNames need a namespace context, complex types
/// with element content have no simple value).
fn value_error(model: &Model, t: TypeRef, value: &str, depth: usize) -> Option<String> {
    // Derivation cycles are reported elsewhere; do not follow them here.
    if depth > model.types.len() {
        return None;
    }
    let id = match t {
        TypeRef::Builtin(b) => return builtin_error(b, value),
        TypeRef::Defined(id) => id,
    };
    let def = model.ty(id);
    match &def.kind {
        TypeKind::Simple(SimpleType::Restriction { base, facets }) => {
            if !facets.enumeration.is_empty()
                && !facets.enumeration.iter().any(|e| e.value == value.trim())
            {
                let allowed: Vec<&str> = facets
                    .enumeration
                    .iter()
                    .map(|e| e.value.as_str())
                    .collect();
                return Some(format!("one of {}", allowed.join(", ")));
            }
            value_error(model, *base, value, depth + 1)
        }
        TypeKind::Simple(SimpleType::List { item }) => value
            .split_ascii_whitespace()
            .find_map(|v| value_error(model, *item, v, depth + 1)),
        TypeKind::Simple(SimpleType::Union { members }) => {
            let errors: Vec<String> = members
                .iter()
                .filter_map(|m| value_error(model, *m, value, depth + 1))
                .collect();
            (errors.len() == members.len() && !members.is_empty())
                .then(|| format!("a value of any member of the union ({})", errors.join("; ")))
        }
        TypeKind::Complex(c) => match &c.content {
            Content::Simple(t) => value_error(model, *t, value, depth + 1),
            _ => None,
        },
    }
}

/// Why `value` is not a value of the built-in `b`, judged by the runtime's
/// own parsers, so that what the schema says and what the reader accepts
/// agree.
fn builtin_error(b: Builtin, value: &str) -> Option<String> {
    use xsdgen_runtime::xml::{self as rt, parse_value as parse};
    let v = value.trim();
    let ok = match b {
        Builtin::Boolean => parse::<bool>(v).is_ok(),
        Builtin::Byte => parse::<i8>(v).is_ok(),
        Builtin::Short => parse::<i16>(v).is_ok(),
        Builtin::Int => parse::<i32>(v).is_ok(),
        Builtin::Long | Builtin::Integer => parse::<i64>(v).is_ok(),
        Builtin::NonPositiveInteger => parse::<i64>(v).is_ok_and(|n| n <= 0),
        Builtin::NegativeInteger => parse::<i64>(v).is_ok_and(|n| n < 0),
        Builtin::UnsignedByte => parse::<u8>(v).is_ok(),
        Builtin::UnsignedShort => parse::<u16>(v).is_ok(),
        Builtin::UnsignedInt => parse::<u32>(v).is_ok(),
        Builtin::UnsignedLong | Builtin::NonNegativeInteger => parse::<u64>(v).is_ok(),
        Builtin::PositiveInteger => parse::<u64>(v).is_ok_and(|n| n > 0),
        Builtin::Float => parse::<f32>(v).is_ok(),
        Builtin::Double => parse::<f64>(v).is_ok(),
        Builtin::Decimal => parse::<rt::Decimal>(v).is_ok(),
        Builtin::DateTime => parse::<rt::DateTime>(v).is_ok(),
        Builtin::Date => parse::<rt::Date>(v).is_ok(),
        Builtin::Time => parse::<rt::Time>(v).is_ok(),
        Builtin::Duration => parse::<rt::Duration>(v).is_ok(),
        Builtin::Base64Binary => parse::<rt::Base64Binary>(v).is_ok(),
        Builtin::HexBinary => parse::<rt::HexBinary>(v).is_ok(),
        _ => true,
    };
    (!ok).then(|| format!("a value of 'xs:{}'", b.local_name()))
}
