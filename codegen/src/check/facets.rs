//! Which facets apply to which types (XML Schema part 2, 4.1.5): an
//! enumeration on `xs:boolean` or a length on `xs:int` is an error. And
//! whether their values are valid: every pattern must translate to the
//! regex dialect the runtime checks with, and a range bound must be a
//! value of the type it restricts.

use crate::diagnostics::{Diagnostics, Span};
use crate::model::{Builtin, Facets, Model, SimpleType, TypeId, TypeKind, TypeRef};
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

/// The family of the type a restriction restricts, how to name it, and
/// the built-in type it ends in (None for lists and unions).
fn root(model: &Model, base: TypeRef) -> Option<(Family, String, Option<Builtin>)> {
    let mut current = base;
    for _ in 0..=model.types.len() {
        let id = match current {
            TypeRef::Builtin(b) => {
                return Some((family(b), format!("'xs:{}'", b.local_name()), Some(b)));
            }
            TypeRef::Defined(id) => id,
        };
        match &model.types.get(id.index())?.kind {
            TypeKind::Simple(SimpleType::Restriction { base, .. }) => current = *base,
            TypeKind::Simple(SimpleType::List { .. }) => {
                return Some((
                    Family::List,
                    format!("the list type {}", super::type_label(model, id)),
                    None,
                ));
            }
            TypeKind::Simple(SimpleType::Union { .. }) => {
                return Some((
                    Family::Union,
                    format!("the union type {}", super::type_label(model, id)),
                    None,
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
        let Some(TypeKind::Simple(SimpleType::Restriction {
            base,
            facets: values,
        })) = model.types.get(owner.index()).map(|d| &d.kind)
        else {
            continue;
        };
        let root = root(model, *base);
        // Patterns are listed in the order they were written.
        let mut patterns = values.patterns.iter();
        for (kind, span) in facets {
            let pattern = match kind {
                FacetKind::Pattern => patterns.next(),
                _ => None,
            };
            if let Some(Err(e)) = pattern.map(|p| xsdgen_runtime::xml::validate_pattern(&[p])) {
                diags.error(*span, format!("{e}"));
            }
            let Some((family, label, builtin)) = &root else {
                continue;
            };
            if !applies(*family, *kind) {
                diags.error(
                    *span,
                    format!("facet '{}' does not apply to {label}", kind.local_name()),
                );
                continue;
            }
            if let Some(value) = bound_value(values, *kind) {
                if let Some(expected) = builtin.and_then(|b| invalid_bound(b, value)) {
                    diags.error(
                        *span,
                        format!(
                            "invalid {} '{value}': expected {expected}",
                            kind.local_name()
                        ),
                    );
                }
            }
        }
    }
}

fn bound_value(facets: &Facets, kind: FacetKind) -> Option<&str> {
    match kind {
        FacetKind::MinInclusive => facets.min_inclusive.as_deref(),
        FacetKind::MaxInclusive => facets.max_inclusive.as_deref(),
        FacetKind::MinExclusive => facets.min_exclusive.as_deref(),
        FacetKind::MaxExclusive => facets.max_exclusive.as_deref(),
        _ => None,
    }
}

/// What a range bound on `b` should have been, when it is not a value of
/// `b`'s primitive type (the runtime's parsers decide). Types the runtime
/// keeps as text (`gYear`, ...) are not judged.
fn invalid_bound(b: Builtin, value: &str) -> Option<String> {
    use xsdgen_runtime::xml::{self as rt, parse_value as parse};
    let value = value.trim();
    let ok = match family(b) {
        Family::Decimal if b == Builtin::Decimal => parse::<rt::Decimal>(value).is_ok(),
        Family::Decimal => {
            let digits = value.strip_prefix(['+', '-']).unwrap_or(value);
            !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit())
        }
        Family::Float => parse::<f64>(value).is_ok(),
        _ => match b {
            Builtin::DateTime => parse::<rt::DateTime>(value).is_ok(),
            Builtin::Date => parse::<rt::Date>(value).is_ok(),
            Builtin::Time => parse::<rt::Time>(value).is_ok(),
            Builtin::Duration => parse::<rt::Duration>(value).is_ok(),
            _ => true,
        },
    };
    (!ok).then(|| match family(b) {
        Family::Decimal if b == Builtin::Decimal => "a decimal number".to_owned(),
        Family::Decimal => "an integer".to_owned(),
        Family::Float => "a floating-point number".to_owned(),
        _ => format!("a value of 'xs:{}'", b.local_name()),
    })
}

#[cfg(test)]
mod tests {
    /// The rendered diagnostics of a schema whose body is `body`.
    fn errors(name: &str, body: &str) -> String {
        let dir = std::env::temp_dir().join(format!("xsdgen-facets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.xsd"));
        let xsd = format!(
            "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n{body}\n</xs:schema>\n"
        );
        std::fs::write(&path, xsd).unwrap();
        let inputs = [path];
        let front = crate::pipeline::front(
            crate::pipeline::Inputs::Disk(&inputs),
            &crate::load::LoadOptions::default(),
        );
        match front {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn untranslatable_patterns_are_located_errors() {
        let rendered = errors(
            "pattern",
            r#"  <xs:simpleType name="A"><xs:restriction base="xs:string">
    <xs:pattern value="[0-9]+"/>
    <xs:pattern value="[a-z"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="B"><xs:restriction base="xs:int">
    <xs:pattern value="\p{IsKlingon}"/>
  </xs:restriction></xs:simpleType>"#,
        );
        assert!(
            rendered.contains(
                "pattern.xsd:4:5: error: invalid pattern '[a-z' at character 5: \
                 '[' without a matching ']'"
            ),
            "{rendered}"
        );
        assert!(
            rendered.contains(
                "pattern.xsd:7:5: error: invalid pattern '\\p{IsKlingon}' at character 4: \
                 unknown Unicode block 'IsKlingon'"
            ),
            "{rendered}"
        );
        assert!(!rendered.contains(":3:"), "{rendered}");
    }

    #[test]
    fn bounds_must_be_values_of_the_base() {
        let rendered = errors(
            "bounds",
            r#"  <xs:simpleType name="A"><xs:restriction base="xs:decimal">
    <xs:minInclusive value="1e3"/>
    <xs:maxInclusive value="10.5"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="B"><xs:restriction base="xs:int">
    <xs:maxExclusive value="1.5"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="C"><xs:restriction base="xs:date">
    <xs:minInclusive value="2015-02-30T00:00:00"/>
  </xs:restriction></xs:simpleType>"#,
        );
        for expected in [
            "bounds.xsd:3:5: error: invalid minInclusive '1e3': expected a decimal number",
            "bounds.xsd:7:5: error: invalid maxExclusive '1.5': expected an integer",
            "bounds.xsd:10:5: error: invalid minInclusive '2015-02-30T00:00:00': \
             expected a value of 'xs:date'",
        ] {
            assert!(rendered.contains(expected), "{expected}\n{rendered}");
        }
        assert!(!rendered.contains(":4:"), "{rendered}");
    }
}
