//! A connector layer that keeps new connections out of an NTLM handshake.
//!
//! hyper's pool races a new connection against the wait for an idle one
//! whenever no idle connection is ready at once. During an NTLM handshake
//! that race is harmful: the connection that carried the first leg is
//! about to become idle, and a fresh one that wins the race (or that is
//! pooled first) would carry the AUTHENTICATE message to a server that
//! never challenged it. The gate makes the fresh connection lose:
//!
//! - while a handshake holds its connection ([`ConnectionGate::hold`]), a
//!   connection attempt waits until the hold ends and then fails; one that
//!   completes during the hold is closed;
//! - for a moment after a call releases its connection
//!   ([`ConnectionGate::released`]), an attempt waits, so that the
//!   released connection can reach the pool first.
//!
//! A failed attempt that hyper started in the background only costs a log
//! line in hyper; one that a request really waited for (the held
//! connection was closed) fails that request with [`HeldBack`], and the
//! handshake starts over.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;
use tower::{Layer, Service};

/// How long an attempt made during a hold waits before failing, when the
/// hold does not end first: the held connection was closed, and the
/// handshake must start over.
const HOLD_LIMIT: Duration = Duration::from_secs(1);

/// How long after a release new connections wait for the released one to
/// be pooled. Pooling takes one task wake-up once the answer was read.
const RETURN_GRACE: Duration = Duration::from_millis(50);

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The error of a connection attempt the gate refused.
#[derive(Debug, thiserror::Error)]
#[error("connection attempt held back during an NTLM handshake")]
pub(super) struct HeldBack;

#[derive(Debug, Clone, Copy, Default)]
struct State {
    held: bool,
    returning_until: Option<Instant>,
}

/// Shared by the layer and the handshake of one client.
#[derive(Debug)]
pub(super) struct ConnectionGate {
    state: watch::Sender<State>,
}

impl Default for ConnectionGate {
    fn default() -> Self {
        Self {
            state: watch::Sender::new(State::default()),
        }
    }
}

impl ConnectionGate {
    /// Refuses new connections until the returned guard is dropped.
    pub(super) fn hold(self: &Arc<Self>) -> Hold {
        self.state.send_modify(|s| s.held = true);
        Hold { gate: self.clone() }
    }

    /// A call has read its answer: its connection is on its way back to
    /// the pool.
    pub(super) fn released(&self) {
        let until = Instant::now() + RETURN_GRACE;
        self.state.send_modify(|s| s.returning_until = Some(until));
    }

    fn is_held(&self) -> bool {
        self.state.borrow().held
    }

    /// Waits until a connection attempt may go ahead.
    async fn admit(&self) -> Result<(), HeldBack> {
        let mut state = self.state.subscribe();
        loop {
            let now = *state.borrow_and_update();
            if now.held {
                let ended = state.wait_for(|s| !s.held);
                let _ = tokio::time::timeout(HOLD_LIMIT, ended).await;
                return Err(HeldBack);
            }
            match now.returning_until {
                Some(until) if Instant::now() < until => {
                    tokio::select! {
                        () = tokio::time::sleep_until(until) => {}
                        changed = state.changed() => {
                            if changed.is_err() {
                                return Ok(());
                            }
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }
}

/// Ends a hold when dropped.
#[derive(Debug)]
pub(super) struct Hold {
    gate: Arc<ConnectionGate>,
}

impl Drop for Hold {
    fn drop(&mut self) {
        self.gate.state.send_modify(|s| s.held = false);
    }
}

/// The tower layer given to reqwest's `connector_layer`.
#[derive(Debug, Clone)]
pub(super) struct GateLayer {
    gate: Arc<ConnectionGate>,
}

impl GateLayer {
    pub(super) fn new(gate: Arc<ConnectionGate>) -> Self {
        Self { gate }
    }
}

impl<S> Layer<S> for GateLayer {
    type Service = GateService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        GateService {
            inner,
            gate: self.gate.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct GateService<S> {
    inner: S,
    gate: Arc<ConnectionGate>,
}

impl<S, R> Service<R> for GateService<S>
where
    S: Service<R, Error = BoxError> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Response: Send + 'static,
    R: Send + 'static,
{
    type Response = S::Response;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        // The clone that was polled ready is the one to call.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let gate = self.gate.clone();
        Box::pin(async move {
            gate.admit().await?;
            let connection = inner.call(request).await?;
            if gate.is_held() {
                // Dropping it closes the socket before anyone can use it.
                return Err(HeldBack.into());
            }
            Ok(connection)
        })
    }
}

/// Whether `error` (a reqwest error, through its sources) is a refusal of
/// the gate.
pub(super) fn is_held_back(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if e.is::<HeldBack>() {
            return true;
        }
        current = e.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn attempts_wait_out_a_hold_and_then_fail() {
        let gate = Arc::new(ConnectionGate::default());
        assert!(gate.admit().await.is_ok());
        let hold = gate.hold();
        let waiting = tokio::spawn({
            let gate = gate.clone();
            async move { gate.admit().await }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiting.is_finished());
        drop(hold);
        let result = waiting.await.expect("the task runs to completion");
        assert!(result.is_err());
        assert!(!gate.is_held());
    }

    #[tokio::test]
    async fn a_hold_that_does_not_end_fails_the_attempt_after_the_limit() {
        let gate = Arc::new(ConnectionGate::default());
        let _hold = gate.hold();
        let started = Instant::now();
        assert!(gate.admit().await.is_err());
        assert!(started.elapsed() >= HOLD_LIMIT);
    }

    #[tokio::test]
    async fn after_a_release_attempts_wait_for_the_grace_period() {
        let gate = Arc::new(ConnectionGate::default());
        gate.released();
        let started = Instant::now();
        assert!(gate.admit().await.is_ok());
        assert!(started.elapsed() >= RETURN_GRACE);
    }

    #[test]
    fn held_back_is_found_through_the_sources() {
        #[derive(Debug, thiserror::Error)]
        #[error("outer")]
        struct Outer(#[source] HeldBack);
        assert!(is_held_back(&Outer(HeldBack)));
        assert!(!is_held_back(&std::io::Error::other("x")));
    }
}
