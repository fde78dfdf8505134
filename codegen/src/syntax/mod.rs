//! The syntax trees built by `parse`: what each schema and WSDL document
//! says, element by element, with a [`Span`] on every node and every
//! QName-valued attribute already expanded to a [`QName`]. References are
//! not resolved yet, groups are not flattened, and there are no Rust names.
//!
//! ```text
//! SourceSet --parse--> syntax::SchemaSet --lower--> model::Model
//!                      ^^^^^^^^^^^^^^^^^
//! ```

mod schema;
mod wsdl;

pub use schema::{
    AttrDecls, AttributeDecl, AttributeGroup, AttributeItem, AttributeUseKind, ComplexBody,
    ComplexTypeDef, ElementDecl, Facet, FacetKind, Group, Particle, SimpleBody, SimpleTypeDef,
    Term, TypeDefinition, TypeSource, Wildcard,
};
pub use wsdl::{
    Binding, BindingFault, BindingIo, BindingKind, BindingOperation, Message, Part, PortType,
    PortTypeIo, PortTypeOperation, SoapBody, SoapHeader, Wsdl, WsdlPort, WsdlService,
};

use crate::diagnostics::{FileId, Span};
use crate::model::QName;

pub use crate::model::{MaxOccurs, ProcessContents};

/// All documents of a [`crate::load::SourceSet`], parsed.
#[derive(Debug, Clone, Default)]
pub struct SchemaSet {
    /// Every `xs:schema`: whole XSD files and those embedded in WSDL, in
    /// file order.
    pub schemas: Vec<Schema>,
    pub wsdls: Vec<Wsdl>,
}

/// A QName-valued attribute: the expanded name, the text as written (for
/// messages, `um:UMCalState`), and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QNameRef {
    pub name: QName,
    pub written: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Qualified,
    Unqualified,
}

/// One `xs:schema` element.
#[derive(Debug, Clone)]
pub struct Schema {
    pub file: FileId,
    pub span: Span,
    /// True when the schema sits in a WSDL's `wsdl:types`.
    pub embedded: bool,
    pub target_namespace: Option<String>,
    pub element_form_default: Form,
    pub attribute_form_default: Form,
    pub includes: Vec<SchemaLink>,
    pub imports: Vec<SchemaLink>,
    pub elements: Vec<ElementDecl>,
    pub types: Vec<TypeDefinition>,
    pub groups: Vec<Group>,
    pub attribute_groups: Vec<AttributeGroup>,
    pub attributes: Vec<AttributeDecl>,
    /// Components of `types`, `groups` and `attribute_groups` that are
    /// redefinitions (`xs:redefine`) of a redefined schema's.
    pub redefines: Vec<Redefined>,
    pub doc: Option<String>,
}

/// A component an `xs:redefine` replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redefined {
    pub kind: RedefinedKind,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RedefinedKind {
    Type,
    Group,
    AttributeGroup,
}

/// `xs:include` or `xs:import`.
#[derive(Debug, Clone)]
pub struct SchemaLink {
    pub span: Span,
    pub namespace: Option<String>,
    pub location: Option<String>,
}
