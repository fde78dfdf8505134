//! `wsdl:binding` with its SOAP extensibility elements (`soap:binding`,
//! `soap:operation`, `soap:body`, `soap:header`, `soap:fault`), in the
//! SOAP 1.1 namespace or the SOAP 1.2 one (`soap12:`), which has the same
//! shape plus `soap12:operation/@soapActionRequired`. Other bindings (HTTP
//! GET/POST) are recognized and skipped with a warning.

use roxmltree::Node;

use super::cx::Cx;
use super::wsdl::{unsupported, wsdl_children};
use crate::load::xml::{SOAP11_NS, SOAP12_NS, is, written_name};
use crate::syntax::{
    Binding, BindingFault, BindingIo, BindingKind, BindingOperation, SoapBody, SoapHeader,
};

pub(crate) fn binding(cx: &mut Cx<'_>, node: Node<'_, '_>) -> Option<Binding> {
    let name = cx.required_name(node)?;
    let span = cx.span(node);
    if !node.has_attribute("type") {
        cx.error(span, format!("binding '{name}' must have a 'type'"));
        return None;
    }
    let port_type = cx.qname(node, "type")?;
    let soap11 = node.children().find(|n| is(*n, SOAP11_NS, "binding"));
    let soap12 = node.children().find(|n| is(*n, SOAP12_NS, "binding"));
    let soap = soap11.or(soap12);
    let kind = if soap11.is_some() {
        BindingKind::Soap11
    } else if soap12.is_some() {
        BindingKind::Soap12
    } else {
        cx.warning(
            span,
            format!("binding '{name}' is not a SOAP binding and is skipped"),
        );
        BindingKind::Other
    };
    let mut binding = Binding {
        span,
        name,
        port_type,
        kind,
        soap_span: soap.map(|s| cx.span(s)),
        style: soap.and_then(|s| cx.token(s, "style")),
        transport: soap.and_then(|s| cx.token(s, "transport")),
        operations: Vec::new(),
    };
    let ext = match kind {
        BindingKind::Soap11 => SOAP11_NS,
        BindingKind::Soap12 => SOAP12_NS,
        BindingKind::Other => return Some(binding),
    };
    for child in wsdl_children(node) {
        if child.tag_name().name() == "operation" {
            binding.operations.extend(operation(cx, child, ext));
        } else {
            unsupported(cx, child);
        }
    }
    Some(binding)
}

/// A binding operation whose extensibility elements are in `ext`.
fn operation(cx: &mut Cx<'_>, node: Node<'_, '_>, ext: &str) -> Option<BindingOperation> {
    let name = cx.required_name(node)?;
    let soap = node.children().find(|n| is(*n, ext, "operation"));
    // WSDL's SOAP 1.2 binding makes the action required unless it says not.
    let soap_action_required = soap.is_none_or(|s| cx.boolean(s, "soapActionRequired", true));
    let mut op = BindingOperation {
        span: cx.span(node),
        name,
        soap_action: soap
            .and_then(|s| s.attribute("soapAction"))
            .map(|a| a.trim().to_owned()),
        style: soap.and_then(|s| Some((cx.token(s, "style")?, cx.attr_span(s, "style")))),
        soap_action_required,
        input: None,
        output: None,
        faults: Vec::new(),
    };
    for child in wsdl_children(node) {
        match child.tag_name().name() {
            "input" if op.input.is_none() => op.input = Some(io(cx, child, ext)),
            "output" if op.output.is_none() => op.output = Some(io(cx, child, ext)),
            "fault" => {
                for header in child.children().filter(|n| is(*n, ext, "header")) {
                    let span = cx.span(header);
                    cx.warning(
                        span,
                        "'soap:header' in a fault binding is ignored: faults are read without their header entries",
                    );
                }
                let body = child.children().find(|n| is(*n, ext, "fault"));
                op.faults.push(BindingFault {
                    span: cx.span(child),
                    name: cx.name(child),
                    use_: body.and_then(|b| cx.token(b, "use")),
                });
            }
            "input" | "output" => {
                let span = cx.span(child);
                cx.error(
                    span,
                    format!(
                        "binding operation '{}' has more than one '{}'",
                        op.name,
                        written_name(child)
                    ),
                );
            }
            _ => unsupported(cx, child),
        }
    }
    Some(op)
}

fn io(cx: &mut Cx<'_>, node: Node<'_, '_>, ext: &str) -> BindingIo {
    let mut io = BindingIo {
        span: cx.span(node),
        body: None,
        headers: Vec::new(),
    };
    for child in node.children().filter(|n| n.is_element()) {
        if is(child, ext, "body") {
            io.body = Some(SoapBody {
                span: cx.span(child),
                use_: cx.token(child, "use"),
                parts: child
                    .attribute("parts")
                    .map(|p| p.split_whitespace().map(str::to_owned).collect()),
            });
        } else if is(child, ext, "header") {
            let span = cx.span(child);
            let (Some(message), Some(part)) = (cx.qname(child, "message"), cx.token(child, "part"))
            else {
                if !child.has_attribute("message") || !child.has_attribute("part") {
                    cx.error(span, "'soap:header' must have a 'message' and a 'part'");
                }
                continue;
            };
            for fault in child.children().filter(|n| is(*n, ext, "headerfault")) {
                let span = cx.span(fault);
                cx.warning(
                    span,
                    "'soap:headerfault' is ignored: faults are read without their header entries",
                );
            }
            io.headers.push(SoapHeader {
                span,
                message,
                part,
                use_: cx.token(child, "use"),
            });
        }
    }
    io
}
