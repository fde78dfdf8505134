use std::time::Duration;

use roxmltree::Document;

use super::*;
use crate::soap::{
    ERRORS_NS, GreetingType, MESSAGES_NS, Operation, TYPES_NS, UmRequest, UmResponse,
};
use crate::store::{CallInfo, CallState, EventCause, UmSettings};

fn envelope(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>{body}</soap:Body>
</soap:Envelope>"#
    )
}

fn op(name: &str, children: &str) -> String {
    envelope(&format!(
        r#"<{name} xmlns="{MESSAGES_NS}">{children}</{name}>"#
    ))
}

fn decode(xml: &str) -> Result<UmRequest, DecodeError> {
    decode_request(xml.as_bytes(), None)
}

#[test]
fn decodes_every_operation() -> Result<(), DecodeError> {
    assert_eq!(decode(&op("IsUMEnabled", ""))?, UmRequest::IsUmEnabled);
    assert_eq!(
        decode(&op("GetUMProperties", ""))?,
        UmRequest::GetUmProperties
    );
    assert_eq!(decode(&op("ResetPIN", ""))?, UmRequest::ResetPin);
    assert_eq!(
        decode(&op("SetOofStatus", "<status> true </status>"))?,
        UmRequest::SetOofStatus(true)
    );
    assert_eq!(
        decode(&op(
            "SetMissedCallNotificationEnabled",
            "<status>0</status>"
        ))?,
        UmRequest::SetMissedCallNotificationEnabled(false)
    );
    assert_eq!(
        decode(&op(
            "SetPlayOnPhoneDialString",
            "<dialString> 12345</dialString>"
        ))?,
        UmRequest::SetPlayOnPhoneDialString(" 12345".to_owned())
    );
    assert_eq!(
        decode(&op(
            "SetTelephoneAccessFolderEmail",
            "<base64FolderId>AQID</base64FolderId>"
        ))?,
        UmRequest::SetTelephoneAccessFolderEmail("AQID".to_owned())
    );
    assert_eq!(
        decode(&op(
            "PlayOnPhone",
            "<entryId>AQID</entryId>\n<DialString>12345</DialString>"
        ))?,
        UmRequest::PlayOnPhone {
            entry_id: "AQID".to_owned(),
            dial_string: "12345".to_owned()
        }
    );
    assert_eq!(
        decode(&op("GetCallInfo", "<CallId>abc=</CallId>"))?,
        UmRequest::GetCallInfo {
            call_id: "abc=".to_owned()
        }
    );
    assert_eq!(
        decode(&op("Disconnect", "<CallId>abc=</CallId>"))?,
        UmRequest::Disconnect {
            call_id: "abc=".to_owned()
        }
    );
    assert_eq!(
        decode(&op(
            "PlayOnPhoneGreeting",
            "<GreetingType>OofCustom</GreetingType><DialString>1</DialString>"
        ))?,
        UmRequest::PlayOnPhoneGreeting {
            greeting_type: GreetingType::OofCustom,
            dial_string: "1".to_owned()
        }
    );
    Ok(())
}

#[test]
fn the_https_namespace_of_the_localized_sample_is_rejected() {
    let seed = envelope(
        r#"<ResetPIN xmlns="https://schemas.microsoft.com/exchange/services/2006/messages" />"#,
    );
    assert!(matches!(
        decode(&seed),
        Err(DecodeError::WrongNamespace { .. })
    ));
    let unqualified = envelope("<ResetPIN/>");
    assert!(matches!(
        decode(&unqualified),
        Err(DecodeError::WrongNamespace { .. })
    ));
}

#[test]
fn malformed_requests_are_rejected() {
    let cases = [
        "not xml",
        "<Envelope/>",
        r#"<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/></soap:Envelope>"#,
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"/>"#,
        &envelope(""),
        &op("ResetPin", ""),
        &op("SetOofStatus", ""),
        &op("SetOofStatus", "<status>yes</status>"),
        &op("SetOofStatus", "<Status>true</Status>"),
        &op("SetOofStatus", "<status>true</status><status>true</status>"),
        &op(
            "PlayOnPhone",
            "<DialString>1</DialString><entryId>AQID</entryId>",
        ),
        &op(
            "PlayOnPhone",
            "<entryId><b>x</b></entryId><DialString>1</DialString>",
        ),
        &op(
            "PlayOnPhoneGreeting",
            "<GreetingType>Normal</GreetingType><DialString>1</DialString>",
        ),
        &op("IsUMEnabled", "<extra/>"),
    ];
    for case in cases {
        assert!(decode(case).is_err(), "accepted: {case}");
    }
    let two = envelope(&format!(
        r#"<IsUMEnabled xmlns="{MESSAGES_NS}"/><ResetPIN xmlns="{MESSAGES_NS}"/>"#
    ));
    assert_eq!(decode(&two), Err(DecodeError::ExtraBodyElement));
    assert_eq!(
        decode_request(&[0xff, 0xfe], None),
        Err(DecodeError::NotUtf8)
    );
}

#[test]
fn a_dtd_is_refused() {
    let xml = format!(
        r#"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>{}"#,
        op("SetPlayOnPhoneDialString", "<dialString>&a;</dialString>")
    );
    assert!(matches!(decode(&xml), Err(DecodeError::Xml(_))));
}

