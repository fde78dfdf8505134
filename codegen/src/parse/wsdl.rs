//! WSDL 1.1 `wsdl:definitions`: types (embedded schemas), messages, port
//! types and services. Bindings are in [`super::wsdl_binding`].

use roxmltree::Node;

use super::cx::{Cx, collapsed_text};
use super::{wsdl_binding, xsd_schema};
use crate::load::xml::{SOAP11_NS, SOAP12_NS, WSDL_NS, XS_NS, clamp_u32, is, written_name};
use crate::model::ANNOTATIONS_NS;
use crate::syntax::{
    Message, Part, PortType, PortTypeIo, PortTypeOperation, Schema, Wsdl, WsdlPort, WsdlService,
};

pub(crate) fn definitions(cx: &mut Cx<'_>, node: Node<'_, '_>, schemas: &mut Vec<Schema>) -> Wsdl {
    let mut wsdl = Wsdl {
        file: cx.file,
        span: cx.span(node),
        target_namespace: cx.token(node, "targetNamespace"),
        doc: wsdl_doc(node),
        messages: Vec::new(),
        port_types: Vec::new(),
        bindings: Vec::new(),
        services: Vec::new(),
    };
    for child in wsdl_children(node) {
        match child.tag_name().name() {
            // Followed by `load`; nothing else to keep.
            "import" => {}
            "types" => {
                for schema in child.children().filter(|n| is(*n, XS_NS, "schema")) {
                    schemas.push(xsd_schema::schema(cx, schema, true));
                }
            }
            "message" => wsdl.messages.extend(message(cx, child)),
            "portType" => wsdl.port_types.extend(port_type(cx, child)),
            "binding" => wsdl.bindings.extend(wsdl_binding::binding(cx, child)),
            "service" => wsdl.services.extend(service(cx, child)),
            _ => unsupported(cx, child),
        }
    }
    wsdl
}

/// Element children in the WSDL namespace other than documentation; other
/// namespaces are extensibility elements (policies, ...) and are skipped.
pub(crate) fn wsdl_children<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(|n| {
        n.is_element()
            && n.tag_name().namespace() == Some(WSDL_NS)
            && n.tag_name().name() != "documentation"
    })
}

pub(crate) fn unsupported(cx: &mut Cx<'_>, node: Node<'_, '_>) {
    let span = cx.span(node);
    cx.error(
        span,
        format!("unsupported WSDL construct '{}'", written_name(node)),
    );
}

pub(crate) fn wsdl_doc(node: Node<'_, '_>) -> Option<String> {
    let text: Vec<String> = node
        .children()
        .filter(|n| is(*n, WSDL_NS, "documentation"))
        .map(collapsed_text)
        .filter(|t| !t.is_empty())
        .collect();
    (!text.is_empty()).then(|| text.join("\n\n"))
}

fn message(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<Message> {
    let name = cx.required_name(node)?;
    let mut parts = Vec::new();
    for child in wsdl_children(node) {
        if child.tag_name().name() != "part" {
            unsupported(cx, child);
            continue;
        }
        let Some(part_name) = cx.required_name(child) else {
            continue;
        };
        parts.push(Part {
            span: cx.span(child),
            name: part_name,
            element: cx.qname(child, "element"),
            type_name: cx.qname(child, "type"),
        });
    }
    Some(Message {
        span: cx.span(node),
        name,
        parts,
    })
}

fn port_type(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<PortType> {
    let name = cx.required_name(node)?;
    let mut operations = Vec::new();
    for child in wsdl_children(node) {
        if child.tag_name().name() == "operation" {
            operations.extend(operation(cx, child));
        } else {
            unsupported(cx, child);
        }
    }
    Some(PortType {
        span: cx.span(node),
        name,
        operations,
    })
}

fn operation(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<PortTypeOperation> {
    let name = cx.required_name(node)?;
    let span = cx.span(node);
    let mut op = PortTypeOperation {
        span,
        name,
        doc: wsdl_doc(node),
        safe_to_retry: safe_to_retry(cx, node),
        input: None,
        output: None,
        faults: Vec::new(),
    };
    for child in wsdl_children(node) {
        let local = child.tag_name().name();
        if !matches!(local, "input" | "output" | "fault") {
            unsupported(cx, child);
            continue;
        }
        let Some(message) = io_message(cx, child) else {
            continue;
        };
        match local {
            "input" if op.input.is_none() => {
                if op.output.is_some() {
                    cx.error(
                        span,
                        format!(
                            "operation '{}': solicit-response operations are not supported",
                            op.name
                        ),
                    );
                }
                op.input = Some(message);
            }
            "output" if op.output.is_none() => op.output = Some(message),
            "fault" => op.faults.push(message),
            _ => {
                let span = cx.span(child);
                cx.error(
                    span,
                    format!("operation '{}' has more than one '{local}'", op.name),
                );
            }
        }
    }
    Some(op)
}

/// The `xg:safeToRetry` annotation of a port type operation.
fn safe_to_retry(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<bool> {
    let attr = node
        .attributes()
        .find(|a| a.namespace() == Some(ANNOTATIONS_NS) && a.name() == "safeToRetry")?;
    match attr.value().trim() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        other => {
            let range = attr.range();
            let span = crate::diagnostics::Span {
                file: cx.file,
                start: clamp_u32(range.start),
                end: clamp_u32(range.end),
            };
            cx.error(
                span,
                format!("invalid safeToRetry '{other}': expected 'true' or 'false'"),
            );
            None
        }
    }
}

fn io_message(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<PortTypeIo> {
    if !node.has_attribute("message") {
        let span = cx.span(node);
        cx.error(
            span,
            format!("'{}' must have a 'message'", written_name(node)),
        );
        return None;
    }
    Some(PortTypeIo {
        span: cx.span(node),
        name: cx.name(node),
        message: cx.qname(node, "message")?,
    })
}

fn service(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<WsdlService> {
    let name = cx.required_name(node)?;
    let mut ports = Vec::new();
    for child in wsdl_children(node) {
        if child.tag_name().name() != "port" {
            unsupported(cx, child);
            continue;
        }
        let Some(port_name) = cx.required_name(child) else {
            continue;
        };
        if !child.has_attribute("binding") {
            let span = cx.span(child);
            cx.error(span, format!("port '{port_name}' must have a 'binding'"));
            continue;
        }
        let Some(binding) = cx.qname(child, "binding") else {
            continue;
        };
        // EWS publishes `location=""`: each server has its own URL, which
        // the client is given; an empty location is no address, not an error.
        let address = child
            .children()
            .find(|n| is(*n, SOAP11_NS, "address") || is(*n, SOAP12_NS, "address"))
            .and_then(|a| a.attribute("location"))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned);
        ports.push(WsdlPort {
            span: cx.span(child),
            name: port_name,
            binding,
            address,
        });
    }
    Some(WsdlService {
        span: cx.span(node),
        name,
        doc: wsdl_doc(node),
        ports,
    })
}
