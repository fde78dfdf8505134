//! Simple types: restrictions with their facets, lists and unions.

use super::Lowerer;
use super::alloc::placeholder;
use super::index::SchemaCx;
use crate::diagnostics::Span;
use crate::model::{Builtin, EnumValue, Facets, SimpleType, TypeId, TypeKind, TypeRef, WhiteSpace};
use crate::syntax::{Facet, FacetKind, SimpleBody, SimpleTypeDef, TypeSource};

impl Lowerer<'_, '_> {
    pub(crate) fn simple_type(
        &mut self,
        id: TypeId,
        t: &SimpleTypeDef,
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> SimpleType {
        match &t.body {
            SimpleBody::Restriction { base, facets, .. } => {
                let base = self
                    .source(base, cx, hint, "the base of a simple type restriction")
                    .unwrap_or(TypeRef::Builtin(Builtin::AnySimpleType));
                SimpleType::Restriction {
                    base,
                    facets: self.facets(id, facets),
                }
            }
            SimpleBody::List { item, .. } => SimpleType::List {
                item: self
                    .source(item, cx, hint, "a list item type")
                    .unwrap_or(TypeRef::Builtin(Builtin::AnySimpleType)),
            },
            SimpleBody::Union { members, .. } => SimpleType::Union {
                members: members
                    .iter()
                    .filter_map(|m| self.source(m, cx, hint, "a union member type"))
                    .collect(),
            },
        }
    }

    /// A simple type named or written inline.
    fn source(
        &mut self,
        source: &TypeSource,
        cx: SchemaCx<'_>,
        hint: &str,
        context: &str,
    ) -> Option<TypeRef> {
        match source {
            TypeSource::Named(r) => self.simple_type_ref(r, context),
            TypeSource::Anonymous(t) => Some(TypeRef::Defined(self.anonymous_simple(t, cx, hint))),
        }
    }

    pub(crate) fn anonymous_simple(
        &mut self,
        t: &SimpleTypeDef,
        cx: SchemaCx<'_>,
        hint: &str,
    ) -> TypeId {
        let id = self
            .model
            .add_type(placeholder(None, hint, cx, t.doc.clone(), t.span, true));
        let kind = TypeKind::Simple(self.simple_type(id, t, cx, hint));
        if let Some(slot) = self.model.types.get_mut(id.index()) {
            slot.kind = kind;
        }
        id
    }

    /// An anonymous restriction of `base` by `facets` (simple content
    /// restricted in a complex type).
    pub(crate) fn facet_restriction(
        &mut self,
        base: TypeRef,
        facets: &[Facet],
        cx: SchemaCx<'_>,
        hint: &str,
        span: Span,
    ) -> TypeId {
        let id = self
            .model
            .add_type(placeholder(None, hint, cx, None, span, true));
        let facets = self.facets(id, facets);
        if let Some(slot) = self.model.types.get_mut(id.index()) {
            slot.kind = TypeKind::Simple(SimpleType::Restriction { base, facets });
        }
        id
    }

    fn facets(&mut self, owner: TypeId, facets: &[Facet]) -> Facets {
        let mut out = Facets::default();
        for f in facets {
            let v = f.value.as_str();
            match f.kind {
                FacetKind::Enumeration => out.enumeration.push(EnumValue {
                    value: f.value.clone(),
                    doc: f.doc.clone(),
                    span: f.span,
                }),
                FacetKind::Pattern => out.patterns.push(f.value.clone()),
                FacetKind::Length => out.length = self.number(f),
                FacetKind::MinLength => out.min_length = self.number(f),
                FacetKind::MaxLength => out.max_length = self.number(f),
                FacetKind::TotalDigits => out.total_digits = self.number(f),
                FacetKind::FractionDigits => out.fraction_digits = self.number(f),
                FacetKind::MinInclusive => out.min_inclusive = Some(v.to_owned()),
                FacetKind::MaxInclusive => out.max_inclusive = Some(v.to_owned()),
                FacetKind::MinExclusive => out.min_exclusive = Some(v.to_owned()),
                FacetKind::MaxExclusive => out.max_exclusive = Some(v.to_owned()),
                FacetKind::WhiteSpace => {
                    out.white_space = match v {
                        "preserve" => Some(WhiteSpace::Preserve),
                        "replace" => Some(WhiteSpace::Replace),
                        "collapse" => Some(WhiteSpace::Collapse),
                        _ => {
                            self.diags.error(
                                f.span,
                                format!("invalid whiteSpace '{v}': expected 'preserve', 'replace' or 'collapse'"),
                            );
                            None
                        }
                    }
                }
            }
        }
        if !facets.is_empty() {
            self.facet_spans
                .push((owner, facets.iter().map(|f| (f.kind, f.span)).collect()));
        }
        out
    }

    /// The value of a length or digits facet.
    fn number<T: std::str::FromStr>(&mut self, f: &Facet) -> Option<T> {
        let digits = f.value.strip_prefix('+').unwrap_or(&f.value);
        let parsed = digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse::<T>().ok())
            .flatten();
        if parsed.is_none() {
            self.diags.error(
                f.span,
                format!(
                    "invalid {} '{}': expected a non-negative integer",
                    f.kind.local_name(),
                    f.value
                ),
            );
        }
        parsed
    }
}
