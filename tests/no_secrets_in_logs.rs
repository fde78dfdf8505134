//! Everything the client and the emulator log at TRACE, `log` records
//! (reqwest's) included, over HTTP and HTTPS, during calls with a
//! Basic password and a Bearer token, bodies logged, a refused password
//! and an error page: no password, token or PIN appears in it. The PINs
//! are taken from the mailbox afterwards.
//!
//! One test in its own binary: the subscriber is the process's global one.

mod e2e;

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use base64::Engine as _;
use e2e::Transport;
use exchange_um::UmClient;
use exchange_um_emulator::auth::{AuthConfig, AuthScheme, BearerToken};
use exchange_um_emulator::store::pin_in_reset_mail;
use exchange_um_emulator::{
    Emulator, EmulatorConfig, FaultRule, InjectedFault, RunningEmulator, Secret, Store, UserSpec,
};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt as _;
use xsdgen_runtime::auth::Credentials;

const USER: &str = "pat";
const PASSWORD: &str = "Pw-9f3c1e7a-never-logged";
const WRONG_PASSWORD: &str = "Pw-wrong-4b8d2a61-never-logged";
const TOKEN: &str = "tok-5e0d9c7b3a214f68-never-logged";
const RESETS_PER_CLIENT: usize = 3;

/// Everything written to the log.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        let bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trace_logs_of_client_and_emulator_hold_no_secret() {
    let log = Captured::default();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        // Timestamps are digits that a PIN could match by chance.
        .without_time()
        .with_writer(log.clone())
        .finish()
        .try_init()
        .unwrap();

    let mut pins = Vec::new();
    for transport in [Transport::Http, Transport::Https] {
        pins.extend(run(transport).await);
    }
    assert_eq!(pins.len(), 2 * 2 * RESETS_PER_CLIENT);

    let text = log.text();
    // The capture works, and holds what was asked of it.
    for expected in [
        "soap_call",
        "ResetPIN",
        "request body",
        "response body",
        "UM emulator listening",
        "executing",
        "injecting a fault",
        "unauthenticated request",
    ] {
        assert!(text.contains(expected), "{expected:?} was not logged");
    }
    assert!(
        text.contains("reqwest::connect"),
        "no record came through `log`"
    );

    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
    let wrong =
        base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{WRONG_PASSWORD}"));
    for (what, secret) in [
        ("the password", PASSWORD),
        ("the refused password", WRONG_PASSWORD),
        ("the bearer token", TOKEN),
        ("the Basic credentials", basic.as_str()),
        ("the refused Basic credentials", wrong.as_str()),
    ] {
        assert!(!text.contains(secret), "{what} is in the log");
    }
    for pin in &pins {
        assert!(!text.contains(pin.as_str()), "a PIN is in the log");
    }
    eprintln!(
        "{} bytes of log, {} lines, searched for {} PINs",
        text.len(),
        text.lines().count(),
        pins.len()
    );
}

/// Resets the PIN through Basic and Bearer clients, with a refused
/// password and an injected error page in between; the PINs e-mailed.
async fn run(transport: Transport) -> Vec<String> {
    let emulator = start(transport).await;
    let basic = client(&emulator, Credentials::basic(USER, PASSWORD));
    let bearer = client(&emulator, Credentials::bearer_token(TOKEN));
    let wrong = client(&emulator, Credentials::basic(USER, WRONG_PASSWORD));
    tracing::debug!(?basic, ?bearer, "clients");

    for client in [&basic, &bearer] {
        for _ in 0..RESETS_PER_CLIENT {
            client.reset_pin().await.unwrap();
        }
        client.get_um_properties().await.unwrap();
    }
    let refused = wrong.reset_pin().await.unwrap_err();
    tracing::warn!(error = %refused, debug = ?refused, "refused");
    emulator
        .faults()
        .for_user(USER, FaultRule::once(InjectedFault::HtmlError));
    let failed = basic.reset_pin().await.unwrap_err();
    tracing::warn!(error = %failed, debug = ?failed, "failed");

    let store = emulator.store();
    let user = store.user_id(USER).unwrap();
    let pins: Vec<String> = store
        .messages(user)
        .unwrap()
        .iter()
        .map(|m| pin_in_reset_mail(&m.body).unwrap().to_owned())
        .collect();
    emulator.shutdown().await.unwrap();
    pins
}

async fn start(transport: Transport) -> RunningEmulator {
    let mut user = UserSpec::new(USER, PASSWORD, "pat@contoso.com");
    // Long PINs: a 6-digit one could turn up in a port number or an id.
    user.policy.min_pin_length = 12;
    let store = Store::open_in_memory().unwrap();
    store.add_user(&user).unwrap();
    let config = EmulatorConfig {
        auth: AuthConfig {
            schemes: vec![AuthScheme::Basic, AuthScheme::Bearer],
            bearer_tokens: vec![BearerToken {
                token: Secret::new(TOKEN),
                user: USER.to_owned(),
            }],
            ..AuthConfig::default()
        },
        ..transport.config()
    };
    Emulator::start(store, config).await.unwrap()
}

fn client(emulator: &RunningEmulator, credentials: Credentials) -> UmClient {
    e2e::builder(emulator)
        .credentials(credentials)
        .log_bodies(true)
        .build()
        .unwrap()
}
