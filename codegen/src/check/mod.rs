//! Stage 4, `check`: the gate between stages, and the semantic checks that
//! need the whole model.
//!
//! ```text
//! inputs --load--> SourceSet --parse--> syntax::SchemaSet --lower--> model::Model
//!            \                  \                            \
//!             check               check                       check_model, check
//! ```
//!
//! Each stage reports into a [`Diagnostics`] collector and keeps going, so
//! that one run shows many problems; [`check`] then decides whether the
//! next stage may run. [`front`] runs the whole front end that way.
//! [`check_model`] adds what can only be judged on the lowered model:
//! circular type derivations and substitution groups, and facets that do
//! not apply to the type they restrict (an enumeration on `xs:boolean`).

mod cycles;
mod facets;
mod values;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostics, Error, Span, render};
use crate::load::SourceSet;
use crate::model::{Model, TypeId};
use crate::syntax::FacetKind;

/// Ok when no error was reported; otherwise the rendered diagnostics
/// (warnings of the same stage included), sorted by file and position.
pub fn check(diagnostics: &Diagnostics, sources: &SourceSet) -> Result<(), Error> {
    if !diagnostics.has_errors() {
        return Ok(());
    }
    let sorted = diagnostics.sorted();
    Err(Error::Diagnostics {
        rendered: render(&sorted, sources),
        diagnostics: sorted,
    })
}

/// The whole front end: load, parse and lower, checking between stages.
/// Warnings are in [`Model::warnings`]; render them with
/// [`crate::diagnostics::render`] and the returned [`SourceSet`].
pub fn front(inputs: &[PathBuf]) -> Result<(SourceSet, Model), Error> {
    let mut diagnostics = Diagnostics::new();
    let sources = crate::load::load_into(inputs, &mut diagnostics)?;
    front_from(sources, diagnostics)
}

/// [`front`] over files held in memory, by the paths they stand for.
pub fn front_memory<P: AsRef<Path>, B: AsRef<[u8]>>(
    inputs: &[PathBuf],
    files: &[(P, B)],
) -> Result<(SourceSet, Model), Error> {
    let mut diagnostics = Diagnostics::new();
    let sources = crate::load::load_memory_into(inputs, files, &mut diagnostics)?;
    front_from(sources, diagnostics)
}

fn front_from(
    sources: SourceSet,
    mut diagnostics: Diagnostics,
) -> Result<(SourceSet, Model), Error> {
    check(&diagnostics, &sources)?;
    let schemas = crate::parse::parse_into(&sources, &mut diagnostics);
    check(&diagnostics, &sources)?;
    let model = crate::lower::lower_into(&sources, &schemas, &mut diagnostics);
    check(&diagnostics, &sources)?;
    Ok((sources, model))
}

/// The checks on a lowered model. `facet_spans` says where the facets of
/// each restriction were written.
pub fn check_model(
    model: &Model,
    facet_spans: &[(TypeId, Vec<(FacetKind, Span)>)],
    diagnostics: &mut Diagnostics,
) {
    cycles::type_derivations(model, diagnostics);
    cycles::substitution_groups(model, diagnostics);
    facets::applicability(model, facet_spans, diagnostics);
    values::schema_values(model, diagnostics);
}

/// How a type is named in messages.
pub(crate) fn type_label(model: &Model, id: TypeId) -> String {
    match model.types.get(id.index()) {
        Some(def) => match &def.name {
            Some(name) => format!("'{}'", name.local),
            None => format!("the anonymous type in '{}'", def.name_hint),
        },
        None => "a type".to_owned(),
    }
}
