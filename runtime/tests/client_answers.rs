//! What each kind of answer becomes: a fault, an HTTP error with what the
//! server said, or a refusal to read a body that is too large or that
//! declares entities.

mod common;

use std::time::{Duration, Instant};

use common::server::{Reply, TestServer, response, response_bytes, soap, soap_with};
use common::{IsUmEnabled, IsUmEnabledOp, ResetPin, ResetPinOp};
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::client::{Client, DEFAULT_MAX_RESPONSE_BYTES, NoRetry};
use xsdgen_runtime::soap::{EnvelopeStyle, Fault};
use xsdgen_runtime::{Delivery, Error};

const PASSWORD: &str = "s3cret-Pa55word";
/// base64("alice:s3cret-Pa55word")
const BASIC: &str = "YWxpY2U6czNjcmV0LVBhNTV3b3Jk";

async fn call(reply: Reply) -> (Error, TestServer) {
    call_with(reply, |url| Client::builder(url)).await
}

async fn call_with(
    reply: Reply,
    configure: impl FnOnce(&str) -> xsdgen_runtime::client::ClientBuilder,
) -> (Error, TestServer) {
    let server = TestServer::start(vec![reply]).await;
    let err = configure(&server.url)
        .credentials(Credentials::basic("alice", PASSWORD))
        .retry_policy(NoRetry)
        .build()
        .unwrap()
        .call::<ResetPinOp>(&ResetPin)
        .await
        .map(|_| ())
        .unwrap_err();
    (err, server)
}

fn exception_fault() -> String {
    Fault::exception(
        "InvalidObjectIdException",
        "The object identifier isn't valid",
    )
    .to_envelope(&EnvelopeStyle::ASMX_RESPONSE)
    .unwrap()
}

#[tokio::test]
async fn an_xml_500_is_a_fault_and_an_html_500_an_http_error() {
    let (err, _) = call(soap(500, &exception_fault())).await;
    let Error::Fault { status, fault } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (*status, fault.code.local.as_str()),
        (500, "InvalidObjectIdException")
    );
    assert_eq!(err.delivery(), Delivery::Answered);

    let page = "<!DOCTYPE html><html><head><title>Runtime Error</title></head>\
        <body><h1>Server Error in '/EWS' Application.</h1></body></html>";
    let html = response(
        500,
        "Internal Server Error",
        &[
            ("Content-Type", "text/html"),
            ("X-CasErrorCode", "BackEndError"),
        ],
        page,
    );
    let (err, _) = call(html).await;
    let Error::Http {
        status,
        snippet,
        cas_error_code,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 500);
    assert_eq!(snippet, "Runtime Error Server Error in '/EWS' Application.");
    assert_eq!(cas_error_code.as_deref(), Some("BackEndError"));
    assert!(err.may_have_executed());
    assert_eq!(err.http_status(), Some(500));
}

