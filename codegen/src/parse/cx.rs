//! The parsing context of one file and the attribute readers every parser
//! uses: names, QNames (expanded through the node's in-scope namespaces),
//! booleans, occurrences and documentation.

use roxmltree::Node;

use crate::diagnostics::{Diagnostics, FileId, Span};
use crate::load::xml::{XML_NS, XS_NS, attr_span, start_tag_span, written_name};
use crate::model::{MaxOccurs, QName};
use crate::syntax::{Form, QNameRef};

/// How deeply schema elements may nest before we give up, so that a
/// hostile schema cannot overflow the stack of the parser or of lowering.
pub(crate) const MAX_DEPTH: u32 = 100;

pub(crate) struct Cx<'d> {
    pub file: FileId,
    pub diagnostics: &'d mut Diagnostics,
    depth: u32,
}

impl<'d> Cx<'d> {
    pub(crate) fn new(file: FileId, diagnostics: &'d mut Diagnostics) -> Self {
        Self {
            file,
            diagnostics,
            depth: 0,
        }
    }

    pub(crate) fn span(&self, node: Node<'_, '_>) -> Span {
        start_tag_span(node, self.file)
    }

    pub(crate) fn attr_span(&self, node: Node<'_, '_>, name: &str) -> Span {
        attr_span(node, name, self.file)
    }

