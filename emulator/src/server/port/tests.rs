//! The UM port on the dispatcher, called as the HTTP layer calls it: a
//! request with its caller attached, answered as Exchange answers.

use std::time::Duration;

use exchange_um::um;
use exchange_um::um::operations::OPERATIONS;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use xsdgen_runtime::server::SoapService;
use xsdgen_runtime::soap::{Body, Fault, StandardCode, exchange_ns, read_envelope};
use xsdgen_runtime::xml::XmlElement;

use super::{soap_service, write_fault};
use crate::auth::{AuthScheme, Caller};
use crate::demo::{self, ALICE, BOB};
use crate::service::UmService;
use crate::soap::MESSAGES_NS;
use crate::store::{Store, UserId};

type TestResult = Result<(), Box<dyn std::error::Error>>;

struct Fixture {
    store: Store,
    soap: SoapService,
}

impl Fixture {
    fn new() -> Result<Self, Box<dyn std::error::Error>> {
        let store = Store::open_in_memory()?;
        for user in demo::demo_users() {
            store.add_user(&user)?;
        }
        let service = UmService::new(store.clone(), "um.test");
        let soap = soap_service(service, 64 * 1024);
        Ok(Self { store, soap })
    }

    fn caller(&self, name: &str) -> Result<Caller, Box<dyn std::error::Error>> {
        Ok(Caller {
            id: self.store.user_id(name)?,
            name: name.to_owned(),
            scheme: AuthScheme::Basic,
        })
    }

    /// POSTs `body` as `caller` (none: unauthenticated) with `action`.
    async fn post(
        &self,
        caller: Option<Caller>,
        action: Option<&str>,
        body: &str,
    ) -> Result<Answer, Box<dyn std::error::Error>> {
        let mut request = axum::http::Request::post("/EWS/UM2007Legacy.asmx")
            .header("content-type", "text/xml; charset=utf-8");
        if let Some(action) = action {
            request = request.header("soapaction", action);
        }
        let mut request = request.body(Full::new(Bytes::from(body.to_owned())))?;
        if let Some(caller) = caller {
            request.extensions_mut().insert(caller);
        }
        let response = self.soap.handle(request).await;
        let status = response.status().as_u16();
        let bytes = match response.into_body().collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(never) => match never {},
        };
        Ok(Answer {
            status,
            xml: String::from_utf8_lossy(&bytes).into_owned(),
        })
    }

    /// `operation` with `children`, as ALICE, with its action.
    async fn alice(
        &self,
        operation: &str,
        children: &str,
    ) -> Result<Answer, Box<dyn std::error::Error>> {
        let action = action(operation);
        self.post(
            Some(self.caller(ALICE)?),
            Some(&action),
            &op(operation, children),
        )
        .await
    }

    fn mails(&self, user: UserId) -> Result<usize, Box<dyn std::error::Error>> {
        Ok(self.store.messages(user)?.len())
    }
}

struct Answer {
    status: u16,
    xml: String,
}

impl Answer {
    /// The answer read back with the client's reader; a fault is an error.
    fn read<T: XmlElement>(&self) -> Result<T, Box<dyn std::error::Error>> {
        match read_envelope::<T>(self.xml.as_bytes())? {
            Body::Content(value) => Ok(value),
            Body::Fault(fault) => Err(format!("unexpected fault {fault}").into()),
        }
    }

    fn fault(&self) -> Result<Fault, Box<dyn std::error::Error>> {
        match read_envelope::<um::ResetPinResponse>(self.xml.as_bytes())? {
            Body::Fault(fault) => Ok(*fault),
            Body::Content(_) => Err(format!("not a fault: {}", self.xml).into()),
        }
    }

    /// The message of an `ErrorInvalidRequest`.
    fn invalid_request(&self) -> Result<String, Box<dyn std::error::Error>> {
        let fault = self.fault()?;
        if self.status != 500 || fault.code.local != "ErrorInvalidRequest" {
            return Err(
                format!("not an invalid request fault: {} {}", self.status, self.xml).into(),
            );
        }
        Ok(fault.detail.message.unwrap_or_default())
    }
}

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

fn action(name: &str) -> String {
    OPERATIONS
        .iter()
        .find(|op| op.name == name)
        .map_or_else(String::new, |op| format!("\"{}\"", op.soap_action))
}

