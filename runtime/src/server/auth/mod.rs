//! Pluggable authentication: what an authenticator sees of a request,
//! what it may answer, and the two the crate provides.
//!
//! A [`Router`](super::Router) asks every authenticator it was given, in
//! the order given, and each answers one of:
//!
//! - `Ok(Some(identity))`: the credentials it looks for are there and
//!   good. The first identity is the caller's ([`CallContext::identity`](super::CallContext::identity));
//! - `Ok(None)`: the credentials it looks for are not there, and it does
//!   not insist on them;
//! - `Err(refusal)`: they are there and wrong, or they are missing and it
//!   is `required`. The request is answered with the refusal, and the
//!   operation does not run.
//!
//! So stacked authenticators each check what they are given: a `required`
//! one must be satisfied whatever the others said, and credentials that
//! are sent must be right even when another authenticator already
//! accepted the caller.
//!
//! Authenticators that do not read the envelope
//! ([`Authenticate::needs_envelope`] false, as [`BasicAuth`]) run before
//! the request body is read, so that an unauthenticated client cannot make
//! the server read (up to the body limit) and parse what it sends; the
//! others run once the envelope is read and its `mustUnderstand` header
//! entries are checked, before the body element is read.

mod basic;
mod entries;
mod username_token;

use std::cell::OnceCell;
use std::net::SocketAddr;
use std::time::Duration;

use http::HeaderMap;

pub use basic::BasicAuth;
pub use entries::HeaderEntry;
pub use username_token::UsernameTokenAuth;

use super::Identity;
use crate::soap::{Fault, SoapVersion};
use crate::xml::{Name, ReadError};

/// Checks the credentials of a request. See the [module docs](self) for
/// how the answers of several combine.
///
/// A closure `Fn(&AuthRequest<'_>) -> Result<Option<Identity>, AuthError>`
/// is an authenticator that reads the envelope.
pub trait Authenticate: Send + Sync + 'static {
    fn authenticate(&self, request: &AuthRequest<'_>) -> Result<Option<Identity>, AuthError>;

    /// Whether [`Self::authenticate`] reads the SOAP envelope. When false
    /// it is called before the body is read, and
    /// [`AuthRequest::envelope`] is `None`. Default true.
    fn needs_envelope(&self) -> bool {
        true
    }

    /// The header entries this authenticator processes: a request that
    /// marks them `mustUnderstand` is not refused for the operation not
    /// declaring them. Default none.
    fn understands(&self) -> &[Name] {
        &[]
    }
}

impl<F> Authenticate for F
where
    F: Fn(&AuthRequest<'_>) -> Result<Option<Identity>, AuthError> + Send + Sync + 'static,
{
    fn authenticate(&self, request: &AuthRequest<'_>) -> Result<Option<Identity>, AuthError> {
        self(request)
    }
}

/// Why an authenticator refuses a request, as the answer to send.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum AuthError {
    /// A SOAP fault, sent in the request's version (converted with
    /// [`Fault::with_version`]) and with its [`Fault::http_status`].
    Fault(Box<Fault>),
    /// HTTP 401 with these `WWW-Authenticate` challenges, and no SOAP
    /// body: what an HTTP authentication scheme answers.
    Unauthorized { challenges: Vec<String> },
    /// HTTP 503: the credentials cannot be checked now (a full replay
    /// cache), and may pass later; `Retry-After` when given.
    Unavailable { retry_after: Option<Duration> },
}

impl From<Fault> for AuthError {
    fn from(fault: Fault) -> Self {
        Self::Fault(Box::new(fault))
    }
}

/// What an authenticator sees of a request.
pub struct AuthRequest<'a> {
    version: SoapVersion,
    soap_action: Option<&'a str>,
    headers: &'a HeaderMap,
    remote_addr: Option<SocketAddr>,
    envelope: Option<&'a [u8]>,
    entries: OnceCell<Result<Vec<HeaderEntry>, ReadError>>,
}

impl<'a> AuthRequest<'a> {
    pub(in crate::server) fn new(
        version: SoapVersion,
        soap_action: Option<&'a str>,
        headers: &'a HeaderMap,
        remote_addr: Option<SocketAddr>,
        envelope: Option<&'a [u8]>,
    ) -> Self {
        Self {
            version,
            soap_action,
            headers,
            remote_addr,
            envelope,
            entries: OnceCell::new(),
        }
    }

    /// The SOAP version of the request, by its content type (the envelope
    /// agrees with it by the time [`Self::envelope`] is set).
    pub fn version(&self) -> SoapVersion {
        self.version
    }

    /// The action the request carries, if any.
    pub fn soap_action(&self) -> Option<&'a str> {
        self.soap_action
    }

    /// The HTTP headers.
    pub fn headers(&self) -> &'a HeaderMap {
        self.headers
    }

    pub fn remote_addr(&self) -> Option<SocketAddr> {
        self.remote_addr
    }

    /// The whole request envelope as received; `None` for an
    /// authenticator that runs before the body is read.
    pub fn envelope(&self) -> Option<&'a [u8]> {
        self.envelope
    }

    /// The entries of the envelope's `Header`, each as self-contained XML
    /// (in document order; empty without a header, or before the body is
    /// read). Parsed on first use.
    pub fn header_entries(&self) -> Result<&[HeaderEntry], &ReadError> {
        let entries = self.entries.get_or_init(|| match self.envelope {
            Some(envelope) => entries::read_entries(envelope),
            None => Ok(Vec::new()),
        });
        entries.as_deref()
    }
}
