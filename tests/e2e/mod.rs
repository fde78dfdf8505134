//! The emulator over plain HTTP or HTTPS, and clients that trust it: what
//! the end-to-end tests share to run every case over both.
#![allow(dead_code)]

use std::time::Duration;

use exchange_um::{UmClient, UmClientBuilder};
use exchange_um_emulator::{Emulator, EmulatorConfig, RunningEmulator, TlsConfig};
use xsdgen_runtime::auth::Credentials;

/// How the emulator is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    Http,
    /// A certificate made by the emulator at start; clients trust its CA.
    Https,
}

impl Transport {
    /// The emulator's config for this transport, with the fault header on.
    pub fn config(self) -> EmulatorConfig {
        EmulatorConfig {
            tls: (self == Self::Https).then_some(TlsConfig::Generated),
            fault_header: true,
            ..EmulatorConfig::default()
        }
    }

    /// A name for files and messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Https => "https",
        }
    }
}

/// The demo users on an emulator served over `transport`.
pub async fn demo(transport: Transport) -> RunningEmulator {
    let emulator = Emulator::start_demo_with(transport.config())
        .await
        .unwrap_or_else(|e| panic!("cannot start the emulator: {e}"));
    let scheme = format!("{}://", transport.name());
    assert!(emulator.base_url().starts_with(&scheme));
    emulator
}

/// A builder for the emulator's EWS endpoint that trusts its certificate.
pub fn builder(emulator: &RunningEmulator) -> UmClientBuilder {
    let builder = UmClient::builder(emulator.ews_url());
    match emulator.tls_root_pem() {
        Some(pem) => builder.add_root_certificate_pem(pem),
        None => builder,
    }
}

/// A client logged on as `user` with Basic auth, with a 10 s call timeout.
pub fn client(emulator: &RunningEmulator, user: &str, password: &str) -> UmClient {
    builder(emulator)
        .credentials(Credentials::basic(user, password))
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_else(|e| panic!("cannot build the client: {e}"))
}

/// The number of messages in `user`'s mailbox.
pub fn mails(emulator: &RunningEmulator, user: &str) -> usize {
    let store = emulator.store();
    let id = store
        .user_id(user)
        .unwrap_or_else(|e| panic!("no user {user}: {e}"));
    store
        .messages(id)
        .unwrap_or_else(|e| panic!("mailbox of {user}: {e}"))
        .len()
}

/// For each `name`, a module `name` with the tests `http` and `https`,
/// each awaiting `name(Transport)` on a two-thread runtime.
#[allow(unused_macros)]
macro_rules! over_both {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn http() {
                    super::$name(crate::e2e::Transport::Http).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn https() {
                    super::$name(crate::e2e::Transport::Https).await;
                }
            }
        )+
    };
}

#[allow(unused_imports)]
pub(crate) use over_both;
