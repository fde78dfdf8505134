//! What the workspace's tests share:
//! - [`canonical`]: the XML infoset of a document as comparable text;
//! - [`xmllint`]: running libxml2's `xmllint`, the external schema oracle;
//! - [`ews_schemas`]: the published EWS schemas, ready for `xmllint`;
//! - [`peer`]: SOAP stacks written elsewhere (zeep).
//!
//! [`canonical`] keeps what a reader of the document can rely on and drops
//! what XML lets a writer choose:
//! - names are expanded (`{uri}local`), so prefixes and where namespaces are
//!   declared do not count, and namespace declarations are left out;
//! - attributes are sorted by expanded name;
//! - text is trimmed, whitespace-only text between elements is left out,
//!   and CDATA sections count as the text they hold;
//! - comments, processing instructions and the XML declaration are left
//!   out, and the text on both sides of a comment is one text;
//! - an `xsi:type` value is a QName: it is compared expanded, not by its
//!   prefix.
//!
//! A test that allows more (lexical forms of values, the order of an
//! `xs:all`) says so itself and passes its [`Rules`] to [`canonical_with`].

pub mod ews_schemas;
pub mod peer;
pub mod xmllint;

use roxmltree::{Document, Node};

const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// What a test allows beyond the normalisations every comparison makes.
pub struct Rules<'a> {
    /// Rewrites the text of an element or the value of one of its
    /// attributes before it is compared: `(element, attribute, text)`,
    /// `attribute` being `None` for the element's text and its expanded
    /// name otherwise.
    pub value: &'a dyn Fn(Node<'_, '_>, Option<&str>, &str) -> String,
    /// Elements whose child elements compare in the order of their
    /// expanded names (children of the same name keep their order).
    pub unordered: &'a dyn Fn(Node<'_, '_>) -> bool,
}

impl Rules<'_> {
    /// Nothing beyond what [`canonical`] does.
    pub const NONE: Rules<'static> = Rules {
        value: &|_, _, text| text.to_owned(),
        unordered: &|_| false,
    };
}

/// The infoset of `xml` as indented text, one element or text per line.
///
/// # Panics
/// When `xml` is not namespace-well-formed, with the parser's message and
/// the document.
pub fn canonical(xml: &str) -> String {
    canonical_with(xml, &Rules::NONE)
}

/// Like [`canonical`], with what `rules` allow besides.
///
/// # Panics
/// When `xml` is not namespace-well-formed.
pub fn canonical_with(xml: &str, rules: &Rules<'_>) -> String {
    let doc = Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    canonical_node(doc.root_element(), rules)
}

/// The infoset of one element and what it holds, as [`canonical`] writes
/// it: for comparing a document with the part of another it was read from.
pub fn canonical_node(node: Node<'_, '_>, rules: &Rules<'_>) -> String {
    let mut out = String::new();
    write_node(node, 0, rules, &mut out);
    out
}

fn expanded(ns: Option<&str>, local: &str) -> String {
    match ns.filter(|ns| !ns.is_empty()) {
        Some(ns) => format!("{{{ns}}}{local}"),
        None => local.to_owned(),
    }
}

fn write_node(node: Node<'_, '_>, depth: usize, rules: &Rules<'_>, out: &mut String) {
    let indent = "  ".repeat(depth);
    let element = expanded(node.tag_name().namespace(), node.tag_name().name());
    let mut attrs: Vec<String> = node
        .attributes()
        .map(|a| {
            let attribute = expanded(a.namespace(), a.name());
            let value = if a.namespace() == Some(XSI) && a.name() == "type" {
                let (prefix, local) = a
                    .value()
                    .trim()
                    .split_once(':')
                    .unwrap_or(("", a.value().trim()));
                let prefix = (!prefix.is_empty()).then_some(prefix);
                expanded(node.lookup_namespace_uri(prefix), local)
            } else {
                (rules.value)(node, Some(&attribute), a.value())
            };
            format!("{attribute}={value:?}")
        })
        .collect();
    attrs.sort();
    out.push_str(&format!("{indent}<{element} {}>\n", attrs.join(" ")));
    // Text on both sides of a dropped comment is one run of text.
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut String| {
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            let value = (rules.value)(node, None, trimmed);
            out.push_str(&format!("{indent}  {value:?}\n"));
        }
        text.clear();
    };
    let mut children: Vec<Node<'_, '_>> = node.children().collect();
    if (rules.unordered)(node) {
        // Stable: repeated children keep their order; text stays where it
        // was relative to them only in ordered elements.
        children.sort_by_key(|c| {
            c.is_element()
                .then(|| expanded(c.tag_name().namespace(), c.tag_name().name()))
        });
    }
    for child in children {
        if child.is_element() {
            flush(&mut text, out);
            write_node(child, depth + 1, rules, out);
        } else if child.is_text() {
            text.push_str(child.text().unwrap_or_default());
        }
    }
    flush(&mut text, out);
}
