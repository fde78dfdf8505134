//! Request bytes to [`UmRequest`], checked as strictly as the schema: SOAP 1.1
//! envelope, one body element in the (plain `http`) messages namespace, the
//! operation's children in order with nothing else, typed values.
//!
//! Any failure is a malformed request, which the server answers with the
//! `ErrorInvalidRequest` fault. A SOAPAction header, when present, must name
//! the same operation as the body; an absent one is tolerated so that a plain
//! `curl --data` works (ASMX itself would refuse it).

use roxmltree::{Document, Node, ParsingOptions};

use crate::soap::{GreetingType, MESSAGES_NS, Operation, SOAP_ENV_NS, UmRequest};

/// Why a request is malformed. Never quotes element text (a request carries no
/// secret today, but the rule keeps it that way).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the body is not UTF-8")]
    NotUtf8,
    #[error("not well-formed XML: {0}")]
    Xml(String),
    #[error("the root element is not a SOAP 1.1 Envelope")]
    NotEnvelope,
    #[error("the envelope has no Body")]
    NoBody,
    #[error("the Body holds no operation element")]
    NoOperation,
    #[error("the Body holds more than one element")]
    ExtraBodyElement,
    #[error("the operation element is in namespace {found:?}, expected {MESSAGES_NS}")]
    WrongNamespace { found: String },
    #[error("unknown operation {0:?}")]
    UnknownOperation(String),
    #[error("SOAPAction {header:?} does not match the body's operation {body}")]
    SoapActionMismatch { header: String, body: &'static str },
    #[error("{operation}: expected element {expected}, found {found}")]
    UnexpectedElement {
        operation: &'static str,
        expected: &'static str,
        found: String,
    },
    #[error("{element} must hold text only")]
    NotText { element: &'static str },
    #[error("{element} is not a valid {kind}")]
    InvalidValue {
        element: &'static str,
        kind: &'static str,
    },
}

/// Decodes one request; `soap_action` is the raw header value, if any.
pub fn decode_request(body: &[u8], soap_action: Option<&str>) -> Result<UmRequest, DecodeError> {
    let text = std::str::from_utf8(body).map_err(|_| DecodeError::NotUtf8)?;
    // roxmltree refuses DTDs by default, which rules out entity expansion.
    let options = ParsingOptions::default();
    let doc =
        Document::parse_with_options(text, options).map_err(|e| DecodeError::Xml(e.to_string()))?;
    let envelope = doc.root_element();
    if !is(envelope, SOAP_ENV_NS, "Envelope") {
        return Err(DecodeError::NotEnvelope);
    }
    let body = elements(envelope)
        .find(|n| is(*n, SOAP_ENV_NS, "Body"))
        .ok_or(DecodeError::NoBody)?;
    let mut in_body = elements(body);
    let op_node = in_body.next().ok_or(DecodeError::NoOperation)?;
    if in_body.next().is_some() {
        return Err(DecodeError::ExtraBodyElement);
    }
    let found_ns = op_node.tag_name().namespace().unwrap_or_default();
    if found_ns != MESSAGES_NS {
        return Err(DecodeError::WrongNamespace {
            found: found_ns.to_owned(),
        });
    }
    let name = op_node.tag_name().name();
    let op =
        Operation::from_name(name).ok_or_else(|| DecodeError::UnknownOperation(name.to_owned()))?;
    if let Some(header) = soap_action.map(|h| h.trim().trim_matches('"')) {
        if !header.is_empty() && header != op.soap_action() {
            return Err(DecodeError::SoapActionMismatch {
                header: header.to_owned(),
                body: op.name(),
            });
        }
    }
    read_operation(op, op_node)
}

fn read_operation(op: Operation, node: Node<'_, '_>) -> Result<UmRequest, DecodeError> {
    let mut children = Children {
        op,
        iter: Box::new(elements(node)),
    };
    let request = match op {
        Operation::IsUMEnabled => UmRequest::IsUmEnabled,
        Operation::GetUMProperties => UmRequest::GetUmProperties,
        Operation::ResetPIN => UmRequest::ResetPin,
        Operation::SetOofStatus => UmRequest::SetOofStatus(children.boolean("status")?),
        Operation::SetMissedCallNotificationEnabled => {
            UmRequest::SetMissedCallNotificationEnabled(children.boolean("status")?)
        }
        Operation::SetPlayOnPhoneDialString => {
            UmRequest::SetPlayOnPhoneDialString(children.string("dialString")?)
        }
        Operation::SetTelephoneAccessFolderEmail => {
            UmRequest::SetTelephoneAccessFolderEmail(children.string("base64FolderId")?)
        }
        Operation::PlayOnPhone => UmRequest::PlayOnPhone {
            entry_id: children.string("entryId")?,
            dial_string: children.string("DialString")?,
        },
        Operation::GetCallInfo => UmRequest::GetCallInfo {
            call_id: children.string("CallId")?,
        },
        Operation::Disconnect => UmRequest::Disconnect {
            call_id: children.string("CallId")?,
        },
        Operation::PlayOnPhoneGreeting => {
            let text = children.string("GreetingType")?;
            let greeting_type =
                GreetingType::parse(text.trim()).ok_or(DecodeError::InvalidValue {
                    element: "GreetingType",
                    kind: "UMGreetingType",
                })?;
            UmRequest::PlayOnPhoneGreeting {
                greeting_type,
                dial_string: children.string("DialString")?,
            }
        }
    };
    children.end()?;
    Ok(request)
}

/// The child elements of an operation, consumed in schema order.
struct Children<'a, 'input> {
    op: Operation,
    iter: Box<dyn Iterator<Item = Node<'a, 'input>> + 'a>,
}

impl<'a, 'input> Children<'a, 'input> {
    fn next(&mut self, expected: &'static str) -> Result<Node<'a, 'input>, DecodeError> {
        match self.iter.next() {
            Some(node) if is(node, MESSAGES_NS, expected) => Ok(node),
            other => Err(DecodeError::UnexpectedElement {
                operation: self.op.name(),
                expected,
                found: other.map_or_else(|| "the end".to_owned(), describe),
            }),
        }
    }

    fn string(&mut self, name: &'static str) -> Result<String, DecodeError> {
        let node = self.next(name)?;
        if elements(node).next().is_some() {
            return Err(DecodeError::NotText { element: name });
        }
        Ok(node
            .children()
            .filter(Node::is_text)
            .filter_map(|t| t.text())
            .collect())
    }

    fn boolean(&mut self, name: &'static str) -> Result<bool, DecodeError> {
        // xs:boolean: whitespace collapses; true/false/1/0 only.
        match self.string(name)?.trim() {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(DecodeError::InvalidValue {
                element: name,
                kind: "xs:boolean",
            }),
        }
    }

    fn end(&mut self) -> Result<(), DecodeError> {
        match self.iter.next() {
            None => Ok(()),
            Some(node) => Err(DecodeError::UnexpectedElement {
                operation: self.op.name(),
                expected: "the end",
                found: describe(node),
            }),
        }
    }
}

fn elements<'a, 'input>(node: Node<'a, 'input>) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children().filter(Node::is_element)
}

fn is(node: Node<'_, '_>, ns: &str, name: &str) -> bool {
    node.tag_name().namespace() == Some(ns) && node.tag_name().name() == name
}

fn describe(node: Node<'_, '_>) -> String {
    match node.tag_name().namespace() {
        Some(ns) => format!("{{{ns}}}{}", node.tag_name().name()),
        None => node.tag_name().name().to_owned(),
    }
}
