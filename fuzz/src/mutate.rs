//! The input of `schema_mutations`: a script of edits applied to one file
//! of one of the project's schema sets. Edits work on elements and
//! attributes, so the result stays well-formed XML and reaches parse,
//! lower and the later stages, where random bytes mostly stop at the XML
//! parser; two raw edits still break the XML on purpose.

use std::ops::Range;

use arbitrary::Arbitrary;

use crate::bases::bases;

#[derive(Debug, Arbitrary)]
pub struct Script {
    base: u16,
    file: u8,
    all: bool,
    edits: Vec<Edit>,
}

#[derive(Debug, Arbitrary)]
enum Edit {
    Remove {
        element: u16,
    },
    Duplicate {
        element: u16,
    },
    Move {
        element: u16,
        before: u16,
    },
    Rename {
        element: u16,
        tag: u8,
    },
    Wrap {
        element: u16,
        tag: u8,
    },
    SetAttribute {
        element: u16,
        name: u8,
        value: Value,
    },
    RemoveAttribute {
        element: u16,
        attribute: u8,
    },
    Insert {
        before: u16,
        snippet: u8,
    },
    Truncate {
        at: u16,
    },
    Bytes {
        at: u16,
        bytes: Vec<u8>,
    },
}

#[derive(Debug, Arbitrary)]
enum Value {
    /// One of [`VALUES`].
    Known(u8),
    /// The value of some attribute of the same file: a type or element
    /// name that exists, moved to where it may not fit.
    Existing(u16),
    Text(String),
}

const MAX_EDITS: usize = 12;

const TAGS: &[&str] = &[
    "element",
    "attribute",
    "complexType",
    "simpleType",
    "sequence",
    "choice",
    "all",
    "group",
    "attributeGroup",
    "any",
    "anyAttribute",
    "restriction",
    "extension",
    "simpleContent",
    "complexContent",
    "list",
    "union",
    "enumeration",
    "pattern",
    "length",
    "maxLength",
    "totalDigits",
    "minInclusive",
    "annotation",
    "documentation",
    "include",
    "import",
    "redefine",
    "schema",
    "types",
    "message",
    "part",
    "portType",
    "operation",
    "input",
    "output",
    "fault",
    "binding",
    "body",
    "header",
    "service",
    "port",
    "address",
];

const ATTRIBUTES: &[&str] = &[
    "name",
    "type",
    "ref",
    "base",
    "itemType",
    "memberTypes",
    "substitutionGroup",
    "minOccurs",
    "maxOccurs",
    "abstract",
    "nillable",
    "mixed",
    "default",
    "fixed",
    "use",
    "form",
    "elementFormDefault",
    "attributeFormDefault",
    "targetNamespace",
    "namespace",
    "schemaLocation",
    "processContents",
    "value",
    "element",
    "message",
    "binding",
    "style",
    "soapAction",
    "parts",
    "part",
    "location",
    "xmlns:tns",
    "xmlns",
];

const VALUES: &[&str] = &[
    "xs:string",
    "xs:int",
    "xs:anyType",
    "xs:anySimpleType",
    "xs:QName",
    "xs:boolean",
    "xs:base64Binary",
    "xs:dateTime",
    "xs:",
    ":",
    "tns:Missing",
    "unbounded",
    "0",
    "1",
    "-1",
    "4294967296",
    "",
    " ",
    "true",
    "false",
    "qualified",
    "unqualified",
    "optional",
    "required",
    "prohibited",
    "##other",
    "##any",
    "##targetNamespace",
    "lax",
    "strict",
    "rpc",
    "document",
    "literal",
    "encoded",
    "urn:x",
    "http://www.w3.org/2001/XMLSchema",
    "http://www.w3.org/XML/1998/namespace",
    "x.xsd",
    "../x.xsd",
    "um-types.xsd",
    "schema.xsd",
    "http://example.com/x.xsd",
    "xml:lang",
    "a b",
    "self",
    "Self",
    "type",
    "match",
    "r#type",
    "_",
    "__",
    "1st",
    "a-b",
    "a.b",
    "Ωmega",
    "Option",
    "Box",
    "Vec",
    "String",
    "Result",
    "crate",
    "super",
    "Unknown",
    "Value",
    "tns:Item tns:Item",
];

