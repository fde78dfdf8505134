//! The typed client against the emulator over real HTTP, with every
//! credential type: Basic, Bearer (a provider asked for every request),
//! NTLM and Negotiate (the handshake on one connection per identity).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{TestResult, demo};
use exchange_um::UmClient;
use exchange_um_emulator::auth::{AuthConfig, AuthScheme, BearerToken};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD, CAROL, CAROL_PASSWORD, demo_users};
use exchange_um_emulator::{Emulator, EmulatorConfig, RunningEmulator, Secret as EmuSecret, Store};
use xsdgen_runtime::Error;
use xsdgen_runtime::auth::{BoxFuture, Credentials, Secret, TokenError, TokenProvider};

const ALICE_TOKEN: &str = "alice-bearer-token-0123456789";

fn client(emu: &RunningEmulator, credentials: Credentials) -> UmClient {
    UmClient::builder(emu.ews_url())
        .credentials(credentials)
        .build()
        .expect("a loopback URL is valid")
}

fn mails(emu: &RunningEmulator, user: &str) -> usize {
    let id = emu.store().user_id(user).expect("a demo user");
    emu.store().messages(id).expect("the mailbox").len()
}

/// The challenges of an `Unauthorized` error.
fn challenges(error: &Error) -> &[String] {
    match error {
        Error::Unauthorized { challenges, .. } => challenges,
        other => panic!("expected 401, got {other}"),
    }
}

async fn with_bearer(
    tokens: Vec<BearerToken>,
) -> Result<RunningEmulator, Box<dyn std::error::Error>> {
    let store = Store::open_in_memory()?;
    for user in demo_users() {
        store.add_user(&user)?;
    }
    let config = EmulatorConfig {
        auth: AuthConfig {
            schemes: vec![AuthScheme::Bearer, AuthScheme::Ntlm, AuthScheme::Basic],
            bearer_tokens: tokens,
            ..AuthConfig::default()
        },
        ..EmulatorConfig::default()
    };
    Ok(Emulator::start(store, config).await?)
}

#[tokio::test]
async fn basic_logs_in_and_a_wrong_password_is_unauthorized() -> TestResult {
    let emu = demo().await?;
    let ok = client(&emu, Credentials::basic("CONTOSO\\alice", ALICE_PASSWORD));
    assert!(ok.is_um_enabled().await?);

    let wrong = client(&emu, Credentials::basic(ALICE, "Wr0ng-Passw0rd"));
    let error = wrong.reset_pin().await.expect_err("refused");
    assert_eq!(
        challenges(&error),
        ["Negotiate", "NTLM", r#"Basic realm="exchange-um-emulator""#]
    );
    let text = format!("{error} {error:?}");
    assert!(!text.contains("Wr0ng-Passw0rd"), "{text}");
    assert_eq!(mails(&emu, ALICE), 0);
    emu.shutdown().await?;
    Ok(())
}

/// Hands out a token per request, counting the requests.
struct Counting {
    token: &'static str,
    asked: Arc<AtomicUsize>,
}

impl TokenProvider for Counting {
    fn token(&self) -> BoxFuture<'_, Result<Secret, TokenError>> {
        self.asked.fetch_add(1, Ordering::SeqCst);
        Box::pin(async move {
            // A provider may await (a refresh over the network).
            tokio::task::yield_now().await;
            Ok(Secret::new(self.token))
        })
    }
}

struct Failing;

impl TokenProvider for Failing {
    fn token(&self) -> BoxFuture<'_, Result<Secret, TokenError>> {
        Box::pin(async { Err(TokenError("the identity provider is unreachable".into())) })
    }
}

