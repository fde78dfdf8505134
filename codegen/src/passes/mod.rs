//! Stage `passes`: rewrites and analyses of the [`Model`] between `lower`
//! and `plan`, one file per pass.
//!
//! ```text
//! model::Model --only_branches--> model::Model --tree_shake--> model::Model --polymorphism--> Polymorphism
//!                                           --recursion--> Recursion
//! ```
//!
//! - [`only_branches`]: drops the branches of choices that the user says
//!   never occur (run by the pipeline only when some are named);
//! - [`tree_shake`]: keeps only what the roots reach (the WSDL operations'
//!   messages, the global elements, or the roots asked for), renumbering the
//!   arenas in their original order so output order stays the schema's;
//!   [`reach`] is the closure it keeps, with the reference each item was
//!   first reached by, and [`explain`] the chain from a root to one item.
//! - [`polymorphism`]: lists the members of substitution groups and the
//!   types derived from each base, which may stand where the schema names
//!   the head or the base;
//! - [`recursion`]: finds the types that contain themselves by value, so
//!   that the plan puts a `Box` exactly where one is needed.

mod explain;
mod only_branches;
mod polymorphism;
mod reach;
mod recursion;
mod tree_shake;

pub use explain::{Chain, Step, explain};
pub use only_branches::{OnlyBranches, only_branches};
pub use polymorphism::{Polymorphism, polymorphism};
pub use reach::{Edge, Item, Reach, Via};
pub use recursion::{Recursion, recursion};
pub use tree_shake::{Roots, reach, tree_shake};

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
