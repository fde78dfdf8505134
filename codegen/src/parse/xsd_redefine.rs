//! `xs:redefine`: the redefined schema is included, and the components
//! listed here replace its components of the same name. A redefinition
//! must refer to the component it replaces (a type derives from itself, a
//! group or attribute group refers to itself); those self-references are
//! renamed here to the replaced original, which the index then files
//! under that name (see [`original_name`]).

use roxmltree::Node;

use super::cx::{Cx, xs_children};
use super::{xsd_complex, xsd_simple};
use crate::syntax::{
    AttrDecls, AttributeItem, ComplexBody, Particle, QNameRef, Redefined, RedefinedKind, Schema,
    SimpleBody, Term, TypeDefinition, TypeSource,
};

/// The name the replaced original of a redefined component is known by,
/// readable in generated code (`{Name}Original`). A schema that declares
/// that name itself gets a duplicate-name error.
pub fn original_name(local: &str) -> String {
    format!("{local}Original")
}

pub(crate) fn redefine(cx: &mut Cx<'_>, node: Node<'_, '_>, schema: &mut Schema) {
    for child in xs_children(node) {
        match child.tag_name().name() {
            "complexType" => {
                if let Some(mut t) = xsd_complex::complex_type(cx, child, true) {
                    if let Some(name) = t.name.clone() {
                        match &mut t.body {
                            ComplexBody::SimpleContent { base, .. }
                            | ComplexBody::ComplexContent { base, .. } => {
                                rename_self(base, &name);
                            }
                            ComplexBody::Plain { .. } => {
                                let span = cx.span(child);
                                cx.error(
                                    span,
                                    format!("redefined type '{name}' must derive from itself"),
                                );
                            }
                        }
                        mark(schema, RedefinedKind::Type, name);
                    }
                    schema.types.push(TypeDefinition::Complex(t));
                }
            }
            "simpleType" => {
                if let Some(mut t) = xsd_simple::simple_type(cx, child, true) {
                    if let Some(name) = t.name.clone() {
                        if let SimpleBody::Restriction {
                            base: TypeSource::Named(base),
                            ..
                        } = &mut t.body
                        {
                            rename_self(base, &name);
                        }
                        mark(schema, RedefinedKind::Type, name);
                    }
                    schema.types.push(TypeDefinition::Simple(t));
                }
            }
            "group" => {
                if let Some(mut g) = super::xsd_schema::group(cx, child) {
                    if let Some(p) = &mut g.particle {
                        rename_group_refs(p, &g.name);
                    }
                    mark(schema, RedefinedKind::Group, g.name.clone());
                    schema.groups.push(g);
                }
            }
            "attributeGroup" => {
                if let Some(mut g) = super::xsd_schema::attribute_group(cx, child) {
                    rename_attribute_group_refs(&mut g.attrs, &g.name);
                    mark(schema, RedefinedKind::AttributeGroup, g.name.clone());
                    schema.attribute_groups.push(g);
                }
            }
            _ => cx.unexpected(child, node),
        }
    }
}

fn mark(schema: &mut Schema, kind: RedefinedKind, name: String) {
    schema.redefines.push(Redefined { kind, name });
}

fn rename_self(r: &mut QNameRef, name: &str) {
    if r.name.local == name {
        r.name.local = original_name(name);
    }
}

fn rename_group_refs(p: &mut Particle, name: &str) {
    match &mut p.term {
        Term::GroupRef(r) => rename_self(r, name),
        Term::Sequence(items) | Term::Choice(items) | Term::All(items) => {
            items.iter_mut().for_each(|p| rename_group_refs(p, name));
        }
        Term::Element(_) | Term::Any(_) => {}
    }
}

fn rename_attribute_group_refs(attrs: &mut AttrDecls, name: &str) {
    for item in &mut attrs.items {
        if let AttributeItem::GroupRef(r) = item {
            rename_self(r, name);
        }
    }
}