#[tokio::test]
async fn bearer_asks_the_provider_for_every_request() -> TestResult {
    let emu = with_bearer(vec![BearerToken {
        token: EmuSecret::new(ALICE_TOKEN),
        user: ALICE.to_owned(),
    }])
    .await?;
    let asked = Arc::new(AtomicUsize::new(0));
    let bearer = client(
        &emu,
        Credentials::bearer(Counting {
            token: ALICE_TOKEN,
            asked: asked.clone(),
        }),
    );
    for _ in 0..3 {
        assert!(bearer.is_um_enabled().await?);
    }
    bearer.set_oof_status(true).await?;
    assert_eq!(asked.load(Ordering::SeqCst), 4);
    let log = emu.auth_log().records();
    assert_eq!(log.len(), 4);
    assert!(
        log.iter()
            .all(|r| r.user == ALICE && r.scheme == AuthScheme::Bearer)
    );

    // An unknown token is a 401 with the challenges, and is not repeated.
    let stranger = client(&emu, Credentials::bearer_token("not-a-known-token"));
    let error = stranger.is_um_enabled().await.expect_err("refused");
    assert!(challenges(&error).iter().any(|c| c.starts_with("Bearer")));
    assert!(!format!("{error} {error:?}").contains("not-a-known-token"));

    // A provider that fails: nothing is sent.
    let failing = client(&emu, Credentials::bearer(Failing));
    let error = failing.reset_pin().await.expect_err("no token");
    assert!(matches!(error, Error::Token(_)), "{error}");
    assert!(!error.may_have_executed());
    assert_eq!(mails(&emu, ALICE), 0);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn ntlm_and_negotiate_log_in_with_every_account_form() -> TestResult {
    let emu = demo().await?;
    let cases = [
        (
            Credentials::ntlm("CONTOSO\\alice", ALICE_PASSWORD),
            AuthScheme::Ntlm,
        ),
        (
            Credentials::ntlm("alice@contoso.com", ALICE_PASSWORD),
            AuthScheme::Ntlm,
        ),
        (
            Credentials::negotiate("alice", ALICE_PASSWORD),
            AuthScheme::Negotiate,
        ),
        (
            Credentials::negotiate("CONTOSO\\alice", ALICE_PASSWORD),
            AuthScheme::Negotiate,
        ),
    ];
    for (credentials, scheme) in cases {
        let described = format!("{credentials:?}");
        let um = client(&emu, credentials);
        let properties = um.get_um_properties().await?.expect("alice's properties");
        assert!(!properties.oof_status, "{described}");
        let last = emu.auth_log().records().pop().expect("logged");
        assert_eq!(
            (last.user.as_str(), last.scheme),
            (ALICE, scheme),
            "{described}"
        );
    }
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn ntlm_with_a_wrong_password_is_unauthorized_and_runs_nothing() -> TestResult {
    let emu = demo().await?;
    for credentials in [
        Credentials::ntlm("CONTOSO\\alice", "Wr0ng-Passw0rd"),
        Credentials::negotiate("alice", "Wr0ng-Passw0rd"),
        Credentials::ntlm("mallory", ALICE_PASSWORD),
    ] {
        let um = client(&emu, credentials);
        let error = um.reset_pin().await.expect_err("refused");
        assert_eq!(
            challenges(&error),
            ["Negotiate", "NTLM", r#"Basic realm="exchange-um-emulator""#]
        );
        assert!(!error.may_have_executed());
        assert!(!format!("{error} {error:?}").contains("Wr0ng-Passw0rd"));
    }
    assert_eq!(emu.faults().soap_requests(), 0);
    assert_eq!(mails(&emu, ALICE), 0);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn reset_pin_over_ntlm_runs_once_although_the_body_goes_with_both_legs() -> TestResult {
    let emu = demo().await?;
    let um = client(&emu, Credentials::ntlm("CONTOSO\\alice", ALICE_PASSWORD));
    um.reset_pin().await?;
    assert_eq!(mails(&emu, ALICE), 1);
    assert_eq!(emu.faults().soap_requests(), 1);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_server_without_ntlm_answers_with_its_challenges() -> TestResult {
    let store = Store::open_in_memory()?;
    for user in demo_users() {
        store.add_user(&user)?;
    }
    let config = EmulatorConfig {
        auth: AuthConfig {
            schemes: vec![AuthScheme::Basic],
            ..AuthConfig::default()
        },
        ..EmulatorConfig::default()
    };
    let emu = Emulator::start(store, config).await?;
    let um = client(&emu, Credentials::ntlm("alice", ALICE_PASSWORD));
    let error = um.is_um_enabled().await.expect_err("refused");
    assert_eq!(
        challenges(&error),
        [r#"Basic realm="exchange-um-emulator""#]
    );
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn sequential_ntlm_calls_succeed_on_the_identitys_connection() -> TestResult {
    let emu = demo().await?;
    let um = client(&emu, Credentials::ntlm("CONTOSO\\alice", ALICE_PASSWORD));
    for i in 0..20 {
        um.set_missed_call_notification_enabled(i % 2 == 0).await?;
    }
    let log = emu.auth_log().records();
    assert_eq!(log.len(), 20);
    let peers: BTreeSet<_> = log.iter().map(|r| r.peer).collect();
    // One connection carries the calls; on a starved machine a connection
    // returned to the pool late may add another, never one per call.
    assert!(peers.len() <= 3, "{peers:?}");
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn concurrent_calls_of_two_identities_each_keep_to_their_connection() -> TestResult {
    let emu = demo().await?;
    let alice = client(&emu, Credentials::ntlm("CONTOSO\\alice", ALICE_PASSWORD));
    let carol = client(
        &emu,
        Credentials::negotiate("carol@contoso.com", CAROL_PASSWORD),
    );
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..8 {
        for (um, expected_oof) in [(alice.clone(), false), (carol.clone(), true)] {
            tasks.spawn(async move {
                let properties = um.get_um_properties().await?;
                Ok::<_, Error>(properties.map(|p| p.oof_status) == Some(expected_oof))
            });
        }
    }
    while let Some(result) = tasks.join_next().await {
        assert!(result??, "a call saw the other identity's mailbox");
    }
    let log = emu.auth_log().records();
    assert_eq!(log.len(), 16);
    let mut users_by_peer: BTreeMap<_, BTreeSet<_>> = BTreeMap::new();
    for record in &log {
        users_by_peer
            .entry(record.peer)
            .or_default()
            .insert(record.user.as_str());
    }
    // No connection ever carried both identities.
    assert!(
        users_by_peer.values().all(|users| users.len() == 1),
        "{users_by_peer:?}"
    );
    let users: BTreeSet<_> = users_by_peer.values().flatten().copied().collect();
    assert_eq!(users, BTreeSet::from([ALICE, CAROL]));
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn debug_of_ntlm_clients_hides_the_password() -> TestResult {
    let emu = demo().await?;
    let credentials = Credentials::negotiate("CONTOSO\\alice", ALICE_PASSWORD);
    let builder = UmClient::builder(emu.ews_url()).credentials(credentials.clone());
    let text = format!("{credentials:?} {credentials:#?} {builder:?}");
    let um = client(&emu, credentials);
    let text = format!("{text} {um:?} {um:#?}");
    assert!(!text.contains(ALICE_PASSWORD), "{text}");
    assert!(
        text.contains("CONTOSO") && text.contains("Negotiate"),
        "{text}"
    );
    emu.shutdown().await?;
    Ok(())
}
