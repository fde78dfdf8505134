//! The reachability closure: every type and element the roots reach, and
//! for each the reference it was first reached by, so that a user can ask
//! why something is generated (see [`super::explain`]).
//!
//! The walk is breadth first, so the recorded edges form a tree of
//! shortest chains from the roots. What each item reaches:
//! - an operation: its input, output and fault elements and its headers;
//! - a global element: its declared type, the types derived from it (which
//!   `xsi:type` may name where the element appears; not for an abstract
//!   element, which never appears), and the members of its substitution
//!   group;
//! - a simple type: its base, list item or union members;
//! - a complex type: its base, the types of its attributes and simple
//!   content, and each element of its content model (a referenced global
//!   element, or a local element's type and the types derived from it).
//!
//! A type reached only as the base of another is not a place where
//! `xsi:type` may appear, so the types derived from it are not added.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::polymorphism::Polymorphism;
use crate::diagnostics::Span;
use crate::model::{
    ComplexType, Content, ElementId, Model, Operation, Particle, QName, SimpleType, Term, TypeId,
    TypeKind, TypeRef,
};

/// Something the walk reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// A WSDL operation, by its index among all services' operations in
    /// document order.
    Operation(usize),
    Element(ElementId),
    Type(TypeId),
}

/// How an item was reached from the item before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// One of the roots.
    Root,
    /// A message element of an operation: `input`, `output`, `fault` or
    /// `header`.
    Message(&'static str),
    /// The declared type of a global element.
    ElementType,
    /// A member of the substitution group of the element before it.
    Substitute,
    /// A type derived from `base`, the declared type of the element before
    /// it or of its field `field`: `xsi:type` may name it there.
    Derived {
        base: TypeId,
        field: Option<QName>,
    },
    /// The base of a derivation.
    Base,
    ListItem,
    UnionMember,
    /// The type of an attribute.
    Attribute(QName),
    /// The text type of simple content.
    SimpleContent,
    /// The type of a local element of a content model; `branch` when the
    /// nearest compositor around it is a choice.
    Field {
        name: QName,
        branch: bool,
    },
    /// A global element referenced from a content model.
    Ref {
        branch: bool,
    },
}

/// The reference an item was first reached by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// None for a root.
    pub from: Option<Item>,
    pub via: Via,
    /// Where the reference is written (for a root, the item's declaration).
    pub span: Span,
}

/// What the roots reach.
#[derive(Debug, Clone, Default)]
pub struct Reach {
    pub elements: BTreeSet<ElementId>,
    pub types: BTreeSet<TypeId>,
    /// For every reached item, the edge it was first reached by.
    pub first: BTreeMap<Item, Edge>,
}

impl Reach {
    /// The edges from a root to `item`, root first; empty when `item` was
    /// not reached.
    pub fn chain(&self, item: Item) -> Vec<(Item, &Edge)> {
        let mut chain = Vec::new();
        let mut at = Some(item);
        while let Some(item) = at {
            let Some(edge) = self.first.get(&item) else {
                break;
            };
            chain.push((item, edge));
            // The walk records each item once, so the chain cannot loop;
            // the bound only guards against a malformed map.
            if chain.len() > self.first.len() {
                break;
            }
            at = edge.from;
        }
        chain.reverse();
        chain
    }
}

/// The walk itself: add roots with the `root_*` methods, then [`Walk::run`].
pub struct Walk<'m> {
    model: &'m Model,
    poly: &'m Polymorphism,
    reach: Reach,
    queue: VecDeque<Item>,
}

/// Every operation of the model in document order, indexed as
/// [`Item::Operation`].
pub fn operations(model: &Model) -> impl Iterator<Item = &Operation> {
    model.services.iter().flat_map(|s| &s.operations)
}

impl<'m> Walk<'m> {
    pub fn new(model: &'m Model, poly: &'m Polymorphism) -> Self {
        Self {
            model,
            poly,
            reach: Reach::default(),
            queue: VecDeque::new(),
        }
    }

    pub fn root_operation(&mut self, index: usize) {
        if let Some(op) = operations(self.model).nth(index) {
            self.visit(Item::Operation(index), None, Via::Root, op.span);
        }
    }

    pub fn root_element(&mut self, id: ElementId) {
        let span = self.model.element(id).span;
        self.visit(Item::Element(id), None, Via::Root, span);
    }

    pub fn root_type(&mut self, id: TypeId) {
        let span = self.model.type_span(id);
        self.visit(Item::Type(id), None, Via::Root, span);
        self.derived(Item::Type(id), id, None, span);
    }

