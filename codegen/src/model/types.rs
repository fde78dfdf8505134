//! Type definitions and content models.

use super::{Builtin, ElementId, QName, TypeId};
use crate::diagnostics::Span;

/// A reference to a type: a built-in datatype or an entry of the arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    Builtin(Builtin),
    Defined(TypeId),
}

#[derive(Debug, Clone)]
pub struct TypeDef {
    /// None for an anonymous type.
    pub name: Option<QName>,
    /// For anonymous types, the name of the nearest named declaration that
    /// encloses it (element or attribute), so that the plan can derive a
    /// readable Rust name. Equal to `name.local` for named types.
    pub name_hint: String,
    /// Target namespace of the schema document that declared the type.
    pub namespace: Option<String>,
    pub doc: Option<String>,
    pub span: Span,
    pub kind: TypeKind,
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    Simple(SimpleType),
    Complex(ComplexType),
}

#[derive(Debug, Clone)]
pub enum SimpleType {
    /// `xs:restriction` of a simple base; enumerations are among the facets.
    Restriction { base: TypeRef, facets: Facets },
    /// `xs:list`: whitespace-separated items.
    List { item: TypeRef },
    /// `xs:union`: the value is the first member that accepts it.
    Union { members: Vec<TypeRef> },
}

#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub enumeration: Vec<EnumValue>,
    pub patterns: Vec<String>,
    pub length: Option<u64>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub min_inclusive: Option<String>,
    pub max_inclusive: Option<String>,
    pub min_exclusive: Option<String>,
    pub max_exclusive: Option<String>,
    pub total_digits: Option<u32>,
    pub fraction_digits: Option<u32>,
    pub white_space: Option<WhiteSpace>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhiteSpace {
    Preserve,
    Replace,
    Collapse,
}

#[derive(Debug, Clone)]
pub struct EnumValue {
    pub value: String,
    pub doc: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ComplexType {
    /// complexContent or simpleContent derivation.
    pub base: Option<(TypeRef, Derivation)>,
    /// The content declared by this type itself; with an extension, the
    /// base's content comes first and is not repeated here.
    pub content: Content,
    /// Attributes declared by this type itself (attribute groups flattened).
    pub attributes: Vec<AttributeUse>,
    pub any_attribute: Option<Wildcard>,
    pub is_abstract: bool,
    pub mixed: bool,
}

impl ComplexType {
    /// No base, no content, no attributes: what a type is before its
    /// declaration has been read into it.
    pub fn empty() -> Self {
        Self {
            base: None,
            content: Content::Empty,
            attributes: Vec::new(),
            any_attribute: None,
            is_abstract: false,
            mixed: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derivation {
    Extension,
    Restriction,
}

#[derive(Debug, Clone)]
pub enum Content {
    /// No child elements and no text.
    Empty,
    /// simpleContent: text of the given simple type.
    Simple(TypeRef),
    /// Element content: a single top particle (sequence, choice or all).
    Elements(Particle),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MaxOccurs {
    Bounded(u32),
    Unbounded,
}

#[derive(Debug, Clone)]
pub struct Particle {
    pub min_occurs: u32,
    pub max_occurs: MaxOccurs,
    pub term: Term,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Term {
    Element(ElementUse),
    Sequence(Vec<Particle>),
    Choice(Vec<Particle>),
    All(Vec<Particle>),
    Any(Wildcard),
}

/// A local element declaration or a reference to a global one.
#[derive(Debug, Clone)]
pub struct ElementUse {
    /// The name on the wire, already qualified according to
    /// `form`/`elementFormDefault` (namespace None when unqualified).
    pub name: QName,
    pub type_ref: TypeRef,
    /// Set when this is `ref=` to a global element (substitution groups are
    /// resolved through it).
    pub global: Option<ElementId>,
    pub nillable: bool,
    pub default: Option<String>,
    pub fixed: Option<String>,
    pub doc: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct AttributeUse {
    /// Qualified per `form`/`attributeFormDefault` (usually no namespace).
    pub name: QName,
    pub type_ref: TypeRef,
    pub required: bool,
    pub default: Option<String>,
    pub fixed: Option<String>,
    pub doc: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Wildcard {
    /// Which namespaces it takes, with `##targetNamespace` and `##other`
    /// resolved against the declaring schema's target namespace.
    pub namespaces: NamespaceConstraint,
    pub process_contents: ProcessContents,
    pub span: Span,
}

/// How a wildcard's content is validated (`processContents`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProcessContents {
    #[default]
    Strict,
    Lax,
    Skip,
}

/// A wildcard's namespace constraint; `None` is no namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamespaceConstraint {
    /// `##any`.
    Any,
    /// `##other`: any namespace but this one, and not none.
    Other(Option<String>),
    /// A list of namespaces (`##targetNamespace`, `##local`, URIs).
    Only(Vec<Option<String>>),
}

impl NamespaceConstraint {
    /// From the `namespace` attribute as written, in a schema whose target
    /// namespace is `target`.
    pub fn resolve(spec: &str, target: Option<&str>) -> Self {
        match spec.trim() {
            "" | "##any" => Self::Any,
            "##other" => Self::Other(target.map(str::to_owned)),
            list => Self::Only(
                list.split_ascii_whitespace()
                    .map(|t| match t {
                        "##targetNamespace" => target.map(str::to_owned),
                        "##local" => None,
                        uri => Some(uri.to_owned()),
                    })
                    .collect(),
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ElementDecl {
    pub name: QName,
    pub type_ref: TypeRef,
    pub is_abstract: bool,
    pub nillable: bool,
    pub substitution_group: Option<ElementId>,
    pub default: Option<String>,
    pub fixed: Option<String>,
    pub doc: Option<String>,
    pub span: Span,
}
