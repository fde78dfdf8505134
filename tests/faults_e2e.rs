//! Every fault path of the emulator reaches the typed client as the right
//! error, with the server's fault fields intact, and a ResetPIN whose answer
//! is lost is never sent twice; over HTTP and HTTPS.

use std::time::Duration;

mod e2e;

use e2e::{Transport, over_both};
use exchange_um::um;
use exchange_um_emulator::{InjectedFault, demo};
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::xml::{
    Name, ReadError, Start, WriteError, XmlElement, XmlRead, XmlReader, XmlWrite, XmlWriter,
};
use xsdgen_runtime::{Delivery, Error, Operation};

/// ResetPIN as the documentation page prints it, with the `https://`
/// namespace: what a client built from the docs would send.
#[derive(Debug, PartialEq)]
struct DocsResetPin;

impl XmlWrite for DocsResetPin {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.end()
    }
}

impl XmlRead for DocsResetPin {
    fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> {
        r.end().map(|()| Self)
    }
}

impl XmlElement for DocsResetPin {
    const NAME: Name = Name::new(
        "https://schemas.microsoft.com/exchange/services/2006/messages",
        "ResetPIN",
    );
}

struct DocsResetPinOperation;

impl Operation for DocsResetPinOperation {
    type Request = DocsResetPin;
    type Response = um::ResetPinResponse;
    type InputHeaders = xsdgen_runtime::soap::NoHeaders;
    type OutputHeaders = xsdgen_runtime::soap::NoHeaders;
    const NAME: &'static str = "ResetPIN";
    const SOAP_ACTION: &'static str = um::operations::ResetPin::SOAP_ACTION;
    const SAFE_TO_RETRY: bool = false;
}

over_both!(
    the_docs_namespace_gets_the_invalid_request_fault,
    a_user_who_is_not_um_enabled_gets_the_exception_fault,
    missing_or_wrong_credentials_get_401,
    a_lost_answer_is_not_retried_and_the_pin_was_reset_once,
    throttling_reaches_the_client_with_its_back_off_and_is_not_retried_for_reset_pin,
    safe_operations_ride_out_a_503_and_html_errors_are_reported,
    a_safe_operation_waits_out_the_busy_back_off,
    a_slow_answer_is_a_call_timeout_and_reset_pin_is_not_resent,
);

async fn the_docs_namespace_gets_the_invalid_request_fault(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let client = e2e::client(&emulator, demo::ALICE, demo::ALICE_PASSWORD);
    let err = client
        .soap()
        .call::<DocsResetPinOperation>(&DocsResetPin)
        .await
        .unwrap_err();
    let Error::Fault { fault, .. } = &err else {
        panic!("expected a SOAP fault, got {err}");
    };
    assert_eq!(fault.code.local, "ErrorInvalidRequest");
    assert_eq!(
        fault.code.namespace.as_deref(),
        Some("http://schemas.microsoft.com/exchange/services/2006/types")
    );
    assert_eq!(
        fault.detail.response_code.as_deref(),
        Some("ErrorInvalidRequest")
    );
    assert!(fault.detail.message.is_some());
    assert!(fault.detail.raw.is_some());
    assert_eq!(err.delivery(), Delivery::Answered);
    assert_eq!(e2e::mails(&emulator, demo::ALICE), 0, "nothing was reset");
}

async fn a_user_who_is_not_um_enabled_gets_the_exception_fault(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let err = e2e::client(&emulator, demo::BOB, demo::BOB_PASSWORD)
        .reset_pin()
        .await
        .unwrap_err();
    let fault = err
        .fault()
        .unwrap_or_else(|| panic!("expected a fault, got {err}"));
    // Exchange qualifies the class name with a prefix it never declares.
    assert_eq!(fault.code.raw, "a:UserNotUmEnabledException");
    assert_eq!(fault.code.local, "UserNotUmEnabledException");
    assert_eq!(fault.code.namespace, None);
    assert_eq!(
        fault.detail.exception_type.as_deref(),
        Some("UserNotUmEnabledException")
    );
    assert!(!fault.string.is_empty());
    assert_eq!(e2e::mails(&emulator, demo::BOB), 0);
}

