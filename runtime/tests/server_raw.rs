//! Raw operations: registered by their names alone, dispatched by the
//! same table and rules as typed ones, given the body element as XML and
//! answering with XML, over real HTTP with the typed client as the peer.

mod server_common;

use std::sync::{Arc, Mutex};

use server_common::*;
use xsdgen_runtime::Error;
use xsdgen_runtime::server::{RawElement, RawOperation, RawRequest, RawResponse, Router};
use xsdgen_runtime::soap::{BodyReader, Fault, SoapVersion, StandardCode};
use xsdgen_runtime::xml::Name;

const ECHO: Name = Name::new(NS, "Echo");

fn element(xml: &str) -> RawElement {
    RawElement::parse(xml).unwrap_or_else(|e| panic!("{e}: {xml}"))
}

/// Echo as a raw operation of `version`: answers `text` as the response
/// and keeps each request's body element in `seen`.
fn raw_echo(
    router: Router,
    version: SoapVersion,
    text: &str,
    seen: &Arc<Mutex<Vec<String>>>,
) -> Router {
    let answer = element(&format!(
        r#"<r:EchoResponse xmlns:r="{NS}"><r:Text>{text}</r:Text><r:User/></r:EchoResponse>"#
    ));
    let seen = Arc::clone(seen);
    let operation = RawOperation {
        headers: vec![Name::new(NS, "Trace")],
        ..RawOperation::new("Echo", ECHO_ACTION, version, ECHO)
    };
    router.raw_operation(operation, move |ctx, request: RawRequest| {
        assert_eq!(ctx.operation(), "Echo");
        seen.lock().unwrap().push(request.body.as_str().to_owned());
        let mut response = RawResponse::from(answer.clone());
        response.headers.push(element(&format!(
            r#"<Trace xmlns="{NS}">from-{}</Trace>"#,
            ctx.version()
        )));
        async move { Ok(response) }
    })
}

fn fault_of(error: &Error) -> &Fault {
    error
        .fault()
        .unwrap_or_else(|| panic!("a fault, not {error:?}"))
}

#[tokio::test]
async fn the_typed_client_calls_raw_operations_in_both_versions() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let router = raw_echo(Router::new(), SoapVersion::V11, "one", &seen);
    let router = raw_echo(router, SoapVersion::V12, "two", &seen);
    let server = Running::start(router).await;
    let client = server.client();
    let request = Echo {
        text: "a<b".into(),
        count: 2,
    };

    let answer = client
        .call_with_headers::<Echo11>(&TraceHeaders::default(), &request)
        .await
        .unwrap();
    assert_eq!(answer.body.text, "one");
    assert_eq!(answer.headers.trace, Some(Trace("from-SOAP 1.1".into())));
    let answer = client.call::<Echo12>(&request).await.unwrap();
    assert_eq!(answer.text, "two");

    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2);
    // The body element as the client wrote it: escaped text, and its
    // namespace declared on itself.
    assert!(
        seen[0].starts_with("<Echo xmlns=\"urn:test:echo\">"),
        "{}",
        seen[0]
    );
    assert!(seen[0].contains("<Text>a&lt;b</Text>"), "{}", seen[0]);
    server.stop().await;
}

