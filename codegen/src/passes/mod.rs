//! Stage `passes`: rewrites and analyses of the [`Model`] between `lower`
//! and `plan`, one file per pass.
//!
//! ```text
//! model::Model --tree_shake--> model::Model --polymorphism--> Polymorphism
//!                                           --recursion--> Recursion
//! ```
//!
//! - [`tree_shake`]: keeps only what the roots reach (the WSDL operations'
//!   messages, the global elements, or the roots asked for), renumbering the
//!   arenas in their original order so output order stays the schema's.
//! - [`polymorphism`]: lists the members of substitution groups and the
//!   types derived from each base, which may stand where the schema names
//!   the head or the base;
//! - [`recursion`]: finds the types that contain themselves by value, so
//!   that the plan puts a `Box` exactly where one is needed.

mod polymorphism;
mod recursion;
mod tree_shake;

pub use polymorphism::{Polymorphism, polymorphism};
pub use recursion::{Recursion, recursion};
pub use tree_shake::{Roots, tree_shake};

use crate::diagnostics::Diagnostics;
use crate::model::Model;

/// What the plan needs to know beyond the model.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub recursion: Recursion,
    pub polymorphism: Polymorphism,
}

/// The passes, in order. A root that names nothing is reported into
/// `diagnostics`; the result is then the model kept from the other roots.
pub fn run(model: &Model, roots: &Roots, diagnostics: &mut Diagnostics) -> (Model, Analysis) {
    let shaken = tree_shake(model, roots, diagnostics);
    let polymorphism = polymorphism(&shaken);
    let recursion = recursion(&shaken, &polymorphism);
    (
        shaken,
        Analysis {
            recursion,
            polymorphism,
        },
    )
}
