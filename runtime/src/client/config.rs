//! Building a [`Client`]: endpoint, credentials, timeouts, retry policy,
//! TLS, and the limits that keep a bad server from hurting the caller.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use crate::auth::Credentials;
use crate::error::Error;
use crate::wsse::UsernameToken;

use super::authorize::AuthState;
use super::retry::{DefaultRetryPolicy, RetryPolicy};
use super::tls::TlsOptions;
use super::{Client, Inner, plain_http};

/// The default for [`ClientBuilder::timeout`]: .NET's `HttpWebRequest`
/// default, which the service's own clients use.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(100);

/// The default for [`ClientBuilder::connect_timeout`].
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The default for [`ClientBuilder::max_response_bytes`]: far above any UM
/// answer (they are a few kilobytes), far below what would hurt.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Configures a [`Client`].
///
/// ```
/// # use xsdgen_runtime::client::Client;
/// # use xsdgen_runtime::auth::Credentials;
/// let client = Client::builder("https://mail.example.com/EWS/UM2007Legacy.asmx")
///     .credentials(Credentials::basic("alice", "correct horse"))
///     .build()
///     .unwrap();
/// ```
pub struct ClientBuilder {
    endpoint: String,
    credentials: Credentials,
    timeout: Duration,
    connect_timeout: Duration,
    retry: Arc<dyn RetryPolicy>,
    user_agent: String,
    log_bodies: bool,
    max_response_bytes: usize,
    tls: TlsOptions,
    insecure_http_hosts: Vec<String>,
    username_token: Option<UsernameToken>,
}

impl ClientBuilder {
    pub fn new(endpoint: impl Into<String>) -> Self {
        Self {
            endpoint: endpoint.into(),
            credentials: Credentials::None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            retry: Arc::new(DefaultRetryPolicy::default()),
            user_agent: concat!("xsdgen-runtime/", env!("CARGO_PKG_VERSION")).to_owned(),
            log_bodies: false,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            tls: TlsOptions::default(),
            insecure_http_hosts: Vec::new(),
            username_token: None,
        }
    }

    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// The longest a whole call may take, from its start to the last byte
    /// of the final answer, retries and the waits between them included
    /// (default [`DEFAULT_TIMEOUT`]). When it runs out the call fails with
    /// [`Error::Timeout`], whose outcome is unknown; no retry is started
    /// that could not finish in time.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The longest one connection attempt may take, TLS handshake included
    /// (default [`DEFAULT_CONNECT_TIMEOUT`], capped by [`Self::timeout`]).
    /// When it runs out the attempt fails with [`Error::ConnectTimeout`]:
    /// nothing was sent, so it can be retried safely.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    pub fn retry_policy(mut self, policy: impl RetryPolicy + 'static) -> Self {
        self.retry = Arc::new(policy);
        self
    }

    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Log request and response bodies at `trace` level (with the current
    /// credentials removed). Off by default: bodies hold personal data such
    /// as phone numbers.
    pub fn log_bodies(mut self, enabled: bool) -> Self {
        self.log_bodies = enabled;
        self
    }

    /// Answers longer than this fail with [`Error::ResponseTooLarge`]
    /// instead of filling memory (default [`DEFAULT_MAX_RESPONSE_BYTES`]).
    /// The body is read as it arrives and reading stops at the limit.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Trusts the certificates in `pem` (one or more, PEM-encoded) as roots
    /// besides the built-in ones: a private CA, or the self-signed
    /// certificate of a test server. Read when the client is built.
    pub fn add_root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.tls.extra_roots_pem.push(pem.into());
        self
    }

    /// Turns TLS certificate verification off (on by default): any server
    /// can then pose as the endpoint and read the credentials. For tests
    /// only; prefer [`Self::add_root_certificate_pem`]. Every client built
    /// this way logs a warning.
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.tls.accept_invalid_certs = accept;
        self
    }

    /// Lets credentials go over plain `http://` to `host` (a name or an
    /// IP address, as in the endpoint URL). Without it, a client with
    /// credentials and a plain-http endpoint that is not loopback fails to
    /// build with [`Error::InsecureHttp`]. May be called for several
    /// hosts.
    pub fn allow_insecure_http_for(mut self, host: impl Into<String>) -> Self {
        self.insecure_http_hosts.push(host.into());
        self
    }

    /// Sends a WS-Security `UsernameToken` header (with a fresh nonce and
    /// creation time) in every request, as services that authenticate in
    /// the message rather than over HTTP ask for. It goes with any HTTP
    /// credentials; the password counts as a credential for the rule on
    /// plain `http://`.
    pub fn username_token(mut self, token: UsernameToken) -> Self {
        self.username_token = Some(token);
        self
    }

    pub fn build(self) -> Result<Client, Error> {
        let endpoint = parse_endpoint(&self.endpoint)?;
        if self.timeout.is_zero() || self.connect_timeout.is_zero() {
            return Err(Error::Config(
                "the timeouts must be greater than zero".into(),
            ));
        }
        let sends_credentials =
            !matches!(self.credentials, Credentials::None) || self.username_token.is_some();
        plain_http::check(&endpoint, sends_credentials, &self.insecure_http_hosts)?;
        let connect_timeout = self.connect_timeout.min(self.timeout);
        // The call timeout is kept by the client itself, across attempts.
        let http = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .user_agent(self.user_agent)
            // A redirected POST turns into a GET and drops the body; a
            // SOAP endpoint that redirects is misconfigured, so say so.
            .redirect(reqwest::redirect::Policy::none());
        let auth = AuthState::new(&self.credentials);
        let http = auth.configure(http);
        let http = self
            .tls
            .apply(http, endpoint.host_str().unwrap_or_default())?
            .build()
            .map_err(|e| Error::Config(e.without_url().to_string()))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                endpoint,
                credentials: self.credentials,
                timeout: self.timeout,
                connect_timeout,
                retry: self.retry,
                log_bodies: self.log_bodies,
                max_response_bytes: self.max_response_bytes,
                auth,
                username_token: self.username_token,
            }),
        })
    }

    /// A [`super::blocking::Client`] with this configuration.
    pub fn build_blocking(self) -> Result<super::blocking::Client, Error> {
        super::blocking::Client::new(self.build()?)
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("credentials", &self.credentials)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .field("tls", &self.tls)
            .field("insecure_http_hosts", &self.insecure_http_hosts)
            .field("username_token", &self.username_token)
            .finish_non_exhaustive()
    }
}

/// Accepts http and https URLs without credentials in them: a password in
/// a URL ends up in logs, and the URL is printed in diagnostics.
fn parse_endpoint(endpoint: &str) -> Result<Url, Error> {
    let url = Url::parse(endpoint).map_err(|e| Error::InvalidUrl {
        reason: e.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::InvalidUrl {
            reason: format!("scheme '{}' is not http or https", url.scheme()),
        });
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::InvalidUrl {
            reason: "credentials in the URL are not accepted; use Credentials".into(),
        });
    }
    if url.host_str().is_none() {
        return Err(Error::InvalidUrl {
            reason: "no host".into(),
        });
    }
    Ok(url)
}
