//! The output of the plan: the Rust items to generate, with every
//! identifier chosen and every field's XML binding decided. The emitter
//! turns this into tokens without making a naming or shape decision of its
//! own.

use std::collections::BTreeMap;

use super::names::RustIdent;
use crate::diagnostics::Span;

/// Everything one generated file holds.
#[derive(Debug, Clone)]
pub struct RustCrate {
    /// Path of the runtime crate as written in generated code
    /// (`::xsdgen_runtime`).
    pub runtime: String,
    /// One `pub const` per namespace URI used, by URI.
    pub namespaces: BTreeMap<String, RustIdent>,
    /// `modules[0]` is the file's top level; the others are nested in it,
    /// one per target namespace when there is more than one.
    pub modules: Vec<Module>,
    /// One per WSDL operation, in service and portType order.
    pub operations: Vec<OperationDef>,
    /// Identifier of the module holding the operations.
    pub operations_module: RustIdent,
    /// One per WSDL port, in service and port order.
    pub ports: Vec<PortDef>,
    /// Identifier of the module holding a module per port.
    pub ports_module: RustIdent,
    /// Whether the port modules get a client (`Config::clients`).
    pub clients: bool,
    /// Whether the port modules get a server trait (`Config::servers`).
    pub servers: bool,
    /// What `Config::type_attribute` and `field_attribute` add.
    pub attributes: super::attributes::Attributes,
}

/// A WSDL port: a module with a typed client whose methods are the
/// operations of the port's binding.
#[derive(Debug, Clone)]
pub struct PortDef {
    /// The port's module, in `ports`.
    pub ident: RustIdent,
    /// The `wsdl:port` name.
    pub name: String,
    pub service: String,
    pub address: Option<String>,
    pub version: crate::model::SoapVersion,
    pub operations: Vec<PortOperation>,
}

/// One method of a port's client.
#[derive(Debug, Clone)]
pub struct PortOperation {
    /// The method: the operation's name in snake case.
    pub method: RustIdent,
    /// The method taking and returning header entries as well.
    pub method_with_headers: RustIdent,
    /// Index into [`RustCrate::operations`].
    pub operation: usize,
}

/// Index into [`RustCrate::modules`]; 0 is the top level.
pub type ModuleId = usize;

#[derive(Debug, Clone)]
pub struct Module {
    /// None for the top level.
    pub ident: Option<RustIdent>,
    pub namespace: Option<String>,
    pub items: Vec<Item>,
}

/// A generated type, as seen from any module.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TypePath {
    pub module: ModuleId,
    pub ident: RustIdent,
}

/// An element or attribute name as compared on the wire.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct XmlName {
    /// Namespace URI; a key of [`RustCrate::namespaces`].
    pub namespace: Option<String>,
    pub local: String,
}

/// Rust types the generated code uses without defining them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Primitive {
    String,
    Bool,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    F32,
    F64,
    /// A type of the runtime's `xml` module, by name: `Decimal`,
    /// `DateTime`, `Date`, `Time`, `Duration`, `Base64Binary`, `HexBinary`,
    /// `QNameValue`, `AnyElement`.
    Runtime(&'static str),
}

impl Primitive {
    pub fn is_float(self) -> bool {
        matches!(self, Self::F32 | Self::F64)
    }

    pub fn is_integer(self) -> bool {
        matches!(
            self,
            Self::I8
                | Self::I16
                | Self::I32
                | Self::I64
                | Self::U8
                | Self::U16
                | Self::U32
                | Self::U64
        )
    }

    /// Whether `#[derive(Default)]` works for it.
    pub fn has_default(self) -> bool {
        !matches!(
            self,
            Self::Runtime("Decimal" | "DateTime" | "Date" | "Time" | "Duration" | "QNameValue")
        )
    }

