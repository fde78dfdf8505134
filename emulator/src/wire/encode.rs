//! [`UmResponse`] to the SOAP envelope Exchange sends: no header, the messages
//! namespace declared on the response element, and results wrapped twice under
//! the response name (`<XxxResponse><XxxResponse>value</...></...>`).

use std::fmt::Write as _;

use crate::soap::{MESSAGES_NS, SOAP_ENV_NS, UmResponse};

/// The envelope's opening, as in Exchange's samples (which declare xsi and xsd
/// without using them).
pub(super) fn envelope_start(out: &mut String) {
    out.push_str(r#"<?xml version="1.0" encoding="utf-8"?>"#);
    let _ = write!(
        out,
        r#"<soap:Envelope xmlns:soap="{SOAP_ENV_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>"#
    );
}

pub(super) fn envelope_end(out: &mut String) {
    out.push_str("</soap:Body></soap:Envelope>");
}

/// Escapes text for element content and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

fn leaf(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, "<{name}>{}</{name}>", escape(value));
}

fn boolean(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

/// The complete response document.
pub fn encode_response(response: &UmResponse) -> String {
    let name = format!("{}Response", response.operation().name());
    let mut out = String::with_capacity(512);
    envelope_start(&mut out);
    if let UmResponse::Empty(_) = response {
        let _ = write!(out, r#"<{name} xmlns="{MESSAGES_NS}" />"#);
    } else {
        let _ = write!(out, r#"<{name} xmlns="{MESSAGES_NS}"><{name}>"#);
        match response {
            UmResponse::Empty(_) => {}
            UmResponse::IsUmEnabled(on) => out.push_str(boolean(*on)),
            UmResponse::PlayOnPhone(call_id) | UmResponse::PlayOnPhoneGreeting(call_id) => {
                out.push_str(&escape(call_id));
            }
            UmResponse::GetUmProperties(s) => {
                leaf(&mut out, "OofStatus", boolean(s.oof_status));
                leaf(
                    &mut out,
                    "MissedCallNotificationEnabled",
                    boolean(s.missed_call_notification_enabled),
                );
                leaf(
                    &mut out,
                    "PlayOnPhoneDialString",
                    &s.play_on_phone_dial_string,
                );
                leaf(
                    &mut out,
                    "TelephoneAccessNumbers",
                    &s.telephone_access_numbers,
                );
                leaf(
                    &mut out,
                    "TelephoneAccessFolderEmail",
                    &s.telephone_access_folder_email,
                );
            }
            UmResponse::GetCallInfo(info) => {
                leaf(&mut out, "CallState", info.state.as_str());
                leaf(&mut out, "EventCause", info.event_cause.as_str());
            }
        }
        let _ = write!(out, "</{name}></{name}>");
    }
    envelope_end(&mut out);
    out
}
