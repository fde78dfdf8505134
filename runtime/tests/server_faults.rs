//! What the server refuses and how: version mismatches, media types,
//! unreadable requests, mustUnderstand, and handlers that fail or panic.

mod server_common;

use server_common::*;
use xsdgen_runtime::Error;
use xsdgen_runtime::server::Router;
use xsdgen_runtime::soap::{
    BodyReader, Envelope, Fault, HeaderName, NoHeaders, SoapVersion, StandardCode,
};

fn fault_of(response: &RawResponse) -> Fault {
    BodyReader::new(response.body.as_bytes())
        .and_then(BodyReader::read_fault)
        .unwrap_or_else(|e| panic!("not a fault ({e}): {}", response.body))
}

const ECHO11: &str = "SOAPAction: \"urn:test:echo/Echo\"";
const SOAP12: &str = "application/soap+xml; action=\"urn:test:echo/Echo\"";

#[tokio::test]
async fn an_envelope_of_the_other_version_is_a_version_mismatch() {
    let server = Running::start(router()).await;
    // A 1.2 envelope sent as 1.1: a 1.1 VersionMismatch fault.
    let body = envelope(SoapVersion::V12, "", &echo_xml("a", "1"));
    let response = raw(server.addr, &post("text/xml", &[ECHO11], &body)).await;
    assert_eq!(response.status, 500);
    assert_eq!(
        response.header("content-type"),
        Some("text/xml; charset=utf-8")
    );
    let fault = fault_of(&response);
    assert_eq!(fault.version, SoapVersion::V11);
    assert_eq!(fault.code.raw, "soap:VersionMismatch");
    assert_eq!(
        fault.string,
        "The envelope is SOAP 1.2, but the content type text/xml is that of SOAP 1.1."
    );

    // A 1.1 envelope sent as 1.2: a 1.2 VersionMismatch, with the Upgrade
    // header listing what this node speaks.
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", "1"));
    let response = raw(server.addr, &post(SOAP12, &[], &body)).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert_eq!(fault.version, SoapVersion::V12);
    assert_eq!(fault.standard_code(), Some(StandardCode::VersionMismatch));
    assert_eq!(fault.upgrade, vec![SoapVersion::V12, SoapVersion::V11]);
    assert!(
        response.body.contains("<soap:Upgrade>"),
        "{}",
        response.body
    );
    server.stop().await;
}

#[tokio::test]
async fn an_envelope_of_no_soap_namespace_is_a_version_mismatch() {
    let server = Running::start(router()).await;
    let body = r#"<e:Envelope xmlns:e="urn:soap:2"><e:Body/></e:Envelope>"#;
    let response = raw(server.addr, &post("text/xml", &[], body)).await;
    let fault = fault_of(&response);
    assert_eq!(fault.code.raw, "soap:VersionMismatch");
    assert!(fault.string.contains("urn:soap:2"), "{}", fault.string);
    server.stop().await;
}

#[tokio::test]
async fn other_media_types_are_refused_with_415() {
    let server = Running::start(router()).await;
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", "1"));
    let response = raw(server.addr, &post("application/json", &[], &body)).await;
    assert_eq!(response.status, 415);
    assert!(
        response
            .body
            .contains("unsupported media type \"application/json\""),
        "{}",
        response.body
    );
    let response = raw(server.addr, &post("text/xml; charset", &[], &body)).await;
    assert_eq!(response.status, 400);
    let missing = b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
    assert_eq!(raw(server.addr, missing).await.status, 415);
    server.stop().await;
}

#[tokio::test]
async fn a_document_type_declaration_is_refused() {
    let server = Running::start(router()).await;
    // Billion laughs, cut short: nothing may be expanded.
    let body = format!(
        r#"<?xml version="1.0"?><!DOCTYPE s:Envelope [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>{}</s:Body></s:Envelope>"#,
        echo_xml("&lol2;", "1")
    );
    let response = raw(server.addr, &post("text/xml", &[ECHO11], &body)).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert_eq!(fault.code.raw, "soap:Client");
    assert!(
        fault
            .string
            .contains("a document type declaration is not allowed"),
        "{}",
        fault.string
    );
    assert!(!response.body.contains("lollol"), "{}", response.body);
    server.stop().await;
}

