//! The accept loop: one hyper HTTP/1.1 connection per TCP stream, until
//! told to shut down, then a bounded wait for the requests in progress.

use std::future::Future;
use std::io;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::SoapService;
use super::connection::serve_connection;

/// How long to wait after an accept error (most often: out of file
/// descriptors) before accepting again, rather than spinning.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Serves `service` on every connection `listener` accepts, until
/// `shutdown` completes. Then it stops accepting, lets each connection
/// finish the request it is handling (closing idle ones at once), waits
/// for them up to [`Limits::shutdown_grace`](super::Limits::shutdown_grace),
/// closes those still open, and returns.
///
/// Each connection is HTTP/1.1 with keep-alive, under the service's
/// [`Limits`](super::Limits): `header_read_timeout` (hyper's, on its tokio
/// timer) and `idle_timeout`; `body_read_timeout` and `max_body_bytes`
/// are the service's own. Each request carries the peer's
/// [`RemoteAddr`](super::RemoteAddr).
///
/// Errors accepting a connection are logged and accepting goes on, so the
/// result is `Ok` once shut down.
pub async fn serve(
    listener: TcpListener,
    service: SoapService,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let (stop, stopping) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    connections.spawn(serve_connection(
                        stream,
                        peer,
                        service.clone(),
                        stopping.clone(),
                    ));
                }
                Err(error) => {
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                }
            },
            () = &mut shutdown => break,
            // Reaps finished connections, so the set holds open ones only.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    // An error only means that no connection is listening any more.
    let _ = stop.send(true);
    let grace = service.limits().shutdown_grace;
    let drained = tokio::time::timeout(grace, async {
        while connections.join_next().await.is_some() {}
    });
    if drained.await.is_err() {
        tracing::warn!(
            open = connections.len(),
            "connections still open after the shutdown grace are closed"
        );
        connections.shutdown().await;
    }
    Ok(())
}
