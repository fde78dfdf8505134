//! Phase 4 of lowering: WSDL services. Document/literal SOAP 1.1 and 1.2
//! are supported: each operation's input and output message has one body part
//! naming a global element, the one `soap:body parts` names or else the
//! one part no `soap:header` takes; the parts bound by `soap:header`
//! (from any message) go in `soap:Header`.

use std::collections::BTreeMap;

use super::Lowerer;
use crate::diagnostics::Span;
use crate::model::{HeaderPart, Operation, OperationMessage, Port, QName, Service, SoapVersion};
use crate::syntax::{Binding, BindingIo, BindingKind, Message, PortTypeIo, SchemaSet};

const DOC_LIT: &str = "only document/literal is supported";

impl<'s> Lowerer<'s, '_> {
    pub(crate) fn services(&mut self, set: &SchemaSet) {
        let mut lowered: BTreeMap<QName, Vec<Operation>> = BTreeMap::new();
        let bindings: Vec<(QName, &'s Binding)> = self
            .index
            .bindings
            .iter()
            .filter(|(_, b)| b.kind != BindingKind::Other)
            .map(|(q, b)| (q.clone(), *b))
            .collect();
        for (name, binding) in bindings {
            if let Some(ops) = self.binding(&name, binding) {
                lowered.insert(name, ops);
            }
        }
        let has_services = set.wsdls.iter().any(|w| !w.services.is_empty());
        for wsdl in &set.wsdls {
            for service in &wsdl.services {
                let mut ports = Vec::new();
                let mut operations: Vec<Operation> = Vec::new();
                let mut bound: Vec<&QName> = Vec::new();
                for port in &service.ports {
                    let Some(binding) = self.index.bindings.get(&port.binding.name) else {
                        self.unknown("binding", &port.binding);
                        continue;
                    };
                    let Some(version) = version(binding.kind) else {
                        continue;
                    };
                    let Some(ops) = lowered.get(&port.binding.name) else {
                        continue;
                    };
                    if !bound.contains(&&port.binding.name) {
                        bound.push(&port.binding.name);
                        operations.extend(ops.iter().cloned());
                    }
                    ports.push(Port {
                        name: port.name.clone(),
                        binding: port.binding.name.clone(),
                        address: port.address.clone(),
                        version,
                    });
                }
                if !ports.is_empty() {
                    self.model.services.push(Service {
                        name: QName::new(wsdl.target_namespace.as_deref(), &service.name),
                        ports,
                        operations,
                        doc: service.doc.clone(),
                        span: service.span,
                    });
                }
            }
        }
        if !has_services {
            for (name, operations) in lowered {
                let Some(binding) = self.index.bindings.get(&name) else {
                    continue;
                };
                let Some(version) = version(binding.kind) else {
                    continue;
                };
                self.model.services.push(Service {
                    name: name.clone(),
                    ports: vec![Port {
                        name: name.local.clone(),
                        binding: name.clone(),
                        address: None,
                        version,
                    }],
                    operations,
                    doc: None,
                    span: binding.span,
                });
            }
        }
    }

    /// The operations of a SOAP binding, in port type order.
    fn binding(&mut self, name: &QName, b: &'s Binding) -> Option<Vec<Operation>> {
        let version = version(b.kind)?;
        // The binding's style is the default of operations without their own.
        if let (Some(style), Some(span)) = (&b.style, b.soap_span) {
            if style != "document" && b.operations.iter().any(|o| o.style.is_none()) {
                self.diags.error(
                    span,
                    format!("{DOC_LIT}: binding '{}' has style '{style}'", b.name),
                );
            }
        }
        let Some(&port_type) = self.index.port_types.get(&b.port_type.name) else {
            self.unknown("portType", &b.port_type);
            return None;
        };
        let mut bound: BTreeMap<&str, _> = BTreeMap::new();
        for op in &b.operations {
            if !port_type.operations.iter().any(|p| p.name == op.name) {
                self.diags.error(
                    op.span,
                    format!(
                        "binding operation '{}' is not in portType '{}'",
                        op.name, port_type.name
                    ),
                );
            }
            bound.insert(op.name.as_str(), op);
        }
        let mut operations = Vec::new();
        for pt_op in &port_type.operations {
            let Some(op) = bound.get(pt_op.name.as_str()).copied() else {
                self.diags.error(
                    pt_op.span,
                    format!(
                        "operation '{}' of portType '{}' is not bound in binding '{}'",
                        pt_op.name, port_type.name, b.name
                    ),
                );
                continue;
            };
            if let Some((style, span)) = &op.style {
                if style != "document" {
                    self.diags.error(
                        *span,
                        format!("{DOC_LIT}: operation '{}' has style '{style}'", op.name),
                    );
                }
            }
            let (Some(input), Some(output)) = (&pt_op.input, &pt_op.output) else {
                let what = if pt_op.input.is_none() {
                    "notification"
                } else {
                    "one-way"
                };
                self.diags.error(
                    pt_op.span,
                    format!(
                        "operation '{}': {what} operations are not supported",
                        pt_op.name
                    ),
                );
                continue;
            };
            let input = self.message(input, op.input.as_ref(), op.span);
            let output = self.message(output, op.output.as_ref(), op.span);
            let mut faults = Vec::new();
            for fault in &pt_op.faults {
                if let Some(f) = op.faults.iter().find(|f| f.name == fault.name) {
                    if let Some(u) = f.use_.as_deref().filter(|u| *u != "literal") {
                        self.diags
                            .error(f.span, format!("{DOC_LIT}: fault use is '{u}'"));
                    }
                }
                faults.extend(self.message(fault, None, op.span));
            }
            let (Some(input), Some(output)) = (input, output) else {
                continue;
            };
            operations.push(Operation {
                name: pt_op.name.clone(),
                binding: name.clone(),
                version,
                soap_action_required: op.soap_action_required,
                soap_action: op.soap_action.clone(),
                input,
                output,
                faults,
                safe_to_retry: pt_op.safe_to_retry,
                doc: pt_op.doc.clone(),
                span: op.span,
            });
        }
        Some(operations)
    }

    /// One input, output or fault message, with its body part and headers.
    fn message(
        &mut self,
        io: &PortTypeIo,
        bound: Option<&BindingIo>,
        op_span: Span,
    ) -> Option<OperationMessage> {
        let message = self.wsdl_message(&io.message.name, &io.message)?;
        let body = bound.and_then(|b| b.body.as_ref());
        let body_span = body.map_or(op_span, |b| b.span);
        if let Some(u) = body
            .and_then(|b| b.use_.as_deref())
            .filter(|u| *u != "literal")
        {
            self.diags
                .error(body_span, format!("{DOC_LIT}: 'use' is '{u}'"));
        }
        let (headers, header_parts) = self.headers(io, bound);
        let m = &message.name;
        let parts: Vec<_> = match body.and_then(|b| b.parts.as_ref()) {
            Some(names) => names
                .iter()
                .filter_map(|n| {
                    let found = message.parts.iter().find(|p| &p.name == n);
                    let problem = if found.is_none() {
                        format!("soap:body names part '{n}', which message '{m}' does not have")
                    } else if header_parts.contains(&n.as_str()) {
                        format!(
                            "part '{n}' of message '{m}' is bound both as the body and as a header"
                        )
                    } else {
                        return found;
                    };
                    self.diags.error(body_span, problem);
                    found
                })
                .collect(),
            None => message
                .parts
                .iter()
                .filter(|p| !header_parts.contains(&p.name.as_str()))
                .collect(),
        };
        let [part] = parts.as_slice() else {
            // A missing part named by `parts` was reported above.
            let named = body.and_then(|b| b.parts.as_ref());
            if named.is_none_or(|n| n.len() == parts.len()) {
                let hint = if named.is_none() && parts.len() > 1 {
                    "; soap:body parts=\"...\" names the body part"
                } else {
                    ""
                };
                // The binding's soap:body is where `parts` would go.
                self.diags.error(
                    body.map_or(io.span, |b| b.span),
                    format!(
                        "{DOC_LIT}: message '{}' has {} body parts, expected exactly one{hint}",
                        message.name,
                        parts.len()
                    ),
                );
            }
            return None;
        };
        Some(OperationMessage {
            name: io.name.clone(),
            message: io.message.name.clone(),
            part: part.name.clone(),
            element: self.part_element(part)?,
            headers,
        })
    }

    /// The `soap:header` entries of a bound input or output, each element
    /// once, and the names of the parts of the operation's own message
    /// that they take (which are therefore not the body).
    fn headers<'b>(
        &mut self,
        io: &PortTypeIo,
        bound: Option<&'b BindingIo>,
    ) -> (Vec<HeaderPart>, Vec<&'b str>) {
        let mut headers: Vec<HeaderPart> = Vec::new();
        let mut header_parts = Vec::new();
        for h in bound.map(|b| b.headers.as_slice()).unwrap_or_default() {
            if let Some(u) = h.use_.as_deref().filter(|u| *u != "literal") {
                self.diags
                    .error(h.span, format!("{DOC_LIT}: header use is '{u}'"));
            }
            let Some(hm) = self.wsdl_message(&h.message.name, &h.message) else {
                continue;
            };
            let Some(part) = hm.parts.iter().find(|p| p.name == h.part) else {
                self.diags.error(
                    h.span,
                    format!("message '{}' has no part '{}'", hm.name, h.part),
                );
                continue;
            };
            if h.message.name == io.message.name {
                header_parts.push(h.part.as_str());
            }
            let Some(element) = self.part_element(part) else {
                continue;
            };
            if headers.iter().any(|known| known.element == element) {
                self.diags.warning(
                    h.span,
                    format!(
                        "header part '{}' has the element of an earlier header part; the entry is read and written once",
                        h.part
                    ),
                );
                continue;
            }
            headers.push(HeaderPart {
                message: h.message.name.clone(),
                part: h.part.clone(),
                element,
                span: h.span,
            });
        }
        (headers, header_parts)
    }

    fn wsdl_message(&mut self, name: &QName, r: &crate::syntax::QNameRef) -> Option<&'s Message> {
        let found = self.index.messages.get(name).copied();
        if found.is_none() {
            self.unknown("message", r);
        }
        found
    }

    fn part_element(&mut self, part: &crate::syntax::Part) -> Option<crate::model::ElementId> {
        match (&part.element, &part.type_name) {
            (Some(e), _) => self.element_ref(e),
            (None, Some(_)) => {
                self.diags.error(
                    part.span,
                    format!(
                        "{DOC_LIT}: part '{}' has 'type' instead of 'element'",
                        part.name
                    ),
                );
                None
            }
            (None, None) => {
                self.diags.error(
                    part.span,
                    format!("part '{}' must have an 'element'", part.name),
                );
                None
            }
        }
    }
}

fn version(kind: BindingKind) -> Option<SoapVersion> {
    match kind {
        BindingKind::Soap11 => Some(SoapVersion::V11),
        BindingKind::Soap12 => Some(SoapVersion::V12),
        BindingKind::Other => None,
    }
}
