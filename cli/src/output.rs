//! What an operation prints: lines for people by default, one JSON object
//! with `--json`. Neither ever holds the password or a PIN, with one
//! exception: the human ResetPIN output against the embedded emulator shows
//! the e-mail the demo mailbox received, PIN included, because that round
//! trip is what the demo is for.

use exchange_um::um;
use exchange_um_emulator::call::CallId;
use serde_json::{Value, json};

use crate::mailbox;
use crate::reset::ResetReport;

/// The result of one operation.
#[derive(Debug)]
pub enum Outcome {
    UmEnabled(bool),
    Properties(Option<um::UmProperties>),
    /// A Set operation changed `property` (its name in UMProperties).
    Set {
        property: &'static str,
        value: Value,
    },
    /// PlayOnPhone or PlayOnPhoneGreeting.
    CallPlaced(Option<String>),
    CallInfo {
        call_id: String,
        info: Option<um::UmCallInfo>,
    },
    Disconnected {
        call_id: String,
    },
    Reset(ResetReport),
}

impl Outcome {
    pub fn set(property: &'static str, value: impl Into<Value>) -> Self {
        Self::Set {
            property,
            value: value.into(),
        }
    }

    /// The JSON object printed with `--json`.
    pub fn to_json(&self, operation: &str) -> Value {
        let mut object = match self {
            Self::UmEnabled(enabled) => json!({ "um_enabled": enabled }),
            Self::Properties(props) => json!({ "properties": props.as_ref().map(properties_json) }),
            Self::Set { property, value } => json!({ "property": property, "value": value }),
            Self::CallPlaced(call_id) => call_id_json(call_id.as_deref()),
            Self::CallInfo { call_id, info } => json!({
                "call_id": call_id,
                "call_state": info.as_ref().map(|i| i.call_state.as_str()),
                "event_cause": info.as_ref().map(|i| i.event_cause.as_str()),
            }),
            Self::Disconnected { call_id } => json!({ "call_id": call_id, "disconnected": true }),
            Self::Reset(report) => reset_json(report),
        };
        if let Some(map) = object.as_object_mut() {
            map.insert("operation".to_owned(), json!(operation));
        }
        object
    }

    /// The lines printed without `--json`.
    pub fn print_human(&self) {
        match self {
            Self::UmEnabled(enabled) => println!(
                "Unified Messaging is {} for this mailbox.",
                if *enabled { "enabled" } else { "not enabled" }
            ),
            Self::Properties(Some(props)) => print_properties(props),
            Self::Properties(None) => println!("(the server returned no properties)"),
            Self::Set { property, value } => match value {
                Value::String(text) if text.is_empty() => println!("{property} cleared."),
                Value::String(text) => println!("{property} set to {text}."),
                other => println!("{property} set to {other}."),
            },
            Self::CallPlaced(Some(call_id)) => {
                println!("call id: {call_id}");
                if let Ok(id) = CallId::decode(call_id) {
                    println!("  (call {} on UM server {})", id.guid(), id.server());
                }
            }
            Self::CallPlaced(None) => println!("(the server returned no call id)"),
            Self::CallInfo {
                info: Some(info), ..
            } => println!(
                "state: {}\nevent cause: {}",
                info.call_state, info.event_cause
            ),
            Self::CallInfo { info: None, .. } => {
                println!("(the server returned no call information)");
            }
            Self::Disconnected { call_id } => println!("call {call_id} disconnected."),
            Self::Reset(report) => print_reset(report),
        }
    }
}

/// The JSON object printed for a failure with `--json`.
pub fn error_json(operation: &str, error: &(dyn std::error::Error + 'static)) -> Value {
    let um_error = error.downcast_ref::<xsdgen_runtime::Error>();
    json!({
        "operation": operation,
        "error": {
            "message": error.to_string(),
            // The fault's response code or exception class, e.g.
            // InvalidCallIdException, when the server answered with one.
            "code": um_error.and_then(|e| e.fault()).map(|f| f.error_code()),
            "may_have_executed": um_error.map(xsdgen_runtime::Error::may_have_executed),
        },
    })
}

pub fn print_json(value: &Value) -> Result<(), serde_json::Error> {
    println!("{}", serde_json::to_string(value)?);
    Ok(())
}

fn properties_json(props: &um::UmProperties) -> Value {
    json!({
        "oof_status": props.oof_status,
        "missed_call_notification_enabled": props.missed_call_notification_enabled,
        "play_on_phone_dial_string": props.play_on_phone_dial_string,
        "telephone_access_numbers": props.telephone_access_numbers,
        "telephone_access_folder_email": props.telephone_access_folder_email,
    })
}

fn call_id_json(call_id: Option<&str>) -> Value {
    let decoded = call_id.and_then(|id| CallId::decode(id).ok());
    json!({
        "call_id": call_id,
        "guid": decoded.as_ref().map(CallId::guid),
        "server": decoded.as_ref().map(CallId::server),
    })
}

/// Everything but the e-mail's body, which holds the PIN.
fn reset_json(report: &ResetReport) -> Value {
    json!({
        "reset": true,
        "user": report.user,
        "email": report.mail.as_ref().map(|m| json!({
            "from": m.from,
            "to": m.to,
            "subject": m.subject,
            "received": m.received,
        })),
        "pin_policy": report.policy.as_ref().map(|p| json!({
            "satisfied": true,
            "digits": p.digits,
            "min_pin_length": p.min_pin_length,
            "allow_common_patterns": p.allow_common_patterns,
            "extension": p.extension,
        })),
    })
}

fn print_properties(props: &um::UmProperties) {
    println!("OofStatus:                     {}", props.oof_status);
    println!(
        "MissedCallNotificationEnabled: {}",
        props.missed_call_notification_enabled
    );
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "(not set)".to_owned());
    println!(
        "PlayOnPhoneDialString:         {}",
        text(&props.play_on_phone_dial_string)
    );
    println!(
        "TelephoneAccessNumbers:        {}",
        text(&props.telephone_access_numbers)
    );
    println!(
        "TelephoneAccessFolderEmail:    {}",
        text(&props.telephone_access_folder_email)
    );
}

fn print_reset(report: &ResetReport) {
    println!("ResetPIN succeeded. The response, as decoded by the generated reader:");
    println!();
    println!("{}", report.envelope);
    println!();
    let Some(mail) = &report.mail else {
        println!(
            "The new PIN has been e-mailed to {}'s mailbox.",
            report.user
        );
        return;
    };
    println!("The e-mail delivered to {}'s mailbox:", report.user);
    println!();
    mailbox::print(mail);
    println!();
    if let Some(policy) = &report.policy {
        println!(
            "The PIN satisfies {}'s policy: {} digits (MinPINLength {}), common patterns {}, \
             not a suffix of extension {}.",
            report.user,
            policy.digits,
            policy.min_pin_length,
            if policy.allow_common_patterns {
                "allowed"
            } else {
                "refused"
            },
            policy.extension.as_deref().unwrap_or("(none)"),
        );
    }
}
