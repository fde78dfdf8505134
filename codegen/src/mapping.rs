//! How XML Schema and WSDL map to Rust: the decisions of the `plan` stage.
//!
//! # Items
//!
//! | XSD / WSDL | Rust |
//! |---|---|
//! | global element, anonymous complex type | `struct` named after the element, `impl XmlElement` |
//! | global element of a named or built-in type | newtype `struct Element(pub Type)`, `impl XmlElement` |
//! | complexType with sequence (or a nested sequence that occurs once) | `struct`, one field per element, in order |
//! | element occurrences | `T` (1..1), `Option<T>` (0..1), `Vec<T>` (n..m, bounds checked on read) |
//! | a field whose type contains the struct again by value | `Box<T>` (only inside a containment cycle) |
//! | empty content | unit-like `struct ResetPin {}` (plus attribute fields, if any) |
//! | complexType that is one choice | `enum`, one variant per branch |
//! | choice among other particles, or repeated | a field of an `enum {Owner}Choice`: `T`, `Option<T>`, `Vec<T>` |
//! | choice branch that is a sequence | variant holding a `struct {Choice}{FirstElement}` |
//! | nested sequence that is optional or repeats | a field of a `struct {Owner}Sequence` |
//! | `xs:all` | `struct`; children read in any order, each at most once, written in schema order |
//! | simpleType with enumerations | `enum` with `as_str`, `Display`, `FromStr`, `SimpleValue`; an unknown value is a read error naming the allowed ones, or `Unknown(String)` with [`Config::enum_unknown_variant`](crate::Config::enum_unknown_variant) |
//! | other simpleType restriction | newtype `struct T(Inner)` with `new(Inner) -> Result<T, ValueError>`, `get`, `into_inner`, `SimpleValue` |
//! | `xs:list` | newtype `struct T(pub Vec<Item>)`, whitespace-separated |
//! | `xs:union` | `enum` of the member types; reading takes the first member that accepts the text |
//! | simpleContent extension | `struct` with `value` and the attribute fields |
//! | complexContent extension | `struct` with the base's attributes and elements first, then its own |
//! | complexContent restriction | `struct` with the restriction's own content and the base's attributes |
//! | attribute | field: `T` when required or when it has a default (or fixed value), applied on read; else `Option<T>` |
//! | `xs:any`, `xs:anyType` | `xsdgen_runtime::xml::AnyElement`: the element as written, round-tripped untouched |
//! | `nillable="true"` | `xsdgen_runtime::xml::Nillable<T>` (`Nil` or `Value(T)`), so `Option<Nillable<T>>` tells absent from nil |
//! | `xs:documentation` | rustdoc |
//! | WSDL operation | unit struct in `operations` implementing `xsdgen_runtime::Operation`; `operations::OPERATIONS` lists them all |
//! | target namespace | `pub const {SEGMENT}_NS: &str`; one module per namespace when there are several |
//!
//! # Built-in types
//!
//! | XSD | Rust |
//! |---|---|
//! | string, normalizedString, token, language, Name, NCName, ID, IDREF, ENTITY, NMTOKEN, anyURI, anySimpleType | `String` |
//! | NMTOKENS, IDREFS, ENTITIES, gYear, gYearMonth, gMonth, gMonthDay, gDay | `String` (lexical form kept) |
//! | boolean | `bool` |
//! | byte, short, int, long | `i8`, `i16`, `i32`, `i64` |
//! | unsignedByte, unsignedShort, unsignedInt, unsignedLong | `u8`, `u16`, `u32`, `u64` |
//! | integer, nonPositiveInteger, negativeInteger | `i64` |
//! | nonNegativeInteger, positiveInteger | `u64` |
//! | decimal | `xml::Decimal` (lexical form kept) |
//! | float, double | `f32`, `f64` |
//! | dateTime, date, time, duration | `xml::DateTime`, `xml::Date`, `xml::Time`, `xml::Duration` |
//! | base64Binary, hexBinary | `xml::Base64Binary`, `xml::HexBinary` |
//! | QName | `xml::QNameValue` |
//! | anyType | `xml::AnyElement` |
//!
//! # Names
//!
//! Types and variants are `UpperCamelCase`, fields and modules
//! `snake_case`, by `heck`: `ResetPIN` -> `ResetPin`, `UMProperties` ->
//! `UmProperties`, `base64FolderId` -> `base64_folder_id`. Keywords become
//! raw identifiers (`r#type`), or get a trailing underscore where Rust has
//! no raw form (`self_`). A name starting with a digit gets a prefix (`T`
//! for types, `V` for variants, `_` for fields). When two items want one
//! name, global elements win, then named types (a loser becomes
//! `NameType`), then anonymous types (named after their element); other
//! collisions are numbered in schema order (`Foo2`, `foo_2`). Schema types
//! named like the prelude types the generated code uses (`String`,
//! `Option`, `Result`, ...) get the same suffix.
//!
//! # Example
//!
//! ```
//! let dir = std::env::temp_dir().join("xsdgen-mapping-doc");
//! std::fs::create_dir_all(&dir).unwrap();
//! let xsd = dir.join("pin.xsd");
//! std::fs::write(&xsd, r#"
//!   <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
//!              targetNamespace="urn:example" elementFormDefault="qualified">
//!     <xs:element name="ResetPIN">
//!       <xs:complexType>
//!         <xs:sequence>
//!           <xs:element name="Reason" type="xs:string" minOccurs="0"/>
//!           <xs:element name="Attempt" type="xs:int" maxOccurs="unbounded"/>
//!         </xs:sequence>
//!       </xs:complexType>
//!     </xs:element>
//!   </xs:schema>"#).unwrap();
//!
//! let files = xsdgen::Config::new().generate(&[&xsd]).unwrap();
//! assert_eq!(files[0].path, std::path::Path::new("pin.rs"));
//! let code = &files[0].contents;
//! assert!(code.starts_with("// @generated by xsdgen"));
//! assert!(code.contains("pub const EXAMPLE_NS: &str = \"urn:example\";"));
//! assert!(code.contains(
//!     "pub struct ResetPin {\n    pub reason: Option<String>,\n    pub attempt: Vec<i32>,\n}"
//! ));
//! assert!(code.contains("impl ::xsdgen_runtime::xml::XmlElement for ResetPin"));
//! ```
//!
//! # Not yet supported
//!
//! Each is either reported or documented on the generated item; none is
//! dropped silently.
//!
//! - Polymorphism through `xsi:type`: a derived type read where its base is
//!   declared is read as the base (the extra content is an error); a later
//!   step is an enum of the base and its derived types, as for
//!   substitution groups and abstract elements, which are not expanded
//!   either (the head element is used as declared).
//! - `anyAttribute`: undeclared attributes are ignored on read (noted on
//!   the struct).
//! - Mixed content: reported as a warning; text between child elements is
//!   a read error.
//! - Element defaults and fixed values are not applied (attribute ones
//!   are).
//! - Facets: patterns, `totalDigits`/`fractionDigits` and ranges on
//!   non-integer, non-float types are documented on the newtype, not
//!   checked; the whitespace facet of string-derived built-ins is not
//!   applied to plain `String` fields.
//! - Wildcards accept any element whatever their `namespace` constraint,
//!   greedily.
//! - A choice branch with `minOccurs="0"` makes the whole choice optional.
//! - WSDL faults and SOAP headers keep their elements (they are roots of
//!   the tree-shaking), but `Operation` has no fault or header types.
