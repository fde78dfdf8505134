//! Complex types -> structs (or an enum when the whole content is one
//! choice), with the base type's attributes and content inlined first.

use super::Planner;
use super::docs;
use super::names::{RustIdent, Scope};
use super::particles::new_field;
use super::rust::{
    Binding, ChoiceDef, ContentKind, Derives, Field, FieldType, FirstSet, Item, Occurs, Primitive,
    Role, StructDef, TypeExpr, ValueKind,
};
use crate::model::{
    AttributeUse, Content, Derivation, MaxOccurs, Particle, Term, TypeId, TypeKind, TypeRef,
    Wildcard,
};

/// A complex type with its derivation chain resolved.
struct Collected<'m> {
    attributes: Vec<&'m AttributeUse>,
    particles: Vec<&'m Particle>,
    simple: Option<TypeRef>,
    mixed: bool,
    any_attribute: Option<&'m Wildcard>,
}

impl<'m> Planner<'m> {
    pub(super) fn plan_complex(&mut self, id: TypeId, ident: RustIdent) -> Item {
        let model = self.model;
        let def = model.ty(id);
        let module = self.module_of_type(id);
        let global = self.element_structs.get(&id).map(|e| model.element(*e));
        let element = global.map(|e| self.xml_name(&e.name));
        let doc = docs::doc(global.and_then(|e| e.doc.as_deref()).or(def.doc.as_deref()));
        let c = self.collect(id);

        let no_attributes = c.attributes.is_empty() && c.any_attribute.is_none() && !c.mixed;
        if let ([only], true, None) = (c.particles.as_slice(), no_attributes, c.simple) {
            if let (Term::Choice(branches), 1, MaxOccurs::Bounded(1)) =
                (&only.term, only.min_occurs, only.max_occurs)
            {
                let (variants, first) = self.choice_variants(id, module, &ident, branches);
                return Item::Choice(ChoiceDef {
                    ident,
                    doc,
                    derives: Derives::default(),
                    role: Role::Type,
                    variants,
                    element,
                    first,
                    span: def.span,
                });
            }
        }

        let mut scope = Scope::new();
        let mut fields = Vec::new();
        if let Some(t) = c.simple {
            let ty = match self.type_expr(t) {
                Some((inner, ValueKind::Simple)) => FieldType {
                    inner,
                    kind: ValueKind::Simple,
                    nillable: false,
                    boxed: false,
                    occurs: Occurs::One,
                },
                _ => {
                    self.error(def.span, "internal error: simple content of a complex type");
                    return self.placeholder(ident);
                }
            };
            fields.push(new_field(&mut scope, "value", None, ty, Binding::Text));
        }
        for a in &c.attributes {
            if let Some(field) = self.attribute_field(id, a, &mut scope) {
                fields.push(field);
            }
        }
        {
            let ns = c.any_attribute.map(|w| w.namespaces.clone());
            let ty = FieldType {
                inner: TypeExpr::Primitive(Primitive::Runtime("AnyAttributes")),
                kind: ValueKind::Simple,
                nillable: false,
                boxed: false,
                occurs: Occurs::One,
            };
            let doc = Some(
                if ns.is_some() {
                    "Attributes the schema leaves open (`anyAttribute`), and `xsi:` ones (`xsi:schemaLocation`)."
                } else {
                    "The `xsi:` attributes the element carried (`xsi:schemaLocation`, an `xsi:type` naming this type)."
                }
                .to_owned(),
            );
            fields.push(new_field(
                &mut scope,
                "other_attributes",
                doc,
                ty,
                Binding::AnyAttributes(ns),
            ));
        }
        if c.mixed && c.simple.is_none() {
            let ty = FieldType {
                inner: TypeExpr::Primitive(Primitive::Runtime("MixedText")),
                kind: ValueKind::Simple,
                nillable: false,
                boxed: false,
                occurs: Occurs::One,
            };
            let doc = Some("The text between the child elements (mixed content).".to_owned());
            fields.push(new_field(&mut scope, "text", doc, ty, Binding::Mixed));
        }
        let content = if c.simple.is_some() {
            ContentKind::Simple
        } else if let Some(items) = all_items(&c.particles) {
            let items: Vec<&Particle> = items.iter().collect();
            self.sequence_fields(id, module, &ident, &items, &mut scope, &mut fields);
            ContentKind::All
        } else {
            self.sequence_fields(id, module, &ident, &c.particles, &mut scope, &mut fields);
            if fields.iter().any(|f| {
                !matches!(
                    f.binding,
                    Binding::Attribute { .. } | Binding::AnyAttributes(_)
                )
            }) {
                ContentKind::Sequence
            } else {
                ContentKind::Empty
            }
        };
        Item::Struct(StructDef {
            ident,
            doc,
            derives: Derives::default(),
            role: Role::Type,
            content,
            fields,
            element,
            first: FirstSet::default(),
            span: def.span,
        })
    }

