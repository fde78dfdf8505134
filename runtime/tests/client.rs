//! The client against a real HTTP server on 127.0.0.1 that answers canned
//! responses and counts the requests it receives.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use common::server::{Reply, TestServer, response, soap};
use common::{IsUmEnabled, IsUmEnabledOp, IsUmEnabledResponse, ResetPin, ResetPinOp, example};
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::client::{
    Client, DefaultRetryPolicy, NoRetry, RetryContext, RetryPolicy, RetryReason,
};
use xsdgen_runtime::soap::{EnvelopeStyle, Fault, write_envelope};
use xsdgen_runtime::{Delivery, Error};

const PASSWORD: &str = "s3cret-Pa55word";

fn ok_is_um_enabled() -> Reply {
    let body = write_envelope(
        &IsUmEnabledResponse { value: true },
        &EnvelopeStyle::ASMX_RESPONSE,
    )
    .unwrap();
    soap(200, &body)
}

fn ok_reset_pin() -> Reply {
    let body = write_envelope(&common::ResetPinResponse, &EnvelopeStyle::ASMX_RESPONSE).unwrap();
    soap(200, &body)
}

fn busy(back_off: Duration) -> Reply {
    soap(
        500,
        &Fault::server_busy(back_off)
            .to_envelope(&EnvelopeStyle::COMPACT)
            .unwrap(),
    )
}

/// The default policy with short delays, counting the retries it grants.
#[derive(Debug, Clone, Default)]
struct Counting {
    retries: Arc<AtomicU32>,
    reasons: Arc<std::sync::Mutex<Vec<RetryReason>>>,
}

impl RetryPolicy for Counting {
    fn next_delay(&self, ctx: &RetryContext<'_>) -> Option<Duration> {
        let policy = DefaultRetryPolicy {
            base_delay: Duration::from_millis(10),
            ..DefaultRetryPolicy::default()
        };
        let delay = policy.next_delay(ctx)?;
        self.retries.fetch_add(1, Ordering::SeqCst);
        self.reasons.lock().unwrap().push(ctx.reason);
        Some(delay)
    }
}

fn client(url: &str) -> Client {
    Client::builder(url)
        .credentials(Credentials::basic("alice", PASSWORD))
        .build()
        .unwrap()
}

#[tokio::test]
async fn success_and_the_request_on_the_wire() {
    let server = TestServer::start(vec![ok_is_um_enabled()]).await;
    let answer = client(&server.url)
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap();
    assert_eq!(answer, IsUmEnabledResponse { value: true });

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.request_line, "POST /EWS/UM2007Legacy.asmx HTTP/1.1");
    assert_eq!(r.header("content-type"), Some("text/xml; charset=utf-8"));
    assert_eq!(
        r.header("soapaction"),
        Some("\"http://schemas.microsoft.com/exchange/services/2006/messages/IsUMEnabled\"")
    );
    // base64("alice:s3cret-Pa55word")
    assert_eq!(
        r.header("authorization"),
        Some("Basic YWxpY2U6czNjcmV0LVBhNTV3b3Jk")
    );
    assert_eq!(
        r.body,
        write_envelope(&IsUmEnabled, &EnvelopeStyle::COMPACT).unwrap()
    );
}

#[tokio::test]
async fn bearer_token_is_sent() {
    let server = TestServer::start(vec![ok_reset_pin()]).await;
    let client = Client::builder(&server.url)
        .credentials(Credentials::bearer_token("tok-123456"))
        .build()
        .unwrap();
    client.call::<ResetPinOp>(&ResetPin).await.unwrap();
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some("Bearer tok-123456")
    );
}

