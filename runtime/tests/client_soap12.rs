//! A SOAP 1.2 operation over real HTTP: what the request carries, and what
//! each answer becomes.

mod common;

use common::server::{Reply, TestServer, response};
use common::{ResetPin, ResetPinResponse};
use xsdgen_runtime::client::{Client, NoRetry};
use xsdgen_runtime::soap::{
    EnvelopeStyle, Fault, FaultCode, NO_EXTRA_HEADERS, NoHeaders, SoapVersion, StandardCode,
    write_envelope, write_envelope_parts,
};
use xsdgen_runtime::{Delivery, Error, Operation};

const ACTION: &str = "http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN";

/// ResetPIN bound to SOAP 1.2.
struct ResetPin12;

impl Operation for ResetPin12 {
    type Request = ResetPin;
    type Response = ResetPinResponse;
    type InputHeaders = NoHeaders;
    type OutputHeaders = NoHeaders;
    const NAME: &'static str = "ResetPIN";
    const SOAP_ACTION: &'static str = ACTION;
    const VERSION: SoapVersion = SoapVersion::V12;
    const SAFE_TO_RETRY: bool = false;
}

fn soap12(status: u16, reason: &str, body: &str) -> Reply {
    response(
        status,
        reason,
        &[("Content-Type", "application/soap+xml; charset=utf-8")],
        body,
    )
}

async fn call(reply: Reply) -> (Result<ResetPinResponse, Error>, TestServer) {
    let server = TestServer::start(vec![reply]).await;
    let result = Client::builder(&server.url)
        .retry_policy(NoRetry)
        .build()
        .unwrap()
        .call::<ResetPin12>(&ResetPin)
        .await;
    (result, server)
}

fn success() -> String {
    write_envelope_parts(
        SoapVersion::V12,
        &EnvelopeStyle::COMPACT,
        &NoHeaders,
        NO_EXTRA_HEADERS,
        &ResetPinResponse,
    )
    .unwrap()
}

#[tokio::test]
async fn a_12_request_carries_its_action_in_the_content_type() {
    let (result, server) = call(soap12(200, "OK", &success())).await;
    assert_eq!(result.unwrap(), ResetPinResponse);
    let requests = server.requests();
    let [request] = requests.as_slice() else {
        panic!("{requests:?}")
    };
    assert_eq!(
        request.header("content-type"),
        Some(format!(r#"application/soap+xml; charset=utf-8; action="{ACTION}""#).as_str())
    );
    assert_eq!(request.header("soapaction"), None);
    assert!(
        request
            .body
            .starts_with(r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><ResetPIN "#),
        "{}",
        request.body
    );
}

#[tokio::test]
async fn a_400_with_a_sender_fault_is_the_typed_fault() {
    let mut fault = Fault::sender(SoapVersion::V12, "The PIN policy refuses this.");
    fault
        .subcodes
        .push(FaultCode::qualified("m", "urn:um", "PolicyViolation"));
    let body = fault.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert_eq!(fault.http_status(), 400);
    let (result, server) = call(soap12(400, "Bad Request", &body)).await;
    let err = result.unwrap_err();
    let Error::Fault { status, fault: got } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 400);
    assert_eq!(**got, fault);
    assert_eq!(got.standard_code(), Some(StandardCode::Sender));
    assert_eq!(got.error_code(), "PolicyViolation");
    assert_eq!(err.delivery(), Delivery::Answered);
    // A fault is not retried, and ResetPIN is not safe to retry anyway.
    assert_eq!(server.count(), 1);

    let receiver = Fault::receiver(SoapVersion::V12, "The store is down.");
    let body = receiver.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    let (result, _) = call(soap12(500, "Internal Server Error", &body)).await;
    let err = result.unwrap_err();
    assert!(
        matches!(&err, Error::Fault { status: 500, fault } if **fault == receiver),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_answer_in_the_other_version_is_refused() {
    let v11 = write_envelope(&ResetPinResponse, &EnvelopeStyle::COMPACT).unwrap();
    let (result, _) = call(soap12(200, "OK", &v11)).await;
    let err = result.unwrap_err();
    assert!(
        matches!(
            err,
            Error::UnexpectedSoapVersion {
                status: 200,
                expected: SoapVersion::V12,
                found: SoapVersion::V11
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "the server answered a SOAP 1.2 request with a SOAP 1.1 envelope (HTTP 200); \
         the operation may have executed"
    );
    assert!(err.may_have_executed());

    // A 1.1-only server's refusal is a fault all the same.
    let mismatch = Fault::version_mismatch(SoapVersion::V11)
        .to_envelope(&EnvelopeStyle::COMPACT)
        .unwrap();
    let (result, _) = call(soap12(500, "Internal Server Error", &mismatch)).await;
    let err = result.unwrap_err();
    let fault = err.fault().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(
        (fault.version, fault.standard_code()),
        (SoapVersion::V11, Some(StandardCode::VersionMismatch))
    );
    assert_eq!(fault.upgrade, [SoapVersion::V12, SoapVersion::V11]);
}
