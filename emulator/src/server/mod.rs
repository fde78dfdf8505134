//! The emulator's HTTP server on loopback (or any address given).
//!
//! | route | what |
//! |---|---|
//! | `POST /EWS/UM2007Legacy.asmx` | the UM service (Exchange 2010–2016 path) |
//! | `POST /UnifiedMessaging/Service.asmx` | the same (Exchange 2007 path) |
//! | `GET <either>?wsdl` | the WSDL, its `soap:address` pointing here |
//! | `GET /EWS/<file>.xsd`, `/UnifiedMessaging/<file>.xsd` | schemas the WSDL imports |
//! | `GET /mailbox` | the caller's own mailbox as JSON |
//!
//! Everything but the WSDL and schemas needs credentials: `Negotiate` or
//! `NTLM` (verified per TCP connection), `Basic`, or a configured `Bearer`
//! token (see [`crate::auth`]).
//!
//! With [`EmulatorConfig::tls`] the same routes are served over HTTPS only
//! (see [`crate::tls`]). Request bodies are read only after the caller is
//! authenticated, and never past [`EmulatorConfig::max_request_bytes`]:
//! a longer one is answered with 413.

mod accept;
mod answers;
mod handshake;
mod port;
mod request_body;
mod routes;
mod soap_endpoint;
mod wsdl;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use accept::ConnectionControl;
pub use port::soap_service;
pub use routes::{EWS_PATH, LEGACY_PATH, MAILBOX_PATH};

use crate::auth::{AuthConfig, AuthLog};
use crate::call::CallConfig;
use crate::demo;
use crate::faults::FaultInjection;
use crate::service::UmService;
use crate::store::{Store, StoreError};
use crate::tls::{ServerTls, TlsConfig, TlsError};

/// FQDN the emulator gives itself in call ids and e-mail addresses.
pub const DEFAULT_SERVER_FQDN: &str = "um-emulator.contoso.com";

/// Why the server could not start or stop cleanly.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot read the bound address: {0}")]
    LocalAddr(std::io::Error),
    #[error("the server task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("cannot prepare the demo store: {0}")]
    Store(#[from] StoreError),
    #[error("cannot set up HTTPS: {0}")]
    Tls(#[from] TlsError),
}

/// How to run the emulator.
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    /// Where to listen; port 0 picks a free port. Default `127.0.0.1:0`.
    pub bind: SocketAddr,
    /// Host name used in call ids and the reset e-mail's sender.
    pub server_fqdn: String,
    pub auth: AuthConfig,
    /// Fault switches; keep a clone of the `Arc` to flip them while running.
    pub faults: Arc<FaultInjection>,
    /// Call timings, how dialed numbers behave, and the clock calls follow.
    pub calls: CallConfig,
    /// Serve HTTPS with this certificate instead of plain HTTP.
    pub tls: Option<TlsConfig>,
    /// Honour the [`FAULT_HEADER`](crate::faults::FAULT_HEADER) of requests
    /// (default false: a client cannot make the server misbehave).
    pub fault_header: bool,
    /// Longest request body read; a longer one is answered with 413
    /// without being read further. Default [`DEFAULT_MAX_REQUEST_BYTES`].
    pub max_request_bytes: usize,
}

/// The default for [`EmulatorConfig::max_request_bytes`]: a UM request is
/// well under a kilobyte.
pub const DEFAULT_MAX_REQUEST_BYTES: usize = 1024 * 1024;

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            server_fqdn: DEFAULT_SERVER_FQDN.to_owned(),
            auth: AuthConfig::default(),
            faults: Arc::new(FaultInjection::new()),
            calls: CallConfig::default(),
            tls: None,
            fault_header: false,
            max_request_bytes: DEFAULT_MAX_REQUEST_BYTES,
        }
    }
}

/// Entry points that start an emulator.
#[derive(Debug, Clone, Copy)]
pub struct Emulator;

