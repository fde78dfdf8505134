//! WSDL operations -> one unit struct each in the `operations` module,
//! with their header types (see [`super::headers`]); WSDL ports -> a
//! module each in `ports`, with a client.
//!
//! The operations of a service's first binding are named after the
//! operation (`ResetPin`). Those of its other bindings add what sets the
//! binding apart: the SOAP version where that is unique in the service
//! (`NfeStatusServicoNfSoap12`), else the binding's name.
//!
//! `SAFE_TO_RETRY` is, in order of precedence: the `Config`'s
//! `safe_to_retry(op, bool)`, the WSDL's `xg:safeToRetry`, `false`.

use super::Planner;
use super::docs;
use super::headers::{self, Direction, HeaderSets};
use super::names::RustIdent;
use super::names::{self, Scope, Suffix};
use super::rust::{OperationDef, PortDef, PortOperation, TypePath};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{QName, Service, SoapVersion};

impl Planner<'_> {
    pub(super) fn plan_operations(&mut self) -> (Vec<OperationDef>, Vec<PortDef>) {
        let model = self.model;
        let mut scope = Scope::with_reserved(&["OPERATIONS"]);
        // Operations claim their identifiers before any header type, so
        // that declaring headers never renames an operation.
        let ops: Vec<_> = model
            .services
            .iter()
            .flat_map(|s| s.operations.iter().map(move |op| (s, op)))
            .map(|(s, op)| {
                let name = match binding_suffix(s, &op.binding) {
                    Some(suffix) => format!("{}_{suffix}", op.name),
                    None => op.name.clone(),
                };
                (op, scope.claim(names::type_ident(&name), Suffix::Camel))
            })
            .collect();
        let mut bound: Vec<(&QName, &str)> = Vec::new();
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
            let faults = self.plan_faults(op, &ident, &mut scope);
            bound.push((&op.binding, op.name.as_str()));
            out.push(OperationDef {
                ident,
                doc: docs::doc(op.doc.as_deref()),
                name: op.name.clone(),
                version: op.version,
                soap_action: op.soap_action.clone().unwrap_or_default(),
                soap_action_required: op.soap_action_required,
                safe_to_retry,
                request,
                response,
                input_headers,
                output_headers,
                faults,
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
        let ports = plan_ports(&model.services, &bound);
        (out, ports)
    }
}

/// An enum with a variant per `wsdl:fault` of an operation.
#[derive(Debug, Clone)]
pub struct FaultsDef {
    pub ident: RustIdent,
    pub variants: Vec<FaultVariant>,
}

#[derive(Debug, Clone)]
pub struct FaultVariant {
    pub ident: RustIdent,
    /// The `wsdl:fault` name.
    pub name: String,
    /// The element of the fault message's part: the detail entry.
    pub element: TypePath,
}

impl Planner<'_> {
    /// `<Operation>Fault`, with a variant per declared fault whose element
    /// was planned, named after the `wsdl:fault`.
    fn plan_faults(
        &mut self,
        op: &crate::model::Operation,
        ident: &RustIdent,
        scope: &mut Scope,
    ) -> Option<FaultsDef> {
        let mut variants = Scope::new();
        let planned: Vec<FaultVariant> = op
            .faults
            .iter()
            .filter_map(|f| {
                let element = self
                    .element_paths
                    .get(f.element.index())
                    .cloned()
                    .flatten()?;
                let name = f.name.clone().unwrap_or_else(|| f.message.local.clone());
                Some(FaultVariant {
                    ident: variants.claim(names::type_ident(&name), Suffix::Camel),
                    name,
                    element,
                })
            })
            .collect();
        if planned.is_empty() {
            return None;
        }
        Some(FaultsDef {
            ident: scope.claim(
                names::type_ident(&format!("{}Fault", ident.name)),
                Suffix::Camel,
            ),
            variants: planned,
        })
    }
}

/// What names the operations of `binding` apart from those of the
/// service's first binding; None for the first binding itself.
fn binding_suffix(service: &Service, binding: &QName) -> Option<String> {
    let first = service.operations.first()?;
    if &first.binding == binding {
        return None;
    }
    let version_of = |b: &QName| {
        service
            .operations
            .iter()
            .find(|op| &op.binding == b)
            .map(|op| op.version)
    };
    let version = version_of(binding)?;
    let mut bindings: Vec<&QName> = service.operations.iter().map(|op| &op.binding).collect();
    bindings.dedup();
    let same_version = bindings
        .iter()
        .filter(|b| version_of(b) == Some(version))
        .count();
    Some(if version != first.version && same_version == 1 {
        match version {
            SoapVersion::V11 => "Soap11".to_owned(),
            SoapVersion::V12 => "Soap12".to_owned(),
        }
    } else {
        binding.local.clone()
    })
}

/// A module per port, whose client has a method per operation of the
/// port's binding; `bound` is (binding, operation name) per planned
/// operation, in the order of the operations.
fn plan_ports(services: &[Service], bound: &[(&QName, &str)]) -> Vec<PortDef> {
    let mut modules = Scope::new();
    let mut out = Vec::new();
    for service in services {
        for port in &service.ports {
            let mut methods = Scope::with_reserved(&["new", "builder", "inner", "from"]);
            let operations = bound
                .iter()
                .enumerate()
                .filter(|(_, (b, _))| **b == port.binding)
                .map(|(operation, (_, name))| {
                    let method = methods.claim(names::field_ident(name), Suffix::Snake);
                    let with = format!("{}_with_headers", method.name);
                    let method_with_headers =
                        methods.claim(names::field_ident(&with), Suffix::Snake);
                    PortOperation {
                        method,
                        method_with_headers,
                        operation,
                    }
                })
                .collect();
            out.push(PortDef {
                ident: modules.claim(names::field_ident(&port.name), Suffix::Snake),
                name: port.name.clone(),
                service: service.name.local.clone(),
                address: port.address.clone(),
                version: port.version,
                operations,
            });
        }
    }
    out
}
