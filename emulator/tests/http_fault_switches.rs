//! How faults are switched on per request (the `X-Emulator-Fault` header,
//! only when enabled), per user (API and users file, count-limited), and
//! what each looks like on the wire.

mod common;

use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::{TestResult, envelope};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD, CAROL, CAROL_PASSWORD};
use exchange_um_emulator::faults::FAULT_HEADER;
use exchange_um_emulator::users::parse_users_file;
use exchange_um_emulator::{Emulator, EmulatorConfig, FaultRule, InjectedFault, RunningEmulator};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

async fn with_header(enabled: bool) -> Result<RunningEmulator, Box<dyn std::error::Error>> {
    let config = EmulatorConfig {
        fault_header: enabled,
        ..EmulatorConfig::default()
    };
    Ok(Emulator::start_demo_with(config).await?)
}

async fn post(
    emu: &RunningEmulator,
    user: &str,
    password: &str,
    fault: Option<&str>,
) -> Result<reqwest::Response, reqwest::Error> {
    let mut request = reqwest::Client::new()
        .post(emu.ews_url())
        .basic_auth(user, Some(password))
        .header("Content-Type", "text/xml; charset=utf-8")
        .body(envelope("ResetPIN", ""));
    if let Some(fault) = fault {
        request = request.header(FAULT_HEADER, fault);
    }
    request.send().await
}

fn mails(emu: &RunningEmulator, user: &str) -> Result<usize, Box<dyn std::error::Error>> {
    let store = emu.store();
    Ok(store.messages(store.user_id(user)?)?.len())
}

#[tokio::test]
async fn the_header_is_honoured_only_when_enabled() -> TestResult {
    let off = with_header(false).await?;
    let response = post(&off, ALICE, ALICE_PASSWORD, Some("busy;backoff=200")).await?;
    assert_eq!(response.status().as_u16(), 200, "ignored when not enabled");
    assert_eq!(off.faults().faults_served(), 0);

    let on = with_header(true).await?;
    let response = post(&on, ALICE, ALICE_PASSWORD, Some("busy;backoff=200")).await?;
    assert_eq!(response.status().as_u16(), 500);
    let body = response.text().await?;
    assert!(body.contains("ErrorServerBusy"), "{body}");
    assert!(
        body.contains(r#"Name="BackOffMilliseconds">200<"#),
        "{body}"
    );
    assert_eq!(mails(&on, ALICE)?, 0);

    let response = post(&on, ALICE, ALICE_PASSWORD, Some("busy")).await?;
    let body = response.text().await?;
    assert!(body.contains("ErrorServerBusy"), "{body}");
    assert!(!body.contains("BackOffMilliseconds"), "{body}");

    let response = post(&on, ALICE, ALICE_PASSWORD, Some("sideways")).await?;
    assert_eq!(response.status().as_u16(), 400);
    assert!(response.text().await?.contains("unknown fault"));
    assert_eq!(mails(&on, ALICE)?, 0, "no request above executed");
    Ok(())
}

#[tokio::test]
async fn user_rules_count_down_and_spare_other_users() -> TestResult {
    let emu = with_header(false).await?;
    emu.faults()
        .for_user(ALICE, FaultRule::times(2, InjectedFault::AccountLocked));
    for _ in 0..2 {
        let response = post(&emu, ALICE, ALICE_PASSWORD, None).await?;
        assert_eq!(response.status().as_u16(), 456);
        let response = post(&emu, CAROL, CAROL_PASSWORD, None).await?;
        assert_eq!(response.status().as_u16(), 200, "carol is not affected");
    }
    let response = post(&emu, ALICE, ALICE_PASSWORD, None).await?;
    assert_eq!(response.status().as_u16(), 200, "used up");
    assert_eq!((mails(&emu, ALICE)?, mails(&emu, CAROL)?), (1, 2));
    Ok(())
}

#[tokio::test]
async fn the_users_file_sets_faults_per_user() -> TestResult {
    let text = r#"
        [[users]]
        name = "dave"
        password = "dave-password"
        email = "dave@contoso.com"
        fault = "cas;status=503;code=BackEndDown"
        fault_count = 1

        [[users]]
        name = "erin"
        password = "erin-password"
        email = "erin@contoso.com"
        fault = "unavailable;retry-after=3"
    "#;
    let file = parse_users_file(text, "users.toml")?;
    let store = exchange_um_emulator::Store::open_in_memory()?;
    for user in &file.users {
        store.add_user(user)?;
    }
    let config = EmulatorConfig::default();
    file.install_faults(&config.faults);
    let emu = Emulator::start(store, config).await?;

    let response = post(&emu, "dave", "dave-password", None).await?;
    assert_eq!(response.status().as_u16(), 503);
    let code = response.headers().get("X-CasErrorCode").cloned();
    assert_eq!(
        code.as_ref().and_then(|v| v.to_str().ok()),
        Some("BackEndDown")
    );
    assert_eq!(
        post(&emu, "dave", "dave-password", None)
            .await?
            .status()
            .as_u16(),
        200
    );
    for _ in 0..2 {
        let response = post(&emu, "erin", "erin-password", None).await?;
        assert_eq!(response.status().as_u16(), 503, "every request");
        let retry = response.headers().get("Retry-After").cloned();
        assert_eq!(retry.as_ref().and_then(|v| v.to_str().ok()), Some("3"));
    }

    let bad = "[[users]]\nname = \"f\"\npassword = \"p\"\nemail = \"f@x\"\nfault = \"busy;backoff=soon\"\n";
    let err = parse_users_file(bad, "bad.toml").err().ok_or("accepted")?;
    assert!(err.to_string().starts_with("bad.toml:5:9:"), "{err}");
    assert!(err.to_string().contains("backoff"), "{err}");
    let orphan = "[[users]]\nname = \"f\"\npassword = \"p\"\nemail = \"f@x\"\nfault_count = 2\n";
    let err = parse_users_file(orphan, "bad.toml")
        .err()
        .ok_or("accepted")?;
    assert!(
        err.to_string().ends_with("fault_count needs a fault"),
        "{err}"
    );
    Ok(())
}

#[tokio::test]
async fn a_slow_answer_comes_after_its_delay_and_executes() -> TestResult {
    let emu = with_header(true).await?;
    let started = Instant::now();
    let response = post(&emu, ALICE, ALICE_PASSWORD, Some("slow;delay=300")).await?;
    assert_eq!(response.status().as_u16(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(mails(&emu, ALICE)?, 1);
    Ok(())
}

#[tokio::test]
async fn a_truncated_answer_declares_more_than_it_sends() -> TestResult {
    let emu = with_header(true).await?;
    let body = envelope("ResetPIN", "");
    let credentials = STANDARD.encode(format!("{ALICE}:{ALICE_PASSWORD}"));
    let request = format!(
        "POST /EWS/UM2007Legacy.asmx HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {credentials}\r\n\
         Content-Type: text/xml\r\n{FAULT_HEADER}: truncate\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(emu.local_addr()).await?;
    stream.write_all(request.as_bytes()).await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    let answer = String::from_utf8_lossy(&answer);
    let (head, sent) = answer.split_once("\r\n\r\n").ok_or("no head")?;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let declared: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_owned())
        })
        .ok_or("no Content-Length")?
        .parse()?;
    assert!(
        !sent.is_empty() && sent.len() < declared,
        "{} of {declared}",
        sent.len()
    );
    assert_eq!(mails(&emu, ALICE)?, 1, "the reset was applied");
    Ok(())
}