/// A prefix the envelope declares is declared on the element handed over.
#[tokio::test]
async fn the_body_element_stands_on_its_own() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let server = Running::start(raw_echo(Router::new(), SoapVersion::V11, "x", &seen)).await;
    let body = format!(
        r#"<s:Envelope xmlns:s="{}" xmlns:e="{NS}"><s:Body><e:Echo><e:Text>t</e:Text><e:Count>1</e:Count></e:Echo></s:Body></s:Envelope>"#,
        SoapVersion::V11.namespace()
    );
    let action = format!("SOAPAction: \"{ECHO_ACTION}\"");
    let response = raw(server.addr, &post("text/xml", &[&action], &body)).await;
    assert_eq!(response.status, 200, "{}", response.body);
    let kept = seen.lock().unwrap()[0].clone();
    assert_eq!(
        element(&kept).as_str(),
        kept,
        "self-contained and well-formed"
    );
    assert!(
        kept.starts_with(&format!(r#"<e:Echo xmlns:e="{NS}">"#)),
        "{kept}"
    );
    server.stop().await;
}

/// Raw and typed operations share one table: the dispatch rules and
/// their faults are the same.
#[tokio::test]
async fn raw_and_typed_operations_are_dispatched_by_the_same_rules() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let router = raw_echo(
        Router::new().operation::<Ping11, _, _>(ping),
        SoapVersion::V11,
        "raw",
        &seen,
    );
    let server = Running::start(router).await;
    let client = server.client();
    client.call::<Ping11>(&Ping).await.unwrap();

    // Ping's element under Echo's action names both.
    let body = envelope(SoapVersion::V11, "", &format!(r#"<Ping xmlns="{NS}"/>"#));
    let action = format!("SOAPAction: \"{ECHO_ACTION}\"");
    let response = raw(server.addr, &post("text/xml", &[&action], &body)).await;
    assert_eq!(response.status, 500);
    let fault = BodyReader::new(response.body.as_bytes())
        .and_then(BodyReader::read_fault)
        .unwrap();
    assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
    assert!(
        fault
            .string
            .contains("operation Echo, whose request is {urn:test:echo}Echo")
            && fault.string.contains("{urn:test:echo}Ping"),
        "{}",
        fault.string
    );

    // An element no operation takes.
    let body = envelope(SoapVersion::V11, "", r#"<Nope xmlns="urn:other"/>"#);
    let response = raw(server.addr, &post("text/xml", &[], &body)).await;
    assert_eq!(response.status, 500);
    assert!(
        response
            .body
            .contains("No operation takes the body element {urn:other}Nope."),
        "{}",
        response.body
    );

    // Echo is served in 1.1 only: a 1.2 request is refused before its body.
    let error = client
        .call::<Echo12>(&Echo {
            text: "x".into(),
            count: 1,
        })
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::Http { status: 415, .. }),
        "{error:?}"
    );
    assert!(seen.lock().unwrap().is_empty(), "no raw handler ran");
    server.stop().await;
}

/// The declared header entries are accepted under `mustUnderstand`; any
/// other entry marked so is refused before the handler runs. A document
/// type declaration is refused as for any operation.
#[tokio::test]
async fn the_refusals_before_the_handler_apply_to_raw_operations() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let server = Running::start(raw_echo(Router::new(), SoapVersion::V12, "x", &seen)).await;
    let content_type = format!("application/soap+xml; action=\"{ECHO_ACTION}\"");
    let declared = format!(r#"<Trace xmlns="{NS}" s:mustUnderstand="true">t</Trace>"#);
    let body = envelope(SoapVersion::V12, &declared, &echo_xml("a", "1"));
    let response = raw(server.addr, &post(&content_type, &[], &body)).await;
    assert_eq!(response.status, 200, "{}", response.body);

    let other = r#"<x:Audit xmlns:x="urn:audit" s:mustUnderstand="true">on</x:Audit>"#;
    let body = envelope(SoapVersion::V12, other, &echo_xml("a", "1"));
    let response = raw(server.addr, &post(&content_type, &[], &body)).await;
    let fault = BodyReader::new(response.body.as_bytes())
        .and_then(BodyReader::read_fault)
        .unwrap();
    assert_eq!(fault.standard_code(), Some(StandardCode::MustUnderstand));

    let doctype = format!(
        "<!DOCTYPE x [<!ENTITY e \"e\">]>{}",
        envelope(SoapVersion::V12, "", &echo_xml("&e;", "1"))
            .replace(r#"<?xml version="1.0" encoding="utf-8"?>"#, "")
    );
    let response = raw(server.addr, &post(&content_type, &[], &doctype)).await;
    assert_eq!(response.status, 400, "{}", response.body);
    assert!(
        response.body.contains("document type declaration"),
        "{}",
        response.body
    );
    assert_eq!(seen.lock().unwrap().len(), 1, "only the first request ran");
    server.stop().await;
}

/// A fault a raw handler writes in 1.1 terms is sent in the request's
/// version, with that version's status.
#[tokio::test]
async fn a_raw_fault_is_answered_in_the_request_version() {
    let router = Router::new().raw_operation(
        RawOperation::new("Fail", FAIL_ACTION, SoapVersion::V12, Name::new(NS, "Fail")),
        |_, _| async { Err::<RawResponse, _>(Fault::sender(SoapVersion::V11, "no")) },
    );
    let server = Running::start(router).await;
    let error = server.client().call::<Fail12>(&Fail).await.unwrap_err();
    let fault = fault_of(&error);
    assert_eq!(fault.version, SoapVersion::V12);
    assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
    assert_eq!(fault.string, "no");
    server.stop().await;
}

#[test]
fn a_raw_element_is_one_well_formed_element() {
    let kept =
        element("<?xml version=\"1.0\"?>\n<!-- c --><a:R xmlns:a=\"urn:a\"><a:V>1</a:V></a:R>\n");
    assert_eq!(kept.as_str(), r#"<a:R xmlns:a="urn:a"><a:V>1</a:V></a:R>"#);
    assert_eq!((kept.namespace(), kept.local_name()), ("urn:a", "R"));
    assert_eq!(kept.clark_name(), "{urn:a}R");
    assert!(kept.is(Name::new("urn:a", "R")));

    for (bad, why) in [
        ("<a><b></a>", "malformed"),
        ("<a/><b/>", "content after the root element"),
        ("<!DOCTYPE a><a/>", "document type declaration"),
        ("<x:a/>", "undeclared namespace prefix 'x'"),
        ("", "no root element"),
    ] {
        let error = RawElement::parse(bad).unwrap_err();
        assert!(error.to_string().contains(why), "{bad}: {error}");
    }
}

#[test]
#[should_panic(expected = "are both registered")]
fn a_raw_operation_cannot_shadow_a_typed_one() {
    let _ = Router::new().operation::<Ping11, _, _>(ping).raw_operation(
        RawOperation::new(
            "Ping2",
            PING_ACTION,
            SoapVersion::V11,
            Name::new(NS, "Ping"),
        ),
        |_, _| async { Err::<RawResponse, _>(Fault::receiver(SoapVersion::V11, "-")) },
    );
}