#[test]
fn soap_action_must_match_when_present() {
    let body = op("ResetPIN", "");
    let action = Operation::ResetPIN.soap_action();
    assert!(decode_request(body.as_bytes(), Some(&format!("\"{action}\""))).is_ok());
    assert!(decode_request(body.as_bytes(), Some(&action)).is_ok());
    assert!(decode_request(body.as_bytes(), Some("")).is_ok());
    let wrong = Operation::IsUMEnabled.soap_action();
    assert!(matches!(
        decode_request(body.as_bytes(), Some(&wrong)),
        Err(DecodeError::SoapActionMismatch { .. })
    ));
}

fn parse(xml: &str) -> Document<'_> {
    Document::parse(xml).expect("the emulator writes well-formed XML")
}

fn text_of<'a>(doc: &'a Document<'a>, ns: &str, name: &str) -> Option<&'a str> {
    doc.descendants()
        .find(|n| n.tag_name().name() == name && n.tag_name().namespace() == Some(ns))
        .and_then(|n| n.text())
}

#[test]
fn empty_and_double_wrapped_responses() {
    let empty = encode_response(&UmResponse::Empty(Operation::ResetPIN));
    assert!(empty.ends_with(&format!(
        r#"<soap:Body><ResetPINResponse xmlns="{MESSAGES_NS}" /></soap:Body></soap:Envelope>"#
    )));
    let props = encode_response(&UmResponse::GetUmProperties(UmSettings::default()));
    let doc = parse(&props);
    let outer = doc
        .descendants()
        .find(|n| n.tag_name().name() == "GetUMPropertiesResponse");
    let inner = outer.and_then(|n| n.first_element_child());
    assert_eq!(
        inner.map(|n| n.tag_name().name()),
        Some("GetUMPropertiesResponse")
    );
    let names: Vec<&str> = inner
        .map(|n| {
            n.children()
                .filter(|c| c.is_element())
                .map(|c| c.tag_name().name())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        names,
        [
            "OofStatus",
            "MissedCallNotificationEnabled",
            "PlayOnPhoneDialString",
            "TelephoneAccessNumbers",
            "TelephoneAccessFolderEmail"
        ]
    );
    assert_eq!(
        text_of(&doc, MESSAGES_NS, "MissedCallNotificationEnabled"),
        Some("true")
    );
    let info = encode_response(&UmResponse::GetCallInfo(CallInfo {
        state: CallState::Connected,
        event_cause: EventCause::None,
    }));
    let doc = parse(&info);
    assert_eq!(text_of(&doc, MESSAGES_NS, "CallState"), Some("Connected"));
    let enabled = encode_response(&UmResponse::IsUmEnabled(true));
    assert!(enabled.contains(&format!(
        r#"<IsUMEnabledResponse xmlns="{MESSAGES_NS}"><IsUMEnabledResponse>true</IsUMEnabledResponse></IsUMEnabledResponse>"#
    )));
    let escaped = encode_response(&UmResponse::PlayOnPhone("a<b&c".to_owned()));
    let doc = parse(&escaped);
    assert_eq!(
        doc.descendants()
            .rfind(|n| n.tag_name().name() == "PlayOnPhoneResponse")
            .and_then(|n| n.text()),
        Some("a<b&c")
    );
}

#[test]
fn invalid_request_fault_has_the_declared_types_prefix_and_errors_detail() {
    let xml = encode_fault(&WireFault::InvalidRequest);
    let doc = parse(&xml);
    let code = doc
        .descendants()
        .find(|n| n.tag_name().name() == "faultcode");
    assert_eq!(code.and_then(|n| n.text()), Some("a:ErrorInvalidRequest"));
    assert_eq!(
        code.and_then(|n| n.lookup_namespace_uri(Some("a"))),
        Some(TYPES_NS)
    );
    assert_eq!(
        text_of(&doc, ERRORS_NS, "ResponseCode"),
        Some("ErrorInvalidRequest")
    );
    assert_eq!(
        text_of(&doc, ERRORS_NS, "Message"),
        Some("The request is invalid.")
    );
}

#[test]
fn server_busy_fault_carries_back_off() {
    let xml = encode_fault(&WireFault::ServerBusy {
        back_off: Duration::from_millis(1500),
    });
    let doc = parse(&xml);
    assert_eq!(
        text_of(&doc, ERRORS_NS, "ResponseCode"),
        Some("ErrorServerBusy")
    );
    let value = doc
        .descendants()
        .find(|n| n.attribute("Name") == Some("BackOffMilliseconds"));
    assert_eq!(value.and_then(|n| n.text()), Some("1500"));
    assert_eq!(value.and_then(|n| n.tag_name().namespace()), Some(TYPES_NS));
}

#[test]
fn exception_fault_leaves_its_prefix_undeclared() {
    let xml = encode_fault(&WireFault::Exception {
        class: "UserNotUmEnabledException",
        message: "The user isn't enabled for Unified Messaging.".to_owned(),
    });
    let doc = parse(&xml);
    let code = doc
        .descendants()
        .find(|n| n.tag_name().name() == "faultcode");
    assert_eq!(
        code.and_then(|n| n.text()),
        Some("a:UserNotUmEnabledException")
    );
    assert_eq!(code.and_then(|n| n.lookup_namespace_uri(Some("a"))), None);
    assert_eq!(
        text_of(&doc, MESSAGES_NS, "ExceptionType"),
        Some("UserNotUmEnabledException")
    );
}
