//! XML Schema syntax: declarations and definitions as written.

use super::{Form, QNameRef};
use crate::diagnostics::Span;
use crate::model::{Derivation, MaxOccurs};

/// `xs:element`, global (no occurrences) or local (inside a [`Particle`]).
#[derive(Debug, Clone)]
pub struct ElementDecl {
    pub span: Span,
    pub name: Option<String>,
    pub reference: Option<QNameRef>,
    pub type_name: Option<QNameRef>,
    pub anonymous: Option<Box<TypeDefinition>>,
    pub nillable: bool,
    pub default: Option<String>,
    pub fixed: Option<String>,
    pub form: Option<Form>,
    pub is_abstract: bool,
    pub substitution_group: Option<QNameRef>,
    pub doc: Option<String>,
}

#[derive(Debug, Clone)]
pub enum TypeDefinition {
    Simple(SimpleTypeDef),
    Complex(ComplexTypeDef),
}

impl TypeDefinition {
    pub fn name(&self) -> Option<&str> {
        match self {
            TypeDefinition::Simple(t) => t.name.as_deref(),
            TypeDefinition::Complex(t) => t.name.as_deref(),
        }
    }

    pub fn span(&self) -> Span {
        match self {
            TypeDefinition::Simple(t) => t.span,
            TypeDefinition::Complex(t) => t.span,
        }
    }

    pub fn is_simple(&self) -> bool {
        matches!(self, TypeDefinition::Simple(_))
    }
}

/// `xs:simpleType`.
#[derive(Debug, Clone)]
pub struct SimpleTypeDef {
    pub span: Span,
    pub name: Option<String>,
    pub doc: Option<String>,
    pub body: SimpleBody,
}

#[derive(Debug, Clone)]
pub enum SimpleBody {
    Restriction {
        span: Span,
        base: TypeSource,
        facets: Vec<Facet>,
    },
    List {
        span: Span,
        item: TypeSource,
    },
    /// `memberTypes` first, then the anonymous member types.
    Union {
        span: Span,
        members: Vec<TypeSource>,
    },
}

/// A simple type named by a QName or written inline.
#[derive(Debug, Clone)]
pub enum TypeSource {
    Named(QNameRef),
    Anonymous(Box<SimpleTypeDef>),
}

#[derive(Debug, Clone)]
pub struct Facet {
    pub span: Span,
    pub kind: FacetKind,
    pub value: String,
    pub doc: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FacetKind {
    Enumeration,
    Pattern,
    Length,
    MinLength,
    MaxLength,
    MinInclusive,
    MaxInclusive,
    MinExclusive,
    MaxExclusive,
    TotalDigits,
    FractionDigits,
    WhiteSpace,
}

impl FacetKind {
    pub fn from_local_name(name: &str) -> Option<Self> {
        Some(match name {
            "enumeration" => Self::Enumeration,
            "pattern" => Self::Pattern,
            "length" => Self::Length,
            "minLength" => Self::MinLength,
            "maxLength" => Self::MaxLength,
            "minInclusive" => Self::MinInclusive,
            "maxInclusive" => Self::MaxInclusive,
            "minExclusive" => Self::MinExclusive,
            "maxExclusive" => Self::MaxExclusive,
            "totalDigits" => Self::TotalDigits,
            "fractionDigits" => Self::FractionDigits,
            "whiteSpace" => Self::WhiteSpace,
            _ => return None,
        })
    }

    pub fn local_name(self) -> &'static str {
        match self {
            Self::Enumeration => "enumeration",
            Self::Pattern => "pattern",
            Self::Length => "length",
            Self::MinLength => "minLength",
            Self::MaxLength => "maxLength",
            Self::MinInclusive => "minInclusive",
            Self::MaxInclusive => "maxInclusive",
            Self::MinExclusive => "minExclusive",
            Self::MaxExclusive => "maxExclusive",
            Self::TotalDigits => "totalDigits",
            Self::FractionDigits => "fractionDigits",
            Self::WhiteSpace => "whiteSpace",
        }
    }
}

/// `xs:complexType`.
#[derive(Debug, Clone)]
pub struct ComplexTypeDef {
    pub span: Span,
    pub name: Option<String>,
    pub doc: Option<String>,
    pub is_abstract: bool,
    pub mixed: bool,
    pub body: ComplexBody,
}

#[derive(Debug, Clone)]
pub enum ComplexBody {
    /// A content model (or none) and attributes, without derivation.
    Plain {
        particle: Option<Particle>,
        attrs: AttrDecls,
    },
    /// `xs:simpleContent` with its extension or restriction.
    SimpleContent {
        span: Span,
        derivation: Derivation,
        base: QNameRef,
        /// The anonymous `xs:simpleType` a restriction may hold.
        inline: Option<Box<SimpleTypeDef>>,
        facets: Vec<Facet>,
        attrs: AttrDecls,
    },
    /// `xs:complexContent` with its extension or restriction.
    ComplexContent {
        span: Span,
        derivation: Derivation,
        base: QNameRef,
        /// `mixed` on `xs:complexContent`, overriding the type's.
        mixed: Option<bool>,
        particle: Option<Particle>,
        attrs: AttrDecls,
    },
}

/// Attributes, attribute group references and the attribute wildcard of a
/// complex type, derivation or attribute group, in document order.
#[derive(Debug, Clone, Default)]
pub struct AttrDecls {
    pub items: Vec<AttributeItem>,
    pub any_attribute: Option<Wildcard>,
}

#[derive(Debug, Clone)]
pub enum AttributeItem {
    Attribute(Box<AttributeDecl>),
    GroupRef(QNameRef),
}

/// `xs:attribute`, global or local.
#[derive(Debug, Clone)]
pub struct AttributeDecl {
    pub span: Span,
    pub name: Option<String>,
    pub reference: Option<QNameRef>,
    pub type_name: Option<QNameRef>,
    pub anonymous: Option<Box<SimpleTypeDef>>,
    pub use_kind: AttributeUseKind,
    pub default: Option<String>,
    pub fixed: Option<String>,
    pub form: Option<Form>,
    pub doc: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeUseKind {
    Optional,
    Required,
    Prohibited,
}

#[derive(Debug, Clone)]
pub struct Particle {
    pub span: Span,
    pub min_occurs: u32,
    pub max_occurs: MaxOccurs,
    pub term: Term,
}

#[derive(Debug, Clone)]
pub enum Term {
    Element(Box<ElementDecl>),
    Sequence(Vec<Particle>),
    Choice(Vec<Particle>),
    All(Vec<Particle>),
    GroupRef(QNameRef),
    Any(Wildcard),
}

/// `xs:any` or `xs:anyAttribute`.
#[derive(Debug, Clone)]
pub struct Wildcard {
    pub span: Span,
    /// The `namespace` attribute as written (`##any`, `##other`, a list).
    pub namespace: String,
    pub process_contents: crate::model::ProcessContents,
}

/// `xs:group` (a named model group).
#[derive(Debug, Clone)]
pub struct Group {
    pub span: Span,
    pub name: String,
    pub doc: Option<String>,
    pub particle: Option<Particle>,
}

/// `xs:attributeGroup` (a named one).
#[derive(Debug, Clone)]
pub struct AttributeGroup {
    pub span: Span,
    pub name: String,
    pub doc: Option<String>,
    pub attrs: AttrDecls,
}
