//! One example per construct: a short schema and an assertion on the
//! code it becomes. Each is a doctest, so the mapping stays true.
//!
//! Each generates from a schema of the one construct (in a
//! `targetNamespace="urn:t"` bound to the prefix `t`) and shows the
//! shape the tables of [`super`](crate::mapping) give it.
//!
//! A sequence's elements, by occurrence: `T`, `Option<T>`, `Vec<T>`.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("occurrences.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("choice.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("all.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("groups.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("extension.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! assert!(code.contains("pub struct Doc {\n"));
//! assert!(code.contains(
//!     "    pub ver: String,\n    /// The `xsi:` attributes the element carried (`xsi:schemaLocation`, an `xsi:type` naming this type).\n    pub other_attributes: xml::AnyAttributes,\n    pub id: i32,\n    pub title: String,\n}"
//! ));
//! ```
//!
//! complexContent restriction: the restriction's own content, with the
//! base's attributes.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("restriction.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! assert!(code.contains("pub struct Ref {\n    pub ver: Option<String>,\n"));
//! assert!(code.contains("    pub other_attributes: xml::AnyAttributes,\n    pub id: i32,\n}"));
//! ```
//!
//! simpleContent extension: the text is `value`, next to the attributes.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("simple_content.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("enumeration.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("facets.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("list.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("union.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("wildcards.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("substitution.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("abstract_head.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("abstract_type.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("derived_types.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("nillable.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! An attribute with a default or fixed value is an `Option` like any
//! other, so that an absent one stays absent when written back; an
//! accessor of the field's name gives the value with the schema's applied.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("attribute_default.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
//! # }
//! let code = generate(r#"
//!   <xs:element name="Page">
//!     <xs:complexType>
//!       <xs:attribute name="size" type="xs:int" default="10"/>
//!       <xs:attribute name="unit" type="xs:string" fixed="px"/>
//!       <xs:attribute name="label" type="xs:string"/>
//!     </xs:complexType>
//!   </xs:element>"#);
//! assert!(code.contains("pub size: Option<i32>,"));
//! assert!(code.contains("pub unit: Option<String>,"));
//! assert!(code.contains("pub label: Option<String>,"));
//! assert!(code.contains("pub fn size(&self) -> i32 {\n        self.size.unwrap_or(10)\n    }"));
//! assert!(code.contains(r#"pub fn unit(&self) -> &str {"#));
//! ```
//!
//! A type containing itself: `Box` where it would be held by value; a `Vec`
//! needs none.
//!
//! ```
//! # fn generate(body: &str) -> String {
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("recursive.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("xml_lang.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
//! #     let schema = format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">{body}</xs:schema>"#);
//! #     let files = [("documentation.xsd", schema)];
//! #     xsdgen::Config::new().generate_in_memory(&files).unwrap().remove(0).contents
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