#[tokio::test]
async fn unreadable_requests_are_faults_naming_where() {
    let server = Running::start(router()).await;
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", "many"));
    let response = raw(server.addr, &post("text/xml", &[ECHO11], &body)).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert_eq!(fault.code.raw, "soap:Client");
    assert!(
        fault
            .string
            .starts_with("The request cannot be read: /Envelope/Body/Echo/Count (line 1, column"),
        "{}",
        fault.string
    );
    assert!(fault.string.contains("\"many\""), "{}", fault.string);

    // A missing element, in 1.2: Sender, 400. (Echo has ended when the
    // absence is found, so the path is its parent's.)
    let body = envelope(
        SoapVersion::V12,
        "",
        r#"<Echo xmlns="urn:test:echo"><Text>a</Text></Echo>"#,
    );
    let response = raw(server.addr, &post(SOAP12, &[], &body)).await;
    assert_eq!(response.status, 400);
    let fault = fault_of(&response);
    assert!(
        fault.string.contains("/Envelope/Body (line 1")
            && fault
                .string
                .contains("missing required element {urn:test:echo}Count"),
        "{}",
        fault.string
    );

    for junk in ["", "not xml", "<html><body>hi</body></html>", "<Order/>"] {
        let response = raw(server.addr, &post("text/xml", &[ECHO11], junk)).await;
        assert_eq!(response.status, 500, "{junk}");
        let fault = fault_of(&response);
        assert_eq!(fault.code.raw, "soap:Client", "{junk}");
        assert!(
            fault
                .string
                .starts_with("The request is not a SOAP envelope"),
            "{junk}: {}",
            fault.string
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn undeclared_header_entries_marked_must_understand_are_refused() {
    let server = Running::start(router()).await;
    let marked11 = r#"<x:Audit xmlns:x="urn:audit" s:mustUnderstand="1">on</x:Audit>"#;
    let body = envelope(SoapVersion::V11, marked11, &echo_xml("a", "1"));
    let response = raw(server.addr, &post("text/xml", &[ECHO11], &body)).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert_eq!(fault.code.raw, "soap:MustUnderstand");
    assert!(
        fault.string.contains("{urn:audit}Audit"),
        "{}",
        fault.string
    );

    let marked12 = r#"<x:Audit xmlns:x="urn:audit" s:mustUnderstand="true">on</x:Audit>"#;
    let body = envelope(SoapVersion::V12, marked12, &echo_xml("a", "1"));
    let response = raw(server.addr, &post(SOAP12, &[], &body)).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert_eq!(fault.standard_code(), Some(StandardCode::MustUnderstand));
    assert_eq!(
        fault.not_understood,
        vec![HeaderName::new("urn:audit", "Audit")]
    );

    // Unmarked, or addressed to another role: ignored. Declared and
    // marked: understood, and read.
    for header in [
        r#"<x:Audit xmlns:x="urn:audit">on</x:Audit>"#,
        r#"<x:Audit xmlns:x="urn:audit" s:mustUnderstand="true" s:role="urn:someone-else">on</x:Audit>"#,
        r#"<Trace xmlns="urn:test:echo" s:mustUnderstand="1">t-9</Trace>"#,
    ] {
        let body = envelope(SoapVersion::V12, header, &echo_xml("a", "1"));
        let response = raw(server.addr, &post(SOAP12, &[], &body)).await;
        assert_eq!(response.status, 200, "{header}: {}", response.body);
        assert_eq!(
            response.body.contains("t-9"),
            header.contains("t-9"),
            "{}",
            response.body
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn an_application_fault_is_sent_in_the_requests_version() {
    let server = Running::start(router()).await;
    let client = server.client();
    let error = client.call::<Fail11>(&Fail).await.unwrap_err();
    let Error::Fault { status, fault } = error else {
        panic!("{error:?}")
    };
    assert_eq!(status, 500);
    assert_eq!(fault.version, SoapVersion::V11);
    assert_eq!(fault.code.raw, "a:ErrorInvalidRequest");
    assert_eq!(fault.error_code(), "ErrorInvalidRequest");
    assert_eq!(fault.detail.message.as_deref(), Some("Fail always fails."));

    // The handler wrote a 1.1 fault; a 1.2 caller gets it as a 1.2 one:
    // the application code becomes the subcode of a Receiver fault.
    let error = client.call::<Fail12>(&Fail).await.unwrap_err();
    let Error::Fault { status, fault } = error else {
        panic!("{error:?}")
    };
    assert_eq!(status, 500);
    assert_eq!(fault.version, SoapVersion::V12);
    assert_eq!(fault.standard_code(), Some(StandardCode::Receiver));
    assert_eq!(fault.subcodes[0].raw, "a:ErrorInvalidRequest");
    assert_eq!(fault.error_code(), "ErrorInvalidRequest");
    server.stop().await;
}

#[tokio::test]
async fn a_panicking_handler_is_a_receiver_fault_and_the_server_goes_on() {
    let router = router_with_panic();
    let server = Running::start(router).await;
    let client = server.client();
    for _ in 0..3 {
        let error = client.call::<Fail11>(&Fail).await.unwrap_err();
        let Error::Fault { status, fault } = error else {
            panic!("{error:?}")
        };
        assert_eq!(status, 500);
        assert_eq!(fault.code.raw, "soap:Server");
        assert_eq!(fault.string, "The operation failed.");
        let echoed = client
            .call::<Echo11>(&Echo {
                text: "still here".into(),
                count: 1,
            })
            .await
            .unwrap();
        assert_eq!(echoed.text, "still here");
    }
    server.stop().await;
}

fn router_with_panic() -> Router {
    Router::new()
        .operation::<Echo11, _, _>(echo)
        .operation::<Fail11, _, _>(|_, _| async {
            if true {
                panic!("the handler has a bug");
            }
            Ok::<_, Fault>(Envelope {
                headers: NoHeaders,
                body: Failed,
            })
        })
}