#[tokio::test]
async fn a_fault_keeps_its_fields() {
    let exception = example("faults/exception.xml").unwrap_or_else(|| {
        Fault::exception(
            "InvalidObjectIdException",
            "The object identifier isn't valid",
        )
        .to_envelope(&EnvelopeStyle::ASMX_RESPONSE)
        .unwrap()
    });
    let server = TestServer::start(vec![soap(500, &exception)]).await;
    let err = client(&server.url)
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    let Error::Fault { fault, status } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 500);
    assert_eq!(fault.code.raw, "a:InvalidObjectIdException");
    assert_eq!(fault.code.local, "InvalidObjectIdException");
    assert_eq!(fault.string, "The object identifier isn't valid");
    assert_eq!(
        fault.detail.exception_type.as_deref(),
        Some("InvalidObjectIdException")
    );
    assert_eq!(err.delivery(), Delivery::Answered);
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn unauthorized_lists_the_challenges() {
    let reply = response(
        401,
        "Unauthorized",
        &[
            ("WWW-Authenticate", "Negotiate"),
            ("WWW-Authenticate", "NTLM"),
        ],
        "",
    );
    let server = TestServer::start(vec![reply]).await;
    let err = client(&server.url)
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    let Error::Unauthorized { challenges, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(challenges, &["Negotiate", "NTLM"]);
    assert!(!format!("{err} {err:?}").contains(PASSWORD));
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn account_locked_and_html_errors() {
    let locked = response(456, "Locked", &[("X-CasErrorCode", "AccountLocked")], "");
    let server = TestServer::start(vec![locked]).await;
    let err = client(&server.url)
        .call::<ResetPinOp>(&ResetPin)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::AccountLocked { cas_error_code: Some(ref c) } if c == "AccountLocked")
    );

    // An error page that echoes the request's Authorization header.
    let page = "<html><head><title>Runtime Error</title><style>p{}</style></head>\
        <body><h1>Server Error in '/EWS' Application.</h1>\
        <p>Authorization: Basic YWxpY2U6czNjcmV0LVBhNTV3b3Jk</p></body></html>";
    let html = response(
        500,
        "Internal Server Error",
        &[
            ("Content-Type", "text/html"),
            ("X-CasErrorCode", "BackEndError"),
        ],
        page,
    );
    let server = TestServer::start(vec![html]).await;
    let err = client(&server.url)
        .call::<ResetPinOp>(&ResetPin)
        .await
        .unwrap_err();
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
    assert_eq!(
        snippet,
        "Runtime Error Server Error in '/EWS' Application. Authorization: Basic ***"
    );
    assert_eq!(cas_error_code.as_deref(), Some("BackEndError"));
    assert!(err.may_have_executed());
    assert_eq!(server.count(), 1, "a 500 is never resent");
}

