//! What to say about an XML Schema element we do not handle where it is.

use roxmltree::Node;

use super::cx::Cx;
use crate::load::xml::written_name;

/// Valid XML Schema that this generator does not implement.
const UNSUPPORTED: &[&str] = &[
    "override",
    "assert",
    "assertion",
    "alternative",
    "openContent",
    "defaultOpenContent",
];

/// Valid XML Schema that does not change the shape of the data and is
/// skipped: identity constraints, notations and application information.
const IGNORED: &[&str] = &[
    "key", "keyref", "unique", "selector", "field", "notation", "appinfo",
];

/// Everything else XML Schema 1.0 defines: misplaced rather than unknown.
const KNOWN: &[&str] = &[
    "schema",
    "include",
    "import",
    "element",
    "attribute",
    "complexType",
    "simpleType",
    "group",
    "attributeGroup",
    "sequence",
    "choice",
    "all",
    "any",
    "anyAttribute",
    "simpleContent",
    "complexContent",
    "extension",
    "restriction",
    "list",
    "union",
    "annotation",
    "documentation",
    "enumeration",
    "pattern",
    "length",
    "minLength",
    "maxLength",
    "minInclusive",
    "maxInclusive",
    "minExclusive",
    "maxExclusive",
    "totalDigits",
    "fractionDigits",
    "whiteSpace",
];

impl Cx<'_> {
    /// Reports `child`, an XML Schema element that `parent` cannot hold or
    /// that is not supported, unless it is one we skip on purpose.
    pub(crate) fn unexpected(&mut self, child: Node<'_, '_>, parent: Node<'_, '_>) {
        let local = child.tag_name().name();
        if IGNORED.contains(&local) {
            return;
        }
        let span = self.span(child);
        let written = written_name(child);
        if UNSUPPORTED.contains(&local) || !KNOWN.contains(&local) {
            self.error(span, format!("unsupported schema construct '{written}'"));
        } else {
            self.error(
                span,
                format!("unexpected '{written}' inside '{}'", written_name(parent)),
            );
        }
    }
}
