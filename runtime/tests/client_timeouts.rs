//! The connect timeout and the call timeout, each its own error, and what
//! each says about whether the request went out.

mod common;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use common::server::{Reply, TestServer, silent_listener};
use common::{IsUmEnabled, IsUmEnabledOp, ResetPin, ResetPinOp};
use xsdgen_runtime::client::{Client, DefaultRetryPolicy, NoRetry};
use xsdgen_runtime::{Delivery, Error};

#[tokio::test]
async fn a_handshake_that_never_ends_is_a_connect_timeout_and_is_retried() {
    // The TCP connection is accepted, but no TLS handshake ever comes
    // back: the request cannot have been sent.
    let (port, connections) = silent_listener().await;
    let connect_timeout = Duration::from_millis(300);
    let client = Client::builder(format!("https://127.0.0.1:{port}/EWS/UM2007Legacy.asmx"))
        .connect_timeout(connect_timeout)
        .retry_policy(DefaultRetryPolicy {
            base_delay: Duration::from_millis(10),
            ..DefaultRetryPolicy::default()
        })
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.call::<ResetPinOp>(&ResetPin).await.unwrap_err();
    let Error::ConnectTimeout { timeout } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*timeout, connect_timeout);
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert!(err.to_string().contains("connect timeout"), "{err}");
    assert!(started.elapsed() >= connect_timeout * 3);
    assert_eq!(
        connections.load(Ordering::SeqCst),
        3,
        "3 attempts, even for ResetPIN: nothing was sent"
    );
}

#[tokio::test]
async fn a_server_that_never_answers_is_a_call_timeout_and_is_not_resent() {
    let server = TestServer::start(vec![Reply::Stall(Duration::from_secs(30))]).await;
    let timeout = Duration::from_millis(500);
    let client = Client::builder(&server.url)
        .timeout(timeout)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(started.elapsed() >= timeout);
    let Error::Timeout { timeout: reported } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*reported, timeout);
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert!(err.to_string().contains("call timeout"), "{err}");
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn the_call_timeout_covers_a_body_that_trickles_in() {
    let trickle = Reply::Stream {
        total: 1 << 20,
        chunk: 16,
        pause: Duration::from_millis(50),
    };
    let server = TestServer::start(vec![trickle]).await;
    let timeout = Duration::from_millis(600);
    let err = Client::builder(&server.url)
        .timeout(timeout)
        .retry_policy(NoRetry)
        .build()
        .unwrap()
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(server.body_bytes_sent() > 0, "the answer had begun");
}

#[test]
fn zero_timeouts_are_refused() {
    for builder in [
        Client::builder("https://mail.contoso.com/EWS").timeout(Duration::ZERO),
        Client::builder("https://mail.contoso.com/EWS").connect_timeout(Duration::ZERO),
    ] {
        assert!(matches!(builder.build(), Err(Error::Config(_))));
    }
}
