//! `xs:complexType`: content models (particles), simple and complex content
//! derivations, attribute declarations and wildcards.

use roxmltree::Node;

use super::cx::{Cx, xs_children};
use super::{xsd_element, xsd_simple};
use crate::load::xml::written_name;
use crate::model::Derivation;
use crate::syntax::{
    AttrDecls, AttributeItem, ComplexBody, ComplexTypeDef, Particle, ProcessContents, Term,
    Wildcard,
};

pub(crate) fn complex_type(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    global: bool,
) -> Option<ComplexTypeDef> {
    let name = named(cx, node, global)?;
    if !cx.enter(node) {
        return None;
    }
    let mut particle = None;
    let mut attrs = AttrDecls::default();
    let mut derived = None;
    for child in xs_children(node) {
        match child.tag_name().name() {
            "simpleContent" | "complexContent" if derived.is_some() || particle.is_some() => {
                let span = cx.span(child);
                cx.error(
                    span,
                    format!(
                        "'{}' must be the only content of a complexType",
                        written_name(child)
                    ),
                );
            }
            "simpleContent" => derived = simple_content(cx, child),
            "complexContent" => derived = complex_content(cx, child),
            _ if derived.is_some() => cx.unexpected(child, node),
            _ => content_child(cx, child, node, &mut particle, &mut attrs),
        }
    }
    cx.leave();
    Some(ComplexTypeDef {
        span: cx.span(node),
        name,
        doc: cx.doc(node),
        is_abstract: cx.boolean(node, "abstract", false),
        mixed: cx.boolean(node, "mixed", false),
        body: derived.unwrap_or(ComplexBody::Plain { particle, attrs }),
    })
}

/// The name of a type definition: required on global ones, forbidden on
/// anonymous ones. The outer None means "skip this definition".
pub(crate) fn named(cx: &mut Cx<'_>, node: Node<'_, '_>, global: bool) -> Option<Option<String>> {
    if global {
        return cx.required_name(node).map(Some);
    }
    if node.has_attribute("name") {
        let span = cx.attr_span(node, "name");
        cx.error(
            span,
            format!("an anonymous '{}' cannot have a 'name'", written_name(node)),
        );
    }
    Some(None)
}

/// One child of a content model holder: a model group (at most one) or an
/// attribute declaration.
fn content_child(
    cx: &mut Cx<'_>,
    child: Node<'_, '_>,
    parent: Node<'_, '_>,
    particle: &mut Option<Particle>,
    attrs: &mut AttrDecls,
) {
    match child.tag_name().name() {
        "sequence" | "choice" | "all" | "group" => {
            if particle.is_some() {
                let span = cx.span(child);
                cx.error(
                    span,
                    "more than one content model; wrap them in one 'xs:sequence'",
                );
            } else {
                *particle = self::particle(cx, child);
            }
        }
        _ => {
            if !attr_decl(cx, child, attrs) {
                cx.unexpected(child, parent);
            }
        }
    }
}

/// `xs:attribute`, `xs:attributeGroup ref=` or `xs:anyAttribute`; false
/// when `node` is none of them.
pub(crate) fn attr_decl(cx: &mut Cx<'_>, node: Node<'_, '_>, attrs: &mut AttrDecls) -> bool {
    match node.tag_name().name() {
        "attribute" => {
            if let Some(a) = xsd_element::attribute(cx, node, false) {
                attrs.items.push(AttributeItem::Attribute(Box::new(a)));
            }
        }
        "attributeGroup" => match cx.qname(node, "ref") {
            Some(r) => attrs.items.push(AttributeItem::GroupRef(r)),
            None if !node.has_attribute("ref") => {
                let span = cx.span(node);
                cx.error(span, "an attribute group reference must have a 'ref'");
            }
            None => {}
        },
        "anyAttribute" => {
            if attrs.any_attribute.is_some() {
                let span = cx.span(node);
                cx.error(span, "more than one 'anyAttribute'");
            }
            attrs.any_attribute = Some(wildcard(cx, node));
        }
        _ => return false,
    }
    true
}

