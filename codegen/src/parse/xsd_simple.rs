//! `xs:simpleType`: restriction with facets, list and union.

use roxmltree::Node;

use super::cx::{Cx, xs_children};
use super::xsd_complex::named;
use crate::diagnostics::Span;
use crate::load::xml::{XS_NS, clamp_u32};
use crate::syntax::{Facet, FacetKind, SimpleBody, SimpleTypeDef, TypeSource};

pub(crate) fn simple_type(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    global: bool,
) -> Option<SimpleTypeDef> {
    let name = named(cx, node, global)?;
    if !cx.enter(node) {
        return None;
    }
    let mut body = None;
    for child in xs_children(node) {
        let parsed = match child.tag_name().name() {
            "restriction" => restriction(cx, child),
            "list" => list(cx, child),
            "union" => union(cx, child),
            _ => {
                cx.unexpected(child, node);
                continue;
            }
        };
        if body.is_some() {
            let span = cx.span(child);
            cx.error(
                span,
                "a simpleType must hold exactly one restriction, list or union",
            );
        } else {
            body = parsed;
        }
    }
    cx.leave();
    let span = cx.span(node);
    let Some(body) = body else {
        if xs_children(node).next().is_none() {
            cx.error(span, "a simpleType must hold a restriction, list or union");
        }
        return None;
    };
    Some(SimpleTypeDef {
        span,
        name,
        doc: cx.doc(node),
        body,
    })
}

/// A simple type given by a QName attribute or by one anonymous
/// `xs:simpleType` child, exactly one of the two.
fn source(cx: &mut Cx<'_>, node: Node<'_, '_>, attr: &str) -> Option<TypeSource> {
    let named = cx.qname(node, attr);
    let mut inline = xs_children(node).filter(|c| c.tag_name().name() == "simpleType");
    let first = inline.next();
    if let Some(extra) = inline.next() {
        let span = cx.span(extra);
        cx.error(span, "more than one anonymous simpleType");
    }
    let span = cx.span(node);
    match (named, first) {
        (Some(_), Some(_)) => {
            cx.error(span, format!("both '{attr}' and an anonymous simpleType"));
            None
        }
        (Some(named), None) => Some(TypeSource::Named(named)),
        (None, Some(child)) => {
            simple_type(cx, child, false).map(|t| TypeSource::Anonymous(Box::new(t)))
        }
        (None, None) => {
            if !node.has_attribute(attr) {
                cx.error(
                    span,
                    format!("missing '{attr}' (or an anonymous simpleType)"),
                );
            }
            None
        }
    }
}

fn restriction(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<SimpleBody> {
    let base = source(cx, node, "base");
    let mut facets = Vec::new();
    for child in xs_children(node) {
        if is_facet(child) {
            facets.extend(facet(cx, child));
        } else if child.tag_name().name() != "simpleType" {
            cx.unexpected(child, node);
        }
    }
    Some(SimpleBody::Restriction {
        span: cx.span(node),
        base: base?,
        facets,
    })
}

fn list(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<SimpleBody> {
    let item = source(cx, node, "itemType");
    for child in xs_children(node).filter(|c| c.tag_name().name() != "simpleType") {
        cx.unexpected(child, node);
    }
    Some(SimpleBody::List {
        span: cx.span(node),
        item: item?,
    })
}

fn union(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<SimpleBody> {
    let mut members = Vec::new();
    if let Some(attr) = node.attribute_node("memberTypes") {
        let whole = cx.attr_span(node, "memberTypes");
        // Each member is located on its own when the value is written
        // without references, so that offsets in the value are offsets in
        // the source; otherwise on the whole attribute.
        let raw = attr.range_value();
        let exact = node
            .document()
            .input_text()
            .get(raw.clone())
            .is_some_and(|text| text.len() == attr.value().len() && !text.contains('&'));
        for (offset, written) in words(attr.value()) {
            let span = if exact {
                Span {
                    file: cx.file,
                    start: clamp_u32(raw.start + offset),
                    end: clamp_u32(raw.start + offset + written.len()),
                }
            } else {
                whole
            };
            members.extend(cx.qname_value(node, written, span).map(TypeSource::Named));
        }
    }
    for child in xs_children(node) {
        if child.tag_name().name() == "simpleType" {
            let member = simple_type(cx, child, false);
            members.extend(member.map(|t| TypeSource::Anonymous(Box::new(t))));
        } else {
            cx.unexpected(child, node);
        }
    }
    let span = cx.span(node);
    if members.is_empty() {
        cx.error(span, "a union must have member types");
        return None;
    }
    Some(SimpleBody::Union { span, members })
}

/// The items of a whitespace-separated list, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split(|c: char| c.is_ascii_whitespace())
        .filter_map(move |word| {
            let at = offset;
            offset += word.len() + 1;
            (!word.is_empty()).then_some((at, word))
        })
}

pub(crate) fn is_facet(node: Node<'_, '_>) -> bool {
    node.tag_name().namespace() == Some(XS_NS)
        && FacetKind::from_local_name(node.tag_name().name()).is_some()
}

pub(crate) fn facet(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<Facet> {
    let kind = FacetKind::from_local_name(node.tag_name().name())?;
    let span = cx.span(node);
    let Some(raw) = node.attribute("value") else {
        cx.error(
            span,
            format!("facet '{}' must have a 'value'", kind.local_name()),
        );
        return None;
    };
    // Enumeration and pattern values are compared as written; the others
    // are numbers or keywords.
    let value = match kind {
        FacetKind::Enumeration | FacetKind::Pattern => raw.to_owned(),
        _ => raw.trim().to_owned(),
    };
    Some(Facet {
        span,
        kind,
        value,
        doc: cx.doc(node),
    })
}
