//! The language-neutral model: what the schemas mean, with every reference
//! resolved, and no Rust names anywhere.
//!
//! Types, global elements and operations live in arenas addressed by typed
//! ids, so that later passes can rewrite the graph without `Rc`/`RefCell`, and
//! so that recursion (a type that contains itself) is an ordinary id cycle.
//! Groups and attribute groups are already flattened into their users here.

mod builtin;
mod ids;
mod qname;
mod service;
mod types;

pub use builtin::{Builtin, XS_NAMESPACE};
pub use ids::{ElementId, TypeId};
pub use qname::QName;
pub use service::{
    ANNOTATIONS_NS, HeaderPart, Operation, OperationMessage, Port, Service, SoapVersion,
};
pub use types::{
    AttributeUse, ComplexType, Content, Derivation, ElementDecl, ElementUse, EnumValue, Facets,
    MaxOccurs, NamespaceConstraint, Particle, ProcessContents, SimpleType, Term, TypeDef, TypeKind,
    TypeRef, WhiteSpace, Wildcard,
};

use std::collections::BTreeMap;

use crate::diagnostics::Span;
use crate::syntax::FacetKind;

/// Everything the schemas declare, resolved.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Named and anonymous type definitions; [`TypeId`] indexes this.
    pub types: Vec<TypeDef>,
    /// Global element declarations; [`ElementId`] indexes this.
    pub elements: Vec<ElementDecl>,
    /// Named (global) types by qualified name.
    pub type_index: BTreeMap<QName, TypeId>,
    /// Global elements by qualified name.
    pub element_index: BTreeMap<QName, ElementId>,
    /// WSDL services, in document order. Empty for plain XSD input.
    pub services: Vec<Service>,
    /// Where the facets of each restriction were written, for the checks
    /// that judge a facet against the type it restricts.
    pub facet_spans: Vec<(TypeId, Vec<(FacetKind, Span)>)>,
}

impl Model {
    pub fn ty(&self, id: TypeId) -> &TypeDef {
        &self.types[id.index()]
    }

    pub fn ty_mut(&mut self, id: TypeId) -> &mut TypeDef {
        &mut self.types[id.index()]
    }

    pub fn element(&self, id: ElementId) -> &ElementDecl {
        &self.elements[id.index()]
    }

    pub fn add_type(&mut self, def: TypeDef) -> TypeId {
        let id = TypeId::new(self.types.len());
        if let Some(name) = &def.name {
            self.type_index.insert(name.clone(), id);
        }
        self.types.push(def);
        id
    }

    pub fn add_element(&mut self, decl: ElementDecl) -> ElementId {
        let id = ElementId::new(self.elements.len());
        self.element_index.insert(decl.name.clone(), id);
        self.elements.push(decl);
        id
    }

    pub fn type_ids(&self) -> impl Iterator<Item = TypeId> + '_ {
        (0..self.types.len()).map(TypeId::new)
    }

    pub fn element_ids(&self) -> impl Iterator<Item = ElementId> + '_ {
        (0..self.elements.len()).map(ElementId::new)
    }

    /// Where a type was declared, for diagnostics of later stages.
    pub fn type_span(&self, id: TypeId) -> Span {
        self.ty(id).span
    }
}
