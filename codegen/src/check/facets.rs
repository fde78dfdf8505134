//! Which facets apply to which types (XML Schema part 2, 4.1.5): an
//! enumeration on `xs:boolean` or a length on `xs:int` is an error.

use crate::diagnostics::{Diagnostics, Span};
use crate::model::{Builtin, Model, SimpleType, TypeId, TypeKind, TypeRef};
use crate::syntax::FacetKind;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Family {
    Text,
    Boolean,
    Decimal,
    Float,
    Temporal,
    List,
    Union,
    /// anySimpleType: anything goes.
    Any,
}

fn family(b: Builtin) -> Family {
    use Builtin::*;
    match b {
        Boolean => Family::Boolean,
        Decimal | Integer | NonPositiveInteger | NegativeInteger | NonNegativeInteger
        | PositiveInteger | Long | Int | Short | Byte | UnsignedLong | UnsignedInt
        | UnsignedShort | UnsignedByte => Family::Decimal,
        Float | Double => Family::Float,
        DateTime | Date | Time | Duration | GYear | GYearMonth | GMonth | GMonthDay | GDay => {
            Family::Temporal
        }
        NmTokens | IdRefs | Entities => Family::List,
        AnyType | AnySimpleType => Family::Any,
        _ => Family::Text,
    }
}

fn applies(family: Family, facet: FacetKind) -> bool {
    use FacetKind::*;
    let bounds = matches!(
        facet,
        MinInclusive | MaxInclusive | MinExclusive | MaxExclusive
    );
    let lengths = matches!(facet, Length | MinLength | MaxLength);
    match facet {
        Pattern => true,
        WhiteSpace => family != Family::Union,
        Enumeration => family != Family::Boolean,
        _ => match family {
            Family::Any => true,
            Family::Text | Family::List => lengths,
            Family::Decimal => bounds || matches!(facet, TotalDigits | FractionDigits),
            Family::Float | Family::Temporal => bounds,
            Family::Boolean | Family::Union => false,
        },
    }
}

/// The family of the type a restriction restricts, and how to name it.
fn root(model: &Model, base: TypeRef) -> Option<(Family, String)> {
    let mut current = base;
    for _ in 0..=model.types.len() {
        let id = match current {
            TypeRef::Builtin(b) => return Some((family(b), format!("'xs:{}'", b.local_name()))),
            TypeRef::Defined(id) => id,
        };
        match &model.types.get(id.index())?.kind {
            TypeKind::Simple(SimpleType::Restriction { base, .. }) => current = *base,
            TypeKind::Simple(SimpleType::List { .. }) => {
                return Some((
                    Family::List,
                    format!("the list type {}", super::type_label(model, id)),
                ));
            }
            TypeKind::Simple(SimpleType::Union { .. }) => {
                return Some((
                    Family::Union,
                    format!("the union type {}", super::type_label(model, id)),
                ));
            }
            TypeKind::Complex(_) => return None,
        }
    }
    None
}

pub(crate) fn applicability(
    model: &Model,
    facet_spans: &[(TypeId, Vec<(FacetKind, Span)>)],
    diags: &mut Diagnostics,
) {
    for (owner, facets) in facet_spans {
        let Some(TypeKind::Simple(SimpleType::Restriction { base, .. })) =
            model.types.get(owner.index()).map(|d| &d.kind)
        else {
            continue;
        };
        let Some((family, label)) = root(model, *base) else {
            continue;
        };
        for (kind, span) in facets {
            if !applies(family, *kind) {
                diags.error(
                    *span,
                    format!("facet '{}' does not apply to {label}", kind.local_name()),
                );
            }
        }
    }
}
