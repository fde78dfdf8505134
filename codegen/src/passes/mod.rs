//! Stage `passes`: rewrites and analyses of the [`Model`] between `lower`
//! and `plan`, one file per pass.
//!
//! ```text
//! model::Model --tree_shake--> model::Model --recursion--> Recursion
//! ```
//!
//! - [`tree_shake`]: keeps only what the roots reach (the WSDL operations'
//!   messages, the global elements, or the roots asked for), renumbering the
//!   arenas in their original order so output order stays the schema's.
//! - [`recursion`]: finds the types that contain themselves by value, so
//!   that the plan puts a `Box` exactly where one is needed.

mod recursion;
mod tree_shake;

pub use recursion::{Recursion, recursion};
pub use tree_shake::{Roots, tree_shake};

use crate::model::Model;

/// Both passes, in order.
pub fn run(
    model: &Model,
    roots: &Roots,
) -> Result<(Model, Recursion), crate::diagnostics::Diagnostic> {
    let shaken = tree_shake(model, roots)?;
    let recursion = recursion(&shaken);
    Ok((shaken, recursion))
}