    /// The inclusive range of an integer type.
    pub fn integer_range(self) -> Option<(i128, i128)> {
        Some(match self {
            Self::I8 => (i8::MIN.into(), i8::MAX.into()),
            Self::I16 => (i16::MIN.into(), i16::MAX.into()),
            Self::I32 => (i32::MIN.into(), i32::MAX.into()),
            Self::I64 => (i64::MIN.into(), i64::MAX.into()),
            Self::U8 => (0, u8::MAX.into()),
            Self::U16 => (0, u16::MAX.into()),
            Self::U32 => (0, u32::MAX.into()),
            Self::U64 => (0, u64::MAX.into()),
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeExpr {
    Primitive(Primitive),
    Defined(TypePath),
}

/// How values of a type are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Implements `SimpleValue`: element text or attribute value.
    Simple,
    /// Implements `XmlRead`/`XmlWrite`: a whole element.
    Complex,
    /// A content group (nested sequence or choice) read and written in
    /// place among its parent's children, by `read_group`/`write_group`.
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurs {
    /// Exactly once: `T`.
    One,
    /// minOccurs="0": `Option<T>`.
    Optional,
    /// maxOccurs > 1: `Vec<T>`, with the bounds checked on read.
    Many { min: u32, max: Option<u32> },
}

/// The Rust type of a field or variant payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldType {
    pub inner: TypeExpr,
    pub kind: ValueKind,
    /// `Nillable<T>` around the value.
    pub nillable: bool,
    /// `Box<T>` around the (nillable) value, to break recursion.
    pub boxed: bool,
    pub occurs: Occurs,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding {
    /// An attribute. An optional one is an `Option` even with a `default`
    /// (or `fixed` value): an absent attribute stays absent when written
    /// back, and an accessor gives the value with the default applied.
    Attribute {
        name: XmlName,
        required: bool,
        default: Option<String>,
    },
    /// The text of a simpleContent type.
    Text,
    /// A child element; `default` (or `fixed`) is its value when it is
    /// present but empty.
    Element {
        name: XmlName,
        default: Option<String>,
    },
    /// A nested group among the children; `first` are the elements that
    /// can start it.
    Group { first: FirstSet },
    /// Any element (`xs:any`) of these namespaces, kept raw.
    Any(Namespaces),
    /// The attributes a type keeps beyond those it declares: what its
    /// `xs:anyAttribute` of these namespaces takes (None without one), and
    /// the `xsi:` ones. Every struct of an element's type has this field.
    AnyAttributes(Option<Namespaces>),
    /// The text between the children of a mixed type.
    Mixed,
}

impl Binding {
    /// The elements that can start content bound this way.
    pub fn first(&self) -> FirstSet {
        match self {
            Binding::Element { name, .. } => FirstSet {
                names: vec![name.clone()],
                any: false,
            },
            Binding::Group { first } => first.clone(),
            Binding::Any(_) => FirstSet {
                names: Vec::new(),
                any: true,
            },
            Binding::Attribute { .. }
            | Binding::AnyAttributes(_)
            | Binding::Mixed
            | Binding::Text => FirstSet::default(),
        }
    }
}

/// A wildcard's namespace constraint, as the model resolved it.
pub use crate::model::NamespaceConstraint as Namespaces;

/// The elements that can start a group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstSet {
    pub names: Vec<XmlName>,
    /// A wildcard can start it: any element does.
    pub any: bool,
}

impl FirstSet {
    /// Adds the names of `other` not yet in the set.
    pub fn extend(&mut self, other: &FirstSet) {
        for n in &other.names {
            if !self.names.contains(n) {
                self.names.push(n.clone());
            }
        }
        self.any |= other.any;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub ident: RustIdent,
    /// The local variable that holds the field while it is read.
    pub local: RustIdent,
    pub doc: Option<String>,
    pub ty: FieldType,
    pub binding: Binding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Derives {
    pub copy: bool,
    pub eq_hash: bool,
    pub default: bool,
}

/// Whether a struct or choice is a whole element or a group in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `XmlRead`/`XmlWrite` of an element with this type.
    Type,
    /// `read_group`/`write_group` among the parent's children.
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    Empty,
    /// One field bound to [`Binding::Text`].
    Simple,
    Sequence,
    /// `xs:all`: any order, each at most once.
    All,
}

#[derive(Debug, Clone)]
pub enum Item {
    Struct(StructDef),
    Choice(ChoiceDef),
    Enum(EnumDef),
    Restricted(RestrictedDef),
    List(ListDef),
    Union(UnionDef),
    Wrapper(WrapperDef),
    Polymorphic(PolymorphicDef),
}

impl Item {
    pub fn ident(&self) -> &RustIdent {
        match self {
            Item::Struct(d) => &d.ident,
            Item::Choice(d) => &d.ident,
            Item::Enum(d) => &d.ident,
            Item::Restricted(d) => &d.ident,
            Item::List(d) => &d.ident,
            Item::Union(d) => &d.ident,
            Item::Wrapper(d) => &d.ident,
            Item::Polymorphic(d) => &d.ident,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Item::Struct(d) => d.span,
            Item::Choice(d) => d.span,
            Item::Enum(d) => d.span,
            Item::Restricted(d) => d.span,
            Item::List(d) => d.span,
            Item::Union(d) => d.span,
            Item::Wrapper(d) => d.span,
            Item::Polymorphic(d) => d.span,
        }
    }
}

/// A struct for a complex type or a nested sequence.
#[derive(Debug, Clone)]
pub struct StructDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub derives: Derives,
    pub role: Role,
    pub content: ContentKind,
    /// Attributes first, then the content's fields, base type's first.
    pub fields: Vec<Field>,
    /// Set when the struct is a global element (`impl XmlElement`).
    pub element: Option<XmlName>,
    /// For a group: the elements that can start it.
    pub first: FirstSet,
    pub span: Span,
}

/// An enum for a choice: one variant per branch.
#[derive(Debug, Clone)]
pub struct ChoiceDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub derives: Derives,
    pub role: Role,
    pub variants: Vec<Variant>,
    pub element: Option<XmlName>,
    pub first: FirstSet,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub ty: FieldType,
    /// [`Binding::Element`], [`Binding::Group`] or [`Binding::Any`].
    pub binding: Binding,
}

/// An enum for a simple type restricted by enumerations.
#[derive(Debug, Clone)]
pub struct EnumDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub derives: Derives,
    pub variants: Vec<EnumVariant>,
    /// An extra `Unknown(String)` variant takes values not listed.
    pub unknown: Option<RustIdent>,
    /// Compare after whitespace collapsing (bases other than string).
    pub collapse: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct EnumVariant {
    pub ident: RustIdent,
    pub value: String,
    pub doc: Option<String>,
}

/// A newtype for a simple type restricted by facets other than
/// enumerations.
#[derive(Debug, Clone)]
pub struct RestrictedDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub derives: Derives,
    pub inner: TypeExpr,
    pub checks: Checks,
    pub span: Span,
}

/// Facets checked by a restricted newtype's constructor (and so on read).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checks {
    /// How length facets measure the value.
    pub measure: Option<Measure>,
    pub length: Option<u64>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub min: Option<Bound>,
    pub max: Option<Bound>,
    pub total_digits: Option<u64>,
    pub fraction_digits: Option<u64>,
    /// The patterns of each derivation step that has some, as written in
    /// the schema: one of each step must match.
    pub patterns: Vec<Vec<String>>,
    pub pattern_input: PatternInput,
    /// `Replace` or `Collapse`, applied by the constructor to a string.
    pub white_space: Option<crate::model::WhiteSpace>,
}

