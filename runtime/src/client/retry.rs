//! When a failed call is sent again.
//!
//! The client decides *whether* a failure may be retried at all (see the
//! rule in the [module docs](super)); a [`RetryPolicy`] only decides, for a
//! failure that may be retried, whether to do so and after how long. So no
//! policy, however written, can resend a request that may have run.

use std::fmt;
use std::time::Duration;

use crate::error::Error;

/// Why a failure may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryReason {
    /// No connection could be made: the server has not seen the request.
    NotSent,
    /// The server asked to be called again later (`ErrorServerBusy`, or 503
    /// with `Retry-After`), with the delay it named if it named one. Given
    /// only for operations that are safe to retry.
    Throttled { server_hint: Option<Duration> },
}

/// What the client tells a policy about a failed attempt.
#[derive(Debug)]
pub struct RetryContext<'a> {
    pub operation: &'static str,
    pub safe_to_retry: bool,
    /// Attempts made so far, counting the one that failed (1 after the
    /// first failure).
    pub attempts: u32,
    /// Time since the call started.
    pub elapsed: Duration,
    pub reason: RetryReason,
    pub error: &'a Error,
}

/// Chooses whether and when to send again a request that may be retried.
pub trait RetryPolicy: Send + Sync + fmt::Debug {
    /// The delay before the next attempt, or `None` to give up and return
    /// the error.
    fn next_delay(&self, ctx: &RetryContext<'_>) -> Option<Duration>;
}

/// Bounded attempts with exponential back-off for connection failures,
/// the server's own delay for throttling, and an overall deadline.
#[derive(Debug, Clone)]
pub struct DefaultRetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// No attempt starts later than this after the call started.
    pub deadline: Duration,
    /// First delay after a connection failure; doubled at each attempt.
    pub base_delay: Duration,
    /// The delay used when a busy server names none.
    pub default_back_off: Duration,
    /// A server asking for a longer wait than this is not waited for: the
    /// caller gets the throttling error and its back-off instead.
    pub max_delay: Duration,
}

impl Default for DefaultRetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            deadline: Duration::from_secs(60),
            base_delay: Duration::from_millis(200),
            default_back_off: Duration::from_secs(1),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy for DefaultRetryPolicy {
    fn next_delay(&self, ctx: &RetryContext<'_>) -> Option<Duration> {
        if ctx.attempts >= self.max_attempts {
            return None;
        }
        let delay = match ctx.reason {
            RetryReason::NotSent => {
                let factor = 1u32
                    .checked_shl(ctx.attempts.saturating_sub(1))
                    .unwrap_or(u32::MAX);
                self.base_delay.saturating_mul(factor).min(self.max_delay)
            }
            RetryReason::Throttled { server_hint } => {
                let wait = server_hint.unwrap_or(self.default_back_off);
                if wait > self.max_delay {
                    return None;
                }
                wait
            }
        };
        (ctx.elapsed.saturating_add(delay) <= self.deadline).then_some(delay)
    }
}

/// Never retries.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoRetry;

impl RetryPolicy for NoRetry {
    fn next_delay(&self, _ctx: &RetryContext<'_>) -> Option<Duration> {
        None
    }
}

/// The rule no policy can override: which failures may be retried at all.
pub(crate) fn retry_reason(error: &Error, safe_to_retry: bool) -> Option<RetryReason> {
    match error {
        // Only a failed connect is both unsent and possibly transient;
        // configuration, encoding and token errors would fail again.
        Error::Connect { .. } => Some(RetryReason::NotSent),
        _ if safe_to_retry => error
            .throttle_hint()
            .map(|server_hint| RetryReason::Throttled { server_hint }),
        _ => None,
    }
}
