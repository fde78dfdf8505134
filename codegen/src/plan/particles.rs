//! Particles -> fields and variants.
//!
//! In a sequence, an element becomes a field (`T`, `Option<T>`, `Vec<T>`
//! by its occurrences), a nested sequence that occurs once is flattened
//! into its parent, and any other nested group becomes a type of its own
//! (`{Owner}Choice`, `{Owner}Sequence`) held by a field `choice`/`sequence`
//! and read in place among the parent's children. In a choice, each branch
//! becomes a variant; a nested choice that occurs once adds its branches.

use std::collections::BTreeMap;

use super::Planner;
use super::complex::unwrap;
use super::docs;
use super::names::{self, RustIdent, Scope, Suffix};
use super::rust::{
    Binding, ChoiceDef, ContentKind, Derives, Field, FieldType, FirstSet, Item, ModuleId, Occurs,
    Primitive, Role, StructDef, TypeExpr, TypePath, ValueKind, Variant,
};
use crate::model::{ElementId, ElementUse, MaxOccurs, Particle, Term, TypeId};

/// The Rust occurrence of a particle; None when it may not occur at all.
fn occurs(p: &Particle) -> Option<Occurs> {
    Some(match (p.min_occurs, p.max_occurs) {
        (_, MaxOccurs::Bounded(0)) => return None,
        (0, MaxOccurs::Bounded(1)) => Occurs::Optional,
        (_, MaxOccurs::Bounded(1)) => Occurs::One,
        (min, MaxOccurs::Bounded(max)) => Occurs::Many {
            min,
            max: Some(max),
        },
        (min, MaxOccurs::Unbounded) => Occurs::Many { min, max: None },
    })
}

