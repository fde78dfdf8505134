//! One test per kind of injected fault, over HTTP and HTTPS: each ends in
//! the typed error it should, or in a retry that honours the server, and
//! ResetPIN is never sent twice. The faults are set per user, for one
//! request, as a test of a client would.

mod e2e;

use std::time::{Duration, Instant};

use e2e::{Transport, over_both};
use exchange_um::UmClient;
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD};
use exchange_um_emulator::{FaultRule, InjectedFault, RunningEmulator};
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::client::DefaultRetryPolicy;
use xsdgen_runtime::{Delivery, Error};

over_both!(
    busy_with_back_off,
    busy_without_back_off,
    unavailable_with_retry_after,
    unavailable_without_retry_after,
    html_error_page,
    account_locked,
    cas_error_code,
    slow_answer,
    truncated_answer,
    drop_after_apply,
);

/// Alice's next request gets `fault`.
fn next(emulator: &RunningEmulator, fault: InjectedFault) {
    emulator.faults().for_user(ALICE, FaultRule::once(fault));
}

fn alice(emulator: &RunningEmulator) -> UmClient {
    e2e::client(emulator, ALICE, ALICE_PASSWORD)
}

/// Asserts that a ResetPIN refused with `fault` ran nowhere and was sent
/// once; returns the error.
async fn refused_reset(emulator: &RunningEmulator, fault: InjectedFault) -> Error {
    let before = emulator.faults().soap_requests();
    next(emulator, fault);
    let err = alice(emulator).reset_pin().await.unwrap_err();
    assert_eq!(
        emulator.faults().soap_requests() - before,
        1,
        "resent: {err}"
    );
    assert_eq!(e2e::mails(emulator, ALICE), 0, "executed: {err}");
    err
}

async fn busy_with_back_off(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let back_off = Duration::from_millis(300);
    let busy = InjectedFault::ServerBusy {
        back_off: Some(back_off),
    };
    // Throttled twice: the default policy's three attempts are enough,
    // and each retry waits at least what the server asked.
    emulator
        .faults()
        .for_user(ALICE, FaultRule::times(2, busy.clone()));
    let started = Instant::now();
    let properties = alice(&emulator).get_um_properties().await.unwrap();
    assert!(properties.is_some());
    assert!(started.elapsed() >= 2 * back_off, "{:?}", started.elapsed());
    assert_eq!(emulator.faults().soap_requests(), 3, "two retries");

    let err = refused_reset(&emulator, busy).await;
    let Error::Throttled {
        back_off: Some(told),
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*told, back_off);
    assert_eq!(err.delivery(), Delivery::Answered);
}

async fn busy_without_back_off(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let busy = InjectedFault::ServerBusy { back_off: None };
    let err = refused_reset(&emulator, busy.clone()).await;
    assert!(
        matches!(err, Error::Throttled { back_off: None, .. }),
        "{err:?}"
    );
    assert_eq!(err.fault().map(|f| f.error_code()), Some("ErrorServerBusy"));

    // A safe operation waits the policy's own back-off, then succeeds.
    let policy = DefaultRetryPolicy {
        default_back_off: Duration::from_millis(200),
        ..DefaultRetryPolicy::default()
    };
    let client = e2e::builder(&emulator)
        .credentials(Credentials::basic(ALICE, ALICE_PASSWORD))
        .retry_policy(policy)
        .build()
        .unwrap();
    next(&emulator, busy);
    let started = Instant::now();
    assert!(client.is_um_enabled().await.unwrap());
    assert!(started.elapsed() >= Duration::from_millis(200));
}

async fn unavailable_with_retry_after(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let unavailable = InjectedFault::ServiceUnavailable {
        retry_after: Some(Duration::from_secs(1)),
    };
    next(&emulator, unavailable.clone());
    let started = Instant::now();
    assert!(
        alice(&emulator)
            .get_um_properties()
            .await
            .unwrap()
            .is_some()
    );
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(emulator.faults().soap_requests(), 2, "one retry");

    let err = refused_reset(&emulator, unavailable).await;
    let Error::Http {
        status: 503,
        retry_after: Some(after),
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*after, Duration::from_secs(1));
    // A 5xx may come from a proxy after the back end ran the request.
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
}

