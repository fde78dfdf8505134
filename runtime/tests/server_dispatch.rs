//! Dispatch over real HTTP: by action and by body element, in both
//! versions, what is refused for not matching, and the WSDL.

mod server_common;

use server_common::*;
use xsdgen_runtime::server::Router;
use xsdgen_runtime::soap::{BodyReader, Fault, NoHeaders, SoapVersion, StandardCode};
use xsdgen_runtime::{Error, soap::Envelope};

/// The fault of a raw answer.
fn fault_of(response: &RawResponse) -> Fault {
    BodyReader::new(response.body.as_bytes())
        .and_then(BodyReader::read_fault)
        .unwrap_or_else(|e| panic!("not a fault ({e}): {}", response.body))
}

#[tokio::test]
async fn the_client_calls_each_version_and_gets_its_headers_back() {
    let server = Running::start(router()).await;
    let client = server.client();
    let request = Echo {
        text: "ab".into(),
        count: 3,
    };
    let headers = TraceHeaders {
        trace: Some(Trace("t-1".into())),
    };
    let answer = client
        .call_with_headers::<Echo11>(&headers, &request)
        .await
        .unwrap();
    assert_eq!(answer.body.text, "ababab");
    assert_eq!(answer.headers, headers);
    // The client refuses an answer in another version than its request's,
    // so this is a 1.2 answer to a 1.2 call.
    let answer = client.call::<Echo12>(&request).await.unwrap();
    assert_eq!(answer.text, "ababab");
    server.stop().await;
}

#[tokio::test]
async fn each_version_is_answered_in_its_own_content_type() {
    let server = Running::start(router()).await;
    for (version, content_type, extra) in [
        (
            SoapVersion::V11,
            "text/xml; charset=utf-8",
            vec![format!("SOAPAction: \"{ECHO_ACTION}\"")],
        ),
        (
            SoapVersion::V12,
            &*format!("application/soap+xml; charset=utf-8; action=\"{ECHO_ACTION}\""),
            vec![],
        ),
    ] {
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        let body = envelope(version, "", &echo_xml("x", "2"));
        let response = raw(server.addr, &post(content_type, &extra, &body)).await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(
            response.header("content-type"),
            Some(version.content_type("").as_str())
        );
        let reader = BodyReader::new(response.body.as_bytes()).unwrap();
        assert_eq!(reader.version(), version);
        let echoed: EchoResponse = reader.read_body().unwrap();
        assert_eq!(echoed.text, "xx");
    }
    server.stop().await;
}