/// A particle: local element, model group, group reference or wildcard,
/// with its occurrences. None when it can never occur or is broken.
pub(crate) fn particle(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<Particle> {
    let (min_occurs, max_occurs) = cx.occurs(node)?;
    if !cx.enter(node) {
        return None;
    }
    let term = term(cx, node);
    cx.leave();
    Some(Particle {
        span: cx.span(node),
        min_occurs,
        max_occurs,
        term: term?,
    })
}

fn term(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<Term> {
    let local = node.tag_name().name();
    Some(match local {
        "element" => Term::Element(Box::new(xsd_element::element(cx, node, false)?)),
        "any" => Term::Any(wildcard(cx, node)),
        "group" => match cx.qname(node, "ref") {
            Some(r) => Term::GroupRef(r),
            None => {
                if !node.has_attribute("ref") {
                    let span = cx.span(node);
                    cx.error(span, "a group reference must have a 'ref'");
                }
                return None;
            }
        },
        "sequence" | "choice" | "all" => {
            let mut items = Vec::new();
            for child in xs_children(node) {
                let allowed = match child.tag_name().name() {
                    "element" => true,
                    "sequence" | "choice" | "group" | "any" => local != "all",
                    _ => false,
                };
                if allowed {
                    items.extend(particle(cx, child));
                } else {
                    cx.unexpected(child, node);
                }
            }
            match local {
                "sequence" => Term::Sequence(items),
                "choice" => Term::Choice(items),
                _ => Term::All(items),
            }
        }
        _ => {
            cx.unexpected(node, node);
            return None;
        }
    })
}

pub(crate) fn wildcard(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Wildcard {
    let process_contents = match cx.token(node, "processContents").as_deref() {
        None | Some("strict") => ProcessContents::Strict,
        Some("lax") => ProcessContents::Lax,
        Some("skip") => ProcessContents::Skip,
        Some(other) => {
            let span = cx.attr_span(node, "processContents");
            cx.error(
                span,
                format!("processContents must be strict, lax or skip, not '{other}'"),
            );
            ProcessContents::Strict
        }
    };
    Wildcard {
        span: cx.span(node),
        namespace: cx
            .token(node, "namespace")
            .unwrap_or_else(|| "##any".to_owned()),
        process_contents,
    }
}

/// The `xs:extension` or `xs:restriction` inside simple or complex content,
/// with its `base`.
fn derivation<'a, 'i>(
    cx: &mut Cx<'_>,
    node: Node<'a, 'i>,
) -> Option<(Node<'a, 'i>, Derivation, crate::syntax::QNameRef)> {
    let mut found = None;
    for child in xs_children(node) {
        let derivation = match child.tag_name().name() {
            "extension" => Derivation::Extension,
            "restriction" => Derivation::Restriction,
            _ => {
                cx.unexpected(child, node);
                continue;
            }
        };
        if found.is_some() {
            let span = cx.span(child);
            cx.error(
                span,
                format!(
                    "'{}' must hold exactly one extension or restriction",
                    written_name(node)
                ),
            );
            continue;
        }
        if !child.has_attribute("base") {
            let span = cx.span(child);
            cx.error(
                span,
                format!("'{}' must have a 'base'", written_name(child)),
            );
            continue;
        }
        found = cx
            .qname(child, "base")
            .map(|base| (child, derivation, base));
    }
    if found.is_none() && xs_children(node).next().is_none() {
        let span = cx.span(node);
        cx.error(
            span,
            format!(
                "'{}' must hold an extension or restriction",
                written_name(node)
            ),
        );
    }
    found
}

fn simple_content(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<ComplexBody> {
    let (inner, derivation, base) = self::derivation(cx, node)?;
    let mut attrs = AttrDecls::default();
    let mut inline = None;
    let mut facets = Vec::new();
    for child in xs_children(inner) {
        let restricting = derivation == Derivation::Restriction;
        if attr_decl(cx, child, &mut attrs) {
            continue;
        }
        if restricting && child.tag_name().name() == "simpleType" && inline.is_none() {
            inline = xsd_simple::simple_type(cx, child, false).map(Box::new);
        } else if restricting && xsd_simple::is_facet(child) {
            facets.extend(xsd_simple::facet(cx, child));
        } else {
            cx.unexpected(child, inner);
        }
    }
    Some(ComplexBody::SimpleContent {
        span: cx.span(inner),
        derivation,
        base,
        inline,
        facets,
        attrs,
    })
}

fn complex_content(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<ComplexBody> {
    let mixed = node
        .has_attribute("mixed")
        .then(|| cx.boolean(node, "mixed", false));
    let (inner, derivation, base) = self::derivation(cx, node)?;
    let mut particle = None;
    let mut attrs = AttrDecls::default();
    for child in xs_children(inner) {
        content_child(cx, child, inner, &mut particle, &mut attrs);
    }
    Some(ComplexBody::ComplexContent {
        span: cx.span(inner),
        derivation,
        base,
        mixed,
        particle,
        attrs,
    })
}
