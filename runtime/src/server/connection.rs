//! One connection: hyper's HTTP/1.1 state machine over the TCP stream,
//! with the remote address on every request, graceful shutdown, and the
//! idle timeout hyper does not have.
//!
//! Idleness is "no request being handled, and no byte read or written":
//! the stream is wrapped to note the time of each read and write, and
//! the requests in progress are counted. An idle connection is first
//! asked to close gracefully (which closes it at once between requests);
//! one still open a further idle period later, with a peer that neither
//! reads what it is sent nor sends anything, is dropped.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::Instant;

use super::{RemoteAddr, SoapService};

/// What the connection's parts share to tell whether it is idle.
struct Activity {
    /// The connection's start, the origin of `last`.
    origin: Instant,
    /// When a byte was last read or written, in milliseconds since
    /// `origin`.
    last: AtomicU64,
    /// Requests being handled.
    in_flight: AtomicUsize,
}

impl Activity {
    fn touch(&self) {
        let now = u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.store(now, Ordering::Relaxed);
    }

    /// When the connection was last active (now, while a request is
    /// handled).
    fn last_active(&self) -> Instant {
        if self.in_flight.load(Ordering::Relaxed) > 0 {
            return Instant::now();
        }
        self.origin + Duration::from_millis(self.last.load(Ordering::Relaxed))
    }
}

/// Counts a request as in progress while it lives.
struct InFlight(Arc<Activity>);

impl InFlight {
    fn new(activity: &Arc<Activity>) -> Self {
        activity.in_flight.fetch_add(1, Ordering::Relaxed);
        Self(Arc::clone(activity))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The TCP stream, noting its activity.
struct Watched {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// Serves the requests of one connection until either side closes it,
/// `stopping` turns true (then gracefully), or it is idle too long.
pub(super) async fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    service: SoapService,
    mut stopping: watch::Receiver<bool>,
) {
    let limits = *service.limits();
    let activity = Arc::new(Activity {
        origin: Instant::now(),
        last: AtomicU64::new(0),
        in_flight: AtomicUsize::new(0),
    });
    let watched = Watched {
        stream,
        activity: Arc::clone(&activity),
    };
    let for_requests = Arc::clone(&activity);
    let handler = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(RemoteAddr(peer));
        let in_flight = InFlight::new(&for_requests);
        let service = service.clone();
        async move {
            let response = service.handle(request).await;
            drop(in_flight);
            Ok::<_, std::convert::Infallible>(response)
        }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    let connection = builder.serve_connection(TokioIo::new(watched), handler);
    let mut connection = std::pin::pin!(connection);

    let mut draining = false;
    // When the connection was asked to close for idleness: the next idle
    // period counts from then.
    let mut closed_idle: Option<Instant> = None;
    if *stopping.borrow_and_update() {
        connection.as_mut().graceful_shutdown();
        draining = true;
    }
    loop {
        let idle_since = || {
            let last = activity.last_active();
            closed_idle.map_or(last, |at| at.max(last))
        };
        let idle_deadline = limits.idle_timeout.map(|idle| idle_since() + idle);
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(%peer, %error, "connection ended with an error");
                }
                return;
            }
            changed = stopping.changed(), if !draining => {
                // A dropped sender is a shutdown too.
                let _ = changed;
                draining = true;
                connection.as_mut().graceful_shutdown();
            }
            () = sleep_until(idle_deadline) => {
                let Some(idle) = limits.idle_timeout else { continue };
                if idle_since() + idle > Instant::now() {
                    continue;
                }
                if closed_idle.is_some() {
                    tracing::debug!(%peer, "dropping a connection idle past its graceful close");
                    return;
                }
                tracing::debug!(%peer, "closing an idle connection");
                closed_idle = Some(Instant::now());
                draining = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}

/// Sleeps until `deadline`, or forever without one.
async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}
