//! `xs:element` and `xs:attribute` declarations, global and local.

use roxmltree::Node;

use super::cx::{Cx, xs_children};
use super::{xsd_complex, xsd_simple};
use crate::syntax::{AttributeDecl, AttributeUseKind, ElementDecl, TypeDefinition};

/// An element declaration. `global` for children of `xs:schema`; local ones
/// get their occurrences from the enclosing particle.
pub(crate) fn element(cx: &mut Cx<'_>, node: Node<'_, '_>, global: bool) -> Option<ElementDecl> {
    let span = cx.span(node);
    let reference = cx.qname(node, "ref");
    let has_ref = node.has_attribute("ref");
    let has_name = node.has_attribute("name");
    if global && has_ref {
        let span = cx.attr_span(node, "ref");
        cx.error(span, "a global element cannot have a 'ref'");
    } else if has_ref && has_name {
        cx.error(span, "element has both 'name' and 'ref'");
    } else if !has_ref && !has_name {
        cx.error(span, "element must have a 'name' or a 'ref'");
        return None;
    }
    let name = if has_name { cx.name(node) } else { None };
    let type_name = cx.qname(node, "type");

    let mut anonymous = None;
    if !cx.enter(node) {
        return None;
    }
    for child in xs_children(node) {
        let def = match child.tag_name().name() {
            "complexType" => {
                xsd_complex::complex_type(cx, child, false).map(TypeDefinition::Complex)
            }
            "simpleType" => xsd_simple::simple_type(cx, child, false).map(TypeDefinition::Simple),
            _ => {
                cx.unexpected(child, node);
                continue;
            }
        };
        if anonymous.is_some() {
            let span = cx.span(child);
            cx.error(span, "element has more than one anonymous type");
        } else {
            anonymous = def.map(Box::new);
        }
    }
    cx.leave();

    let label = name.as_deref().unwrap_or("");
    if node.has_attribute("type") && anonymous.is_some() {
        cx.error(
            span,
            format!("element '{label}' has both a 'type' attribute and an anonymous type"),
        );
    }
    if has_ref && (node.has_attribute("type") || anonymous.is_some()) {
        cx.error(span, "an element reference cannot declare a type");
    }
    let default = cx.raw(node, "default").map(str::to_owned);
    let fixed = cx.raw(node, "fixed").map(str::to_owned);
    if default.is_some() && fixed.is_some() {
        cx.error(
            span,
            format!("element '{label}' has both 'default' and 'fixed'"),
        );
    }
    Some(ElementDecl {
        span,
        name,
        reference,
        type_name,
        anonymous,
        nillable: cx.boolean(node, "nillable", false),
        default,
        fixed,
        form: cx.form(node, "form"),
        is_abstract: cx.boolean(node, "abstract", false),
        substitution_group: cx.qname(node, "substitutionGroup"),
        doc: cx.doc(node),
    })
}

/// An attribute declaration (or, locally, a reference to a global one).
pub(crate) fn attribute(
    cx: &mut Cx<'_>,
    node: Node<'_, '_>,
    global: bool,
) -> Option<AttributeDecl> {
    let span = cx.span(node);
    let has_ref = node.has_attribute("ref");
    let has_name = node.has_attribute("name");
    if global && has_ref {
        let span = cx.attr_span(node, "ref");
        cx.error(span, "a global attribute cannot have a 'ref'");
    } else if has_ref && has_name {
        cx.error(span, "attribute has both 'name' and 'ref'");
    } else if !has_ref && !has_name {
        cx.error(span, "attribute must have a 'name' or a 'ref'");
        return None;
    }
    let reference = cx.qname(node, "ref");
    let name = if has_name { cx.name(node) } else { None };
    let type_name = cx.qname(node, "type");

    let mut anonymous = None;
    for child in xs_children(node) {
        if child.tag_name().name() != "simpleType" {
            cx.unexpected(child, node);
        } else if anonymous.is_some() {
            let span = cx.span(child);
            cx.error(span, "attribute has more than one anonymous type");
        } else {
            anonymous = xsd_simple::simple_type(cx, child, false).map(Box::new);
        }
    }
    let label = name.as_deref().unwrap_or("");
    if node.has_attribute("type") && anonymous.is_some() {
        cx.error(
            span,
            format!("attribute '{label}' has both a 'type' attribute and an anonymous type"),
        );
    }
    let use_kind = match node.attribute("use").map(str::trim) {
        None | Some("optional") => AttributeUseKind::Optional,
        Some("required") => AttributeUseKind::Required,
        Some("prohibited") => AttributeUseKind::Prohibited,
        Some(other) => {
            let span = cx.attr_span(node, "use");
            cx.error(
                span,
                format!("invalid use '{other}': expected 'optional', 'required' or 'prohibited'"),
            );
            AttributeUseKind::Optional
        }
    };
    let default = cx.raw(node, "default").map(str::to_owned);
    let fixed = cx.raw(node, "fixed").map(str::to_owned);
    if default.is_some() && fixed.is_some() {
        cx.error(
            span,
            format!("attribute '{label}' has both 'default' and 'fixed'"),
        );
    }
    Some(AttributeDecl {
        span,
        name,
        reference,
        type_name,
        anonymous,
        use_kind,
        default,
        fixed,
        form: cx.form(node, "form"),
        doc: cx.doc(node),
    })
}