impl Planner<'_> {
    /// Appends the fields of `particles`, read in sequence, to `out`.
    pub(super) fn sequence_fields(
        &mut self,
        owner: TypeId,
        module: ModuleId,
        owner_ident: &RustIdent,
        particles: &[&Particle],
        scope: &mut Scope,
        out: &mut Vec<Field>,
    ) {
        for &p in particles {
            let p = unwrap(p);
            let Some(occ) = occurs(p) else { continue };
            match &p.term {
                Term::Element(e) if self.substitution(e.global).is_some() => {
                    if let Some((path, first)) = self.substitution(e.global) {
                        out.push(group_field(scope, &e.name.local, path, first, occ));
                    }
                }
                Term::Element(e) => {
                    if let Some(ty) = self.element_type(owner, e.type_ref, e.nillable, occ, e.span)
                    {
                        let binding = Binding::Element {
                            name: self.xml_name(&e.name),
                            default: e.default.clone().or_else(|| e.fixed.clone()),
                        };
                        let doc = docs::doc(e.doc.as_deref());
                        let raw = self.field_name(owner, &e.name.local);
                        out.push(new_field(scope, &raw, doc, ty, binding));
                    }
                }
                Term::Sequence(items) | Term::All(items) if occ == Occurs::One => {
                    let items: Vec<&Particle> = items.iter().collect();
                    self.sequence_fields(owner, module, owner_ident, &items, scope, out);
                }
                Term::Sequence(items) | Term::All(items) => {
                    let ident = format!("{}Sequence", owner_ident.name);
                    let (path, first) = self.group_struct(owner, module, &ident, items, p);
                    out.push(group_field(scope, "sequence", path, first, occ));
                }
                Term::Choice(branches) => {
                    let ident = format!("{}Choice", owner_ident.name);
                    let (path, first, emptiable) =
                        self.group_choice(owner, module, &ident, branches, p);
                    let occ = if emptiable && occ == Occurs::One {
                        Occurs::Optional
                    } else {
                        occ
                    };
                    out.push(group_field(scope, "choice", path, first, occ));
                }
                Term::Any(w) => {
                    let ns = w.namespaces.clone();
                    out.push(new_field(
                        scope,
                        "any",
                        None,
                        any_type(occ),
                        Binding::Any(ns),
                    ));
                }
            }
        }
    }

    /// The variants of a choice and the elements that can start it.
    pub(super) fn choice_variants(
        &mut self,
        owner: TypeId,
        module: ModuleId,
        choice_ident: &RustIdent,
        branches: &[Particle],
    ) -> (Vec<Variant>, FirstSet) {
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        let mut refs = Vec::new();
        super::branch_names::element_branches(branches, &mut refs);
        let idents = self.branch_idents(module, &refs);
        let mut context = Branches {
            scope: &mut scope,
            idents: &idents,
        };
        self.branches(
            owner,
            module,
            choice_ident,
            branches,
            &mut context,
            &mut variants,
        );
        let mut first = FirstSet::default();
        for v in &variants {
            first.extend(&v.binding.first());
        }
        (variants, first)
    }

    fn branches(
        &mut self,
        owner: TypeId,
        module: ModuleId,
        choice_ident: &RustIdent,
        branches: &[Particle],
        context: &mut Branches<'_>,
        out: &mut Vec<Variant>,
    ) {
        for b in branches {
            let b = unwrap(b);
            let Some(occ) = occurs(b) else { continue };
            // A branch that may be empty makes the whole choice optional
            // (see `group_choice`); the variant itself holds one value.
            let occ = if occ == Occurs::Optional {
                Occurs::One
            } else {
                occ
            };
            match &b.term {
                Term::Element(e) if self.substitution(e.global).is_some() => {
                    if let Some((path, first)) = self.substitution(e.global) {
                        out.push(group_variant(
                            context.scope,
                            &e.name.local,
                            path,
                            first,
                            occ,
                        ));
                    }
                }
                Term::Element(e) => {
                    if let Some(v) = self.element_variant(owner, e, occ, context) {
                        out.push(v);
                    }
                }
                Term::Choice(inner) if occ == Occurs::One => {
                    self.branches(owner, module, choice_ident, inner, context, out);
                }
                Term::Choice(inner) => {
                    let ident = format!("{}Choice", choice_ident.name);
                    let (path, first, _) = self.group_choice(owner, module, &ident, inner, b);
                    out.push(group_variant(context.scope, "Choice", path, first, occ));
                }
                Term::Sequence(items) | Term::All(items) => {
                    let label = first_element(items).map_or("Sequence", |e| e.name.local.as_str());
                    let ident = format!("{}{}", choice_ident.name, names::type_ident(label).name);
                    let (path, first) = self.group_struct(owner, module, &ident, items, b);
                    out.push(group_variant(context.scope, label, path, first, occ));
                }
                Term::Any(w) => out.push(Variant {
                    ident: context
                        .scope
                        .claim(names::variant_ident("Any"), Suffix::Camel),
                    doc: None,
                    ty: any_type(occ),
                    binding: Binding::Any(w.namespaces.clone()),
                }),
            }
        }
    }

    fn element_variant(
        &mut self,
        owner: TypeId,
        e: &ElementUse,
        occ: Occurs,
        context: &mut Branches<'_>,
    ) -> Option<Variant> {
        let ty = self.element_type(owner, e.type_ref, e.nillable, occ, e.span)?;
        // A `ref=` branch is named as its element's type (see
        // `branch_names.rs`); a local element by its own name.
        let wanted = e
            .global
            .and_then(|g| context.idents.get(&g).cloned())
            .unwrap_or_else(|| names::variant_ident(&e.name.local));
        Some(Variant {
            ident: context.scope.claim(wanted, Suffix::Camel),
            doc: docs::doc(e.doc.as_deref()),
            ty,
            binding: Binding::Element {
                name: self.xml_name(&e.name),
                default: e.default.clone().or_else(|| e.fixed.clone()),
            },
        })
    }

    /// A struct for a nested sequence, read in place.
    fn group_struct(
        &mut self,
        owner: TypeId,
        module: ModuleId,
        ident: &str,
        items: &[Particle],
        at: &Particle,
    ) -> (TypePath, FirstSet) {
        let seq = self.seq();
        let ident = self.claim_type(module, names::type_ident(ident), None);
        let mut scope = Scope::new();
        let mut fields = Vec::new();
        let items: Vec<&Particle> = items.iter().collect();
        self.sequence_fields(owner, module, &ident, &items, &mut scope, &mut fields);
        let first = sequence_first(&fields);
        self.push_item(
            module,
            seq,
            Item::Struct(StructDef {
                ident: ident.clone(),
                doc: None,
                derives: Derives::default(),
                role: Role::Group,
                content: ContentKind::Sequence,
                fields,
                element: None,
                first: first.clone(),
                span: at.span,
            }),
        );
        (TypePath { module, ident }, first)
    }

    /// An enum for a nested choice, read in place; also whether a branch
    /// may be empty.
    fn group_choice(
        &mut self,
        owner: TypeId,
        module: ModuleId,
        ident: &str,
        branches: &[Particle],
        at: &Particle,
    ) -> (TypePath, FirstSet, bool) {
        let seq = self.seq();
        let ident = self.claim_type(module, names::type_ident(ident), None);
        let (variants, first) = self.choice_variants(owner, module, &ident, branches);
        let emptiable = branches.iter().any(|b| b.min_occurs == 0);
        self.push_item(
            module,
            seq,
            Item::Choice(ChoiceDef {
                ident: ident.clone(),
                doc: None,
                derives: Derives::default(),
                role: Role::Group,
                variants,
                element: None,
                first: first.clone(),
                span: at.span,
            }),
        );
        (TypePath { module, ident }, first, emptiable)
    }
}