async fn unavailable_without_retry_after(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    next(
        &emulator,
        InjectedFault::ServiceUnavailable { retry_after: None },
    );
    let err = alice(&emulator).get_um_properties().await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Http {
                status: 503,
                retry_after: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        emulator.faults().soap_requests(),
        1,
        "no explicit throttling, no retry"
    );
}

async fn html_error_page(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let err = refused_reset(&emulator, InjectedFault::HtmlError).await;
    let Error::Http {
        status: 500,
        snippet,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(snippet.contains("Server Error"), "{snippet}");
    assert!(!snippet.contains('<'), "{snippet}");
    next(&emulator, InjectedFault::HtmlError);
    let err = alice(&emulator).is_um_enabled().await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 500, .. }), "{err:?}");
}

async fn account_locked(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let err = refused_reset(&emulator, InjectedFault::AccountLocked).await;
    assert!(matches!(err, Error::AccountLocked { .. }), "{err:?}");
    assert_eq!(err.http_status(), Some(456));
    assert_eq!(err.delivery(), Delivery::Answered);
}

async fn cas_error_code(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let proxy_failure = InjectedFault::CasError {
        status: 500,
        code: "BackEndLocatorException".to_owned(),
    };
    let err = refused_reset(&emulator, proxy_failure).await;
    let Error::Http {
        status: 500,
        cas_error_code: Some(code),
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(code, "BackEndLocatorException");
    assert!(
        err.to_string()
            .contains("X-CasErrorCode: BackEndLocatorException")
    );

    let refused_logon = InjectedFault::CasError {
        status: 401,
        code: "AuthFailure".to_owned(),
    };
    let err = refused_reset(&emulator, refused_logon).await;
    let Error::Unauthorized {
        challenges,
        cas_error_code,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(
        challenges.iter().any(|c| c.starts_with("Basic")),
        "{challenges:?}"
    );
    assert_eq!(cas_error_code.as_deref(), Some("AuthFailure"));
    assert!(
        err.to_string().contains("X-CasErrorCode: AuthFailure"),
        "{err}"
    );
}

async fn slow_answer(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let delay = Duration::from_millis(300);
    next(&emulator, InjectedFault::Slow { delay });
    let started = Instant::now();
    alice(&emulator).reset_pin().await.unwrap();
    assert!(started.elapsed() >= delay);
    assert_eq!(e2e::mails(&emulator, ALICE), 1);

    // Slower than the client waits: outcome unknown, and indeed executed.
    next(
        &emulator,
        InjectedFault::Slow {
            delay: Duration::from_secs(3),
        },
    );
    let impatient = e2e::builder(&emulator)
        .credentials(Credentials::basic(ALICE, ALICE_PASSWORD))
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let err = impatient.reset_pin().await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert_eq!(emulator.faults().soap_requests(), 2, "not resent");
    // The reset runs before the delay, but a loaded machine may not have
    // finished it when the client gave up: wait for it, boundedly.
    for _ in 0..100 {
        if e2e::mails(&emulator, ALICE) == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(e2e::mails(&emulator, ALICE), 2);
}

async fn truncated_answer(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    next(&emulator, InjectedFault::TruncatedBody);
    let err = alice(&emulator).reset_pin().await.unwrap_err();
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert_eq!(e2e::mails(&emulator, ALICE), 1, "applied once");

    // Not retried even when safe: the request was sent.
    next(&emulator, InjectedFault::TruncatedBody);
    let err = alice(&emulator).get_um_properties().await.unwrap_err();
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
    assert_eq!(emulator.faults().soap_requests(), 2);
}

async fn drop_after_apply(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    next(&emulator, InjectedFault::DropAfterApply);
    let err = alice(&emulator).reset_pin().await.unwrap_err();
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
    assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
    assert_eq!(e2e::mails(&emulator, ALICE), 1, "applied once");
    assert_eq!(emulator.faults().soap_requests(), 1, "not resent");
}