/// What a pattern is matched against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PatternInput {
    /// The inner `String` itself.
    #[default]
    Value,
    /// `value.as_str()`: a runtime type that keeps its lexical form.
    AsStr,
    /// The text being read, before it is parsed (the inner type keeps no
    /// lexical form, so the constructor cannot check it).
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Characters of a string.
    Chars,
    /// `.0.len()`: bytes of binary data, items of a list.
    Len,
}

/// A range facet: the value as written in the schema, checked by the plan
/// to be a valid value of the inner type.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub literal: String,
    pub inclusive: bool,
}

/// A newtype for `xs:list`: whitespace-separated items.
#[derive(Debug, Clone)]
pub struct ListDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub derives: Derives,
    pub item: TypeExpr,
    pub span: Span,
}

/// An enum for `xs:union`: the first member that accepts the text.
#[derive(Debug, Clone)]
pub struct UnionDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub derives: Derives,
    pub members: Vec<(RustIdent, TypeExpr)>,
    pub span: Span,
}

/// A newtype making a global element of a named (or built-in) type a
/// type of its own, so that it can implement `XmlElement`.
#[derive(Debug, Clone)]
pub struct WrapperDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub derives: Derives,
    /// Occurs is always [`Occurs::One`].
    pub inner: FieldType,
    pub element: XmlName,
    pub span: Span,
}

