//! Injected faults over real HTTP, and the malformed-request fault.

mod common;

use std::time::{Duration, Instant};

use common::{TestResult, call, client, demo, envelope};
use exchange_um_emulator::InjectedFault;
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD};
use exchange_um_emulator::soap::MESSAGES_NS;

#[tokio::test]
async fn throttling_fault_carries_back_off_and_executes_nothing() -> TestResult {
    let emu = demo().await?;
    emu.faults().push(InjectedFault::ServerBusy {
        back_off: Some(Duration::from_millis(2500)),
    });
    let (status, body) = call(&emu.ews_url(), ALICE, ALICE_PASSWORD, "ResetPIN", "").await?;
    assert_eq!(status, 500);
    assert!(body.contains(r#"<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>"#), "{body}");
    assert!(
        body.contains(r#"<t:Value Name="BackOffMilliseconds">2500</t:Value>"#),
        "{body}"
    );
    let alice = emu.store().user_id(ALICE)?;
    assert!(emu.store().messages(alice)?.is_empty());
    // One-shot: the next request goes through.
    let (status, _) = call(&emu.ews_url(), ALICE, ALICE_PASSWORD, "ResetPIN", "").await?;
    assert_eq!(status, 200);
    assert_eq!(
        (emu.faults().soap_requests(), emu.faults().faults_served()),
        (2, 1)
    );
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn unavailable_and_html_errors() -> TestResult {
    let emu = demo().await?;
    emu.faults().push(InjectedFault::ServiceUnavailable {
        retry_after: Some(Duration::from_secs(7)),
    });
    emu.faults()
        .push(InjectedFault::ServiceUnavailable { retry_after: None });
    emu.faults().push(InjectedFault::HtmlError);
    let send = || {
        client()
            .post(emu.ews_url())
            .basic_auth(ALICE, Some(ALICE_PASSWORD))
            .body(envelope("ResetPIN", ""))
            .send()
    };
    let first = send().await?;
    assert_eq!(first.status().as_u16(), 503);
    assert_eq!(
        first
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("7")
    );
    let second = send().await?;
    assert_eq!(second.status().as_u16(), 503);
    assert!(second.headers().get("retry-after").is_none());
    let third = send().await?;
    assert_eq!(third.status().as_u16(), 500);
    let content_type = third
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    assert_eq!(content_type.as_deref(), Some("text/html; charset=utf-8"));
    assert!(third.text().await?.starts_with("<!DOCTYPE html>"));
    let alice = emu.store().user_id(ALICE)?;
    assert!(emu.store().messages(alice)?.is_empty());
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_delay_slows_the_answer_and_a_client_timeout_fires() -> TestResult {
    let emu = demo().await?;
    emu.faults().set_delay(Duration::from_millis(300));
    let started = Instant::now();
    let (status, _) = call(&emu.ews_url(), ALICE, ALICE_PASSWORD, "IsUMEnabled", "").await?;
    assert_eq!(status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let impatient = client()
        .post(emu.ews_url())
        .basic_auth(ALICE, Some(ALICE_PASSWORD))
        .body(envelope("IsUMEnabled", ""))
        .timeout(Duration::from_millis(50))
        .send()
        .await;
    assert!(impatient.is_err_and(|e| e.is_timeout()));
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn drop_after_apply_commits_the_reset_but_never_answers() -> TestResult {
    let emu = demo().await?;
    emu.faults().push(InjectedFault::DropAfterApply);
    let lost = call(&emu.ews_url(), ALICE, ALICE_PASSWORD, "ResetPIN", "").await;
    let error = lost.err().ok_or("the request should have failed")?;
    assert!(!error.is_timeout() && error.status().is_none(), "{error:?}");
    // The reset happened: one e-mail with a PIN.
    let alice = emu.store().user_id(ALICE)?;
    let mail = emu.store().messages(alice)?;
    assert_eq!(mail.len(), 1);
    assert!(common::pin_in(&mail[0].body).is_some());
    assert!(emu.store().user(alice)?.has_pin);
    // The server is still fine for the next connection.
    let (status, _) = call(&emu.ews_url(), ALICE, ALICE_PASSWORD, "IsUMEnabled", "").await?;
    assert_eq!(status, 200);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn malformed_requests_get_the_invalid_request_fault() -> TestResult {
    let emu = demo().await?;
    let https = r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ResetPIN xmlns="https://schemas.microsoft.com/exchange/services/2006/messages" /></soap:Body></soap:Envelope>"#;
    for body in [
        https,
        "garbage",
        &envelope("SetOofStatus", "<status>maybe</status>"),
    ] {
        let response = client()
            .post(emu.ews_url())
            .basic_auth(ALICE, Some(ALICE_PASSWORD))
            .body(body.to_owned())
            .send()
            .await?;
        assert_eq!(response.status().as_u16(), 500);
        let text = response.text().await?;
        assert!(text.contains(r#"<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorInvalidRequest</faultcode>"#), "{text}");
        assert!(text.contains(r#"<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorInvalidRequest</e:ResponseCode>"#));
        if body == https {
            let expected = format!("expected namespace {MESSAGES_NS}");
            assert!(text.contains(&expected), "{text}");
        }
    }
    let alice = emu.store().user_id(ALICE)?;
    assert!(emu.store().messages(alice)?.is_empty());
    emu.shutdown().await?;
    Ok(())
}
