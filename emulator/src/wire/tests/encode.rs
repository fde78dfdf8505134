use std::time::Duration;

use exchange_um::um;
use xsdgen_runtime::soap::{Body, Fault, exchange_ns, read_envelope};
use xsdgen_runtime::xml::XmlElement;

use crate::soap::{MESSAGES_NS, UmResponse};
use crate::store::{CallInfo, CallState, EventCause, UmSettings};
use crate::wire::{DecodeError, encode_fault, encode_response, invalid_request};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Reads `xml` back with the client's reader; a fault is an error here.
fn read_back<T: XmlElement>(xml: &str) -> Result<T, Box<dyn std::error::Error>> {
    match read_envelope::<T>(xml.as_bytes())? {
        Body::Content(value) => Ok(value),
        Body::Fault(fault) => Err(format!("unexpected fault {fault}").into()),
    }
}

/// Reads `xml` back as a fault with the client's reader.
fn fault_of(xml: &str) -> Result<Fault, Box<dyn std::error::Error>> {
    match read_envelope::<um::ResetPinResponse>(xml.as_bytes())? {
        Body::Fault(fault) => Ok(*fault),
        Body::Content(_) => Err("not a fault".into()),
    }
}

#[test]
fn empty_and_double_wrapped_responses() -> TestResult {
    let empty = encode_response(&UmResponse::ResetPin(um::ResetPinResponse::default()))?;
    assert!(
        empty.starts_with(r#"<?xml version="1.0" encoding="utf-8"?>"#),
        "{empty}"
    );
    // ASMX declares xsi and xsd without using them.
    assert!(empty.contains(r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#));
    assert!(empty.contains(&format!(r#"<ResetPINResponse xmlns="{MESSAGES_NS}" />"#)));
    read_back::<um::ResetPinResponse>(&empty)?;

    let properties = um::GetUmPropertiesResponse {
        get_um_properties_response: Some(UmSettings::default().into()),
        ..Default::default()
    };
    let xml = encode_response(&UmResponse::GetUmProperties(properties.clone()))?;
    assert_eq!(read_back::<um::GetUmPropertiesResponse>(&xml)?, properties);
    assert!(xml.contains("<MissedCallNotificationEnabled>true</MissedCallNotificationEnabled>"));

    let info = um::GetCallInfoResponse {
        get_call_info_response: Some(
            CallInfo {
                state: CallState::Connected,
                event_cause: EventCause::None,
            }
            .into(),
        ),
        ..Default::default()
    };
    let xml = encode_response(&UmResponse::GetCallInfo(info.clone()))?;
    assert!(xml.contains("<CallState>Connected</CallState>"), "{xml}");
    assert_eq!(read_back::<um::GetCallInfoResponse>(&xml)?, info);

    let enabled = um::IsUmEnabledResponse {
        is_um_enabled_response: true,
        ..Default::default()
    };
    let xml = encode_response(&UmResponse::IsUmEnabled(enabled))?;
    assert!(xml.contains(&format!(r#"<IsUMEnabledResponse xmlns="{MESSAGES_NS}">"#)));
    assert!(xml.contains("<IsUMEnabledResponse>true</IsUMEnabledResponse>"));

    let escaped = um::PlayOnPhoneResponse {
        play_on_phone_response: Some("a<b&c".to_owned()),
        ..Default::default()
    };
    let xml = encode_response(&UmResponse::PlayOnPhone(escaped.clone()))?;
    assert_eq!(read_back::<um::PlayOnPhoneResponse>(&xml)?, escaped);
    Ok(())
}

#[test]
fn invalid_request_fault_has_the_declared_types_prefix_and_errors_detail() -> TestResult {
    let reason = DecodeError::UnknownOperation("ResetPin".to_owned());
    let xml = encode_fault(&invalid_request(&reason))?;
    assert!(xml.contains(&format!(
        r#"<faultcode xmlns:a="{}">a:ErrorInvalidRequest</faultcode>"#,
        exchange_ns::TYPES
    )));
    let fault = fault_of(&xml)?;
    assert_eq!(fault.code.namespace.as_deref(), Some(exchange_ns::TYPES));
    assert_eq!(fault.code.local, "ErrorInvalidRequest");
    assert_eq!(
        fault.detail.response_code.as_deref(),
        Some("ErrorInvalidRequest")
    );
    let message = fault.detail.message.unwrap_or_default();
    assert!(
        message.starts_with("The request is invalid. ResetPin is not"),
        "{message}"
    );
    let raw = fault.detail.raw.unwrap_or_default();
    assert!(raw.contains(&format!(r#"<e:Message xmlns:e="{}">"#, exchange_ns::ERRORS)));
    Ok(())
}

#[test]
fn faults_are_written_as_exchange_writes_them() -> TestResult {
    // The two shapes of [MS-OXWUMS], byte for byte.
    let invalid = Fault::invalid_request("The request is invalid.");
    let expected = include_str!("../../../../schemas/examples/faults/invalid-request.xml");
    assert_eq!(encode_fault(&invalid)?, expected.trim_end());
    let exception = Fault::exception(
        "InvalidObjectIdException",
        "The object identifier isn't valid",
    );
    let expected = include_str!("../../../../schemas/examples/faults/exception.xml");
    assert_eq!(encode_fault(&exception)?, expected.trim_end());
    let busy = Fault::server_busy(Duration::from_millis(5000));
    let expected = include_str!("../../../../schemas/examples/faults/server-busy.xml");
    assert_eq!(encode_fault(&busy)?, expected.trim_end());
    Ok(())
}

#[test]
fn server_busy_fault_carries_back_off() -> TestResult {
    let xml = encode_fault(&Fault::server_busy(Duration::from_millis(1500)))?;
    assert!(xml.contains(r#"<t:Value Name="BackOffMilliseconds">1500</t:Value>"#));
    let fault = fault_of(&xml)?;
    assert!(fault.is_server_busy());
    assert_eq!(fault.back_off(), Some(Duration::from_millis(1500)));
    Ok(())
}

#[test]
fn exception_fault_leaves_its_prefix_undeclared() -> TestResult {
    let xml = encode_fault(&Fault::exception(
        "UserNotUmEnabledException",
        "The user isn't enabled for Unified Messaging.",
    ))?;
    assert!(xml.contains("<faultcode>a:UserNotUmEnabledException</faultcode>"));
    assert!(!xml.contains("xmlns:a="), "{xml}");
    let fault = fault_of(&xml)?;
    assert_eq!(fault.code.raw, "a:UserNotUmEnabledException");
    assert_eq!(fault.code.namespace, None);
    assert_eq!(
        fault.detail.exception_type.as_deref(),
        Some("UserNotUmEnabledException")
    );
    Ok(())
}
