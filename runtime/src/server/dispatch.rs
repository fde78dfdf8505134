//! Choosing the operation a request is for: by its action and the name of
//! its body element, in its SOAP version.
//!
//! The rules (SOAP 1.1 section 6.1.1, SOAP 1.2 Part 2 section 7, WS-I
//! Basic Profile 1.1 R1109 and R2744):
//!
//! 1. A non-empty action selects the operations registered with it in the
//!    request's version; among them, the one whose request element is the
//!    body element. An action whose operations take another element is a
//!    `Sender` fault naming both elements: the client and the server do
//!    not agree on the contract, and guessing would run the wrong thing.
//! 2. Without an action (none, or SOAP 1.1's `""`), the body element
//!    selects the one operation of the version that takes it. SOAP 1.2
//!    bindings say `soapActionRequired` true by default; this server is
//!    lenient there and dispatches by the body element when it is
//!    unambiguous, as a missing action is harmless when the element
//!    names one operation.
//! 3. An action no operation has is refused, unless the body element
//!    names one operation registered with an empty action (which no
//!    request can name by action).
//! 4. An element that several operations of the version take (they differ
//!    by action only) needs the action; without one it is a `Sender`
//!    fault naming them.
//! 5. An operation that is registered for the other version only is a
//!    `Sender` fault saying so; a request of a version no operation is
//!    registered for is refused with 415 before its body is read.

use std::sync::Arc;

use super::handler::Handle;
use crate::soap::{Fault, SoapVersion};
use crate::xml::Name;

/// One registered operation.
pub(super) struct Entry {
    pub name: &'static str,
    pub action: &'static str,
    pub version: SoapVersion,
    pub request: Name,
    pub handler: Arc<dyn Handle>,
}

impl Entry {
    fn takes(&self, namespace: &str, local: &str) -> bool {
        self.request.ns == namespace && self.request.local == local
    }
}

/// Every operation of a router.
#[derive(Clone, Default)]
pub(super) struct Table {
    entries: Vec<Arc<Entry>>,
}

impl Table {
    /// Adds `entry`.
    ///
    /// # Panics
    ///
    /// When an operation with the same version, action and request element
    /// is registered already: no request could tell the two apart.
    pub fn add(&mut self, entry: Entry) {
        if let Some(twin) = self.entries.iter().find(|e| {
            e.version == entry.version && e.action == entry.action && e.request == entry.request
        }) {
            panic!(
                "operations {} and {} are both registered for {} with action {:?} and request {}",
                twin.name, entry.name, entry.version, entry.action, entry.request
            );
        }
        self.entries.push(Arc::new(entry));
    }

    /// Whether any operation is registered for `version`.
    pub fn serves(&self, version: SoapVersion) -> bool {
        self.entries.iter().any(|e| e.version == version)
    }

    /// The versions served, for a 415's message.
    pub fn versions(&self) -> Vec<SoapVersion> {
        SoapVersion::ALL
            .into_iter()
            .filter(|v| self.serves(*v))
            .collect()
    }

    /// The operation for a request of `version` with `action` and the body
    /// element `{namespace}local`; see the [module docs](self).
    pub fn select(
        &self,
        version: SoapVersion,
        action: Option<&str>,
        namespace: &str,
        local: &str,
    ) -> Result<&Arc<Entry>, Box<Fault>> {
        let element = clark(namespace, local);
        let action = action.filter(|a| !a.is_empty());
        let in_version = || self.entries.iter().filter(move |e| e.version == version);
        if let Some(action) = action {
            let named: Vec<&Arc<Entry>> = in_version().filter(|e| e.action == action).collect();
            if !named.is_empty() {
                return match named.iter().find(|e| e.takes(namespace, local)) {
                    Some(entry) => Ok(entry),
                    None => Err(sender(
                        version,
                        format!(
                            "The action {action:?} is that of {}, but the body element is {element}.",
                            listed(&named, |e| format!(
                                "operation {}, whose request is {}",
                                e.name, e.request
                            ))
                        ),
                    )),
                };
            }
        }
        let taking: Vec<&Arc<Entry>> = in_version().filter(|e| e.takes(namespace, local)).collect();
        let with_action = |e: &Arc<Entry>| format!("{} (action {:?})", e.name, e.action);
        match action {
            None => match taking.as_slice() {
                [one] => Ok(one),
                [] => Err(Box::new(
                    self.unknown(version, None, namespace, local, &element),
                )),
                several => Err(sender(
                    version,
                    format!(
                        "The body element {element} is the request of {}; the request needs the action to choose.",
                        listed(several, with_action)
                    ),
                )),
            },
            Some(action) => {
                let mut unnamed = taking.iter().filter(|e| e.action.is_empty());
                match (unnamed.next(), unnamed.next()) {
                    (Some(one), None) => Ok(one),
                    _ if taking.is_empty() => Err(Box::new(self.unknown(
                        version,
                        Some(action),
                        namespace,
                        local,
                        &element,
                    ))),
                    _ => Err(sender(
                        version,
                        format!(
                            "No operation has the action {action:?}; the body element {element} is the request of {}.",
                            listed(&taking, with_action)
                        ),
                    )),
                }
            }
        }
    }

    /// The fault for a request no operation of its version takes.
    fn unknown(
        &self,
        version: SoapVersion,
        action: Option<&str>,
        namespace: &str,
        local: &str,
        element: &str,
    ) -> Fault {
        let other = self.entries.iter().find(|e| {
            e.version != version
                && (e.takes(namespace, local) || action.is_some_and(|a| a == e.action))
        });
        let text = match (other, action) {
            (Some(other), _) => format!(
                "Operation {} is bound to {} only, and this request is {version}.",
                other.name, other.version
            ),
            (None, Some(action)) => format!(
                "No operation has the action {action:?} or takes the body element {element}."
            ),
            (None, None) => format!("No operation takes the body element {element}."),
        };
        Fault::sender(version, text)
    }
}

fn sender(version: SoapVersion, text: String) -> Box<Fault> {
    Box::new(Fault::sender(version, text))
}

/// The entries, described by `describe`, joined by commas.
fn listed(entries: &[&Arc<Entry>], describe: impl Fn(&Arc<Entry>) -> String) -> String {
    let described: Vec<String> = entries.iter().map(|e| describe(e)).collect();
    described.join(", ")
}

/// `{namespace}local`, or `local` in no namespace.
fn clark(namespace: &str, local: &str) -> String {
    if namespace.is_empty() {
        local.to_owned()
    } else {
        format!("{{{namespace}}}{local}")
    }
}