    pub(crate) fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diagnostics.error(span, message);
    }

    pub(crate) fn warning(&mut self, span: Span, message: impl Into<String>) {
        self.diagnostics.warning(span, message);
    }

    /// Enters a nested schema element; false (with an error) when the
    /// nesting is too deep. Every `true` must be paired with [`Cx::leave`].
    pub(crate) fn enter(&mut self, node: Node<'_, '_>) -> bool {
        if self.depth >= MAX_DEPTH {
            let span = self.span(node);
            self.error(
                span,
                format!("schema nesting deeper than {MAX_DEPTH} levels is not supported"),
            );
            return false;
        }
        self.depth += 1;
        true
    }

    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The raw value of an attribute.
    pub(crate) fn raw<'a>(&self, node: Node<'a, '_>, name: &str) -> Option<&'a str> {
        node.attribute(name)
    }

    /// A trimmed, non-empty attribute value.
    pub(crate) fn token(&self, node: Node<'_, '_>, name: &str) -> Option<String> {
        node.attribute(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    /// The `name` attribute, checked to be an NCName.
    pub(crate) fn name(&mut self, node: Node<'_, '_>) -> Option<String> {
        let value = node.attribute("name")?.trim();
        if is_ncname(value) {
            Some(value.to_owned())
        } else {
            let span = self.attr_span(node, "name");
            self.error(span, format!("invalid name '{value}'"));
            None
        }
    }

    /// A required `name`; reports its absence on the element.
    pub(crate) fn required_name(&mut self, node: Node<'_, '_>) -> Option<String> {
        if node.attribute("name").is_none() {
            let span = self.span(node);
            self.error(span, format!("'{}' must have a 'name'", written_name(node)));
            return None;
        }
        self.name(node)
    }

    /// A QName-valued attribute, expanded through the in-scope namespaces.
    pub(crate) fn qname(&mut self, node: Node<'_, '_>, attr: &str) -> Option<QNameRef> {
        let value = node.attribute(attr)?;
        let span = self.attr_span(node, attr);
        self.qname_value(node, value.trim(), span)
    }

    /// Expands one QName written in `node` (also an item of `memberTypes`).
    pub(crate) fn qname_value(
        &mut self,
        node: Node<'_, '_>,
        value: &str,
        span: Span,
    ) -> Option<QNameRef> {
        let (prefix, local) = match value.split_once(':') {
            Some((prefix, local)) => (Some(prefix), local),
            None => (None, value),
        };
        if !is_ncname(local) || prefix.is_some_and(|p| !is_ncname(p)) {
            self.error(span, format!("invalid QName '{value}'"));
            return None;
        }
        let namespace = match prefix {
            Some("xml") => Some(XML_NS),
            Some(prefix) => match node.lookup_namespace_uri(Some(prefix)) {
                Some(uri) => Some(uri),
                None => {
                    self.error(span, format!("unknown prefix '{prefix}' in '{value}'"));
                    return None;
                }
            },
            None => node.lookup_namespace_uri(None),
        };
        Some(QNameRef {
            name: QName::new(namespace, local),
            written: value.to_owned(),
            span,
        })
    }

    /// An `xs:boolean` attribute.
    pub(crate) fn boolean(&mut self, node: Node<'_, '_>, attr: &str, default: bool) -> bool {
        match node.attribute(attr).map(str::trim) {
            None => default,
            Some("true" | "1") => true,
            Some("false" | "0") => false,
            Some(other) => {
                let span = self.attr_span(node, attr);
                self.error(
                    span,
                    format!("invalid {attr} '{other}': expected 'true' or 'false'"),
                );
                default
            }
        }
    }

    /// `form`, `elementFormDefault` or `attributeFormDefault`.
    pub(crate) fn form(&mut self, node: Node<'_, '_>, attr: &str) -> Option<Form> {
        match node.attribute(attr).map(str::trim)? {
            "qualified" => Some(Form::Qualified),
            "unqualified" => Some(Form::Unqualified),
            other => {
                let span = self.attr_span(node, attr);
                self.error(
                    span,
                    format!("invalid {attr} '{other}': expected 'qualified' or 'unqualified'"),
                );
                None
            }
        }
    }

    /// `minOccurs`/`maxOccurs`. None when the particle can never occur
    /// (`maxOccurs="0"`), which is reported and then dropped.
    pub(crate) fn occurs(&mut self, node: Node<'_, '_>) -> Option<(u32, MaxOccurs)> {
        let min = match node.attribute("minOccurs").map(str::trim) {
            None => 1,
            Some(v) => self.count(node, "minOccurs", v).unwrap_or(1),
        };
        let max = match node.attribute("maxOccurs").map(str::trim) {
            None => MaxOccurs::Bounded(1),
            Some("unbounded") => MaxOccurs::Unbounded,
            Some(v) => match self.count(node, "maxOccurs", v) {
                Some(n) => MaxOccurs::Bounded(n),
                None => MaxOccurs::Bounded(min.max(1)),
            },
        };
        if let MaxOccurs::Bounded(max) = max {
            if min > max {
                let span = self.attr_span(node, "maxOccurs");
                self.error(
                    span,
                    format!("minOccurs ({min}) is greater than maxOccurs ({max})"),
                );
                return Some((min, MaxOccurs::Bounded(min)));
            }
            if max == 0 {
                let span = self.attr_span(node, "maxOccurs");
                self.warning(
                    span,
                    "maxOccurs is 0: this particle can never occur and is ignored",
                );
                return None;
            }
        }
        Some((min, max))
    }

    fn count(&mut self, node: Node<'_, '_>, attr: &str, value: &str) -> Option<u32> {
        let digits = value.strip_prefix('+').unwrap_or(value);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            let span = self.attr_span(node, attr);
            self.error(
                span,
                format!("invalid {attr} '{value}': expected a non-negative integer"),
            );
            return None;
        }
        match digits.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                let span = self.attr_span(node, attr);
                self.error(span, format!("{attr} '{value}' is too large"));
                None
            }
        }
    }

    /// The text of the `xs:annotation/xs:documentation` children, with white
    /// space collapsed; several documentation elements become paragraphs.
    pub(crate) fn doc(&self, node: Node<'_, '_>) -> Option<String> {
        let paragraphs: Vec<String> = node
            .children()
            .filter(|n| is_xs(*n, "annotation"))
            .flat_map(|a| a.children().filter(|n| is_xs(*n, "documentation")))
            .map(collapsed_text)
            .filter(|t| !t.is_empty())
            .collect();
        (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
    }
}

/// All text below `node`, with runs of white space collapsed to one space.
pub(crate) fn collapsed_text(node: Node<'_, '_>) -> String {
    let mut words = Vec::new();
    for text in node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
    {
        words.extend(text.split_whitespace());
    }
    words.join(" ")
}

pub(crate) fn is_xs(node: Node<'_, '_>, local: &str) -> bool {
    node.is_element()
        && node.tag_name().namespace() == Some(XS_NS)
        && node.tag_name().name() == local
}

/// Element children in the XML Schema namespace other than annotations;
/// elements of other namespaces are extensions and are skipped.
pub(crate) fn xs_children<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(|n| {
        n.is_element()
            && n.tag_name().namespace() == Some(XS_NS)
            && n.tag_name().name() != "annotation"
    })
}

/// An XML non-colonized name, checked loosely (non-ASCII is accepted).
pub(crate) fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first.is_alphabetic() || first == '_')
        && chars.all(|c| {
            c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '\u{B7}') || !c.is_ascii()
        })
}