fn first_element(items: &[Particle]) -> Option<&ElementUse> {
    items.iter().find_map(|p| match &unwrap(p).term {
        Term::Element(e) => Some(e),
        _ => None,
    })
}

fn any_type(occurs: Occurs) -> FieldType {
    FieldType {
        inner: TypeExpr::Primitive(Primitive::Runtime("AnyElement")),
        kind: ValueKind::Complex,
        nillable: false,
        boxed: false,
        occurs,
    }
}

fn group_type(path: TypePath, occurs: Occurs) -> FieldType {
    FieldType {
        inner: TypeExpr::Defined(path),
        kind: ValueKind::Group,
        nillable: false,
        boxed: false,
        occurs,
    }
}

fn group_field(
    scope: &mut Scope,
    name: &str,
    path: TypePath,
    first: FirstSet,
    occ: Occurs,
) -> Field {
    new_field(
        scope,
        name,
        None,
        group_type(path, occ),
        Binding::Group { first },
    )
}

/// The variant names being chosen for one enum.
pub(super) struct Branches<'a> {
    scope: &'a mut Scope,
    /// The names of its `ref=` branches.
    idents: &'a BTreeMap<ElementId, RustIdent>,
}

/// A field named after `raw`, unique in `scope`.
pub(crate) fn new_field(
    scope: &mut Scope,
    raw: &str,
    doc: Option<String>,
    ty: FieldType,
    binding: Binding,
) -> Field {
    let ident = scope.claim(names::field_ident(raw), Suffix::Snake);
    Field {
        local: names::local_ident(&ident),
        ident,
        doc,
        ty,
        binding,
    }
}

fn group_variant(
    scope: &mut Scope,
    name: &str,
    path: TypePath,
    first: FirstSet,
    occ: Occurs,
) -> Variant {
    Variant {
        ident: scope.claim(names::variant_ident(name), Suffix::Camel),
        doc: None,
        ty: group_type(path, occ),
        binding: Binding::Group { first },
    }
}

/// The elements that can start a sequence of fields: those of each field
/// up to and including the first one that must occur.
pub(crate) fn sequence_first(fields: &[Field]) -> FirstSet {
    let mut first = FirstSet::default();
    for f in fields {
        let names = f.binding.first();
        if names.names.is_empty() && !names.any {
            continue;
        }
        first.extend(&names);
        let required = match f.ty.occurs {
            Occurs::One => true,
            Occurs::Optional => false,
            Occurs::Many { min, .. } => min > 0,
        };
        if required {
            break;
        }
    }
    first
}
