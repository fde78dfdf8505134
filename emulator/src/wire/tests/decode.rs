use exchange_um::um;
use exchange_um::um::operations::OPERATIONS;
use xsdgen_runtime::xml::ReadErrorKind;

use crate::soap::{MESSAGES_NS, UmRequest};
use crate::wire::{DecodeError, decode_request, invalid_request};

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

fn action(name: &str) -> &'static str {
    OPERATIONS
        .iter()
        .find(|op| op.name == name)
        .map_or("", |op| op.soap_action)
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

#[test]
fn decodes_every_operation() -> Result<(), DecodeError> {
    assert_eq!(
        decode(&op("IsUMEnabled", ""))?,
        UmRequest::IsUmEnabled(um::IsUmEnabled::default())
    );
    assert_eq!(
        decode(&op("GetUMProperties", ""))?,
        UmRequest::GetUmProperties(um::GetUmProperties::default())
    );
    assert_eq!(
        decode(&op("ResetPIN", ""))?,
        UmRequest::ResetPin(um::ResetPin::default())
    );
    assert_eq!(
        decode(&op("SetOofStatus", "<status> true </status>"))?,
        UmRequest::SetOofStatus(um::SetOofStatus {
            status: true,
            ..Default::default()
        })
    );
    assert_eq!(
        decode(&op(
            "SetMissedCallNotificationEnabled",
            "<status>0</status>"
        ))?,
        UmRequest::SetMissedCallNotificationEnabled(um::SetMissedCallNotificationEnabled {
            status: false,
            ..Default::default()
        })
    );
    assert_eq!(
        decode(&op(
            "SetPlayOnPhoneDialString",
            "<dialString> 12345</dialString>"
        ))?,
        UmRequest::SetPlayOnPhoneDialString(um::SetPlayOnPhoneDialString {
            dial_string: some(" 12345"),
            ..Default::default()
        })
    );
    assert_eq!(
        decode(&op(
            "SetTelephoneAccessFolderEmail",
            "<base64FolderId>AQID</base64FolderId>"
        ))?,
        UmRequest::SetTelephoneAccessFolderEmail(um::SetTelephoneAccessFolderEmail {
            base64_folder_id: some("AQID"),
            ..Default::default()
        })
    );
    assert_eq!(
        decode(&op(
            "PlayOnPhone",
            "<entryId>AQID</entryId>\n<DialString>12345</DialString>"
        ))?,
        UmRequest::PlayOnPhone(um::PlayOnPhone {
            entry_id: some("AQID"),
            dial_string: some("12345"),
            ..Default::default()
        })
    );
    assert_eq!(
        decode(&op("GetCallInfo", "<CallId>abc=</CallId>"))?,
        UmRequest::GetCallInfo(um::GetCallInfo {
            call_id: some("abc="),
            ..Default::default()
        })
    );
    assert_eq!(
        decode(&op("Disconnect", "<CallId>abc=</CallId>"))?,
        UmRequest::Disconnect(um::Disconnect {
            call_id: some("abc="),
            ..Default::default()
        })
    );
    assert_eq!(
        decode(&op(
            "PlayOnPhoneGreeting",
            "<GreetingType>OofCustom</GreetingType><DialString>1</DialString>"
        ))?,
        UmRequest::PlayOnPhoneGreeting(um::PlayOnPhoneGreeting {
            dial_string: some("1"),
            ..um::PlayOnPhoneGreeting::new(um::UmGreetingType::OofCustom)
        })
    );
    // The schema makes the strings optional; the service decides what an
    // absent one means.
    assert_eq!(
        decode(&op("Disconnect", ""))?,
        UmRequest::Disconnect(um::Disconnect {
            call_id: None,
            ..Default::default()
        })
    );
    Ok(())
}

#[test]
fn the_https_namespace_of_the_localized_sample_is_rejected() {
    let seed = envelope(
        r#"<ResetPIN xmlns="https://schemas.microsoft.com/exchange/services/2006/messages" />"#,
    );
    let error = decode(&seed);
    assert!(
        matches!(&error, Err(DecodeError::WrongNamespace { found, .. }) if found.starts_with("https:")),
        "{error:?}"
    );
    // The fault's message names the namespace the service expects.
    let fault = error.as_ref().err().map(invalid_request);
    let message = fault.and_then(|f| f.detail.message).unwrap_or_default();
    assert!(
        message.contains(&format!("expected namespace {MESSAGES_NS}")),
        "{message}"
    );
    let unqualified = envelope("<ResetPIN/>");
    assert!(matches!(
        decode(&unqualified),
        Err(DecodeError::WrongNamespace { found, .. }) if found.is_empty()
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
        &op("IsUMEnabled", "text"),
    ];
    for case in cases {
        assert!(decode(case).is_err(), "accepted: {case}");
    }
    assert!(matches!(
        decode(&op("ResetPin", "")),
        Err(DecodeError::UnknownOperation(name)) if name == "ResetPin"
    ));
    let two = envelope(&format!(
        r#"<IsUMEnabled xmlns="{MESSAGES_NS}"/><ResetPIN xmlns="{MESSAGES_NS}"/>"#
    ));
    assert!(matches!(
        decode(&two),
        Err(DecodeError::Read(e)) if matches!(e.kind, ReadErrorKind::ExtraElement { .. })
    ));
    assert!(matches!(
        decode_request(&[0xff, 0xfe], None),
        Err(DecodeError::Read(_))
    ));
}

#[test]
fn messages_locate_the_problem_without_quoting_values() {
    let secret = "s3cr3t";
    let cases = [
        (
            op("SetOofStatus", &format!("<status>{secret}</status>")),
            "/Envelope/Body/SetOofStatus/status",
        ),
        (
            op(
                "PlayOnPhoneGreeting",
                &format!("<GreetingType>{secret}</GreetingType><DialString>1</DialString>"),
            ),
            "/Envelope/Body/PlayOnPhoneGreeting/GreetingType",
        ),
        (op("ResetPIN", secret), "/Envelope/Body/ResetPIN"),
        (
            op(
                "SetPlayOnPhoneDialString",
                &format!("<dialString>&{secret};</dialString>"),
            ),
            "/Envelope/Body/SetPlayOnPhoneDialString/dialString",
        ),
    ];
    for (xml, path) in cases {
        let message = decode(&xml)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.starts_with(path), "{message}");
        assert!(!message.contains(secret), "{message}");
    }
}

#[test]
fn a_dtd_is_refused() {
    let xml = format!(
        r#"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>{}"#,
        op("SetPlayOnPhoneDialString", "<dialString>&a;</dialString>")
    );
    let message = decode(&xml)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(message.contains("document type declaration"), "{message}");
}

#[test]
fn soap_action_must_match_when_present() {
    let body = op("ResetPIN", "");
    let reset = action("ResetPIN");
    assert!(decode_request(body.as_bytes(), Some(&format!("\"{reset}\""))).is_ok());
    assert!(decode_request(body.as_bytes(), Some(reset)).is_ok());
    assert!(decode_request(body.as_bytes(), Some("")).is_ok());
    assert!(matches!(
        decode_request(body.as_bytes(), Some(action("IsUMEnabled"))),
        Err(DecodeError::SoapActionMismatch {
            body: "ResetPIN",
            ..
        })
    ));
}