/// Templates; `{p}` is the prefix the neighbouring element is written with.
const SNIPPETS: &[&str] = &[
    r###"<{p}element name="Fz" type="{p}string"/>"###,
    r###"<{p}element name="Fz" type="Fz"/>"###,
    r###"<{p}element ref="Fz" maxOccurs="unbounded"/>"###,
    r###"<{p}element name="Fz" substitutionGroup="Fz" abstract="true"/>"###,
    r###"<{p}sequence><{p}element name="A" type="{p}int" maxOccurs="unbounded"/><{p}element name="A" type="{p}int" minOccurs="0"/></{p}sequence>"###,
    r###"<{p}choice maxOccurs="unbounded"><{p}element name="A" type="{p}int"/><{p}element name="a" type="{p}string"/><{p}sequence/></{p}choice>"###,
    r###"<{p}all><{p}element name="Type" type="{p}boolean"/></{p}all>"###,
    r###"<{p}attribute name="a" type="{p}int" use="required" default="1"/>"###,
    r###"<{p}attribute name="type" fixed="x"/>"###,
    r###"<{p}complexType name="Fz"><{p}sequence><{p}element name="self" type="Fz"/></{p}sequence></{p}complexType>"###,
    r###"<{p}complexType name="Fz" mixed="true"><{p}complexContent><{p}extension base="Fz"><{p}attribute name="a"/></{p}extension></{p}complexContent></{p}complexType>"###,
    r###"<{p}simpleType name="Fz"><{p}restriction base="{p}string"><{p}enumeration value=""/><{p}enumeration value="a b"/><{p}enumeration value="A_B"/><{p}enumeration value="a-b"/><{p}pattern value="["/></{p}restriction></{p}simpleType>"###,
    r###"<{p}simpleType name="Fz"><{p}restriction base="{p}decimal"><{p}totalDigits value="0"/><{p}fractionDigits value="99"/><{p}minInclusive value="x"/></{p}restriction></{p}simpleType>"###,
    r###"<{p}simpleType name="Fz"><{p}list><{p}simpleType><{p}list itemType="{p}int"/></{p}simpleType></{p}list></{p}simpleType>"###,
    r###"<{p}simpleType name="Fz"><{p}union memberTypes="{p}int Fz"><{p}simpleType><{p}restriction base="{p}boolean"/></{p}simpleType></{p}union></{p}simpleType>"###,
    r###"<{p}simpleContent><{p}extension base="{p}string"><{p}attribute name="value" type="{p}int"/></{p}extension></{p}simpleContent>"###,
    r###"<{p}complexContent><{p}restriction base="{p}anyType"/></{p}complexContent>"###,
    r###"<{p}any namespace="##other" processContents="skip" maxOccurs="unbounded"/>"###,
    r###"<{p}anyAttribute namespace="##any"/>"###,
    r###"<{p}group ref="Fz"/>"###,
    r###"<{p}group name="Fz"><{p}choice><{p}group ref="Fz"/></{p}choice></{p}group>"###,
    r###"<{p}attributeGroup name="Fz"><{p}attributeGroup ref="Fz"/></{p}attributeGroup>"###,
    r###"<{p}include schemaLocation="um-types.xsd"/>"###,
    r###"<{p}import namespace="http://www.w3.org/XML/1998/namespace"/>"###,
    r###"<{p}import namespace="urn:other" schemaLocation="../schema.xsd"/>"###,
    r###"<{p}annotation><{p}documentation>*/ /** `a` ```rust
fn x() {
``` \" #[doc] &lt;b&gt;</{p}documentation></{p}annotation>"###,
    r###"<{p}operation name="Fz"><{p}input message="Fz"/><{p}output message="Fz"/><{p}fault name="f" message="Fz"/></{p}operation>"###,
    r###"<{p}part name="p" element="Fz"/>"###,
    "<!-- -->",
    "<?pi x?>",
    "<![CDATA[]]>",
];

/// The files of the chosen base after the edits, its input, and whether to
/// generate everything.
pub struct Mutated {
    pub input: std::path::PathBuf,
    pub files: Vec<(std::path::PathBuf, Vec<u8>)>,
    pub all: bool,
}

pub fn apply(script: &Script) -> Option<Mutated> {
    let bases = bases();
    let base = bases.get(usize::from(script.base) % bases.len())?;
    let mut files = base.files.clone();
    let index = usize::from(script.file) % files.len();
    let (_, bytes) = files.get_mut(index)?;
    let mut text = String::from_utf8(std::mem::take(bytes)).ok()?;
    for edit in script.edits.iter().take(MAX_EDITS) {
        match edit_text(&text, edit) {
            Some(edited) => text = edited,
            None => break,
        }
    }
    *bytes = text.into_bytes();
    Some(Mutated {
        input: base.input.clone(),
        files,
        all: script.all,
    })
}

fn pick<'a>(list: &[&'a str], i: impl Into<usize>) -> &'a str {
    list.get(i.into() % list.len().max(1))
        .copied()
        .unwrap_or("")
}

/// `text` with one edit; None once the text is no longer XML that edits of
/// elements can work on.
fn edit_text(text: &str, edit: &Edit) -> Option<String> {
    match edit {
        Edit::Truncate { at } => {
            let at = floor_boundary(text, usize::from(*at) % (text.len() + 1));
            return Some(text[..at].to_owned());
        }
        Edit::Bytes { at, bytes } => {
            let at = floor_boundary(text, usize::from(*at) % (text.len() + 1));
            let inserted = String::from_utf8_lossy(bytes);
            return Some(splice(text, at..at, &inserted));
        }
        _ => {}
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).ok()?;
    let elements: Vec<roxmltree::Node<'_, '_>> =
        doc.descendants().filter(|n| n.is_element()).collect();
    let element = |i: u16| elements.get(usize::from(i) % elements.len()).copied();
    match edit {
        Edit::Remove { element: e } => {
            let node = element(*e)?;
            Some(splice(text, node.range(), ""))
        }
        Edit::Duplicate { element: e } => {
            let range = element(*e)?.range();
            let copy = text[range.clone()].to_owned();
            Some(splice(text, range.end..range.end, &copy))
        }
        Edit::Move { element: e, before } => {
            let range = element(*e)?.range();
            let at = element(*before)?.range().start;
            if range.contains(&at) {
                return Some(text.to_owned());
            }
            let moved = text[range.clone()].to_owned();
            let at = if at > range.start {
                at - range.len()
            } else {
                at
            };
            let without = splice(text, range, "");
            Some(splice(&without, at..at, &moved))
        }
        Edit::Rename { element: e, tag } => {
            let node = element(*e)?;
            let tag = pick(TAGS, *tag);
            Some(rename(text, node, tag))
        }
        Edit::Wrap { element: e, tag } => {
            let node = element(*e)?;
            let name = format!("{}{}", prefix(text, node), pick(TAGS, *tag));
            let range = node.range();
            let wrapped = format!("<{name}>{}</{name}>", &text[range.clone()]);
            Some(splice(text, range, &wrapped))
        }
        Edit::SetAttribute {
            element: e,
            name,
            value,
        } => {
            let node = element(*e)?;
            let name = pick(ATTRIBUTES, *name);
            let value = escape(&match value {
                Value::Known(i) => pick(VALUES, *i).to_owned(),
                Value::Existing(i) => {
                    let values: Vec<&str> = elements
                        .iter()
                        .flat_map(|n| n.attributes().map(|a| a.value()))
                        .collect();
                    pick(&values, *i).to_owned()
                }
                Value::Text(s) => s.clone(),
            });
            match node
                .attributes()
                .find(|a| text.get(a.range_qname()) == Some(name))
            {
                Some(attr) => Some(splice(text, attr.range_value(), &value)),
                None => {
                    let at = start_tag_end(text, node.range());
                    Some(splice(text, at..at, &format!(" {name}=\"{value}\"")))
                }
            }
        }
        Edit::RemoveAttribute {
            element: e,
            attribute,
        } => {
            let node = element(*e)?;
            let count = node.attributes().len();
            if count == 0 {
                return Some(text.to_owned());
            }
            let attr = node.attributes().nth(usize::from(*attribute) % count)?;
            Some(splice(text, attr.range(), ""))
        }
        Edit::Insert { before, snippet } => {
            let node = element(*before)?;
            let snippet = pick(SNIPPETS, *snippet).replace("{p}", &prefix(text, node));
            let at = node.range().start;
            Some(splice(text, at..at, &snippet))
        }
        Edit::Truncate { .. } | Edit::Bytes { .. } => None,
    }
}

/// `xs:` for `<xs:element ...>`, empty for an unprefixed element.
fn prefix(text: &str, node: roxmltree::Node<'_, '_>) -> String {
    let name = written_name(text, node.range().start);
    match name.find(':') {
        Some(i) => name[..=i].to_owned(),
        None => String::new(),
    }
}

fn written_name(text: &str, tag_start: usize) -> &str {
    let rest = text.get(tag_start + 1..).unwrap_or("");
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    &rest[..end]
}

fn rename(text: &str, node: roxmltree::Node<'_, '_>, tag: &str) -> String {
    let range = node.range();
    let new = format!("{}{tag}", prefix(text, node));
    let start_name = range.start + 1..range.start + 1 + written_name(text, range.start).len();
    let element = &text[range.clone()];
    let mut out = text.to_owned();
    if let Some(close) = element.rfind("</").filter(|_| !element.ends_with("/>")) {
        // `at` is the slash of the end tag; the name follows it.
        let at = range.start + close + 1;
        let len = written_name(text, at).len();
        out = splice(&out, at + 1..at + 1 + len, &new);
    }
    splice(&out, start_name, &new)
}

/// The offset of the `>` or `/>` that ends the start tag.
fn start_tag_end(text: &str, range: Range<usize>) -> usize {
    let mut quote = None;
    for (i, b) in text.bytes().enumerate().take(range.end).skip(range.start) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => {
                return if text.as_bytes().get(i.wrapping_sub(1)) == Some(&b'/') {
                    i - 1
                } else {
                    i
                };
            }
            _ => {}
        }
    }
    range.end
}

fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}

fn escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Writes the edited files under `dir`, keeping their relative paths.
pub fn dump(mutated: &Mutated, dir: &std::path::Path) {
    for (path, bytes) in &mutated.files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if let Err(e) = std::fs::write(&target, bytes) {
            panic!("cannot write {}: {e}", target.display());
        }
    }
    eprintln!(
        "wrote the schema set to {}; input {}, generate everything: {}",
        dir.display(),
        mutated.input.display(),
        mutated.all
    );
}
