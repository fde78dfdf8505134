//! WSDL 1.1 syntax: messages, port types, SOAP bindings and services.

use super::QNameRef;
use crate::diagnostics::{FileId, Span};

/// One `wsdl:definitions` document. Its embedded schemas are in
/// [`super::SchemaSet::schemas`].
#[derive(Debug, Clone)]
pub struct Wsdl {
    pub file: FileId,
    pub span: Span,
    pub target_namespace: Option<String>,
    pub doc: Option<String>,
    pub messages: Vec<Message>,
    pub port_types: Vec<PortType>,
    pub bindings: Vec<Binding>,
    pub services: Vec<WsdlService>,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub span: Span,
    pub name: String,
    pub parts: Vec<Part>,
}

/// `wsdl:part`: document/literal parts name an `element`; `type` is kept
/// only so that lowering can say why it is not supported.
#[derive(Debug, Clone)]
pub struct Part {
    pub span: Span,
    pub name: String,
    pub element: Option<QNameRef>,
    pub type_name: Option<QNameRef>,
}

#[derive(Debug, Clone)]
pub struct PortType {
    pub span: Span,
    pub name: String,
    pub operations: Vec<PortTypeOperation>,
}

#[derive(Debug, Clone)]
pub struct PortTypeOperation {
    pub span: Span,
    pub name: String,
    pub doc: Option<String>,
    /// `xg:safeToRetry` (namespace [`crate::model::ANNOTATIONS_NS`]).
    pub safe_to_retry: Option<bool>,
    pub input: Option<PortTypeIo>,
    pub output: Option<PortTypeIo>,
    pub faults: Vec<PortTypeIo>,
}

/// `wsdl:input`, `wsdl:output` or `wsdl:fault` of a port type operation.
#[derive(Debug, Clone)]
pub struct PortTypeIo {
    pub span: Span,
    pub name: Option<String>,
    pub message: QNameRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindingKind {
    /// `soap:binding` (SOAP 1.1).
    Soap11,
    /// `soap12:binding` (SOAP 1.2).
    Soap12,
    /// Anything else (HTTP GET/POST, ...): skipped with a warning.
    Other,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub span: Span,
    pub name: String,
    pub port_type: QNameRef,
    pub kind: BindingKind,
    /// The `soap:binding` element and its `style`.
    pub soap_span: Option<Span>,
    pub style: Option<String>,
    pub transport: Option<String>,
    pub operations: Vec<BindingOperation>,
}

#[derive(Debug, Clone)]
pub struct BindingOperation {
    pub span: Span,
    pub name: String,
    pub soap_action: Option<String>,
    /// `soap:operation/@style` and where it was written.
    pub style: Option<(String, Span)>,
    /// `soap12:operation/@soapActionRequired` (true when absent, and for
    /// SOAP 1.1).
    pub soap_action_required: bool,
    pub input: Option<BindingIo>,
    pub output: Option<BindingIo>,
    pub faults: Vec<BindingFault>,
}

/// `wsdl:input`/`wsdl:output` of a binding operation.
#[derive(Debug, Clone)]
pub struct BindingIo {
    pub span: Span,
    pub body: Option<SoapBody>,
    pub headers: Vec<SoapHeader>,
}

#[derive(Debug, Clone)]
pub struct SoapBody {
    pub span: Span,
    pub use_: Option<String>,
    /// `parts`, split on whitespace; None when absent (all parts).
    pub parts: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct SoapHeader {
    pub span: Span,
    pub message: QNameRef,
    pub part: String,
    pub use_: Option<String>,
}

#[derive(Debug, Clone)]
pub struct BindingFault {
    pub span: Span,
    pub name: Option<String>,
    pub use_: Option<String>,
}

#[derive(Debug, Clone)]
pub struct WsdlService {
    pub span: Span,
    pub name: String,
    pub doc: Option<String>,
    pub ports: Vec<WsdlPort>,
}

#[derive(Debug, Clone)]
pub struct WsdlPort {
    pub span: Span,
    pub name: String,
    pub binding: QNameRef,
    pub address: Option<String>,
}
