//! Stage 2, `parse`: [`SourceSet`] -> [`SchemaSet`].
//!
//! ```text
//! inputs --load--> SourceSet --parse--> syntax::SchemaSet --lower--> model::Model
//!                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//! ```
//!
//! Builds owned syntax trees from each file's XML (roxmltree): every node
//! keeps its [`crate::diagnostics::Span`], and every QName-valued attribute
//! (`type`, `ref`, `base`, `itemType`, `memberTypes`, `substitutionGroup`,
//! WSDL `element`, `message`, `binding`, ...) is expanded through the
//! in-scope namespaces of its element, so prefixes end here. Syntax errors
//! (unknown prefix, bad occurrences, a type attribute beside an anonymous
//! type, unsupported constructs such as `xs:redefine`) are all collected;
//! unknown attributes are ignored.

mod cx;
mod unexpected;
mod wsdl;
mod wsdl_binding;
mod xsd_complex;
mod xsd_element;
mod xsd_redefine;

pub use xsd_redefine::original_name;
mod xsd_schema;
mod xsd_simple;

use crate::diagnostics::{Diagnostics, Error};
use crate::load::xml::{WSDL_NS, XS_NS, is, parse_xml};
use crate::load::{FileKind, SourceSet};
use crate::syntax::SchemaSet;

/// Parses every file of the set, and stops if any has an error.
pub fn parse(sources: &SourceSet) -> Result<SchemaSet, Error> {
    let mut diagnostics = Diagnostics::new();
    let set = parse_into(sources, &mut diagnostics);
    crate::check::check(&diagnostics, sources)?;
    Ok(set)
}

/// Like [`parse`], but leaves the diagnostics in `diagnostics` for the
/// caller to check.
pub fn parse_into(sources: &SourceSet, diagnostics: &mut Diagnostics) -> SchemaSet {
    let own = diagnostics;
    let mut set = SchemaSet::default();
    for file in sources.files() {
        if matches!(file.kind, FileKind::Invalid | FileKind::Catalog) {
            continue;
        }
        let doc = match parse_xml(&file.text, file.id) {
            Ok(doc) => doc,
            Err(diagnostic) => {
                own.push(diagnostic);
                continue;
            }
        };
        let root = doc.root_element();
        let mut cx = cx::Cx::new(file.id, own);
        if is(root, XS_NS, "schema") {
            set.schemas.push(xsd_schema::schema(&mut cx, root, false));
        } else if is(root, WSDL_NS, "definitions") {
            let wsdl = wsdl::definitions(&mut cx, root, &mut set.schemas);
            set.wsdls.push(wsdl);
        }
    }
    set
}
