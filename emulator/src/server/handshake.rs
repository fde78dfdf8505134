//! The TLS handshake of an accepted connection, when the emulator serves
//! HTTPS. It runs in the connection's own task, so that a slow or silent
//! client holds up nobody else.

use std::time::Duration;

use axum::Router;
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;

use super::accept::serve_connection;
use crate::auth::ConnectionAuth;

/// The acceptor when serving HTTPS, `None` for plain HTTP.
pub(super) type Tls = Option<TlsAcceptor>;

/// A client that has not finished its handshake by then is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `stream` as plain HTTP, or as HTTPS after the handshake.
pub(super) async fn serve_stream(
    stream: TcpStream,
    tls: Tls,
    auth: ConnectionAuth,
    router: Router,
    shutdown: watch::Receiver<bool>,
) {
    let Some(acceptor) = tls else {
        return serve_connection(stream, auth, router, shutdown).await;
    };
    match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
        Ok(Ok(stream)) => serve_connection(stream, auth, router, shutdown).await,
        // A client that does not trust the certificate ends here too.
        Ok(Err(error)) => tracing::debug!(%error, "TLS handshake failed"),
        Err(_) => tracing::debug!("TLS handshake timed out"),
    }
}
