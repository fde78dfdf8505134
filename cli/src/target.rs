//! Resolves where operations go: a real server, or the embedded emulator.

use std::time::Duration;

use exchange_um::UmClient;
use exchange_um_emulator::{Emulator, RunningEmulator, demo};
use xsdgen_runtime::auth::{Credentials, Secret};

use crate::args::{AuthScheme, Target};

/// A connected client, and the emulator it talks to when one was started
/// for it (kept alive for as long as the client is used).
pub struct Session {
    pub client: UmClient,
    pub emulator: Option<RunningEmulator>,
    pub user: String,
    pub password: Secret,
}

pub async fn connect(target: &Target) -> Result<Session, Box<dyn std::error::Error>> {
    let timeout = Duration::from_secs(target.timeout);
    match &target.url {
        Some(url) => {
            let user = target.user.clone().ok_or("--user is required with --url")?;
            let password = std::env::var(&target.password_env).map_err(|_| {
                format!(
                    "set the password in the environment variable {}",
                    target.password_env
                )
            })?;
            let password = Secret::new(password);
            let credentials = match target.auth {
                AuthScheme::Basic => Credentials::basic(user.clone(), password.clone()),
                AuthScheme::Ntlm => Credentials::ntlm(&user, password.clone()),
                AuthScheme::Negotiate => Credentials::negotiate(&user, password.clone()),
            };
            let mut builder = UmClient::builder(url)
                .credentials(credentials)
                .timeout(timeout);
            if let Some(path) = &target.ca_cert {
                let pem = std::fs::read(path)
                    .map_err(|e| format!("cannot read --ca-cert {}: {e}", path.display()))?;
                builder = builder.add_root_certificate_pem(pem);
            }
            for host in &target.allow_insecure_http {
                builder = builder.allow_insecure_http_for(host.clone());
            }
            let client = builder.build()?;
            Ok(Session {
                client,
                emulator: None,
                user,
                password,
            })
        }
        None => {
            let emulator = Emulator::start_demo().await?;
            let (user, password) = match target.user.as_deref() {
                None | Some(demo::ALICE) => (demo::ALICE, demo::ALICE_PASSWORD),
                Some(demo::BOB) => (demo::BOB, demo::BOB_PASSWORD),
                Some(demo::CAROL) => (demo::CAROL, demo::CAROL_PASSWORD),
                Some(other) => {
                    return Err(format!(
                        "the embedded emulator has the demo users {}, {} and {}, not {other:?}",
                        demo::ALICE,
                        demo::BOB,
                        demo::CAROL
                    )
                    .into());
                }
            };
            eprintln!(
                "embedded UM emulator at {} (user {user})",
                emulator.ews_url()
            );
            let password = Secret::new(password);
            let client = UmClient::builder(emulator.ews_url())
                .credentials(Credentials::basic(user, password.clone()))
                .timeout(timeout)
                .build()?;
            Ok(Session {
                client,
                emulator: Some(emulator),
                user: user.to_owned(),
                password,
            })
        }
    }
}
