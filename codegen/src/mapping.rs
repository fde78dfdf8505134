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
//! | `xs:any`, `xs:anyType` | `xsdgen_runtime::xml::AnyElement`: the element as written, round-tripped untouched; the wildcard's `namespace` constraint (`##any`, `##other`, a list with `##targetNamespace`/`##local`) decides which elements it takes |
//! | `xs:anyAttribute` | field `other_attributes: xml::AnyAttributes`: the undeclared attributes the constraint accepts, by expanded name, written back |
//! | element of a type that has derived types | field of `enum Any{Type}`, one variant per concrete type (`AnyItemType::Message(MessageType)`), chosen by `xsi:type` on read; `xsi:type` is written for every variant but the declared type |
//! | abstract complex type | the enum takes the type's own name (no struct: it can never appear); an element without `xsi:type` is a read error |
//! | `ref` to a substitution group head | field of `enum Any{Head}` (or `{Head}` when the head is abstract), one variant per concrete member element, read and written under the member's name; a repeated ref is a `Vec` of it |
//! | abstract global element | no item of its own: it never appears in a document |
//! | variant of those enums whose type contains itself | `Box<T>` |
//! | `xs:redefine` | the redefined schema is included and each redefinition takes its component's name everywhere; the original it builds on is `{Name}Original` |
//! | element with `default`/`fixed` | the value when the element is present but empty (an absent element stays `None`) |
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
//! for types, `V` for variants, `_` for fields). When two items want one
//! name, global elements win, then named types (a loser becomes
//! `NameType`), then anonymous types (named after their element); other
//! collisions are numbered in schema order (`Foo2`, `foo_2`). Schema types
//! named like the prelude types the generated code uses (`String`,
//! `Option`, `Result`, ...) get the same suffix.
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
//! types derived from its type. [`Config::rename`](crate::Config::rename)
//! gives any global element or named type the Rust name you choose.
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
//! assert!(code.contains("use ::xsdgen_runtime::xml;"));
//! assert!(code.contains("impl xml::XmlElement for ResetPin"));
//! ```
//!
//! # Examples, one per construct
//!
//! Each generates from a schema of the one construct (in a
//! `targetNamespace="urn:t"` bound to the prefix `t`) and shows the
//! shape the tables above give it.
//!
//! A sequence's elements, by occurrence: `T`, `Option<T>`, `Vec<T>`.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("occurrences.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:element name="Order">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element name="id" type="xs:int"/>
//!         <xs:element name="note" type="xs:string" minOccurs="0"/>
//!         <xs:element name="line" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
//!       </xs:sequence>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub struct Order {"));
//! assert!(code.contains("pub id: i32,"));
//! assert!(code.contains("pub note: Option<String>,"));
//! assert!(code.contains("pub line: Vec<String>,"));
//! ```
//!
//! A type that is one choice is an `enum`; a repeated choice is a `Vec` of
//! an `enum {Owner}Choice`.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("choice.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:element name="Contact">
//!     <xs:complexType>
//!       <xs:choice>
//!         <xs:element name="phone" type="xs:string"/>
//!         <xs:element name="room" type="xs:int"/>
//!       </xs:choice>
//!     </xs:complexType>
//!   </xs:element>
//!   <xs:element name="Log">
//!     <xs:complexType>
//!       <xs:choice maxOccurs="unbounded">
//!         <xs:element name="info" type="xs:string"/>
//!         <xs:element name="code" type="xs:int"/>
//!       </xs:choice>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub enum Contact {"));
//! assert!(code.contains("Phone(String),"));
//! assert!(code.contains("Room(i32),"));
//! assert!(code.contains("pub choice: Vec<LogChoice>,"));
//! assert!(code.contains("pub enum LogChoice {"));
//! ```
//!
//! `xs:all` is a `struct`, like a sequence.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("all.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:element name="Size">
//!     <xs:complexType>
//!       <xs:all>
//!         <xs:element name="width" type="xs:int"/>
//!         <xs:element name="height" type="xs:int" minOccurs="0"/>
//!       </xs:all>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub struct Size {"));
//! assert!(code.contains("pub width: i32,"));
//! assert!(code.contains("pub height: Option<i32>,"));
//! ```
//!
//! A `group` or `attributeGroup` reference adds its fields to the referring
//! struct: a group has no item of its own.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("groups.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:group name="Names">
//!     <xs:sequence>
//!       <xs:element name="first" type="xs:string"/>
//!     </xs:sequence>
//!   </xs:group>
//!   <xs:attributeGroup name="Tracking">
//!     <xs:attribute name="rev" type="xs:int"/>
//!   </xs:attributeGroup>
//!   <xs:element name="Person">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:group ref="t:Names"/>
//!         <xs:element name="last" type="xs:string"/>
//!       </xs:sequence>
//!       <xs:attributeGroup ref="t:Tracking"/>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub struct Person {"));
//! assert!(code.contains("pub first: String,"));
//! assert!(code.contains("pub last: String,"));
//! assert!(code.contains("pub rev: Option<i32>,"));
//! assert!(!code.contains("struct Names"));
//! assert!(!code.contains("struct Tracking"));
//! ```
//!
//! complexContent extension: the base's attributes and elements first, then
//! the extension's own.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("extension.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:complexType name="Base">
//!     <xs:sequence>
//!       <xs:element name="id" type="xs:int"/>
//!     </xs:sequence>
//!     <xs:attribute name="ver" type="xs:string" use="required"/>
//!   </xs:complexType>
//!   <xs:element name="Doc">
//!     <xs:complexType>
//!       <xs:complexContent>
//!         <xs:extension base="t:Base">
//!           <xs:sequence>
//!             <xs:element name="title" type="xs:string"/>
//!           </xs:sequence>
//!         </xs:extension>
//!       </xs:complexContent>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains(
//!     "pub struct Doc {\n    pub ver: String,\n    pub id: i32,\n    pub title: String,\n}"
//! ));
//! ```
//!
//! complexContent restriction: the restriction's own content, with the
//! base's attributes.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("restriction.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:complexType name="Base">
//!     <xs:sequence>
//!       <xs:element name="id" type="xs:int"/>
//!       <xs:element name="note" type="xs:string" minOccurs="0"/>
//!     </xs:sequence>
//!     <xs:attribute name="ver" type="xs:string"/>
//!   </xs:complexType>
//!   <xs:element name="Ref">
//!     <xs:complexType>
//!       <xs:complexContent>
//!         <xs:restriction base="t:Base">
//!           <xs:sequence>
//!             <xs:element name="id" type="xs:int"/>
//!           </xs:sequence>
//!         </xs:restriction>
//!       </xs:complexContent>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains(
//!     "pub struct Ref {\n    pub ver: Option<String>,\n    pub id: i32,\n}"
//! ));
//! ```
//!
//! simpleContent extension: the text is `value`, next to the attributes.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("simple_content.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:element name="Price">
//!     <xs:complexType>
//!       <xs:simpleContent>
//!         <xs:extension base="xs:decimal">
//!           <xs:attribute name="currency" type="xs:string" use="required"/>
//!         </xs:extension>
//!       </xs:simpleContent>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub struct Price {"));
//! assert!(code.contains("pub value: xml::Decimal,"));
//! assert!(code.contains("pub currency: String,"));
//! ```
//!
//! Enumerations: an `enum` whose `as_str` gives the value as written.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("enumeration.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:simpleType name="Color">
//!     <xs:restriction base="xs:string">
//!       <xs:enumeration value="red"/>
//!       <xs:enumeration value="dark-blue"/>
//!     </xs:restriction>
//!   </xs:simpleType>
//!   <xs:element name="Paint" type="t:Color"/>"#);
//! assert!(code.contains("pub enum Color {"));
//! assert!(code.contains("DarkBlue,"));
//! assert!(code.contains("pub fn as_str(&self) -> &'static str {"));
//! assert!(code.contains(r#"Self::DarkBlue => "dark-blue","#));
//! assert!(code.contains("impl ::core::str::FromStr for Color {"));
//! assert!(code.contains("pub struct Paint(pub Color);"));
//! ```
//!
//! Any other restriction: a newtype whose `new` checks the facets.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("facets.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:simpleType name="Code">
//!     <xs:restriction base="xs:string">
//!       <xs:maxLength value="8"/>
//!     </xs:restriction>
//!   </xs:simpleType>
//!   <xs:element name="Item">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element name="code" type="t:Code"/>
//!       </xs:sequence>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub struct Code(String);"));
//! assert!(code.contains("pub fn new(value: String) -> Result<Self, xml::ValueError> {"));
//! assert!(code.contains("pub fn get(&self) -> &String {"));
//! assert!(code.contains("pub fn into_inner(self) -> String {"));
//! assert!(code.contains("pub code: Code,"));
//! ```
//!
//! `xs:list`: a newtype over a `Vec` of the item type.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("list.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:simpleType name="Ints">
//!     <xs:list itemType="xs:int"/>
//!   </xs:simpleType>
//!   <xs:element name="Scores" type="t:Ints"/>"#);
//! assert!(code.contains("pub struct Ints(pub Vec<i32>);"));
//! assert!(code.contains("pub struct Scores(pub Ints);"));
//! ```
//!
//! `xs:union`: an `enum` with one variant per member type.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("union.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:simpleType name="Named">
//!     <xs:restriction base="xs:string">
//!       <xs:enumeration value="small"/>
//!     </xs:restriction>
//!   </xs:simpleType>
//!   <xs:simpleType name="Size">
//!     <xs:union memberTypes="xs:int t:Named"/>
//!   </xs:simpleType>
//!   <xs:element name="Box" type="t:Size"/>"#);
//! assert!(code.contains("pub enum Size {\n    Int(i32),\n    Named(Named),\n}"));
//! ```
//!
//! `xs:any` and `xs:anyAttribute`: the elements and attributes as written.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("wildcards.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r###"
//!   <xs:element name="Ext">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element name="id" type="xs:int"/>
//!         <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
//!       </xs:sequence>
//!       <xs:anyAttribute namespace="##other"/>
//!     </xs:complexType>
//!   </xs:element>"###);
//! assert!(code.contains("pub any: Vec<xml::AnyElement>,"));
//! assert!(code.contains("pub other_attributes: xml::AnyAttributes,"));
//! ```
//!
//! A `ref` to a substitution group head: an `enum Any{Head}` of the head
//! and its members.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("substitution.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:complexType name="ShapeType">
//!     <xs:sequence>
//!       <xs:element name="id" type="xs:int"/>
//!     </xs:sequence>
//!   </xs:complexType>
//!   <xs:element name="Shape" type="t:ShapeType"/>
//!   <xs:element name="Circle" substitutionGroup="t:Shape">
//!     <xs:complexType>
//!       <xs:complexContent>
//!         <xs:extension base="t:ShapeType">
//!           <xs:sequence>
//!             <xs:element name="radius" type="xs:double"/>
//!           </xs:sequence>
//!         </xs:extension>
//!       </xs:complexContent>
//!     </xs:complexType>
//!   </xs:element>
//!   <xs:element name="Drawing">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element ref="t:Shape" maxOccurs="unbounded"/>
//!       </xs:sequence>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub enum AnyShape {"));
//! assert!(code.contains("Shape(ShapeType),"));
//! assert!(code.contains("Circle(Circle),"));
//! assert!(code.contains("pub shape: Vec<AnyShape>,"));
//! ```
//!
//! When the head is abstract, the `enum` takes its name and has only the
//! members.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("abstract_head.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:complexType name="ShapeType">
//!     <xs:sequence>
//!       <xs:element name="id" type="xs:int"/>
//!     </xs:sequence>
//!   </xs:complexType>
//!   <xs:element name="Shape" type="t:ShapeType" abstract="true"/>
//!   <xs:element name="Circle" type="t:ShapeType" substitutionGroup="t:Shape"/>
//!   <xs:element name="Square" type="t:ShapeType" substitutionGroup="t:Shape"/>
//!   <xs:element name="Drawing">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element ref="t:Shape" minOccurs="0"/>
//!       </xs:sequence>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub enum Shape {\n    Circle(ShapeType),\n    Square(ShapeType),\n}"));
//! assert!(code.contains("pub shape: Option<Shape>,"));
//! ```
//!
//! An abstract type: an `enum` named after it, one variant per derived
//! type, chosen by `xsi:type`; variants drop the `Type` suffix.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("abstract_type.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:complexType name="ItemType" abstract="true">
//!     <xs:sequence>
//!       <xs:element name="id" type="xs:int"/>
//!     </xs:sequence>
//!   </xs:complexType>
//!   <xs:complexType name="MessageType">
//!     <xs:complexContent>
//!       <xs:extension base="t:ItemType">
//!         <xs:sequence>
//!           <xs:element name="subject" type="xs:string"/>
//!         </xs:sequence>
//!       </xs:extension>
//!     </xs:complexContent>
//!   </xs:complexType>
//!   <xs:complexType name="TaskType">
//!     <xs:complexContent>
//!       <xs:extension base="t:ItemType"/>
//!     </xs:complexContent>
//!   </xs:complexType>
//!   <xs:element name="Folder">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element name="item" type="t:ItemType" maxOccurs="unbounded"/>
//!       </xs:sequence>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub enum ItemType {\n    Message(MessageType),\n    Task(TaskType),\n}"));
//! assert!(!code.contains("pub struct ItemType"));
//! assert!(code.contains("pub item: Vec<ItemType>,"));
//! ```
//!
//! A concrete type with derived types: an `enum Any{Type}` holding it or
//! one of them.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("derived_types.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:complexType name="BaseType">
//!     <xs:sequence>
//!       <xs:element name="id" type="xs:int"/>
//!     </xs:sequence>
//!   </xs:complexType>
//!   <xs:complexType name="MessageType">
//!     <xs:complexContent>
//!       <xs:extension base="t:BaseType">
//!         <xs:sequence>
//!           <xs:element name="subject" type="xs:string"/>
//!         </xs:sequence>
//!       </xs:extension>
//!     </xs:complexContent>
//!   </xs:complexType>
//!   <xs:element name="Folder">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element name="item" type="t:BaseType"/>
//!       </xs:sequence>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub struct BaseType {"));
//! assert!(code.contains("pub enum AnyBaseType {\n    Base(BaseType),\n    Message(MessageType),\n}"));
//! assert!(code.contains("pub item: AnyBaseType,"));
//! ```
//!
//! `nillable="true"`: `xml::Nillable<T>`, inside the `Option` when the
//! element may also be absent.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("nillable.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:element name="Task">
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element name="due" type="xs:date" nillable="true"/>
//!         <xs:element name="note" type="xs:string" nillable="true" minOccurs="0"/>
//!       </xs:sequence>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub due: xml::Nillable<xml::Date>,"));
//! assert!(code.contains("pub note: Option<xml::Nillable<String>>,"));
//! ```
//!
//! An attribute with a default or fixed value is not an `Option`: the value
//! is applied on read.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("attribute_default.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:element name="Page">
//!     <xs:complexType>
//!       <xs:attribute name="size" type="xs:int" default="10"/>
//!       <xs:attribute name="unit" type="xs:string" fixed="px"/>
//!       <xs:attribute name="label" type="xs:string"/>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub size: i32,"));
//! assert!(code.contains("pub unit: String,"));
//! assert!(code.contains("pub label: Option<String>,"));
//! assert!(code.contains(r#"r.attribute_or(start, xml::Name::local("size"), "10")?"#));
//! ```
//!
//! A type containing itself: `Box` where it would be held by value; a `Vec`
//! needs none.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("recursive.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:complexType name="Node">
//!     <xs:sequence>
//!       <xs:element name="name" type="xs:string"/>
//!       <xs:element name="next" type="t:Node" minOccurs="0"/>
//!       <xs:element name="children" type="t:Node" minOccurs="0" maxOccurs="unbounded"/>
//!     </xs:sequence>
//!   </xs:complexType>
//!   <xs:element name="Tree" type="t:Node"/>"#);
//! assert!(code.contains("pub next: Option<Box<Node>>,"));
//! assert!(code.contains("pub children: Vec<Node>,"));
//! ```
//!
//! `xml:lang`, with the XML namespace imported without a `schemaLocation`:
//! a `String` attribute in that namespace.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("xml_lang.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:import namespace="http://www.w3.org/XML/1998/namespace"/>
//!   <xs:element name="Text">
//!     <xs:complexType>
//!       <xs:simpleContent>
//!         <xs:extension base="xs:string">
//!           <xs:attribute ref="xml:lang"/>
//!         </xs:extension>
//!       </xs:simpleContent>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub lang: Option<String>,"));
//! assert!(code.contains(r#"xml::Name::new(XML_NS, "lang")"#));
//! ```
//!
//! `xs:documentation`: rustdoc on the item or field.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let dir = std::env::temp_dir().join(format!("xsdgen-mapping-{}", std::process::id()));
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     let path = dir.join("documentation.xsd");
//! #     std::fs::write(&path, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#)).unwrap();
//! #     xsdgen::Config::new().generate(&[&path]).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:element name="Reset">
//!     <xs:annotation>
//!       <xs:documentation>A request to reset the PIN.</xs:documentation>
//!     </xs:annotation>
//!     <xs:complexType>
//!       <xs:sequence>
//!         <xs:element name="reason" type="xs:string">
//!           <xs:annotation>
//!             <xs:documentation>Why the PIN is reset.</xs:documentation>
//!           </xs:annotation>
//!         </xs:element>
//!       </xs:sequence>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("/// A request to reset the PIN.\n"));
//! assert!(code.contains("/// Why the PIN is reset.\n"));
//! ```
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
//! # Not yet supported
//!
//! Each is either reported or documented on the generated item; none is
//! dropped silently.
//!
//! - Mixed content: reported as a warning; text between child elements is
//!   a read error.
//! - A `fixed` value is applied like a default but not checked against
//!   the value read.
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
//! - A wildcard keeps its element as raw text: a prefix the element uses
//!   but an ancestor declares is not carried along.
//! - WSDL faults keep their elements (they are roots of the
//!   tree-shaking), but `Operation` has no fault types; faults are read as
//!   `xsdgen_runtime::soap::Fault`. `soap:header` in a fault binding and
//!   `soap:headerfault` are ignored with a warning.
//! - Header entries: an undeclared entry marked `soap:mustUnderstand="1"`
//!   fails reading, as SOAP 1.1 asks; `mustUnderstand` and `actor` are
//!   not written on the entries sent.
