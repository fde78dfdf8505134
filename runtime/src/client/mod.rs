//! An async SOAP 1.1 client over reqwest that never resends an operation
//! that may already have run.
//!
//! # When a request is sent again
//!
//! A failure is retried only when one of these holds, and only while the
//! [`RetryPolicy`] allows (by default: 3 attempts in all, none starting
//! later than 60 s after the call):
//! - **nothing was sent**: the connection could not be made (DNS, refused,
//!   TLS handshake, connect timeout). The server has not seen the request,
//!   so this holds for every operation;
//! - **explicit throttling**, and only for operations whose
//!   [`Operation::SAFE_TO_RETRY`] is true: an `ErrorServerBusy` fault
//!   (after its `BackOffMilliseconds`) or a 503 with `Retry-After`.
//!
//! Everything else is returned at once: a timeout after the request was
//! sent, a connection dropped after sending, any other 5xx, a fault, an
//! answer that cannot be read. A non-idempotent operation such as
//! ResetPIN is therefore sent at most once as soon as it may have reached
//! the server, even when the server says it is busy; whether it may have
//! run is in [`Error::delivery`]. The rule is enforced by the client; a
//! policy only chooses among the failures it allows.
//!
//! Each call runs in a `tracing` span `soap_call` with the operation name,
//! the attempt, the HTTP status and the elapsed time. Credentials are never
//! logged; bodies only at `trace` level with [`ClientBuilder::log_bodies`].

mod call;
mod config;
mod redact;
mod response;
mod retry;
mod retry_after;

pub mod blocking;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

pub use config::{ClientBuilder, DEFAULT_TIMEOUT};
pub use retry::{DefaultRetryPolicy, NoRetry, RetryContext, RetryPolicy, RetryReason};

use crate::auth::Credentials;
#[cfg(doc)]
use crate::{Error, Operation};

/// A client for one SOAP endpoint. Cheap to clone; clones share the
/// connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    endpoint: reqwest::Url,
    credentials: Credentials,
    timeout: Duration,
    retry: Arc<dyn RetryPolicy>,
    log_bodies: bool,
    max_response_bytes: usize,
}

impl Client {
    pub fn builder(endpoint: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(endpoint)
    }

    pub fn endpoint(&self) -> &str {
        self.inner.endpoint.as_str()
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.inner.endpoint.as_str())
            .field("credentials", &self.inner.credentials)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}
