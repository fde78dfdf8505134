//! `xs:schema` and its top-level children.

use roxmltree::Node;

use super::cx::{Cx, xs_children};
use super::{xsd_complex, xsd_element, xsd_simple};
use crate::syntax::{AttributeGroup, Form, Group, Schema, SchemaLink, TypeDefinition};

pub(crate) fn schema(cx: &mut Cx<'_>, node: Node<'_, '_>, embedded: bool) -> Schema {
    let mut schema = Schema {
        file: cx.file,
        span: cx.span(node),
        embedded,
        target_namespace: cx.token(node, "targetNamespace"),
        element_form_default: cx
            .form(node, "elementFormDefault")
            .unwrap_or(Form::Unqualified),
        attribute_form_default: cx
            .form(node, "attributeFormDefault")
            .unwrap_or(Form::Unqualified),
        includes: Vec::new(),
        imports: Vec::new(),
        elements: Vec::new(),
        types: Vec::new(),
        groups: Vec::new(),
        attribute_groups: Vec::new(),
        attributes: Vec::new(),
        redefines: Vec::new(),
        doc: cx.doc(node),
    };
    for child in xs_children(node) {
        match child.tag_name().name() {
            "include" => {
                if child.attribute("schemaLocation").is_none() {
                    let span = cx.span(child);
                    cx.error(span, "'xs:include' must have a 'schemaLocation'");
                }
                schema.includes.push(link(cx, child));
            }
            "import" => schema.imports.push(link(cx, child)),
            "redefine" => {
                if child.attribute("schemaLocation").is_none() {
                    let span = cx.span(child);
                    cx.error(span, "'xs:redefine' must have a 'schemaLocation'");
                }
                schema.includes.push(link(cx, child));
                super::xsd_redefine::redefine(cx, child, &mut schema);
            }
            "element" => schema
                .elements
                .extend(xsd_element::element(cx, child, true)),
            "attribute" => schema
                .attributes
                .extend(xsd_element::attribute(cx, child, true)),
            "complexType" => {
                if let Some(t) = xsd_complex::complex_type(cx, child, true) {
                    schema.types.push(TypeDefinition::Complex(t));
                }
            }
            "simpleType" => {
                if let Some(t) = xsd_simple::simple_type(cx, child, true) {
                    schema.types.push(TypeDefinition::Simple(t));
                }
            }
            "group" => schema.groups.extend(group(cx, child)),
            "attributeGroup" => schema.attribute_groups.extend(attribute_group(cx, child)),
            _ => cx.unexpected(child, node),
        }
    }
    schema
}

fn link(cx: &Cx<'_>, node: Node<'_, '_>) -> SchemaLink {
    SchemaLink {
        span: cx.span(node),
        namespace: cx.token(node, "namespace"),
        location: cx.token(node, "schemaLocation"),
    }
}

/// A named `xs:group` definition: one sequence, choice or all.
pub(crate) fn group(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<Group> {
    let name = cx.required_name(node)?;
    let mut particle = None;
    for child in xs_children(node) {
        match child.tag_name().name() {
            "sequence" | "choice" | "all" if particle.is_none() => {
                particle = xsd_complex::particle(cx, child);
            }
            "sequence" | "choice" | "all" => {
                let span = cx.span(child);
                cx.error(
                    span,
                    format!("group '{name}' has more than one model group"),
                );
            }
            _ => cx.unexpected(child, node),
        }
    }
    Some(Group {
        span: cx.span(node),
        name,
        doc: cx.doc(node),
        particle,
    })
}

/// A named `xs:attributeGroup` definition.
pub(crate) fn attribute_group(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<AttributeGroup> {
    let name = cx.required_name(node)?;
    let mut attrs = Default::default();
    for child in xs_children(node) {
        if !xsd_complex::attr_decl(cx, child, &mut attrs) {
            cx.unexpected(child, node);
        }
    }
    Some(AttributeGroup {
        span: cx.span(node),
        name,
        doc: cx.doc(node),
        attrs,
    })
}
