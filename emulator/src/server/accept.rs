//! The accept loop: one hyper HTTP/1.1 connection per TCP stream, with two
//! things `axum::serve` does not offer: graceful shutdown that we can await,
//! and a per-connection switch that closes the TCP stream from inside a
//! handler without writing a response ([`ConnectionControl`]), which is how the
//! emulator simulates an answer lost after the server committed its work.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tower::ServiceExt as _;

use super::handshake::{self, Tls};
use crate::auth::ConnectionAuth;

/// How long shutdown waits for in-flight requests before cutting them off.
const GRACE: Duration = Duration::from_secs(5);

/// Handed to every request of a connection (as a request extension).
#[derive(Debug, Clone, Default)]
pub struct ConnectionControl {
    kill: Arc<Notify>,
}

impl ConnectionControl {
    /// Closes this request's TCP connection without answering. The handler
    /// should then wait forever: its future is dropped with the connection.
    pub fn drop_connection(&self) {
        // notify_one keeps a permit if the connection task is not waiting yet.
        self.kill.notify_one();
    }
}

/// Serves `router` on `listener` until `shutdown` turns true or its sender is
/// dropped, then waits up to [`GRACE`] for open connections to finish.
pub(super) async fn serve(
    listener: TcpListener,
    router: Router,
    tls: Tls,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let auth = ConnectionAuth::new(peer);
                    connections.spawn(handshake::serve_stream(stream, tls.clone(), auth, router.clone(), shutdown.clone()));
                }
                Err(error) => {
                    // Usually out of file descriptors: back off instead of spinning.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            _ = shutdown.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let drained = tokio::time::timeout(GRACE, async {
        while connections.join_next().await.is_some() {}
    });
    if drained.await.is_err() {
        tracing::warn!("connections still open after the grace period are closed");
    }
}

/// `auth` is the connection's authentication state (NTLM authenticates the
/// connection), handed to each of its requests like the control.
pub(super) async fn serve_connection<S>(
    stream: S,
    auth: ConnectionAuth,
    router: Router,
    mut shutdown: watch::Receiver<bool>,
) where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let control = ConnectionControl::default();
    let for_requests = control.clone();
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(for_requests.clone());
        request.extensions_mut().insert(auth.clone());
        router.clone().oneshot(request)
    });
    let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    let mut draining = *shutdown.borrow_and_update();
    if draining {
        connection.as_mut().graceful_shutdown();
    }
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(%error, "connection ended with an error");
                }
                return;
            }
            () = control.kill.notified() => {
                // Returning drops the connection and with it the TCP stream.
                tracing::debug!("closing the connection without a response, as injected");
                return;
            }
            _ = shutdown.changed(), if !draining => {
                draining = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}
