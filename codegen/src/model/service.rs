//! WSDL 1.1 services reduced to what a client and a server need:
//! operations bound as document/literal SOAP 1.1 or 1.2 with their action
//! and message elements, and the ports that offer them.

use super::{ElementId, QName};
use crate::diagnostics::Span;

/// Namespace of xsdgen's own annotations in schemas and WSDL.
pub const ANNOTATIONS_NS: &str = "urn:xsdgen:annotations";

#[derive(Debug, Clone)]
pub struct Service {
    /// The wsdl:service name, or the binding's name when the WSDL has no
    /// service element.
    pub name: QName,
    /// The ports with a SOAP binding, in document order; for a WSDL
    /// without a service element, one per binding, without an address.
    pub ports: Vec<Port>,
    /// The operations of every SOAP binding the ports use, binding by
    /// binding (the first binding's first), each in portType order.
    pub operations: Vec<Operation>,
    pub doc: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Port {
    pub name: String,
    pub binding: QName,
    /// `soap:address/@location` (or `soap12:address`), if any.
    pub address: Option<String>,
    pub version: SoapVersion,
}

/// The SOAP version a binding uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SoapVersion {
    V11,
    V12,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub name: String,
    /// The binding this operation is bound by.
    pub binding: QName,
    pub version: SoapVersion,
    /// `soap12:operation/@soapActionRequired`; true for SOAP 1.1.
    pub soap_action_required: bool,
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

/// A message of document/literal style: exactly one body part, naming a
/// global element, which is the child of `soap:Body`; any other parts the
/// binding puts in `soap:Header`.
///
/// The body part is the one `soap:body parts="..."` names; without
/// `parts`, the one part the binding does not bind as a header.
#[derive(Debug, Clone)]
pub struct OperationMessage {
    /// The `name` of the wsdl:input/output/fault (WSDL requires one on faults).
    pub name: Option<String>,
    /// The wsdl:message name.
    pub message: QName,
    /// The name of the body part.
    pub part: String,
    pub element: ElementId,
    /// `soap:header` parts, in binding order, each element once. Empty
    /// for faults, whose header entries are not read.
    pub headers: Vec<HeaderPart>,
}

/// A message part sent as a child of `soap:Header` (EWS:
/// `RequestServerVersion`, `ExchangeImpersonation`, `ServerVersionInfo`,
/// ...). Every header entry is optional on the wire: WSDL 1.1 cannot say
/// that one is required, and EWS servers answer without the ones they do
/// not need.
#[derive(Debug, Clone)]
pub struct HeaderPart {
    /// The message holding the part (usually the operation's own).
    pub message: QName,
    pub part: String,
    pub element: ElementId,
    /// The `soap:header` of the binding.
    pub span: Span,
}