#[tokio::test]
async fn a_503_with_a_fault_is_the_fault_with_its_status() {
    let (err, server) = call(soap(503, &exception_fault())).await;
    let Error::Fault { status, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 503);
    assert_eq!(err.http_status(), Some(503));
    assert_eq!(server.count(), 1);

    // A busy fault with 503: throttling, with the longer of the two
    // delays the server named.
    let busy = Fault::server_busy(Duration::from_millis(1500))
        .to_envelope(&EnvelopeStyle::COMPACT)
        .unwrap();
    let (err, _) = call(soap_with(503, &[("Retry-After", "3")], &busy)).await;
    let Error::Throttled {
        status, back_off, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!((*status, *back_off), (503, Some(Duration::from_secs(3))));
}

#[tokio::test]
async fn http_errors_keep_the_server_s_headers() {
    let forbidden = response(
        403,
        "Forbidden",
        &[
            ("WWW-Authenticate", "Bearer error=\"insufficient_scope\""),
            ("X-CasErrorCode", "UserHasNoMailbox"),
        ],
        "Forbidden",
    );
    let (err, _) = call(forbidden).await;
    let Error::Http {
        status,
        challenges,
        cas_error_code,
        snippet,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 403);
    assert_eq!(challenges, &["Bearer error=\"insufficient_scope\""]);
    assert_eq!(cas_error_code.as_deref(), Some("UserHasNoMailbox"));
    assert_eq!(snippet, "Forbidden");
    assert_eq!(err.delivery(), Delivery::Answered);
}

#[tokio::test]
async fn the_snippet_is_short_valid_text_without_the_credentials() {
    // A proxy page that echoes the Authorization header, in a long body
    // with multi-byte characters and a byte that is not UTF-8.
    let mut page = format!("<html><body><p>Authorization: Basic {BASIC}</p><p>");
    page.push_str(&"données ".repeat(5000));
    let mut body = page.into_bytes();
    body.extend_from_slice(b"\xFF</p></body></html>");
    let reply = response_bytes(502, "Bad Gateway", &[("Content-Type", "text/html")], &body);
    let (err, _) = call(reply).await;
    let Error::Http { snippet, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(
        snippet.starts_with("Authorization: Basic *** données"),
        "{snippet}"
    );
    assert!(
        snippet.chars().count() <= 201,
        "{}",
        snippet.chars().count()
    );
    let all = format!("{err} {err:?}");
    assert!(!all.contains(BASIC) && !all.contains(PASSWORD), "{all}");
}

#[tokio::test]
async fn a_huge_streamed_body_is_refused_at_the_limit() {
    // 100 MB, sent in chunks with no declared length; the client stops
    // reading at its limit and drops the connection.
    let total = 100 * 1024 * 1024;
    let stream = Reply::Stream {
        total,
        chunk: 64 * 1024,
        pause: Duration::ZERO,
    };
    let started = Instant::now();
    let (err, server) = call(stream).await;
    let Error::ResponseTooLarge { limit } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*limit, DEFAULT_MAX_RESPONSE_BYTES);
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert!(started.elapsed() < Duration::from_secs(30));
    // What the server got out is the limit plus what the sockets buffer.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let sent = server.body_bytes_sent();
    assert!(sent < total / 2, "the server sent {sent} bytes");
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_before_reading() {
    let head = b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\
        Content-Length: 104857600\r\nConnection: close\r\n\r\n<x/>"
        .to_vec();
    let (err, _) = call_with(Reply::Raw(head), |url| {
        Client::builder(url).max_response_bytes(1024)
    })
    .await;
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: 1024 }),
        "{err:?}"
    );
}

const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const MESSAGES: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

fn is_um_enabled_with(prolog: &str, value: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>{prolog}<s:Envelope xmlns:s=\"{SOAP}\"><s:Body>\
         <IsUMEnabledResponse xmlns=\"{MESSAGES}\"><IsUMEnabledResponse>{value}\
         </IsUMEnabledResponse></IsUMEnabledResponse></s:Body></s:Envelope>"
    )
}

async fn read_is_um_enabled(status: u16, body: String) -> Error {
    let server = TestServer::start(vec![soap(status, &body)]).await;
    let started = Instant::now();
    let err = Client::builder(&server.url)
        .build()
        .unwrap()
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5), "no expansion");
    err
}

#[tokio::test]
async fn entity_declarations_are_refused() {
    let mut laughs = String::from("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        let prev = format!("&lol{};", i - 1);
        laughs.push_str(&format!("<!ENTITY lol{i} \"{}\">", prev.repeat(10)));
    }
    laughs.push_str("]>");
    let external = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    for (prolog, reference) in [(laughs.as_str(), "&lol9;"), (external, "&xxe;")] {
        let err = read_is_um_enabled(200, is_um_enabled_with(prolog, reference)).await;
        let Error::Decode { error, .. } = &err else {
            panic!("{err:?}")
        };
        assert!(
            error.to_string().contains("document type declaration"),
            "{error}"
        );
        assert!(!format!("{err:?}").contains("root:"), "{err:?}");

        // The same as an error answer: an HTTP error, not a fault.
        let err = read_is_um_enabled(500, is_um_enabled_with(prolog, reference)).await;
        assert!(matches!(err, Error::Http { status: 500, .. }), "{err:?}");
    }

    // An entity that was never declared is an error too, not text.
    let err = read_is_um_enabled(200, is_um_enabled_with("", "&xxe;")).await;
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}
