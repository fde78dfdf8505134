//! The operations a mock serves: every SOAP 1.1 and 1.2 operation of
//! every port of the WSDL's model, once per version, action and request
//! element (the key the dispatcher chooses by).

use xsdgen::model::{self, Model, QName};
use xsdgen_runtime::soap::SoapVersion;
use xsdgen_runtime::xml::Name;

/// One operation as the dispatcher and the canned answers see it.
#[derive(Debug, Clone)]
pub struct Served {
    pub name: &'static str,
    pub version: SoapVersion,
    /// `""` when the binding gives none.
    pub action: &'static str,
    pub request: Name,
    pub response: QName,
    /// The header entries of the input, accepted whatever their
    /// `mustUnderstand`.
    pub input_headers: Vec<Name>,
    /// The detail entry element of each declared fault, by fault name.
    pub faults: Vec<(String, QName)>,
}

/// The operations in WSDL order, and a line for each one left out because
/// another of the same version, action and request element is served
/// already (no request could reach it).
pub fn served(model: &Model) -> (Vec<Served>, Vec<String>) {
    let mut served: Vec<Served> = Vec::new();
    let mut left_out = Vec::new();
    for service in &model.services {
        for port in &service.ports {
            for op in service
                .operations
                .iter()
                .filter(|op| op.binding == port.binding && op.version == port.version)
            {
                let candidate = describe(model, op);
                let twin = served.iter().find(|s| {
                    s.version == candidate.version
                        && s.action == candidate.action
                        && s.request == candidate.request
                });
                match twin {
                    // The same binding offered by several ports.
                    Some(twin) if twin.name == candidate.name => {}
                    Some(twin) => left_out.push(format!(
                        "operation {} ({}) is not served: {} has the same action {:?} and request element {}",
                        candidate.name,
                        candidate.version,
                        twin.name,
                        twin.action,
                        clark(twin.request)
                    )),
                    None => served.push(candidate),
                }
            }
        }
    }
    (served, left_out)
}

fn describe(model: &Model, op: &model::Operation) -> Served {
    let element = |id| &model.element(id).name;
    Served {
        name: leak(&op.name),
        version: match op.version {
            model::SoapVersion::V11 => SoapVersion::V11,
            model::SoapVersion::V12 => SoapVersion::V12,
        },
        action: leak(op.soap_action.as_deref().unwrap_or("")),
        request: name(element(op.input.element)),
        response: element(op.output.element).clone(),
        input_headers: op
            .input
            .headers
            .iter()
            .map(|h| name(element(h.element)))
            .collect(),
        faults: op
            .faults
            .iter()
            .map(|f| {
                let fault = f.name.clone().unwrap_or_else(|| f.message.local.clone());
                (fault, element(f.element).clone())
            })
            .collect(),
    }
}

/// The runtime's name of a model element.
fn name(qname: &QName) -> Name {
    Name::new(
        leak(qname.namespace.as_deref().unwrap_or("")),
        leak(&qname.local),
    )
}

/// The dispatcher's names are `'static`, as generated operations' are:
/// the mock registers its operations once and serves them until the
/// process ends, so each name is leaked once.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// `{namespace}local`, as the model's names print.
pub fn clark(name: Name) -> String {
    if name.ns.is_empty() {
        name.local.to_owned()
    } else {
        format!("{{{}}}{}", name.ns, name.local)
    }
}