impl Emulator {
    /// Serves `store` as configured, until the returned handle is shut down
    /// or dropped.
    pub async fn start(
        store: Store,
        config: EmulatorConfig,
    ) -> Result<RunningEmulator, ServerError> {
        let listener =
            TcpListener::bind(config.bind)
                .await
                .map_err(|source| ServerError::Bind {
                    addr: config.bind,
                    source,
                })?;
        let addr = listener.local_addr().map_err(ServerError::LocalAddr)?;
        let tls = match &config.tls {
            Some(tls) => {
                let names = [addr.ip().to_string(), config.server_fqdn.clone()];
                Some(ServerTls::new(tls, &names)?)
            }
            None => None,
        };
        let scheme = if tls.is_some() { "https" } else { "http" };
        let base_url = format!("{scheme}://{addr}");
        let auth_log = Arc::new(AuthLog::default());
        let service = UmService::new(store.clone(), config.server_fqdn).with_calls(config.calls);
        let state = routes::AppState {
            soap: port::soap_service(service.clone(), config.max_request_bytes),
            service,
            faults: config.faults.clone(),
            auth: config.auth,
            auth_log: auth_log.clone(),
            base_url: base_url.clone(),
            fault_header: config.fault_header,
            max_request_bytes: config.max_request_bytes,
        };
        let (shutdown, signal) = watch::channel(false);
        let tls_root_pem = tls.as_ref().map(|tls| tls.root_pem.clone());
        let acceptor = tls.map(|tls| tls.acceptor);
        let task = tokio::spawn(accept::serve(
            listener,
            routes::router(state),
            acceptor,
            signal,
        ));
        tracing::info!(%base_url, "UM emulator listening");
        Ok(RunningEmulator {
            addr,
            base_url,
            store,
            faults: config.faults,
            auth_log,
            tls_root_pem,
            shutdown,
            task,
        })
    }

    /// An in-memory store with the [demo users](crate::demo), default config.
    pub async fn start_demo() -> Result<RunningEmulator, ServerError> {
        Self::start_demo_with(EmulatorConfig::default()).await
    }

    /// An in-memory store with the [demo users](crate::demo), served as
    /// `config` says.
    pub async fn start_demo_with(config: EmulatorConfig) -> Result<RunningEmulator, ServerError> {
        let store = tokio::task::spawn_blocking(|| -> Result<Store, StoreError> {
            let store = Store::open_in_memory()?;
            for user in demo::demo_users() {
                store.add_user(&user)?;
            }
            Ok(store)
        })
        .await??;
        Self::start(store, config).await
    }
}

/// A running emulator. Dropping it stops the server too, without waiting.
#[derive(Debug)]
pub struct RunningEmulator {
    addr: SocketAddr,
    base_url: String,
    store: Store,
    faults: Arc<FaultInjection>,
    auth_log: Arc<AuthLog>,
    tls_root_pem: Option<String>,
    shutdown: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl RunningEmulator {
    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://<addr>`, or `https://<addr>` when serving HTTPS.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The Exchange 2010–2016 endpoint URL.
    pub fn ews_url(&self) -> String {
        format!("{}{EWS_PATH}", self.base_url)
    }

    /// The Exchange 2007 endpoint URL.
    pub fn legacy_url(&self) -> String {
        format!("{}{LEGACY_PATH}", self.base_url)
    }

    /// The `/mailbox` URL.
    pub fn mailbox_url(&self) -> String {
        format!("{}{MAILBOX_PATH}", self.base_url)
    }

    /// The store being served, to add users or inspect state.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// When serving HTTPS, the PEM certificate(s) a client should trust
    /// ([`ClientBuilder::add_root_certificate_pem`]): the CA of a generated
    /// certificate, or the certificate chain given (which is enough when
    /// it is self-signed or holds its CA).
    ///
    /// [`ClientBuilder::add_root_certificate_pem`]: xsdgen_runtime::client::ClientBuilder::add_root_certificate_pem
    pub fn tls_root_pem(&self) -> Option<&str> {
        self.tls_root_pem.as_deref()
    }

    /// The fault switches.
    pub fn faults(&self) -> &Arc<FaultInjection> {
        &self.faults
    }

    /// Who was authenticated, how, and on which connection, request by
    /// request.
    pub fn auth_log(&self) -> &AuthLog {
        &self.auth_log
    }

    /// Stops accepting, lets open requests finish (for a few seconds at most)
    /// and waits until the server has stopped.
    pub async fn shutdown(self) -> Result<(), ServerError> {
        // An error only means the server already stopped.
        let _ = self.shutdown.send(true);
        self.task.await?;
        Ok(())
    }
}
