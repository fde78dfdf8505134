//! The canned answers: `--respond OP=FILE` and `--fault OP=...`, read and
//! checked against the WSDL before anything is served, so that a typo is
//! an error at start and not a surprise in a test.

use std::collections::BTreeMap;
use std::path::Path;

use xsdgen_runtime::server::{RawElement, RawResponse};
use xsdgen_runtime::soap::{Fault, FaultDetail, SoapVersion};

use super::operations::Served;

/// What an operation answers with.
#[derive(Debug, Clone)]
pub enum Answer {
    /// The body element of the response.
    Response(RawElement),
    /// A fault, written in each request's version.
    Fault {
        code: Code,
        text: String,
        /// A detail entry element.
        detail: Option<RawElement>,
    },
    /// Nothing was canned: a `Receiver` fault that says so.
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Sender,
    Receiver,
}

impl Answer {
    /// A word for the start-up listing.
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Response(_) => "response",
            Self::Fault { .. } => "fault",
            Self::Missing => "no canned response",
        }
    }

    /// What a request of `operation` in `version` is answered with.
    // The dispatcher's handlers answer with a `Fault` as it is.
    #[allow(clippy::result_large_err)]
    pub fn reply(&self, operation: &str, version: SoapVersion) -> Result<RawResponse, Fault> {
        match self {
            Self::Response(body) => Ok(RawResponse::from(body.clone())),
            Self::Missing => Err(Fault::receiver(
                version,
                format!("no canned response for {operation}"),
            )),
            Self::Fault { code, text, detail } => {
                let mut fault = match code {
                    Code::Sender => Fault::sender(version, text.clone()),
                    Code::Receiver => Fault::receiver(version, text.clone()),
                };
                if let Some(entry) = detail {
                    // As `Fault::with_entry` writes a typed entry.
                    fault.detail = FaultDetail {
                        raw: Some(format!("<detail>{}</detail>", entry.as_str())),
                        ..FaultDetail::default()
                    };
                }
                Err(fault)
            }
        }
    }
}

/// The answer of each operation name: from the flags, `Missing` for the
/// others. Every flag must name an operation of the WSDL, once.
pub fn answers(
    served: &[Served],
    respond: &[String],
    faults: &[String],
) -> Result<BTreeMap<&'static str, Answer>, String> {
    let mut answers: BTreeMap<&'static str, Answer> = BTreeMap::new();
    let mut set = |flag: &str, spec: &str, op: &'static str, answer: Answer| {
        if answers.insert(op, answer).is_some() {
            return Err(format!(
                "error: {flag} {spec}: operation {op} has a canned answer already (give one --respond or --fault per operation)"
            ));
        }
        Ok(())
    };
    for spec in respond {
        let (op, file) = split(spec, "--respond", "OP=FILE")?;
        let versions = named(served, op, "--respond", spec)?;
        let element = read_element(Path::new(file), "--respond", spec)?;
        for s in &versions {
            if element.clark_name() != s.response.to_string() {
                return Err(format!(
                    "{file}: error: --respond {spec}: the root element is {}, but the response of {} ({}) is {}",
                    element.clark_name(),
                    s.name,
                    s.version,
                    s.response
                ));
            }
        }
        set(
            "--respond",
            spec,
            versions[0].name,
            Answer::Response(element),
        )?;
    }
    for spec in faults {
        let (op, value) = split(
            spec,
            "--fault",
            "OP=FILE, OP=sender:TEXT or OP=receiver:TEXT",
        )?;
        let versions = named(served, op, "--fault", spec)?;
        let answer = if let Some(text) = value.strip_prefix("sender:") {
            text_fault(Code::Sender, text)
        } else if let Some(text) = value.strip_prefix("receiver:") {
            text_fault(Code::Receiver, text)
        } else {
            declared_fault(&versions, value, spec)?
        };
        set("--fault", spec, versions[0].name, answer)?;
    }
    for s in served {
        answers.entry(s.name).or_insert(Answer::Missing);
    }
    Ok(answers)
}

fn text_fault(code: Code, text: &str) -> Answer {
    Answer::Fault {
        code,
        text: text.to_owned(),
        detail: None,
    }
}

/// A `Receiver` fault with the entry in `file` as its detail, which must
/// be the element of one of the operation's `wsdl:fault`s; its reason is
/// that fault's name.
fn declared_fault(versions: &[&Served], file: &str, spec: &str) -> Result<Answer, String> {
    let entry = read_element(Path::new(file), "--fault", spec)?;
    let first = versions[0];
    let declared = |s: &Served| {
        s.faults
            .iter()
            .find(|(_, element)| element.to_string() == entry.clark_name())
            .map(|(name, _)| name.clone())
    };
    let Some(name) = declared(first) else {
        let listed: Vec<String> = first
            .faults
            .iter()
            .map(|(name, element)| format!("{name} ({element})"))
            .collect();
        return Err(format!(
            "{file}: error: --fault {spec}: the root element is {}, which is the detail of no fault of {}; {}",
            entry.clark_name(),
            first.name,
            if listed.is_empty() {
                "it declares none (use OP=sender:TEXT or OP=receiver:TEXT)".to_owned()
            } else {
                format!("it declares {}", listed.join(", "))
            }
        ));
    };
    if let Some(other) = versions[1..].iter().find(|s| declared(s).is_none()) {
        return Err(format!(
            "{file}: error: --fault {spec}: {} ({}) declares no fault with the element {}",
            other.name,
            other.version,
            entry.clark_name()
        ));
    }
    Ok(Answer::Fault {
        code: Code::Receiver,
        text: name,
        detail: Some(entry),
    })
}

fn split<'s>(spec: &'s str, flag: &str, expected: &str) -> Result<(&'s str, &'s str), String> {
    match spec.split_once('=') {
        Some((op, value)) if !op.is_empty() && !value.is_empty() => Ok((op, value)),
        _ => Err(format!("error: {flag} {spec}: expected {expected}")),
    }
}

/// The served operations called `op` (one per version), or an error that
/// lists the names there are.
fn named<'a>(
    served: &'a [Served],
    op: &str,
    flag: &str,
    spec: &str,
) -> Result<Vec<&'a Served>, String> {
    let found: Vec<&Served> = served.iter().filter(|s| s.name == op).collect();
    if found.is_empty() {
        let mut names: Vec<&str> = Vec::new();
        for s in served {
            if !names.contains(&s.name) {
                names.push(s.name);
            }
        }
        return Err(format!(
            "error: {flag} {spec}: the WSDL has no operation {op}; it has {}",
            names.join(", ")
        ));
    }
    Ok(found)
}

/// The element in `file`, or where it is not one (`file:line:col`).
fn read_element(file: &Path, flag: &str, spec: &str) -> Result<RawElement, String> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        format!(
            "{}: error: {flag} {spec}: cannot read it: {e}",
            file.display()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    RawElement::parse(text).map_err(|e| {
        format!(
            "{}:{}:{}: error: {flag} {spec}: not one well-formed element: {}",
            file.display(),
            e.line,
            e.column,
            e.kind
        )
    })
}
