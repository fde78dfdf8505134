//! A service that answers in a dialect of its own: the layout of its
//! responses and faults, and the faults its refusals become; and a
//! handler that reads what a layer in front of the service attached to
//! the request.

mod server_common;

use http_body_util::BodyExt as _;
use server_common::*;
use xsdgen_runtime::server::{CallContext, Dialect, Refusal, RefusalReason, Router};
use xsdgen_runtime::soap::{BodyReader, Envelope, EnvelopeStyle, Fault, SoapVersion, StandardCode};

const ECHO11: &str = "SOAPAction: \"urn:test:echo/Echo\"";

/// Responses as ASMX writes them, EWS faults with the `s` prefix, and
/// every unreadable request an `ErrorInvalidRequest` saying where.
struct Asmx;

impl Dialect for Asmx {
    fn response_style(&self, _: SoapVersion) -> EnvelopeStyle {
        EnvelopeStyle::ASMX_RESPONSE
    }

    fn fault_style(&self, fault: &Fault) -> EnvelopeStyle {
        if fault.detail.response_code.is_some() {
            EnvelopeStyle::COMPACT.with_prefix("s")
        } else {
            EnvelopeStyle::COMPACT
        }
    }

    fn refusal(&self, refusal: Refusal<'_>) -> Fault {
        let message = match refusal.reason() {
            RefusalReason::NotAnEnvelope(error) => format!("not an envelope at {}", error.path),
            RefusalReason::NoOperation {
                action,
                namespace,
                local,
            } => format!("no operation {{{namespace}}}{local} (action {action:?})"),
            RefusalReason::UnreadableRequest { operation, error } => {
                format!("{operation} unreadable at {}", error.path)
            }
            _ => return refusal.into_fault(),
        };
        Fault::invalid_request(message)
    }
}

fn fault_of(response: &RawResponse) -> Fault {
    BodyReader::new(response.body.as_bytes())
        .and_then(BodyReader::read_fault)
        .unwrap_or_else(|e| panic!("not a fault ({e}): {}", response.body))
}

async fn send(server: &Running, extra: &[&str], body: &str) -> RawResponse {
    raw(server.addr, &post("text/xml; charset=utf-8", extra, body)).await
}

