//! WSDL operations -> one unit struct each in the `operations` module,
//! with their header types (see [`super::headers`]).
//!
//! `SAFE_TO_RETRY` is, in order of precedence: the `Config`'s
//! `safe_to_retry(op, bool)`, the WSDL's `xg:safeToRetry`, `false`.

use super::Planner;
use super::docs;
use super::headers::{self, Direction, HeaderSets};
use super::names::{self, Scope, Suffix};
use super::rust::OperationDef;
use crate::diagnostics::{Diagnostic, Severity};

impl Planner<'_> {
    pub(super) fn plan_operations(&mut self) -> Vec<OperationDef> {
        let model = self.model;
        let mut scope = Scope::with_reserved(&["OPERATIONS"]);
        // Operations claim their identifiers before any header type, so
        // that declaring headers never renames an operation.
        let ops: Vec<_> = model
            .services
            .iter()
            .flat_map(|s| &s.operations)
            .map(|op| (op, scope.claim(names::type_ident(&op.name), Suffix::Camel)))
            .collect();
        let mut sets = HeaderSets::default();
        let mut out = Vec::new();
        for (op, ident) in ops {
            let request = self
                .element_paths
                .get(op.input.element.index())
                .cloned()
                .flatten();
            let response = self
                .element_paths
                .get(op.output.element.index())
                .cloned()
                .flatten();
            let (Some(request), Some(response)) = (request, response) else {
                self.error(
                    op.span,
                    "internal error: the messages of this operation were not planned",
                );
                continue;
            };
            let safe_to_retry = self
                .options
                .safe_to_retry
                .get(&op.name)
                .copied()
                .or(op.safe_to_retry)
                .unwrap_or(false);
            let input_headers =
                self.plan_headers(op, &ident, Direction::Input, &mut sets, &mut scope);
            let output_headers =
                self.plan_headers(op, &ident, Direction::Output, &mut sets, &mut scope);
            out.push(OperationDef {
                ident,
                doc: docs::doc(op.doc.as_deref()),
                name: op.name.clone(),
                soap_action: op.soap_action.clone().unwrap_or_default(),
                safe_to_retry,
                request,
                response,
                input_headers,
                output_headers,
            });
        }
        headers::document(&sets, &mut out);
        for name in self.options.safe_to_retry.keys() {
            if !out.iter().any(|op| &op.name == name) {
                let known: Vec<&str> = out.iter().map(|op| op.name.as_str()).collect();
                let message = if known.is_empty() {
                    format!(
                        "safe_to_retry names the operation '{name}', but the inputs have no operations"
                    )
                } else {
                    format!(
                        "safe_to_retry names the operation '{name}', which the services do not have (they have: {})",
                        known.join(", ")
                    )
                };
                self.diagnostics
                    .push(Diagnostic::new(Severity::Error, None, message));
            }
        }
        out
    }
}
