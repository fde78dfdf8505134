//! Building a [`Client`]: endpoint, credentials, timeouts, retry policy.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use crate::auth::Credentials;
use crate::error::Error;

use super::retry::{DefaultRetryPolicy, RetryPolicy};
use super::{Client, Inner};

/// The default for [`ClientBuilder::timeout`]: .NET's `HttpWebRequest`
/// default, which the service's own clients use.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(100);

const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

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
        }
    }

    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// The longest one attempt may take, from connecting to the last byte
    /// of the answer.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The longest connecting may take. A connect timeout means nothing was
    /// sent, so it can be retried safely; it is capped by [`Self::timeout`].
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

    /// Answers longer than this fail instead of filling memory.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    pub fn build(self) -> Result<Client, Error> {
        let endpoint = parse_endpoint(&self.endpoint)?;
        if self.timeout.is_zero() {
            return Err(Error::Config(
                "the timeout must be greater than zero".into(),
            ));
        }
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout.min(self.timeout))
            .user_agent(self.user_agent)
            // A redirected POST turns into a GET and drops the body; a
            // SOAP endpoint that redirects is misconfigured, so say so.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Config(e.without_url().to_string()))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                endpoint,
                credentials: self.credentials,
                timeout: self.timeout,
                retry: self.retry,
                log_bodies: self.log_bodies,
                max_response_bytes: self.max_response_bytes,
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
            .field("retry", &self.retry)
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
