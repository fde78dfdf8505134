//! The client's error: what went wrong, and whether the operation may have
//! run on the server anyway.
//!
//! Messages never contain credentials: the client builds them from status
//! codes, headers it chose to keep, and body excerpts from which every
//! secret it knows of has been removed.

use std::time::Duration;

use crate::soap::{Fault, SoapVersion};
use crate::xml::{ReadError, WriteError};

/// How far a failed call got, which decides whether it may be resent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The request never left this machine: nothing happened on the server.
    NotSent,
    /// The request may have reached the server and the outcome is unknown:
    /// the operation may have run.
    MayHaveExecuted,
    /// The server received the request and gave a definite answer (a fault,
    /// a refusal); the answer says what happened.
    Answered,
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The endpoint URL cannot be used. The URL itself is not repeated: it
    /// may hold credentials.
    #[error("invalid endpoint URL: {reason}")]
    InvalidUrl { reason: String },
    #[error("invalid client configuration: {0}")]
    Config(String),
    /// The request could not be serialized.
    #[error("cannot write the request: {0}")]
    Encode(#[from] WriteError),
    /// The bearer token provider failed; nothing was sent.
    #[error("cannot get an access token: {0}")]
    Token(#[from] crate::auth::TokenError),
    /// Credentials would have gone over plain `http://` to a host that is
    /// not this machine, and the caller did not allow that host by name
    /// (`ClientBuilder::allow_insecure_http_for`). Raised by `build`,
    /// before anything is sent.
    #[error(
        "refusing to send credentials over plain http to {host}; use https, or allow the host with allow_insecure_http_for"
    )]
    InsecureHttp { host: String },
    /// No connection could be made (DNS, refused, TLS handshake): nothing
    /// was sent.
    #[error("cannot connect to the server: {detail}")]
    Connect { detail: String },
    /// Connecting (TCP and TLS handshake) took longer than the connect
    /// timeout: nothing was sent.
    #[error("no connection within the connect timeout of {timeout:?}; nothing was sent")]
    ConnectTimeout { timeout: Duration },
    /// The call timeout ran out before a complete answer arrived. It
    /// covers the whole call, retries included, so the last attempt may
    /// have been sent.
    #[error(
        "no answer within the call timeout of {timeout:?}; outcome unknown: the operation may have executed"
    )]
    Timeout { timeout: Duration },
    /// The connection failed after the request was (or may have been)
    /// sent.
    #[error("connection lost ({detail}); outcome unknown: the operation may have executed")]
    ConnectionLost { detail: String },
    /// The answer was larger than the configured limit.
    #[error("the response is larger than {limit} bytes; the operation may have executed")]
    ResponseTooLarge { limit: usize },
    /// An HTTP status other than success or a SOAP fault: a proxy error,
    /// an HTML error page, a 503 from the front end.
    #[error("{}", http_message(*status, snippet, cas_error_code.as_deref(), *retry_after))]
    Http {
        status: u16,
        /// The start of the body, HTML tags stripped, at most about 200
        /// characters, with the credentials of the request removed.
        snippet: String,
        /// The `WWW-Authenticate` values, e.g. on a 403 from a front end
        /// that wants other credentials.
        challenges: Vec<String>,
        /// `X-CasErrorCode`, which Exchange's front end sets on proxy
        /// failures.
        cas_error_code: Option<String>,
        /// `Retry-After`, as a delay.
        retry_after: Option<Duration>,
    },
    /// 401: the credentials were refused or are needed.
    #[error(
        "authentication required or refused (server offers: {}){}",
        schemes(challenges),
        cas_suffix(cas_error_code.as_deref())
    )]
    Unauthorized {
        /// The `WWW-Authenticate` values, e.g. `Negotiate`, `NTLM`,
        /// `Basic realm="..."`.
        challenges: Vec<String>,
        /// `X-CasErrorCode`, which says why Exchange's front end refused
        /// (e.g. `AuthFailure`).
        cas_error_code: Option<String>,
    },
    /// A challenge-response handshake (NTLM) could not be completed: the
    /// server's challenge is malformed or asks for what the client does
    /// not speak. The server refused the request; nothing was executed.
    #[error("the {scheme} handshake failed: {reason}")]
    AuthHandshake {
        scheme: &'static str,
        reason: String,
    },
    /// 456: the account is locked out.
    #[error("the account is locked (HTTP 456)")]
    AccountLocked { cas_error_code: Option<String> },
    /// The server answered with a SOAP fault: it reports why the
    /// operation failed.
    #[error("the server answered with a SOAP fault: {fault}")]
    Fault {
        /// The HTTP status it came with: 500 as SOAP 1.1 asks, 400 (a
        /// `Sender` fault) or 500 as SOAP 1.2 does, but a front end may
        /// send a fault with 503 or another 4xx.
        status: u16,
        fault: Box<Fault>,
    },
    /// `ErrorServerBusy`: the server refused to work on the request now.
    #[error("the server is busy (throttled){}", back_off.map(|d| format!("; retry after {d:?}")).unwrap_or_default())]
    Throttled {
        /// The HTTP status the fault came with (500, or 503).
        status: u16,
        fault: Box<Fault>,
        /// `BackOffMilliseconds` from the fault, or `Retry-After` when the
        /// fault names no delay; the longer of the two when both do.
        back_off: Option<Duration>,
    },
    /// A successful answer in the other SOAP version than the request's:
    /// the server does not speak the binding the operation was generated
    /// for. It answered with success, so the operation may have executed.
    #[error(
        "the server answered a {expected} request with a {found} envelope (HTTP {status}); the operation may have executed"
    )]
    UnexpectedSoapVersion {
        status: u16,
        expected: SoapVersion,
        found: SoapVersion,
    },
    /// The answer is not the expected SOAP message. The operation may well
    /// have executed: a success that cannot be read is still a success.
    #[error("cannot read the response (HTTP {status}): {error}; near: {excerpt:?}")]
    Decode {
        status: u16,
        error: Box<ReadError>,
        /// The text around the error position.
        excerpt: String,
    },
}

