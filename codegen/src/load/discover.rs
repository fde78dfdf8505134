//! Finding what a document refers to: `xs:include`, `xs:import` (also in
//! the schemas embedded in `wsdl:types`) and `wsdl:import`. Only this; the
//! full syntax is built by `parse`.

use super::xml::{WSDL_NS, XS_NS, is, start_tag_span, written_name};
use super::{FileKind, LinkKind};
use crate::diagnostics::{Diagnostic, FileId, Span};

pub(crate) struct Reference {
    pub kind: LinkKind,
    /// `schemaLocation` (or `location` of `wsdl:import`), trimmed.
    pub location: Option<String>,
    /// The `namespace` attribute of an import.
    pub namespace: Option<String>,
    pub span: Span,
}

pub(crate) struct Discovered {
    pub kind: FileKind,
    /// `targetNamespace` of the root (schema or definitions).
    pub target_namespace: Option<String>,
    /// Target namespaces of schemas embedded in `wsdl:types`.
    pub embedded_namespaces: Vec<Option<String>>,
    pub references: Vec<Reference>,
}

pub(crate) fn discover(
    doc: &roxmltree::Document<'_>,
    file: FileId,
) -> Result<Discovered, Diagnostic> {
    let root = doc.root_element();
    let tns = |node: roxmltree::Node<'_, '_>| {
        node.attribute("targetNamespace")
            .map(str::trim)
            .filter(|ns| !ns.is_empty())
            .map(str::to_owned)
    };
    let mut found = Discovered {
        kind: FileKind::Schema,
        target_namespace: tns(root),
        embedded_namespaces: Vec::new(),
        references: Vec::new(),
    };
    if is(root, XS_NS, "schema") {
        schema_references(root, file, &mut found.references);
    } else if is(root, WSDL_NS, "definitions") {
        found.kind = FileKind::Wsdl;
        for child in root.children().filter(|n| n.is_element()) {
            if is(child, WSDL_NS, "import") {
                found.references.push(Reference {
                    kind: LinkKind::WsdlImport,
                    location: attr(child, "location"),
                    namespace: attr(child, "namespace"),
                    span: start_tag_span(child, file),
                });
            } else if is(child, WSDL_NS, "types") {
                for schema in child.children().filter(|n| is(*n, XS_NS, "schema")) {
                    found.embedded_namespaces.push(tns(schema));
                    schema_references(schema, file, &mut found.references);
                }
            }
        }
    } else {
        return Err(Diagnostic::error(
            start_tag_span(root, file),
            format!(
                "expected 'xs:schema' or 'wsdl:definitions' as the root element, found '{}'",
                written_name(root)
            ),
        ));
    }
    Ok(found)
}

fn schema_references(schema: roxmltree::Node<'_, '_>, file: FileId, out: &mut Vec<Reference>) {
    for child in schema.children().filter(|n| n.is_element()) {
        // A redefined schema is included; its redefinitions are parsed.
        let kind = if is(child, XS_NS, "include") || is(child, XS_NS, "redefine") {
            LinkKind::Include
        } else if is(child, XS_NS, "import") {
            LinkKind::Import
        } else {
            continue;
        };
        out.push(Reference {
            kind,
            location: attr(child, "schemaLocation"),
            namespace: attr(child, "namespace"),
            span: start_tag_span(child, file),
        });
    }
}

fn attr(node: roxmltree::Node<'_, '_>, name: &str) -> Option<String> {
    node.attribute(name)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}