async fn missing_or_wrong_credentials_get_401(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let anonymous = e2e::builder(&emulator).build().unwrap();
    let wrong = e2e::client(&emulator, demo::ALICE, "not-the-password");
    for err in [
        anonymous.reset_pin().await.unwrap_err(),
        wrong.reset_pin().await.unwrap_err(),
    ] {
        let Error::Unauthorized { challenges, .. } = &err else {
            panic!("expected 401, got {err}");
        };
        assert!(
            challenges.iter().any(|c| c.starts_with("Basic")),
            "{challenges:?}"
        );
        assert!(!err.to_string().contains("not-the-password"));
    }
    assert_eq!(e2e::mails(&emulator, demo::ALICE), 0);
}

async fn a_lost_answer_is_not_retried_and_the_pin_was_reset_once(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    emulator.faults().push(InjectedFault::DropAfterApply);
    let err = e2e::client(&emulator, demo::ALICE, demo::ALICE_PASSWORD)
        .reset_pin()
        .await
        .unwrap_err();
    assert!(err.may_have_executed(), "{err}");
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert_eq!(emulator.faults().soap_requests(), 1, "ResetPIN was resent");
    assert_eq!(e2e::mails(&emulator, demo::ALICE), 1, "exactly one e-mail");
}

async fn throttling_reaches_the_client_with_its_back_off_and_is_not_retried_for_reset_pin(
    transport: Transport,
) {
    let emulator = e2e::demo(transport).await;
    emulator.faults().push(InjectedFault::ServerBusy {
        back_off: Some(Duration::from_millis(1500)),
    });
    let err = e2e::client(&emulator, demo::ALICE, demo::ALICE_PASSWORD)
        .reset_pin()
        .await
        .unwrap_err();
    let Error::Throttled { back_off, .. } = &err else {
        panic!("expected throttling, got {err}");
    };
    assert_eq!(*back_off, Some(Duration::from_millis(1500)));
    assert_eq!(emulator.faults().soap_requests(), 1);
    assert_eq!(e2e::mails(&emulator, demo::ALICE), 0);
}

async fn safe_operations_ride_out_a_503_and_html_errors_are_reported(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let alice = e2e::client(&emulator, demo::ALICE, demo::ALICE_PASSWORD);
    emulator.faults().push(InjectedFault::ServiceUnavailable {
        retry_after: Some(Duration::from_secs(0)),
    });
    assert!(alice.is_um_enabled().await.unwrap());
    assert_eq!(
        emulator.faults().soap_requests(),
        2,
        "retried once after the 503"
    );

    emulator.faults().push(InjectedFault::HtmlError);
    let err = alice.reset_pin().await.unwrap_err();
    let Error::Http {
        status, snippet, ..
    } = &err
    else {
        panic!("expected an HTTP error, got {err}");
    };
    assert_eq!(*status, 500);
    assert!(!snippet.contains('<'), "HTML tags are stripped: {snippet}");
    assert_eq!(e2e::mails(&emulator, demo::ALICE), 0);
}

async fn a_safe_operation_waits_out_the_busy_back_off(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let back_off = Duration::from_millis(400);
    emulator.faults().push(InjectedFault::ServerBusy {
        back_off: Some(back_off),
    });
    let started = std::time::Instant::now();
    let alice = e2e::client(&emulator, demo::ALICE, demo::ALICE_PASSWORD);
    assert!(alice.is_um_enabled().await.unwrap());
    assert!(started.elapsed() >= back_off, "{:?}", started.elapsed());
    assert_eq!(emulator.faults().soap_requests(), 2);
}

async fn a_slow_answer_is_a_call_timeout_and_reset_pin_is_not_resent(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    emulator.faults().set_delay(Duration::from_secs(2));
    let alice = e2e::builder(&emulator)
        .credentials(Credentials::basic(demo::ALICE, demo::ALICE_PASSWORD))
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let err = alice.reset_pin().await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err}");
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert_eq!(emulator.faults().soap_requests(), 1, "ResetPIN was resent");
}
