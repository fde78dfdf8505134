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
//! | a field whose type contains the struct again by value | `Box<T>` |
//! | an element field or branch whose value is larger than 256 bytes | `Box<T>` ([`Config::size_budget`](crate::Config::size_budget)), so no `Option` or choice is paid for in kilobytes |
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
//! | attribute | field: `T` when required, else `Option<T>`; one with a default or fixed value stays `None` when absent (and is not written), and an accessor of its name applies the schema's value: `fn size(&self) -> i32` |
//! | every complex type | field `other_attributes: xml::AnyAttributes`: the `xsi:` attributes the element carried (`xsi:schemaLocation`, `xsi:nil`), written back; any other undeclared attribute is a read error naming it, or is skipped and reported by `xsdgen_runtime::xml::XmlReader::warnings` when read with `ReadOptions { undeclared: Undeclared::Skip }` |
//! | every struct | `new(required…)` with the required fields, the optional ones absent (`Self::default()` when there are none), so that adding optional fields to a schema does not break code |
//! | `xs:any`, `xs:anyType` | `xsdgen_runtime::xml::AnyElement`: the element as written, with the namespace declarations of its ancestors that it uses (QName-like values included) declared again on it, so that it means the same wherever it is written; the wildcard's `namespace` constraint (`##any`, `##other`, a list with `##targetNamespace`/`##local`) decides which elements it takes |
//! | `xs:anyAttribute` | the same `other_attributes` field also takes the undeclared attributes the constraint accepts, by expanded name; a QName value (`xsi:type="t:T"`) keeps the binding of its prefix, which the writer declares again |
//! | element of a type that has derived types | field of `enum Any{Type}`, one variant per concrete type (`AnyItemType::Message(MessageType)`), chosen by `xsi:type` on read; `xsi:type` is written for every variant but the declared type |
//! | abstract complex type | the enum takes the type's own name (no struct: it can never appear); an element without `xsi:type` is a read error |
//! | `ref` to a substitution group head | field of `enum Any{Head}` (or `{Head}` when the head is abstract), one variant per concrete member element, read and written under the member's name; a repeated ref is a `Vec` of it |
//! | abstract global element | no item of its own: it never appears in a document |
//! | variant of those enums whose type contains itself | `Box<T>` |
//! | `xs:redefine` | the redefined schema is included and each redefinition takes its component's name everywhere; the original it builds on is `{Name}Original` |
//! | element with `default`/`fixed` | the value when the element is present but empty, except for a plain string, kept empty as read (an absent element stays `None`) |
//! | `nillable="true"` | `xsdgen_runtime::xml::Nillable<T>` (`Nil` or `Value(T)`), so `Option<Nillable<T>>` tells absent from nil |
//! | `xs:documentation` | rustdoc |
//! | WSDL operation | unit struct in `operations` implementing `xsdgen_runtime::Operation`; `operations::OPERATIONS` lists them all |
//! | `soap:body parts="p"` | part `p` is the body (`Operation::Request`/`Response`); without `parts`, the one part not bound as a header |
//! | `soap:header` entries of an operation's input or output | `struct {Operation}InputHeaders`/`{Operation}OutputHeaders` in `operations`, an `Option` per element (a client may omit any entry, a server may not send one), implementing `xsdgen_runtime::soap::XmlHeaders`; `Operation::InputHeaders`/`OutputHeaders`; `soap::NoHeaders` without entries |
//! | the same header set on several operations | one struct, named after the first operation in WSDL order that has it (fields in its binding order); the others get `pub type {Operation}InputHeaders = {First}InputHeaders;` |
//! | `soap:address location=""` | no address: the client is given the endpoint |
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
//! for types, `V` for variants, `_` for fields).
//!
//! Names do not depend on the order of declarations. When two items of a
//! module want one name, global elements win, then named types (a loser
//! becomes `NameType`), then anonymous types (named after their element);
//! between two of one kind that differ only in case or punctuation
//! (`snippet`, `Snippet`), the one spelled as the identifier keeps it and
//! the other takes its kind's suffix (`SnippetElement`). A variant for a
//! global element (a `ref=` branch, a substitution group member) has the
//! name of that element's own type, so `P::SnippetElement` holds what
//! `SnippetElement` holds; of two such branches from different namespaces,
//! the one in the enum's namespace keeps the name and the other is
//! prefixed with its module's (`GxAltitudeMode`), and so is a field for
//! an element of another namespace beside one of the struct's own
//! (`gx_altitude_mode`). Only what nothing else
//! tells apart is numbered (`Foo2`, `foo_2`), in schema order. Schema
//! types named like the prelude types the generated code uses (`String`,
//! `Option`, `Result`, ...) get the kind suffix too.
//!
//! # Roots and names
//!
//! Only what the roots reach is generated: by default the WSDL operations
//! (or, for plain XSD, every global element); otherwise the elements,
//! types and operations given to [`Config::root_element`](crate::Config::root_element),
//! [`Config::root_type`](crate::Config::root_type) and
//! [`Config::root_operation`](crate::Config::root_operation), or
//! everything with [`Config::generate_all`](crate::Config::generate_all).
//! An element reaches the members of its substitution group and the
//! types derived from its type (a type reached only as a base does not,
//! nor does an abstract element's type);
//! [`Config::explain`](crate::Config::explain) prints the chain of
//! references that reaches an item, and
//! [`Config::only_branches`](crate::Config::only_branches) drops the
//! branches of a choice that never occur. [`Config::rename`](crate::Config::rename)
//! gives any global element, named type or field the Rust name you
//! choose.
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
//! assert!(code.contains("pub struct ResetPin {"));
//! // The `xsi:` attributes an element carries (`xsi:schemaLocation`) are
//! // kept, so that what is read is written back.
//! assert!(code.contains("    pub other_attributes: xml::AnyAttributes,\n"));
//! assert!(code.contains("    pub reason: Option<String>,\n    pub attempt: Vec<i32>,\n}"));
//! assert!(code.contains("use ::xsdgen_runtime::xml;"));
//! assert!(code.contains("impl xml::XmlElement for ResetPin"));
//! ```
//!
//! # Examples, one per construct
//!
//! See [`examples`]: a short schema and what it becomes, for each construct.
//!
//! # Facets
//!
//! A restricted newtype's `new` checks every facet of its type and of the
//! restrictions it derives from, with one call into
//! `xsdgen_runtime::xml::facets` (or one pattern) per facet; reading an
//! element or attribute of the type goes through `new`, so a violation is
//! a read error naming the facet and the value.
//!
//! | facet | checked |
//! |---|---|
//! | `whiteSpace` | `replace`/`collapse` applied to a `String` by `new` before the other facets; restrictions of `token`, `normalizedString`, ... inherit their built-in rule |
//! | `length`, `minLength`, `maxLength` | characters of a string, octets of `base64Binary`/`hexBinary`, items of a list |
//! | `pattern` | XML Schema regular expressions, translated for the `regex` crate when generating (an untranslatable one is an error at its line) and compiled on first use; patterns of one restriction are alternatives, those of each derivation step must all match. Matched against a string, the lexical form of `Decimal` and the date/time types, or, for numbers, booleans and binary data, the text as read (so not by `new`) |
//! | `minInclusive`, ... | numbers; decimals digit by digit; dateTime, date and time on the time line, where a value without a time zone is not ordered against one with a zone less than 14 hours away; durations by XML Schema's four reference instants (`P1M` and `P30D` are not ordered). A bound that is not ordered against the value fails |
//! | `totalDigits`, `fractionDigits` | decimals and integers, leading and trailing zeros not counted |
//!
//! ```
//! let dir = std::env::temp_dir().join("xsdgen-mapping-facets");
//! std::fs::create_dir_all(&dir).unwrap();
//! let xsd = dir.join("isbn.xsd");
//! std::fs::write(&xsd, r#"
//!   <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
//!     <xs:simpleType name="Isbn">
//!       <xs:restriction base="xs:token">
//!         <xs:pattern value="\d{3}-\d{10}"/>
//!         <xs:pattern value="\d{13}"/>
//!       </xs:restriction>
//!     </xs:simpleType>
//!     <xs:element name="Isbn" type="Isbn"/>
//!   </xs:schema>"#).unwrap();
//!
//! let files = xsdgen::Config::new().generate(&[&xsd]).unwrap();
//! let code = &files[0].contents;
//! assert!(code.contains("pub struct IsbnType(String);"));
//! assert!(code.contains(
//!     r#"static PATTERN: xml::Pattern = xml::Pattern::new(&[r"\d{3}-\d{10}", r"\d{13}"]);"#
//! ));
//! assert!(code.contains("let value = xml::facets::collapse(value);"));
//! assert!(code.contains("PATTERN.check(&value)?;"));
//!
//! // What the generated `new` does, with the runtime's own types:
//! use xsdgen_runtime::xml::{Pattern, facets};
//! static PATTERN: Pattern = Pattern::new(&[r"\d{3}-\d{10}", r"\d{13}"]);
//! let value = facets::collapse(" 978-0306406157 ".to_owned());
//! assert!(PATTERN.check(&value).is_ok());
//! assert_eq!(
//!     PATTERN.check("978 0306406157").unwrap_err().reason,
//!     r"expected a match for one of the patterns '\d{3}-\d{10}', '\d{13}'"
//! );
//! ```
//!
//! # What the writer refuses
//!
//! What the generated reader would refuse, the writer does not write: a
//! repeated element with fewer or more values than its `minOccurs` and
//! `maxOccurs` allow is a `WriteError::Occurrences` naming the enclosing
//! elements, and facets are checked when a restricted value is made
//! (`new`). Required single elements cannot be missing: their fields are
//! not `Option`s.
//!
//! # Not yet supported
//!
//! Each is either reported or documented on the generated item; none is
//! dropped silently.
//!
//! - Mixed content: reported as a warning; text between child elements is
//!   a read error.
//! - A `fixed` value is applied like a default but not checked against
//!   the value read.
//! - An element with a `default` that is present but empty reads as the
//!   default where empty text is no value of its type (an `xs:int`), and
//!   is written back with the default's text: equal in value, not in
//!   form. A plain string keeps the empty text as read (Maven's
//!   `<relativePath/>` is `Some("")`, written back as it was); the
//!   default is then the caller's to apply.
//! - Facets: ranges on `gYear`, `gYearMonth`, `gMonth`, `gMonthDay`,
//!   `gDay` (kept as `String`) and length facets on `QName` are documented
//!   on the newtype, not checked. The whitespace rule of `token`,
//!   `normalizedString` and the other string-derived built-ins applies to
//!   the newtypes that restrict them, not to plain `String` fields of
//!   those types, which keep the text as written. Enumerations ignore the
//!   other facets of their type (and `whiteSpace="replace"`).
//! - A choice branch with `minOccurs="0"` makes the whole choice optional.
//! - `block`, `blockDefault` and `final` are not consulted: every derived
//!   type and every member is a candidate. `xsi:type` on an element of a
//!   simple type is not read.
//! - WSDL faults keep their elements (they are roots of the
//!   tree-shaking), but `Operation` has no fault types; faults are read as
//!   `xsdgen_runtime::soap::Fault`. `soap:header` in a fault binding and
//!   `soap:headerfault` are ignored with a warning.
//! - Header entries: an undeclared entry marked `soap:mustUnderstand="1"`
//!   fails reading, as SOAP 1.1 asks; `mustUnderstand` and `actor` are
//!   not written on the entries sent.

pub mod examples;
