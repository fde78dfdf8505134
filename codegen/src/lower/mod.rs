//! Stage 3, `lower`: [`SchemaSet`] -> [`Model`].
//!
//! ```text
//! inputs --load--> SourceSet --parse--> syntax::SchemaSet --lower--> model::Model
//!                                                         ^^^^^^^^^^^^^^^^^^^^^^^
//! ```
//!
//! Resolves every reference (types, elements, groups, attribute groups,
//! attributes, messages, port types, bindings), maps `xs:*` to
//! [`crate::model::Builtin`], flattens group and attribute group references
//! into their users, gives anonymous types a `name_hint`, computes the wire
//! name of each local element and attribute from `form` and the schema's
//! defaults, and turns document/literal SOAP 1.1 bindings into services and
//! operations. It runs in phases so that recursion is just an id cycle:
//!
//! 1. `index`: symbol tables and duplicate names;
//! 2. `alloc`: arena ids for every named type and global element (and the
//!    anonymous type of a global element), so any reference can resolve;
//! 3. bodies: `types`, `content`, `attributes`, `simple`;
//! 4. `wsdl`: services and operations;
//! 5. `fixups`: simple content through complex bases.
//!
//! The semantic checks that need the whole model (circular derivations,
//! facets) are the next stage, [`crate::check::check_model`].

mod alloc;
mod attributes;
mod content;
mod fixups;
mod index;
mod resolve;
mod simple;
mod types;
mod wsdl;

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostics, Error, Span};
use crate::load::SourceSet;
use crate::model::{AttributeUse, Model, Particle, QName, TypeId, TypeRef, Wildcard};
use crate::syntax::{FacetKind, SchemaSet};

/// Lowers the parsed schemas to the model, and stops if anything does not
/// resolve.
pub fn lower(sources: &SourceSet, schemas: &SchemaSet) -> Result<Model, Error> {
    let mut diagnostics = Diagnostics::new();
    let model = lower_into(sources, schemas, &mut diagnostics);
    crate::check::check(&diagnostics, sources)?;
    Ok(model)
}

/// Like [`lower`], but leaves the diagnostics in `diagnostics` for the
/// caller to check; the model is incomplete when there are errors.
pub fn lower_into(
    sources: &SourceSet,
    schemas: &SchemaSet,
    diagnostics: &mut Diagnostics,
) -> Model {
    let index = index::build(sources, schemas, diagnostics);
    let mut lowerer = Lowerer {
        sources,
        index,
        model: Model::default(),
        diags: diagnostics,
        element_types: Vec::new(),
        attribute_types: BTreeMap::new(),
        groups: BTreeMap::new(),
        group_stack: Vec::new(),
        attribute_groups: BTreeMap::new(),
        attribute_group_stack: Vec::new(),
        simple_fixups: Vec::new(),
        facet_spans: Vec::new(),
        depth: 0,
    };
    let pending = lowerer.allocate();
    lowerer.fill(pending);
    lowerer.services(schemas);
    lowerer.fix_simple_content();
    let mut model = lowerer.model;
    model.facet_spans = lowerer.facet_spans;
    model
}

/// How deeply content may nest, counting group references, before lowering
/// reports it instead of risking the stack.
const MAX_DEPTH: u32 = 200;

/// A simple content whose value type is only known once every type body
/// is lowered: `owner`'s content is the simple content of `base`,
/// restricted by `restriction` (an anonymous simple type whose base is
/// filled in) when that is set.
pub(crate) struct SimpleFixup {
    pub owner: TypeId,
    pub base: TypeRef,
    pub restriction: Option<TypeId>,
    pub span: Span,
}

pub(crate) struct Lowerer<'s, 'd> {
    sources: &'s SourceSet,
    index: index::Index<'s>,
    model: Model,
    diags: &'d mut Diagnostics,
    /// The type of each global element, by ElementId.
    element_types: Vec<TypeRef>,
    /// The type of each global attribute, lowered on first use.
    attribute_types: BTreeMap<QName, TypeRef>,
    /// Flattened named groups (None when broken), and those being lowered.
    groups: BTreeMap<QName, Option<Particle>>,
    group_stack: Vec<QName>,
    attribute_groups: BTreeMap<QName, (Vec<AttributeUse>, Option<Wildcard>)>,
    attribute_group_stack: Vec<QName>,
    simple_fixups: Vec<SimpleFixup>,
    /// Where each restriction's facets were written, for [`crate::check`].
    facet_spans: Vec<(TypeId, Vec<(FacetKind, Span)>)>,
    depth: u32,
}

impl Lowerer<'_, '_> {
    /// Enters one level of nesting; false (with an error) when too deep.
    fn enter(&mut self, span: Span) -> bool {
        if self.depth >= MAX_DEPTH {
            self.diags
                .error(span, format!("content nested deeper than {MAX_DEPTH} levels (through groups) is not supported"));
            return false;
        }
        self.depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}