#[tokio::test]
async fn undecodable_success_may_have_executed() {
    let server = TestServer::start(vec![soap(200, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Nope/></soap:Body></soap:Envelope>")]).await;
    let err = client(&server.url)
        .call::<ResetPinOp>(&ResetPin)
        .await
        .unwrap_err();
    let Error::Decode { error, excerpt, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(error.path, "/Envelope/Body/Nope");
    assert!(excerpt.contains("<Nope/>"), "{excerpt}");
    assert!(err.may_have_executed());
}

#[tokio::test]
async fn retry_after_503_is_retried_for_a_safe_operation() {
    let unavailable = response(503, "Service Unavailable", &[("Retry-After", "1")], "busy");
    let server = TestServer::start(vec![unavailable, ok_is_um_enabled()]).await;
    let policy = Counting::default();
    let client = Client::builder(&server.url)
        .retry_policy(policy.clone())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let answer = client.call::<IsUmEnabledOp>(&IsUmEnabled).await.unwrap();
    assert!(answer.value);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was honoured"
    );
    assert_eq!(server.count(), 2);
    assert_eq!(
        *policy.reasons.lock().unwrap(),
        [RetryReason::Throttled {
            server_hint: Some(Duration::from_secs(1))
        }]
    );
}

#[tokio::test]
async fn retry_after_503_is_not_retried_for_reset_pin() {
    let unavailable = response(503, "Service Unavailable", &[("Retry-After", "0")], "");
    let server = TestServer::start(vec![unavailable, ok_reset_pin()]).await;
    let err = client(&server.url)
        .call::<ResetPinOp>(&ResetPin)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Http { status: 503, retry_after: Some(d), .. } if d.is_zero()));
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn dropped_connection_after_send_is_not_resent() {
    let server = TestServer::start(vec![Reply::Drop, ok_reset_pin()]).await;
    let err = client(&server.url)
        .call::<ResetPinOp>(&ResetPin)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
    assert!(err.may_have_executed());
    assert!(err.to_string().contains("may have executed"), "{err}");
    assert_eq!(server.count(), 1, "the server saw exactly one request");
}

#[tokio::test]
async fn timeout_after_send_is_not_resent() {
    let server = TestServer::start(vec![Reply::Stall(Duration::from_secs(3))]).await;
    let client = Client::builder(&server.url)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let err = client
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert_eq!(
        server.count(),
        1,
        "not even a safe operation is resent after a timeout"
    );
}

#[tokio::test]
async fn connection_refused_is_retried_then_reported() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/EWS/UM2007Legacy.asmx",
        listener.local_addr().unwrap()
    );
    drop(listener);

    for safe in [true, false] {
        let policy = Counting::default();
        let client = Client::builder(&url)
            .retry_policy(policy.clone())
            .build()
            .unwrap();
        let err = if safe {
            client
                .call::<IsUmEnabledOp>(&IsUmEnabled)
                .await
                .unwrap_err()
        } else {
            // Nothing was sent, so even ResetPIN may be tried again.
            client
                .call::<ResetPinOp>(&ResetPin)
                .await
                .map(|_| ())
                .unwrap_err()
        };
        assert!(matches!(err, Error::Connect { .. }), "{err:?}");
        assert_eq!(err.delivery(), Delivery::NotSent);
        assert!(!err.may_have_executed());
        assert_eq!(
            policy.retries.load(Ordering::SeqCst),
            2,
            "3 attempts in all"
        );
        assert!(
            err.to_string()
                .starts_with("cannot connect to the server: "),
            "{err}"
        );
    }
}

#[tokio::test]
async fn throttling_fault_gives_the_back_off() {
    let file = example("faults/server-busy.xml");
    let busy_5s = file.map_or_else(|| busy(Duration::from_secs(5)), |xml| soap(500, &xml));
    let server = TestServer::start(vec![busy_5s, ok_reset_pin()]).await;
    let err = client(&server.url)
        .call::<ResetPinOp>(&ResetPin)
        .await
        .unwrap_err();
    let Error::Throttled {
        back_off, fault, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*back_off, Some(Duration::from_millis(5000)));
    assert_eq!(fault.error_code(), "ErrorServerBusy");
    assert_eq!(err.delivery(), Delivery::Answered);
    assert_eq!(
        server.count(),
        1,
        "ResetPIN is not resent even when throttled"
    );
}

#[tokio::test]
async fn throttling_fault_is_waited_out_for_a_safe_operation() {
    let server = TestServer::start(vec![busy(Duration::from_millis(20)), ok_is_um_enabled()]).await;
    let answer = client(&server.url)
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap();
    assert!(answer.value);
    assert_eq!(server.count(), 2);

    // A policy that never retries returns the throttling error itself.
    let server = TestServer::start(vec![busy(Duration::from_millis(20))]).await;
    let client = Client::builder(&server.url)
        .retry_policy(NoRetry)
        .build()
        .unwrap();
    let err = client
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Throttled { .. }), "{err:?}");
    assert_eq!(server.count(), 1);
}

#[test]
fn the_blocking_facade() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(TestServer::start(vec![ok_is_um_enabled()]));
    let client = Client::builder(&server.url).build_blocking().unwrap();
    let answer = client.call::<IsUmEnabledOp>(&IsUmEnabled).unwrap();
    assert!(answer.value);
    assert_eq!(server.count(), 1);

    // From inside a runtime it refuses instead of blocking a worker.
    let err = rt
        .block_on(async { client.call::<IsUmEnabledOp>(&IsUmEnabled) })
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}

#[test]
fn the_call_future_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let client = Client::builder("http://127.0.0.1:9/").build().unwrap();
    let future = client.call::<ResetPinOp>(&ResetPin);
    assert_send(&future);
}