#[tokio::test]
async fn without_an_action_the_body_element_chooses() {
    let server = Running::start(router()).await;
    let body11 = envelope(SoapVersion::V11, "", &echo_xml("a", "1"));
    let body12 = envelope(SoapVersion::V12, "", &echo_xml("a", "1"));
    for request in [
        post("text/xml", &[], &body11),
        post("text/xml", &["SOAPAction: \"\""], &body11),
        // soapActionRequired is not enforced: the element is unambiguous.
        post("application/soap+xml", &[], &body12),
    ] {
        let response = raw(server.addr, &request).await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert!(
            response.body.contains("<Text>a</Text>"),
            "{}",
            response.body
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn an_action_and_a_body_of_different_operations_are_refused_naming_both() {
    let server = Running::start(router()).await;
    let body = envelope(SoapVersion::V11, "", r#"<Ping xmlns="urn:test:echo"/>"#);
    let action = format!("SOAPAction: \"{ECHO_ACTION}\"");
    let response = raw(server.addr, &post("text/xml", &[&action], &body)).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert_eq!(fault.code.raw, "soap:Client");
    assert!(fault.string.contains("operation Echo"), "{}", fault.string);
    assert!(
        fault.string.contains("{urn:test:echo}Echo"),
        "{}",
        fault.string
    );
    assert!(
        fault.string.contains("{urn:test:echo}Ping"),
        "{}",
        fault.string
    );

    // In 1.2 the same is a Sender fault, sent with 400.
    let body = envelope(SoapVersion::V12, "", r#"<Ping xmlns="urn:test:echo"/>"#);
    let content_type = format!("application/soap+xml; action=\"{ECHO_ACTION}\"");
    let response = raw(server.addr, &post(&content_type, &[], &body)).await;
    assert_eq!(response.status, 400);
    let fault = fault_of(&response);
    assert_eq!(fault.version, SoapVersion::V12);
    assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
    server.stop().await;
}

#[tokio::test]
async fn unknown_elements_and_actions_are_the_senders_fault() {
    let server = Running::start(router()).await;
    let body = envelope(SoapVersion::V11, "", r#"<Nope xmlns="urn:other"/>"#);
    let response = raw(server.addr, &post("text/xml", &[], &body)).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
    assert_eq!(
        fault.string,
        "No operation takes the body element {urn:other}Nope."
    );

    // A known element under an action no operation has: the client and
    // the server disagree, and nothing is run.
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", "1"));
    let response = raw(
        server.addr,
        &post("text/xml", &["SOAPAction: \"urn:wrong\""], &body),
    )
    .await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert!(
        fault
            .string
            .starts_with("No operation has the action \"urn:wrong\"")
            && fault
                .string
                .contains("Echo (action \"urn:test:echo/Echo\")"),
        "{}",
        fault.string
    );
    server.stop().await;
}

#[tokio::test]
async fn an_operation_of_the_other_version_only_is_refused() {
    let server = Running::start(router()).await;
    // Ping is bound to 1.1 only.
    let body = envelope(SoapVersion::V12, "", r#"<Ping xmlns="urn:test:echo"/>"#);
    let content_type = format!("application/soap+xml; action=\"{PING_ACTION}\"");
    let response = raw(server.addr, &post(&content_type, &[], &body)).await;
    assert_eq!(response.status, 400);
    let fault = fault_of(&response);
    assert_eq!(
        fault.string,
        "Operation Ping is bound to SOAP 1.1 only, and this request is SOAP 1.2."
    );
    server.stop().await;

    // A service with no 1.2 operation at all refuses the media type.
    let server = Running::start(Router::new().operation::<Ping11, _, _>(ping)).await;
    let response = raw(server.addr, &post("application/soap+xml", &[], &body)).await;
    assert_eq!(response.status, 415);
    assert!(
        response
            .body
            .contains("no SOAP 1.2 operation; it speaks SOAP 1.1 (text/xml)"),
        "{}",
        response.body
    );
    server.stop().await;
}

#[tokio::test]
async fn operations_that_share_an_element_are_told_apart_by_the_action() {
    let router = Router::new()
        .operation::<Ping11, _, _>(ping)
        .operation::<PingAsFail, _, _>(|_, _| async {
            Err::<Envelope<NoHeaders, Pong>, _>(Fault::sender(SoapVersion::V11, "PingAsFail ran"))
        });
    let server = Running::start(router).await;
    let body = envelope(SoapVersion::V11, "", r#"<Ping xmlns="urn:test:echo"/>"#);

    let response = raw(server.addr, &post("text/xml", &[], &body)).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert!(
        fault
            .string
            .contains("the request needs the action to choose")
            && fault
                .string
                .contains("Ping (action \"urn:test:echo/Ping\")")
            && fault
                .string
                .contains("PingAsFail (action \"urn:test:echo/Fail\")"),
        "{}",
        fault.string
    );

    let action = format!("SOAPAction: \"{FAIL_ACTION}\"");
    let response = raw(server.addr, &post("text/xml", &[&action], &body)).await;
    assert_eq!(fault_of(&response).string, "PingAsFail ran");
    let action = format!("SOAPAction: {PING_ACTION}");
    let response = raw(server.addr, &post("text/xml", &[&action], &body)).await;
    assert_eq!(response.status, 200, "{}", response.body);
    server.stop().await;
}

#[tokio::test]
async fn the_wsdl_is_served_on_get_with_the_query() {
    const WSDL: &str = r#"<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" name="Echo"/>"#;
    let server = Running::start(router().wsdl(WSDL)).await;
    let http = http();
    for query in ["?wsdl", "?WSDL"] {
        let response = http
            .get(format!("{}{query}", server.url))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-type"],
            "text/xml; charset=utf-8"
        );
        assert_eq!(response.text().await.unwrap(), WSDL);
    }
    let response = http.get(&server.url).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET, POST");
    server.stop().await;

    let server = Running::start(router()).await;
    let response = http
        .get(format!("{}?wsdl", server.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    server.stop().await;
}

#[tokio::test]
async fn other_methods_are_not_allowed() {
    let server = Running::start(router()).await;
    let http = http();
    for method in [
        reqwest::Method::PUT,
        reqwest::Method::DELETE,
        reqwest::Method::GET,
    ] {
        let response = http
            .request(method.clone(), &server.url)
            .header("Content-Type", "text/xml")
            .body(envelope(SoapVersion::V11, "", &echo_xml("a", "1")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 405, "{method}");
        assert_eq!(response.headers()["allow"], "POST");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_fault_from_the_handler_reaches_the_client_as_one() {
    let server = Running::start(router()).await;
    let client = server.client();
    // Negative counts are refused by the handler with a Sender fault.
    let refused = client
        .call::<Echo12>(&Echo {
            text: "a".into(),
            count: -1,
        })
        .await
        .unwrap_err();
    let Error::Fault { status, fault } = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(status, 400);
    assert_eq!(fault.version, SoapVersion::V12);
    assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
    assert_eq!(fault.string, "Count must not be negative.");
    server.stop().await;
}

/// The service as any tower service, on an accept loop of the
/// application's own: hyper's, through hyper-util's adapter.
#[tokio::test]
async fn the_service_runs_on_a_hand_written_hyper_loop() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let service = router()
        .operation::<PingAsFail, _, _>(|ctx, _| async move {
            // No RemoteAddr extension on this loop's requests.
            Err::<Envelope<NoHeaders, Pong>, _>(Fault::sender(
                ctx.version(),
                format!("remote {:?}", ctx.remote_addr()),
            ))
        })
        .into_service();
    let server = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let service = hyper_util::service::TowerToHyperService::new(service.clone());
            tokio::spawn(
                hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service),
            );
        }
    });
    let client = xsdgen_runtime::client::Client::builder(format!("http://{addr}/any/path"))
        .build()
        .unwrap();
    let answer = client
        .call::<Echo11>(&Echo {
            text: "t".into(),
            count: 2,
        })
        .await
        .unwrap();
    assert_eq!(answer.text, "tt");
    let Error::Fault { fault, .. } = client.call::<PingAsFail>(&Ping).await.unwrap_err() else {
        panic!("not a fault")
    };
    assert_eq!(fault.string, "remote None");
    server.abort();
}