#[tokio::test]
async fn responses_and_faults_are_laid_out_as_the_dialect_says() {
    let server = Running::start(router().dialect(Asmx)).await;
    let ping = envelope(SoapVersion::V11, "", &format!(r#"<Ping xmlns="{NS}"/>"#));
    let response = send(&server, &["SOAPAction: \"urn:test:echo/Ping\""], &ping).await;
    assert_eq!(response.status, 200);
    // ASMX's layout: indented, `" />"`, and the unused xsi and xsd.
    assert!(
        response
            .body
            .contains(r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#),
        "{}",
        response.body
    );
    assert!(
        response.body.contains(&format!(r#"<Pong xmlns="{NS}" />"#)),
        "{}",
        response.body
    );

    // A handler's EWS fault, with the prefix the dialect gives it.
    let fail = envelope(SoapVersion::V11, "", &format!(r#"<Fail xmlns="{NS}"/>"#));
    let response = send(&server, &["SOAPAction: \"urn:test:echo/Fail\""], &fail).await;
    assert_eq!(response.status, 500);
    assert!(response.body.contains("<s:Envelope"), "{}", response.body);
    assert_eq!(
        fault_of(&response).detail.message.as_deref(),
        Some("Fail always fails.")
    );
    server.stop().await;
}

#[tokio::test]
async fn refusals_become_the_dialects_faults() {
    let server = Running::start(router().dialect(Asmx)).await;
    let cases = [
        ("not xml".to_owned(), "not an envelope at ".to_owned()),
        (
            envelope(SoapVersion::V11, "", r#"<Echo xmlns="urn:other"/>"#),
            "no operation {urn:other}Echo (action None)".to_owned(),
        ),
        (
            envelope(SoapVersion::V11, "", &echo_xml("a", "many")),
            "Echo unreadable at /Envelope/Body/Echo/Count".to_owned(),
        ),
    ];
    for (body, expected) in cases {
        let response = send(&server, &[], &body).await;
        assert_eq!(response.status, 500, "{}", response.body);
        let fault = fault_of(&response);
        assert_eq!(fault.code.local, "ErrorInvalidRequest", "{}", response.body);
        let message = fault.detail.message.unwrap_or_default();
        assert!(message.starts_with(&expected), "{message}");
        // Laid out by the dialect too.
        assert!(response.body.contains("<s:Envelope"), "{}", response.body);
    }

    // What the dialect leaves alone stays the runtime's.
    let other = envelope(SoapVersion::V12, "", &echo_xml("a", "1"));
    let response = send(&server, &[ECHO11], &other).await;
    assert_eq!(
        fault_of(&response).standard_code(),
        Some(StandardCode::VersionMismatch)
    );
    server.stop().await;
}

#[tokio::test]
async fn a_dialects_refusal_is_sent_in_the_requests_version() {
    let server = Running::start(router().dialect(Asmx)).await;
    let body = envelope(SoapVersion::V12, "", &echo_xml("a", "many"));
    let response = raw(
        server.addr,
        &post(
            "application/soap+xml; action=\"urn:test:echo/Echo\"",
            &[],
            &body,
        ),
    )
    .await;
    let fault = fault_of(&response);
    assert_eq!(fault.version, SoapVersion::V12);
    assert_eq!(
        fault.detail.response_code.as_deref(),
        Some("ErrorInvalidRequest")
    );
    server.stop().await;
}

#[tokio::test]
async fn without_a_dialect_the_runtime_answers_compact() {
    let server = Running::start(router()).await;
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", "many"));
    let response = send(&server, &[ECHO11], &body).await;
    assert_eq!(fault_of(&response).code.raw, "soap:Client");
    assert!(!response.body.contains("xmlns:xsi"), "{}", response.body);
    server.stop().await;
}

/// What a layer in front of the service found out about the caller.
#[derive(Debug, Clone)]
struct Caller(String);

async fn who(
    ctx: CallContext,
    request: Envelope<TraceHeaders, Echo>,
) -> Result<Envelope<TraceHeaders, EchoResponse>, Fault> {
    let caller = ctx
        .extensions()
        .get::<Caller>()
        .ok_or_else(|| Fault::receiver(ctx.version(), "no caller"))?;
    Ok(Envelope {
        headers: request.headers,
        body: EchoResponse {
            text: request.body.text,
            user: caller.0.clone(),
        },
    })
}

#[tokio::test]
async fn a_handler_reads_the_extensions_of_its_request() {
    let service = Router::new().operation::<Echo11, _, _>(who).into_service();
    let request = |caller: Option<Caller>| {
        let mut request = http::Request::post("/service.asmx")
            .header("content-type", "text/xml; charset=utf-8")
            .header("soapaction", ECHO_ACTION)
            .body(envelope(SoapVersion::V11, "", &echo_xml("hi", "1")))
            .expect("a request");
        if let Some(caller) = caller {
            request.extensions_mut().insert(caller);
        }
        request
    };
    let answered = service.handle(request(Some(Caller("alice".into())))).await;
    assert_eq!(answered.status(), 200);
    let bytes = answered
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("<User>alice</User>"), "{text}");

    let answered = service.handle(request(None)).await;
    assert_eq!(answered.status(), 500);
}

#[tokio::test]
async fn the_context_does_not_print_its_extensions() {
    let service = Router::new()
        .operation::<Echo11, _, _>(
            |ctx: CallContext, request: Envelope<TraceHeaders, Echo>| async move {
                let printed = format!("{ctx:?}");
                Ok(Envelope {
                    headers: request.headers,
                    body: EchoResponse {
                        text: printed,
                        user: String::new(),
                    },
                })
            },
        )
        .into_service();
    let mut request = http::Request::post("/")
        .header("content-type", "text/xml")
        .body(envelope(SoapVersion::V11, "", &echo_xml("x", "1")))
        .expect("a request");
    request
        .extensions_mut()
        .insert(Caller("s3cret-token".into()));
    let answered = service.handle(request).await;
    let bytes = answered
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("extensions: 1"), "{text}");
    assert!(!text.contains("s3cret"), "{text}");
}