impl Error {
    /// How far the request got; see [`Delivery`].
    pub fn delivery(&self) -> Delivery {
        match self {
            Self::InvalidUrl { .. }
            | Self::Config(_)
            | Self::Encode(_)
            | Self::Token(_)
            | Self::InsecureHttp { .. }
            | Self::Connect { .. }
            | Self::ConnectTimeout { .. } => Delivery::NotSent,
            Self::Timeout { .. }
            | Self::ConnectionLost { .. }
            | Self::ResponseTooLarge { .. }
            | Self::UnexpectedSoapVersion { .. }
            | Self::Decode { .. } => Delivery::MayHaveExecuted,
            // A 5xx from a proxy or load balancer can come after the back
            // end ran the request; a 3xx/4xx is a refusal to run it.
            Self::Http { status, .. } if *status >= 500 => Delivery::MayHaveExecuted,
            Self::Http { .. }
            | Self::Unauthorized { .. }
            | Self::AuthHandshake { .. }
            | Self::AccountLocked { .. }
            | Self::Fault { .. }
            | Self::Throttled { .. } => Delivery::Answered,
        }
    }

    /// Whether the operation may have run on the server although the call
    /// failed. When true, resending a non-idempotent operation may run it
    /// twice.
    pub fn may_have_executed(&self) -> bool {
        self.delivery() == Delivery::MayHaveExecuted
    }

    /// The SOAP fault the server answered with, if any.
    pub fn fault(&self) -> Option<&Fault> {
        match self {
            Self::Fault { fault, .. } | Self::Throttled { fault, .. } => Some(fault),
            _ => None,
        }
    }

    /// The HTTP status of the answer, when there was one.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::Http { status, .. }
            | Self::Fault { status, .. }
            | Self::Throttled { status, .. }
            | Self::UnexpectedSoapVersion { status, .. }
            | Self::Decode { status, .. } => Some(*status),
            Self::Unauthorized { .. } => Some(401),
            Self::AccountLocked { .. } => Some(456),
            _ => None,
        }
    }

    /// The server's explicit request to come back later: a busy fault, or
    /// a 503 or 429 with `Retry-After`. `Some(None)` for a busy fault that
    /// names no delay.
    pub fn throttle_hint(&self) -> Option<Option<Duration>> {
        match self {
            Self::Throttled { back_off, .. } => Some(*back_off),
            Self::Http {
                status: 503 | 429,
                retry_after: Some(d),
                ..
            } => Some(Some(*d)),
            _ => None,
        }
    }
}

fn http_message(
    status: u16,
    snippet: &str,
    cas_error_code: Option<&str>,
    retry_after: Option<Duration>,
) -> String {
    let mut msg = format!("HTTP {status}");
    if let Some(code) = cas_error_code {
        msg.push_str(&format!(" (X-CasErrorCode: {code})"));
    }
    if let Some(d) = retry_after {
        msg.push_str(&format!(", retry after {d:?}"));
    }
    if !snippet.is_empty() {
        msg.push_str(&format!(": {snippet}"));
    }
    if status >= 500 {
        msg.push_str("; the operation may have executed");
    }
    msg
}

fn schemes(challenges: &[String]) -> String {
    if challenges.is_empty() {
        return "no scheme named".into();
    }
    challenges
        .iter()
        .map(|c| c.split_whitespace().next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `; X-CasErrorCode: …` when the server sent one.
fn cas_suffix(code: Option<&str>) -> String {
    code.map(|c| format!("; X-CasErrorCode: {c}"))
        .unwrap_or_default()
}
