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
//! next stage may run; [`crate::pipeline`] drives the stages that way.
//! [`check_model`] adds what can only be judged on the lowered model:
//! circular type derivations and substitution groups, facets that do not
//! apply to the type they restrict (an enumeration on `xs:boolean`),
//! values that are not values of their types, and abstract heads that
//! nothing can stand for.

mod cycles;
mod facets;
mod heads;
mod values;

use crate::diagnostics::{Diagnostics, Error, render};
use crate::load::SourceSet;
use crate::model::{Model, TypeId};

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

/// The checks on a lowered model.
pub fn check_model(model: &Model, diagnostics: &mut Diagnostics) {
    cycles::type_derivations(model, diagnostics);
    cycles::substitution_groups(model, diagnostics);
    facets::applicability(model, &model.facet_spans, diagnostics);
    values::schema_values(model, diagnostics);
    heads::empty_heads(model, diagnostics);
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