#[tokio::test]
async fn every_operation_is_served() -> TestResult {
    let fx = Fixture::new()?;
    let alice = fx.store.user_id(ALICE)?;

    let answer = fx.alice("IsUMEnabled", "").await?;
    assert!(
        answer
            .read::<um::IsUmEnabledResponse>()?
            .is_um_enabled_response
    );

    for (operation, children) in [
        ("SetOofStatus", "<status> true </status>"),
        ("SetMissedCallNotificationEnabled", "<status>0</status>"),
        ("SetPlayOnPhoneDialString", "<dialString>12345</dialString>"),
        (
            "SetTelephoneAccessFolderEmail",
            "<base64FolderId>AQID</base64FolderId>",
        ),
    ] {
        let answer = fx.alice(operation, children).await?;
        assert_eq!(answer.status, 200, "{operation}: {}", answer.xml);
    }
    let answer = fx.alice("GetUMProperties", "").await?;
    let properties = answer
        .read::<um::GetUmPropertiesResponse>()?
        .get_um_properties_response
        .ok_or("no properties")?;
    assert!(properties.oof_status);
    assert!(!properties.missed_call_notification_enabled);
    assert_eq!(
        properties.play_on_phone_dial_string.as_deref(),
        Some("12345")
    );
    assert_eq!(
        properties.telephone_access_folder_email.as_deref(),
        Some("AQID")
    );

    let answer = fx.alice("ResetPIN", "").await?;
    answer.read::<um::ResetPinResponse>()?;
    assert_eq!(fx.mails(alice)?, 1);

    let answer = fx
        .alice(
            "PlayOnPhone",
            "<entryId>AQID</entryId><DialString>12345</DialString>",
        )
        .await?;
    let call = answer
        .read::<um::PlayOnPhoneResponse>()?
        .play_on_phone_response
        .ok_or("no call id")?;
    let answer = fx
        .alice("GetCallInfo", &format!("<CallId>{call}</CallId>"))
        .await?;
    let info = answer
        .read::<um::GetCallInfoResponse>()?
        .get_call_info_response
        .ok_or("no call info")?;
    assert_eq!(info.call_state, um::UmCallState::Connecting);
    let answer = fx
        .alice("Disconnect", &format!("<CallId>{call}</CallId>"))
        .await?;
    answer.read::<um::DisconnectResponse>()?;

    let answer = fx
        .alice(
            "PlayOnPhoneGreeting",
            "<GreetingType>OofCustom</GreetingType><DialString>1</DialString>",
        )
        .await?;
    let greeting = answer
        .read::<um::PlayOnPhoneGreetingResponse>()?
        .play_on_phone_greeting_response
        .ok_or("no call id")?;
    assert_ne!(greeting, call);
    Ok(())
}

