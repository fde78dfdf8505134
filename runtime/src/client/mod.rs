//! An async SOAP client over reqwest that never resends an operation
//! that may already have run, and whose errors say how far a call got.
//!
//! Each call speaks its operation's [`Operation::VERSION`]: SOAP 1.1 as
//! `text/xml` with a `SOAPAction` header, SOAP 1.2 as
//! `application/soap+xml` with the action as its `action` parameter. A
//! fault of either version, with whatever status (1.2 sends `Sender`
//! faults with 400), is [`Error::Fault`]; a successful answer in the other
//! version is [`Error::UnexpectedSoapVersion`].
//!
//! # When a request is sent again
//!
//! A failure is retried only when one of these holds, and only while the
//! [`RetryPolicy`] allows (by default: 3 attempts in all, none starting
//! later than 60 s after the call; see [`DefaultRetryPolicy`]):
//! - **nothing was sent**: the connection could not be made (DNS, refused,
//!   TLS handshake, [`Error::ConnectTimeout`]). The server has not seen
//!   the request, so this holds for every operation;
//! - **explicit throttling**, and only for operations whose
//!   [`Operation::SAFE_TO_RETRY`] is true: an `ErrorServerBusy` SOAP fault
//!   ([`Error::Throttled`], waiting its `BackOffMilliseconds` from the
//!   fault's `MessageXml`), or a 503 or 429 with `Retry-After` (seconds or
//!   an HTTP date).
//!
//! Everything else is returned at once: a timeout after the request was
//! sent, a connection dropped after sending, any other 5xx, a fault, an
//! answer that cannot be read or is too large. A non-idempotent operation
//! such as ResetPIN is therefore sent at most once as soon as it may have
//! reached the server, even when the server says it is busy; whether it
//! may have run is in [`Error::delivery`]. The rule is enforced by the
//! client; a policy only chooses among the failures it allows. Two bounds
//! hold whatever the policy says: the wait before a retry is never shorter
//! than the back-off the server named, and a wait that would outlast the
//! call timeout ([`ClientBuilder::timeout`]) is not started: the call ends
//! with the error that prompted it (the throttling error, with its
//! back-off).
//!
//! EWS also reports `ErrorServerBusy` inside a successful answer, as a
//! `ResponseMessage` with `ResponseClass="Error"` and the same
//! `MessageXml`, for operations that answer with response messages. The
//! UM service has none of those: it reports every failure as a fault, and
//! the client recognises the fault form only.
//!
//! # Safety
//!
//! - Answers are read as they arrive, up to
//!   [`ClientBuilder::max_response_bytes`] (16 MiB by default); a longer
//!   one fails with [`Error::ResponseTooLarge`] without being read further.
//! - A document type declaration in an answer is refused, so entity
//!   expansion (billion laughs) and external entities cannot happen.
//! - TLS certificates are verified, against the built-in roots plus any
//!   added with [`ClientBuilder::add_root_certificate_pem`]; turning that
//!   off takes [`ClientBuilder::danger_accept_invalid_certs`] and is logged
//!   at `warn`.
//! - Credentials are not sent over plain `http://` to a host that is not
//!   loopback unless the host is named with
//!   [`ClientBuilder::allow_insecure_http_for`]: building such a client
//!   fails with [`Error::InsecureHttp`].
//! - Error messages and logs never hold the credentials; HTTP error
//!   excerpts have them removed in case a proxy echoes the request.
//!
//! # Tracing
//!
//! Each call runs in a `tracing` span `soap_call` with the operation name,
//! a request id, the attempt, the HTTP status and the elapsed time. The
//! request id is a random GUID per call, sent as the `client-request-id`
//! header, which Exchange logs; retries of a call reuse it. Bodies are
//! logged only at `trace` level with [`ClientBuilder::log_bodies`], with the
//! credentials and the text of elements that hold secrets (PINs,
//! passwords, tokens) replaced by `***`.

mod authorize;
mod body;
mod call;
mod config;
mod ntlm;
mod ntlm_gate;
mod plain_http;
mod random;
mod redact;
mod request_id;
mod response;
mod retry;
mod retry_after;
mod snippet;
mod tls;

pub mod blocking;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

pub use config::{
    ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT,
};
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
    /// The whole call, retries included.
    timeout: Duration,
    /// One connection attempt, TLS handshake included.
    connect_timeout: Duration,
    retry: Arc<dyn RetryPolicy>,
    log_bodies: bool,
    max_response_bytes: usize,
    /// Per-credentials state: the NTLM handshake's turn and gate.
    auth: authorize::AuthState,
    /// The WS-Security header written into every request.
    username_token: Option<crate::wsse::UsernameToken>,
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
            .field("connect_timeout", &self.inner.connect_timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}