/// An enum of a type and the types derived from it, for an element that
/// may carry `xsi:type`: read by the `xsi:type` of each element, written
/// with it (but for the declared type itself).
#[derive(Debug, Clone)]
pub struct PolymorphicDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub derives: Derives,
    /// The declared type's name.
    pub base: XmlName,
    /// Whether the declared type is abstract: `xsi:type` is then required.
    pub is_abstract: bool,
    pub variants: Vec<TypeVariant>,
    pub span: Span,
}

/// One concrete type of a [`PolymorphicDef`].
#[derive(Debug, Clone)]
pub struct TypeVariant {
    pub ident: RustIdent,
    /// Always [`Occurs::One`], [`ValueKind::Complex`].
    pub ty: FieldType,
    /// The name `xsi:type` gives it.
    pub type_name: XmlName,
}

/// One WSDL operation.
#[derive(Debug, Clone)]
pub struct OperationDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub name: String,
    pub version: crate::model::SoapVersion,
    pub soap_action: String,
    pub soap_action_required: bool,
    pub safe_to_retry: bool,
    pub request: TypePath,
    pub response: TypePath,
    /// The `soap:Header` entries of the request and of the response.
    pub input_headers: HeadersDef,
    pub output_headers: HeadersDef,
    /// The enum of the operation's declared faults (`wsdl:fault`), by
    /// their detail entry; None when it declares none.
    pub faults: Option<super::operations::FaultsDef>,
}

/// The header entries of one direction of an operation (see
/// `plan/headers.rs` for how sets are shared).
#[derive(Debug, Clone)]
pub enum HeadersDef {
    /// The binding declares none: the runtime's `NoHeaders`.
    None,
    /// The first operation with this set defines its struct.
    Struct(HeaderStructDef),
    /// A later operation with the same set names the struct again with a
    /// type alias, so that every operation has a header type of its own
    /// name.
    Alias {
        ident: RustIdent,
        target: RustIdent,
        doc: Option<String>,
    },
}

impl HeadersDef {
    /// The type the operation's `InputHeaders`/`OutputHeaders` names.
    pub fn ident(&self) -> Option<&RustIdent> {
        match self {
            HeadersDef::None => None,
            HeadersDef::Struct(d) => Some(&d.ident),
            HeadersDef::Alias { ident, .. } => Some(ident),
        }
    }
}

/// A struct with an `Option` per header element, implementing the
/// runtime's `XmlHeaders`.
#[derive(Debug, Clone)]
pub struct HeaderStructDef {
    pub ident: RustIdent,
    pub doc: Option<String>,
    pub fields: Vec<HeaderFieldDef>,
}

#[derive(Debug, Clone)]
pub struct HeaderFieldDef {
    pub ident: RustIdent,
    /// The element's type, implementing `XmlElement`.
    pub element: TypePath,
}