#[tokio::test]
async fn answers_are_laid_out_as_asmx_writes_them() -> TestResult {
    let fx = Fixture::new()?;
    let empty = fx.alice("ResetPIN", "").await?;
    assert!(
        empty
            .xml
            .starts_with(r#"<?xml version="1.0" encoding="utf-8"?>"#),
        "{}",
        empty.xml
    );
    // ASMX declares xsi and xsd without using them.
    assert!(
        empty
            .xml
            .contains(r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#)
    );
    assert!(
        empty
            .xml
            .contains(&format!(r#"<ResetPINResponse xmlns="{MESSAGES_NS}" />"#)),
        "{}",
        empty.xml
    );
    // A result is wrapped twice under the response's name.
    let enabled = fx.alice("IsUMEnabled", "").await?;
    assert!(
        enabled
            .xml
            .contains(&format!(r#"<IsUMEnabledResponse xmlns="{MESSAGES_NS}">"#))
    );
    assert!(
        enabled
            .xml
            .contains("<IsUMEnabledResponse>true</IsUMEnabledResponse>")
    );
    Ok(())
}

#[tokio::test]
async fn a_failed_operation_is_the_exception_fault_with_its_undeclared_prefix() -> TestResult {
    let fx = Fixture::new()?;
    let answer = fx.alice("GetCallInfo", "<CallId>bm8=</CallId>").await?;
    assert_eq!(answer.status, 500);
    assert!(
        answer
            .xml
            .contains("<faultcode>a:InvalidCallIdException</faultcode>"),
        "{}",
        answer.xml
    );
    assert!(answer.xml.contains("<soap:Fault>"), "{}", answer.xml);
    let fault = answer.fault()?;
    assert_eq!(fault.code.namespace, None);
    assert_eq!(
        fault.detail.exception_type.as_deref(),
        Some("InvalidCallIdException")
    );

    let bob = fx.caller(BOB)?;
    let answer = fx
        .post(Some(bob), Some(&action("ResetPIN")), &op("ResetPIN", ""))
        .await?;
    assert_eq!(answer.fault()?.code.raw, "a:UserNotUmEnabledException");
    Ok(())
}

#[tokio::test]
async fn the_https_namespace_of_the_localized_sample_is_an_invalid_request() -> TestResult {
    let fx = Fixture::new()?;
    let alice = fx.caller(ALICE)?;
    let seed = envelope(
        r#"<ResetPIN xmlns="https://schemas.microsoft.com/exchange/services/2006/messages" />"#,
    );
    let message = fx
        .post(Some(alice.clone()), None, &seed)
        .await?
        .invalid_request()?;
    assert!(
        message.starts_with(
            "The request is invalid. The body element ResetPIN is in namespace https://"
        ),
        "{message}"
    );
    assert!(
        message.ends_with(&format!("expected namespace {MESSAGES_NS}")),
        "{message}"
    );
    let unqualified = envelope("<ResetPIN/>");
    let message = fx
        .post(Some(alice), None, &unqualified)
        .await?
        .invalid_request()?;
    assert!(message.contains("is in no namespace"), "{message}");
    assert_eq!(fx.mails(fx.store.user_id(ALICE)?)?, 0);
    Ok(())
}

#[tokio::test]
async fn malformed_requests_are_invalid_requests_and_execute_nothing() -> TestResult {
    let fx = Fixture::new()?;
    let cases = [
        "not xml".to_owned(),
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"/>"#.to_owned(),
        envelope(""),
        op("ResetPin", ""),
        op("SetOofStatus", ""),
        op("SetOofStatus", "<status>yes</status>"),
        op("SetOofStatus", "<Status>true</Status>"),
        op("SetOofStatus", "<status>true</status><status>true</status>"),
        op(
            "PlayOnPhone",
            "<DialString>1</DialString><entryId>AQID</entryId>",
        ),
        op(
            "PlayOnPhone",
            "<entryId><b>x</b></entryId><DialString>1</DialString>",
        ),
        op(
            "PlayOnPhoneGreeting",
            "<GreetingType>Normal</GreetingType><DialString>1</DialString>",
        ),
        op("IsUMEnabled", "<extra/>"),
        op("IsUMEnabled", "text"),
        envelope(&format!(
            r#"<IsUMEnabled xmlns="{MESSAGES_NS}"/><ResetPIN xmlns="{MESSAGES_NS}"/>"#
        )),
    ];
    let alice = fx.caller(ALICE)?;
    for case in &cases {
        let answer = fx.post(Some(alice.clone()), None, case).await?;
        answer
            .invalid_request()
            .map_err(|e| format!("{case}: {e}"))?;
    }
    let message = fx
        .post(Some(alice.clone()), None, &op("ResetPin", ""))
        .await?
        .invalid_request()?;
    assert!(
        message.starts_with("The request is invalid. ResetPin is not an operation"),
        "{message}"
    );
    assert_eq!(fx.mails(alice.id)?, 0);
    Ok(())
}

#[tokio::test]
async fn an_envelope_of_another_version_is_a_version_mismatch() -> TestResult {
    let fx = Fixture::new()?;
    let alice = fx.caller(ALICE)?;
    for body in [
        format!(
            r#"<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><ResetPIN xmlns="{MESSAGES_NS}"/></soap:Body></soap:Envelope>"#
        ),
        "<Envelope/>".to_owned(),
    ] {
        let answer = fx.post(Some(alice.clone()), None, &body).await?;
        assert_eq!(answer.status, 500);
        assert_eq!(fx.mails(alice.id)?, 0);
        assert_eq!(
            answer.fault()?.standard_code(),
            Some(StandardCode::VersionMismatch),
            "{}",
            answer.xml
        );
    }
    Ok(())
}

#[tokio::test]
async fn messages_locate_the_problem_without_quoting_values() -> TestResult {
    let fx = Fixture::new()?;
    let alice = fx.caller(ALICE)?;
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
        let answer = fx.post(Some(alice.clone()), None, &xml).await?;
        let message = answer.invalid_request()?;
        assert!(
            message.starts_with(&format!("The request is invalid. {path}")),
            "{message}"
        );
        assert!(!answer.xml.contains(secret), "{}", answer.xml);
    }
    Ok(())
}

#[tokio::test]
async fn a_dtd_is_refused() -> TestResult {
    let fx = Fixture::new()?;
    let xml = format!(
        r#"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>{}"#,
        op("SetPlayOnPhoneDialString", "<dialString>&a;</dialString>")
    );
    let answer = fx.post(Some(fx.caller(ALICE)?), None, &xml).await?;
    let message = answer.invalid_request()?;
    assert!(
        message.contains("document type declaration is not allowed"),
        "{message}"
    );
    Ok(())
}

#[tokio::test]
async fn the_soap_action_must_match_when_present() -> TestResult {
    let fx = Fixture::new()?;
    let alice = fx.caller(ALICE)?;
    let body = op("ResetPIN", "");
    let reset = action("ResetPIN");
    for accepted in [
        Some(reset.as_str()),
        Some(reset.trim_matches('"')),
        Some(""),
    ] {
        let answer = fx.post(Some(alice.clone()), accepted, &body).await?;
        assert_eq!(answer.status, 200, "{accepted:?}: {}", answer.xml);
    }
    let message = fx
        .post(Some(alice.clone()), Some(&action("IsUMEnabled")), &body)
        .await?
        .invalid_request()?;
    assert!(
        message.contains("does not match the body's operation ResetPIN"),
        "{message}"
    );
    assert_eq!(fx.mails(alice.id)?, 3);
    Ok(())
}

#[tokio::test]
async fn a_request_without_a_caller_is_an_internal_error() -> TestResult {
    let fx = Fixture::new()?;
    let answer = fx
        .post(None, Some(&action("ResetPIN")), &op("ResetPIN", ""))
        .await?;
    assert_eq!(answer.status, 500);
    let fault = answer.fault()?;
    assert_eq!(
        fault.detail.response_code.as_deref(),
        Some("ErrorInternalServerError")
    );
    // The front end's layout.
    assert!(answer.xml.contains("<s:Fault>"), "{}", answer.xml);
    assert_eq!(fx.mails(fx.store.user_id(ALICE)?)?, 0);
    Ok(())
}

#[tokio::test]
async fn the_invalid_request_fault_has_the_declared_types_prefix_and_errors_detail() -> TestResult {
    let fx = Fixture::new()?;
    let answer = fx
        .post(Some(fx.caller(ALICE)?), None, &op("ResetPin", ""))
        .await?;
    assert!(answer.xml.contains(&format!(
        r#"<faultcode xmlns:a="{}">a:ErrorInvalidRequest</faultcode>"#,
        exchange_ns::TYPES
    )));
    assert!(
        answer
            .xml
            .contains(&format!(r#"<e:Message xmlns:e="{}">"#, exchange_ns::ERRORS))
    );
    let fault = answer.fault()?;
    assert_eq!(fault.code.namespace.as_deref(), Some(exchange_ns::TYPES));
    assert_eq!(
        fault.detail.response_code.as_deref(),
        Some("ErrorInvalidRequest")
    );
    Ok(())
}

#[test]
fn faults_are_written_as_exchange_writes_them() -> TestResult {
    // The two shapes of [MS-OXWUMS], byte for byte.
    let invalid = Fault::invalid_request("The request is invalid.");
    let expected = include_str!("../../../../schemas/examples/faults/invalid-request.xml");
    assert_eq!(write_fault(&invalid)?, expected.trim_end());
    let exception = Fault::exception(
        "InvalidObjectIdException",
        "The object identifier isn't valid",
    );
    let expected = include_str!("../../../../schemas/examples/faults/exception.xml");
    assert_eq!(write_fault(&exception)?, expected.trim_end());
    let busy = Fault::server_busy(Duration::from_millis(5000));
    let expected = include_str!("../../../../schemas/examples/faults/server-busy.xml");
    assert_eq!(write_fault(&busy)?, expected.trim_end());
    Ok(())
}

#[tokio::test]
async fn the_dispatcher_writes_a_services_fault_as_the_front_end_does() -> TestResult {
    // The exception fault of the dispatcher is byte for byte the one the
    // front end would write.
    let fx = Fixture::new()?;
    let answer = fx.alice("SetTelephoneAccessFolderEmail", "").await?;
    let fault = answer.fault()?;
    let rewritten = Fault::exception(
        fault.detail.exception_type.as_deref().unwrap_or_default(),
        fault.string.clone(),
    );
    assert_eq!(answer.xml, write_fault(&rewritten)?);
    Ok(())
}

#[test]
fn server_busy_fault_carries_back_off() -> TestResult {
    let xml = write_fault(&Fault::server_busy(Duration::from_millis(1500)))?;
    assert!(xml.contains(r#"<t:Value Name="BackOffMilliseconds">1500</t:Value>"#));
    let Body::Fault(fault) = read_envelope::<um::ResetPinResponse>(xml.as_bytes())? else {
        return Err("not a fault".into());
    };
    assert!(fault.is_server_busy());
    assert_eq!(fault.back_off(), Some(Duration::from_millis(1500)));
    Ok(())
}
