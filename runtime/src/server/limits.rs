//! How much a request may take of the server: bytes and time.

use std::time::Duration;

/// The bounds a [`SoapService`](super::SoapService) and
/// [`serve`](super::serve) hold every request and connection to. The
/// fields are public; start from [`Limits::default`]:
///
/// ```
/// # use std::time::Duration;
/// # use xsdgen_runtime::server::Limits;
/// let limits = Limits {
///     max_body_bytes: 64 * 1024,
///     body_read_timeout: Some(Duration::from_secs(5)),
///     ..Limits::default()
/// };
/// # assert_eq!(limits.idle_timeout, Limits::default().idle_timeout);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest request body read. A request that declares a longer
    /// `Content-Length` is answered with 413 before any of its body is
    /// read; a chunked one, as soon as it passes the bound. Default 4 MiB.
    pub max_body_bytes: usize,
    /// How long a client has to send a request's head (the request line
    /// and headers), from the moment the connection waits for it; then
    /// the connection is closed (hyper's `header_read_timeout`). hyper
    /// starts this clock while a kept-alive connection waits for its next
    /// request too, so an idle connection is closed after this or
    /// [`Self::idle_timeout`], whichever is shorter. `None` for no bound.
    /// Default 30 s.
    pub header_read_timeout: Option<Duration>,
    /// How long reading a request's body may take, all of it; past this
    /// the request is answered with 408 and the connection closed.
    /// `None` for no bound. Default 60 s.
    pub body_read_timeout: Option<Duration>,
    /// How long a connection of [`serve`](super::serve) stays open with
    /// no request being handled and nothing read or written: this also
    /// closes a connection whose peer stopped reading an answer. `None`
    /// for no bound. Default 120 s.
    pub idle_timeout: Option<Duration>,
    /// How long [`serve`](super::serve), once told to shut down, waits
    /// for the requests in progress before closing their connections.
    /// Default 10 s.
    pub shutdown_grace: Duration,
}

impl Limits {
    /// [`Self::max_body_bytes`] by default.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
            header_read_timeout: Some(Duration::from_secs(30)),
            body_read_timeout: Some(Duration::from_secs(60)),
            idle_timeout: Some(Duration::from_secs(120)),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}
