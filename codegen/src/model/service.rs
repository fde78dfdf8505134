//! WSDL 1.1 services reduced to what a client needs: operations bound as
//! document/literal SOAP 1.1 with their SOAPAction and message elements.

use super::{ElementId, QName};
use crate::diagnostics::Span;

/// Namespace of xsdgen's own annotations in schemas and WSDL.
pub const ANNOTATIONS_NS: &str = "urn:xsdgen:annotations";

#[derive(Debug, Clone)]
pub struct Service {
    /// The wsdl:service name, or the binding's name when the WSDL has no
    /// service element.
    pub name: QName,
    pub ports: Vec<Port>,
    /// Operations of the (first) SOAP 1.1 binding, in portType order.
    pub operations: Vec<Operation>,
    pub doc: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Port {
    pub name: String,
    pub binding: QName,
    /// `soap:address/@location`, if any.
    pub address: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub name: String,
    /// `soap:operation/@soapAction`; None when the binding gives none (the
    /// HTTP header is then sent as `""`).
    pub soap_action: Option<String>,
    pub input: OperationMessage,
    pub output: OperationMessage,
    pub faults: Vec<OperationMessage>,
    /// Whether the operation may be sent again after it may have reached
    /// the server. WSDL cannot say so; a schema author states it with the
    /// attribute `xg:safeToRetry="true"` (namespace [`ANNOTATIONS_NS`]) on
    /// the `wsdl:operation` of the portType, and `Config` can override it.
    /// None when the WSDL does not say.
    pub safe_to_retry: Option<bool>,
    pub doc: Option<String>,
    pub span: Span,
}

/// A message of document/literal style: exactly one part, naming a global
/// element, which is the child of `soap:Body`.
#[derive(Debug, Clone)]
pub struct OperationMessage {
    /// The wsdl:message name.
    pub message: QName,
    pub element: ElementId,
}
