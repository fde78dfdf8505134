//! When the client sends a request again, how long it waits first, and
//! when it stops: against a real HTTP server on 127.0.0.1 that counts what
//! it receives. Waits are checked from below only (the server's back-off
//! was honoured); an upper bound is used only where a call must end at
//! once instead of waiting.

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::server::{Reply, TestServer, response, soap};
use common::{IsUmEnabled, IsUmEnabledOp, IsUmEnabledResponse, ResetPin, ResetPinOp};
use xsdgen_runtime::client::{Client, DefaultRetryPolicy, RetryContext, RetryPolicy, RetryReason};
use xsdgen_runtime::soap::{EnvelopeStyle, Fault, write_envelope};
use xsdgen_runtime::{Delivery, Error};

fn ok() -> Reply {
    let body = write_envelope(
        &IsUmEnabledResponse { value: true },
        &EnvelopeStyle::ASMX_RESPONSE,
    )
    .unwrap();
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

/// What a policy was asked, and a fixed answer.
#[derive(Debug, Clone)]
struct Recording {
    answer: Option<Duration>,
    asked: Arc<Mutex<Vec<(u32, RetryReason)>>>,
}

impl Recording {
    fn answering(answer: Option<Duration>) -> Self {
        Self {
            answer,
            asked: Arc::default(),
        }
    }

    fn asked(&self) -> Vec<(u32, RetryReason)> {
        self.asked.lock().unwrap().clone()
    }
}

impl RetryPolicy for Recording {
    fn next_delay(&self, ctx: &RetryContext<'_>) -> Option<Duration> {
        self.asked.lock().unwrap().push((ctx.attempts, ctx.reason));
        self.answer
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_until_the_server_is_up() {
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let client = Client::builder(format!("http://{addr}/EWS/UM2007Legacy.asmx"))
        .retry_policy(DefaultRetryPolicy {
            max_attempts: 20,
            base_delay: Duration::from_millis(50),
            max_delay: Duration::from_millis(200),
            ..DefaultRetryPolicy::default()
        })
        .build()
        .unwrap();
    // Not idempotent, and still retried: nothing was sent.
    let (answer, server) = tokio::join!(client.call::<ResetPinOp>(&ResetPin), async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let body = write_envelope(&common::ResetPinResponse, &EnvelopeStyle::ASMX_RESPONSE);
        TestServer::start_at(addr, vec![soap(200, &body.unwrap())]).await
    });
    answer.unwrap();
    assert_eq!(server.count(), 1, "exactly one request reached the server");
}

#[tokio::test]
async fn retry_after_on_503_is_honoured() {
    let unavailable = response(503, "Service Unavailable", &[("Retry-After", "1")], "");
    let server = TestServer::start(vec![unavailable, ok()]).await;
    let started = Instant::now();
    let answer = Client::builder(&server.url)
        .build()
        .unwrap()
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap();
    assert!(answer.value);
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn back_off_milliseconds_of_a_busy_fault_is_honoured() {
    let back_off = Duration::from_millis(400);
    let server = TestServer::start(vec![busy(back_off), ok()]).await;
    let started = Instant::now();
    let answer = Client::builder(&server.url)
        .build()
        .unwrap()
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap();
    assert!(answer.value);
    assert!(started.elapsed() >= back_off, "{:?}", started.elapsed());
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn a_custom_policy_is_asked_and_cannot_undercut_the_server() {
    let back_off = Duration::from_millis(300);
    let server = TestServer::start(vec![busy(back_off), ok()]).await;
    // Asks for no wait at all; the server's back-off still applies.
    let policy = Recording::answering(Some(Duration::ZERO));
    let client = Client::builder(&server.url)
        .retry_policy(policy.clone())
        .build()
        .unwrap();
    let started = Instant::now();
    client.call::<IsUmEnabledOp>(&IsUmEnabled).await.unwrap();
    assert!(started.elapsed() >= back_off, "{:?}", started.elapsed());
    assert_eq!(
        policy.asked(),
        [(
            1,
            RetryReason::Throttled {
                server_hint: Some(back_off)
            }
        )]
    );

    // A policy that declines ends the call with the server's error.
    let server = TestServer::start(vec![busy(back_off), ok()]).await;
    let policy = Recording::answering(None);
    let err = Client::builder(&server.url)
        .retry_policy(policy.clone())
        .build()
        .unwrap()
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Throttled { .. }), "{err:?}");
    assert_eq!(policy.asked().len(), 1);
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn a_back_off_past_the_deadline_fails_at_once_with_the_throttling_error() {
    let server = TestServer::start(vec![busy(Duration::from_secs(20)), ok()]).await;
    let client = Client::builder(&server.url)
        .retry_policy(DefaultRetryPolicy {
            deadline: Duration::from_secs(2),
            ..DefaultRetryPolicy::default()
        })
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10), "did not wait");
    let Error::Throttled {
        back_off, status, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*back_off, Some(Duration::from_secs(20)));
    assert_eq!(*status, 500);
    assert_eq!(err.delivery(), Delivery::Answered);
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn a_back_off_past_the_call_timeout_fails_at_once() {
    let server = TestServer::start(vec![busy(Duration::from_secs(5)), ok()]).await;
    let client = Client::builder(&server.url)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2), "did not wait");
    assert!(matches!(err, Error::Throttled { .. }), "{err:?}");
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn retries_stop_before_the_call_timeout() {
    let unavailable = response(503, "Service Unavailable", &[("Retry-After", "1")], "");
    let server = TestServer::start(vec![unavailable]).await;
    let timeout = Duration::from_millis(2900);
    let client = Client::builder(&server.url)
        .timeout(timeout)
        .retry_policy(DefaultRetryPolicy {
            max_attempts: 100,
            jitter: 0.0,
            ..DefaultRetryPolicy::default()
        })
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    // The last wait was not started: the call ends with the server's 503,
    // not with a timeout, and before the timeout.
    assert!(matches!(err, Error::Http { status: 503, .. }), "{err:?}");
    assert!(elapsed >= Duration::from_secs(2), "{elapsed:?}");
    assert!(elapsed < timeout, "{elapsed:?}");
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn reset_pin_is_never_resent_once_sent() {
    // Dropped after the request arrived: the outcome is unknown.
    let server = TestServer::start(vec![Reply::Drop, ok()]).await;
    let policy = Recording::answering(Some(Duration::ZERO));
    let err = Client::builder(&server.url)
        .retry_policy(policy.clone())
        .build()
        .unwrap()
        .call::<ResetPinOp>(&ResetPin)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert!(err.to_string().contains("outcome unknown"), "{err}");
    assert_eq!(server.count(), 1, "the server saw exactly one request");
    assert!(policy.asked().is_empty(), "not even offered to the policy");

    // Throttled: answered, and not resent either.
    let server = TestServer::start(vec![busy(Duration::ZERO), ok()]).await;
    let err = Client::builder(&server.url)
        .retry_policy(policy.clone())
        .build()
        .unwrap()
        .call::<ResetPinOp>(&ResetPin)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Throttled { .. }), "{err:?}");
    assert_eq!(server.count(), 1);
    assert!(policy.asked().is_empty());
}

#[tokio::test]
async fn retries_reuse_the_call_s_request_id() {
    let unavailable = response(503, "Service Unavailable", &[("Retry-After", "0")], "");
    let server = TestServer::start(vec![unavailable, ok(), ok()]).await;
    let client = Client::builder(&server.url).build().unwrap();
    client.call::<IsUmEnabledOp>(&IsUmEnabled).await.unwrap();
    client.call::<IsUmEnabledOp>(&IsUmEnabled).await.unwrap();
    let ids: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.header("client-request-id").unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 3);
    assert_eq!(ids[0], ids[1], "a retry is the same logical request");
    assert_ne!(ids[1], ids[2], "a new call has a new id");
    assert_eq!(ids[0].len(), 36);
}