    fn attribute_field(
        &mut self,
        owner: TypeId,
        a: &AttributeUse,
        scope: &mut Scope,
    ) -> Option<Field> {
        let Some((inner, ValueKind::Simple)) = self.type_expr(a.type_ref) else {
            self.error(a.span, "an attribute must have a simple type");
            return None;
        };
        let default = a.default.clone().or_else(|| a.fixed.clone());
        let occurs = if a.required {
            Occurs::One
        } else {
            Occurs::Optional
        };
        let ty = FieldType {
            inner,
            kind: ValueKind::Simple,
            nillable: false,
            boxed: false,
            occurs,
        };
        let binding = Binding::Attribute {
            name: self.xml_name(&a.name),
            required: a.required,
            default,
        };
        let doc = docs::doc(a.doc.as_deref());
        let raw = self.field_name(owner, &a.name.local);
        Some(new_field(scope, &raw, doc, ty, binding))
    }

    /// The attributes and content of `id`, its bases' first.
    fn collect(&self, id: TypeId) -> Collected<'m> {
        let model = self.model;
        // The chain from `id` up to the first base that is not defined.
        let mut chain = vec![id];
        while let Some(&last) = chain.last() {
            let TypeKind::Complex(c) = &model.ty(last).kind else {
                break;
            };
            match c.base {
                Some((TypeRef::Defined(base), _))
                    if !chain.contains(&base)
                        && matches!(model.ty(base).kind, TypeKind::Complex(_)) =>
                {
                    chain.push(base);
                }
                _ => break,
            }
        }
        let mut out = Collected {
            attributes: Vec::new(),
            particles: Vec::new(),
            simple: None,
            mixed: false,
            any_attribute: None,
        };
        for &t in chain.iter().rev() {
            let TypeKind::Complex(c) = &model.ty(t).kind else {
                continue;
            };
            let restriction = matches!(c.base, Some((_, Derivation::Restriction)));
            for a in &c.attributes {
                match out.attributes.iter_mut().find(|b| b.name == a.name) {
                    Some(slot) => *slot = a,
                    None => out.attributes.push(a),
                }
            }
            match &c.content {
                Content::Simple(t) => {
                    out.simple = Some(*t);
                    out.particles.clear();
                }
                Content::Elements(p) => {
                    if restriction {
                        out.particles.clear();
                    }
                    out.particles.push(unwrap(p));
                    out.simple = None;
                }
                Content::Empty if restriction => out.particles.clear(),
                Content::Empty => {}
            }
            out.mixed |= c.mixed;
            out.any_attribute = out.any_attribute.or(c.any_attribute.as_ref());
        }
        out
    }

    /// Stands in for an item that could not be planned (an error was
    /// reported), so that planning can go on and report more.
    pub(crate) fn placeholder(&self, ident: RustIdent) -> Item {
        Item::Struct(StructDef {
            ident,
            doc: None,
            derives: Derives::default(),
            role: Role::Type,
            content: ContentKind::Empty,
            fields: Vec::new(),
            element: None,
            first: FirstSet::default(),
            span: Default::default(),
        })
    }
}

/// A sequence that occurs once and holds one particle is that particle.
pub(crate) fn unwrap(mut p: &Particle) -> &Particle {
    while let (Term::Sequence(items), 1, MaxOccurs::Bounded(1)) =
        (&p.term, p.min_occurs, p.max_occurs)
    {
        match items.as_slice() {
            [only] => p = only,
            _ => break,
        }
    }
    p
}

/// The children of an `xs:all` that is the whole content, when each is an
/// element that occurs at most once (XML Schema 1.0); others are read as
/// a sequence.
fn all_items<'p>(particles: &[&'p Particle]) -> Option<&'p [Particle]> {
    let [
        Particle {
            term: Term::All(items),
            ..
        },
    ] = particles
    else {
        return None;
    };
    items
        .iter()
        .all(|p| matches!(p.term, Term::Element(_)) && p.max_occurs <= MaxOccurs::Bounded(1))
        .then_some(items.as_slice())
}