    pub fn run(mut self) -> Reach {
        while let Some(item) = self.queue.pop_front() {
            match item {
                Item::Operation(index) => {
                    if let Some(op) = operations(self.model).nth(index) {
                        self.operation(index, op);
                    }
                }
                Item::Element(id) => self.element(id),
                Item::Type(id) => match &self.model.ty(id).kind {
                    TypeKind::Simple(s) => self.simple(id, s),
                    TypeKind::Complex(c) => self.complex(id, c),
                },
            }
        }
        self.reach
    }

    fn visit(&mut self, item: Item, from: Option<Item>, via: Via, span: Span) {
        if self.reach.first.contains_key(&item) {
            return;
        }
        match item {
            Item::Element(id) => {
                self.reach.elements.insert(id);
            }
            Item::Type(id) => {
                self.reach.types.insert(id);
            }
            Item::Operation(_) => {}
        }
        self.reach.first.insert(item, Edge { from, via, span });
        self.queue.push_back(item);
    }

    fn type_ref(&mut self, t: TypeRef, from: Item, via: Via, span: Span) {
        if let TypeRef::Defined(id) = t {
            self.visit(Item::Type(id), Some(from), via, span);
        }
    }

    /// The types `xsi:type` may give where `base` is declared.
    fn derived(&mut self, from: Item, base: TypeId, field: Option<&QName>, span: Span) {
        let poly = self.poly;
        for &d in poly.derived(base).unwrap_or_default() {
            let via = Via::Derived {
                base,
                field: field.cloned(),
            };
            self.visit(Item::Type(d), Some(from), via, span);
        }
    }

    fn operation(&mut self, index: usize, op: &Operation) {
        let from = Some(Item::Operation(index));
        let roles = std::iter::once(("input", &op.input))
            .chain(std::iter::once(("output", &op.output)))
            .chain(op.faults.iter().map(|f| ("fault", f)));
        for (role, msg) in roles {
            self.visit(
                Item::Element(msg.element),
                from,
                Via::Message(role),
                op.span,
            );
            for header in &msg.headers {
                let item = Item::Element(header.element);
                self.visit(item, from, Via::Message("header"), op.span);
            }
        }
    }

    fn element(&mut self, id: ElementId) {
        let decl = self.model.element(id);
        let from = Item::Element(id);
        self.type_ref(decl.type_ref, from, Via::ElementType, decl.span);
        // An abstract element never appears, so no `xsi:type` is written
        // on it: what its members carry comes from their own types.
        if let (false, TypeRef::Defined(t)) = (decl.is_abstract, decl.type_ref) {
            self.derived(from, t, None, decl.span);
        }
        let poly = self.poly;
        for &member in poly.substitutes(id).unwrap_or_default() {
            let span = self.model.element(member).span;
            self.visit(Item::Element(member), Some(from), Via::Substitute, span);
        }
    }

    fn simple(&mut self, id: TypeId, s: &SimpleType) {
        let from = Item::Type(id);
        let span = self.model.type_span(id);
        match s {
            SimpleType::Restriction { base, .. } => self.type_ref(*base, from, Via::Base, span),
            SimpleType::List { item } => self.type_ref(*item, from, Via::ListItem, span),
            SimpleType::Union { members } => {
                for m in members {
                    self.type_ref(*m, from, Via::UnionMember, span);
                }
            }
        }
    }

    fn complex(&mut self, id: TypeId, c: &ComplexType) {
        let from = Item::Type(id);
        let span = self.model.type_span(id);
        if let Some((base, _)) = c.base {
            self.type_ref(base, from, Via::Base, span);
        }
        for a in &c.attributes {
            self.type_ref(a.type_ref, from, Via::Attribute(a.name.clone()), a.span);
        }
        match &c.content {
            Content::Empty => {}
            Content::Simple(t) => self.type_ref(*t, from, Via::SimpleContent, span),
            Content::Elements(p) => self.particle(from, p, false),
        }
    }

    fn particle(&mut self, from: Item, p: &Particle, branch: bool) {
        match &p.term {
            Term::Element(e) => match e.global {
                Some(global) => {
                    self.visit(
                        Item::Element(global),
                        Some(from),
                        Via::Ref { branch },
                        e.span,
                    );
                }
                None => {
                    let via = Via::Field {
                        name: e.name.clone(),
                        branch,
                    };
                    self.type_ref(e.type_ref, from, via, e.span);
                    if let TypeRef::Defined(t) = e.type_ref {
                        self.derived(from, t, Some(&e.name), e.span);
                    }
                }
            },
            Term::Choice(ps) => ps.iter().for_each(|p| self.particle(from, p, true)),
            Term::Sequence(ps) | Term::All(ps) => {
                ps.iter().for_each(|p| self.particle(from, p, false));
            }
            Term::Any(_) => {}
        }
    }
}
