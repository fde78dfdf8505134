//! When a failed call is sent again.
//!
//! The client decides *whether* a failure may be retried at all (see the
//! rule in the [module docs](super)); a [`RetryPolicy`] only decides, for a
//! failure that may be retried, whether to do so and after how long. So no
//! policy, however written, can resend a request that may have run. The
//! client also keeps two bounds no policy can lift: it never waits less
//! than the back-off a throttling server named, and never waits past the
//! call timeout.

use std::fmt;
use std::time::Duration;

use crate::error::Error;

use super::random::random_unit;

/// Why a failure may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryReason {
    /// No connection could be made: the server has not seen the request.
    NotSent,
    /// The server asked to be called again later (`ErrorServerBusy`, or
    /// 503 or 429 with `Retry-After`), with the delay it named if it named
    /// one. Given only for operations that are safe to retry.
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
    /// Time left before the call timeout. A delay this long or longer ends
    /// the call with the error instead of waiting.
    pub remaining: Duration,
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
/// the server's own delay for throttling, jitter, and an overall deadline.
///
/// - No more than [`max_attempts`](Self::max_attempts) attempts in all.
/// - After a connection failure, waits `base_delay * 2^(n-1)` after the
///   `n`th attempt, at most [`max_delay`](Self::max_delay).
/// - When throttled, waits the server's back-off (`BackOffMilliseconds`
///   or `Retry-After`), or [`default_back_off`](Self::default_back_off)
///   when it names none; a back-off longer than `max_delay` is not waited
///   for.
/// - Adds up to [`jitter`](Self::jitter) times the delay at random, so
///   that clients throttled together do not come back together. Jitter
///   only lengthens a delay: the server's back-off is a floor.
/// - Gives up, returning the error at once, when the wait would end later
///   than [`deadline`](Self::deadline) after the call started (jitter is
///   cut short to fit rather than causing that).
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
    /// At most this fraction of a delay is added to it at random (0 for
    /// none). Values outside `0..=1` are clamped.
    pub jitter: f64,
}

impl Default for DefaultRetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            deadline: Duration::from_secs(60),
            base_delay: Duration::from_millis(200),
            default_back_off: Duration::from_secs(1),
            max_delay: Duration::from_secs(30),
            jitter: 0.2,
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
        let left = self.deadline.checked_sub(ctx.elapsed)?;
        if delay > left {
            return None;
        }
        Some(with_jitter(delay, self.jitter).min(left))
    }
}

/// `delay` plus a random part of at most `fraction` of it.
fn with_jitter(delay: Duration, fraction: f64) -> Duration {
    let fraction = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let extra = Duration::try_from_secs_f64(delay.as_secs_f64() * fraction * random_unit())
        .unwrap_or(Duration::ZERO);
    delay.saturating_add(extra)
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
        Error::Connect { .. } | Error::ConnectTimeout { .. } => Some(RetryReason::NotSent),
        _ if safe_to_retry => error
            .throttle_hint()
            .map(|server_hint| RetryReason::Throttled { server_hint }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(error: &Error, attempts: u32, elapsed_ms: u64, reason: RetryReason) -> RetryContext<'_> {
        RetryContext {
            operation: "IsUMEnabled",
            safe_to_retry: true,
            attempts,
            elapsed: Duration::from_millis(elapsed_ms),
            remaining: Duration::from_secs(100),
            reason,
            error,
        }
    }

    #[test]
    fn delays_grow_are_jittered_and_respect_the_server_and_the_deadline() {
        let policy = DefaultRetryPolicy::default();
        let error = Error::Config(String::new());
        let not_sent =
            |attempts| policy.next_delay(&ctx(&error, attempts, 0, RetryReason::NotSent));
        for _ in 0..100 {
            let first = not_sent(1).unwrap();
            assert!((200..=240).contains(&first.as_millis()), "{first:?}");
            let second = not_sent(2).unwrap();
            assert!((400..=480).contains(&second.as_millis()), "{second:?}");
        }
        assert_eq!(not_sent(3), None, "3 attempts in all");

        let busy = |hint_ms, elapsed_ms| {
            let reason = RetryReason::Throttled {
                server_hint: Some(Duration::from_millis(hint_ms)),
            };
            policy.next_delay(&ctx(&error, 1, elapsed_ms, reason))
        };
        for _ in 0..100 {
            let d = busy(5_000, 0).unwrap();
            assert!((5_000..=6_000).contains(&d.as_millis()), "{d:?}");
        }
        assert_eq!(busy(31_000, 0), None, "longer than max_delay");
        assert_eq!(busy(5_000, 56_000), None, "would end after the deadline");
        // Jitter is cut to the deadline, never below the server's back-off.
        let d = busy(5_000, 54_900).unwrap();
        assert!((5_000..=5_100).contains(&d.as_millis()), "{d:?}");
    }

    #[test]
    fn odd_jitter_values_do_not_panic() {
        for jitter in [f64::NAN, f64::INFINITY, -1.0, 7.0] {
            let d = with_jitter(Duration::MAX, jitter);
            assert!(d >= Duration::from_secs(u64::MAX));
            let d = with_jitter(Duration::from_millis(100), jitter);
            assert!(d >= Duration::from_millis(100) && d <= Duration::from_millis(200));
        }
    }

    #[test]
    fn only_unsent_and_throttled_failures_qualify() {
        let connect = Error::Connect {
            detail: "refused".into(),
        };
        assert_eq!(retry_reason(&connect, false), Some(RetryReason::NotSent));
        let lost = Error::ConnectionLost {
            detail: "reset".into(),
        };
        assert_eq!(retry_reason(&lost, true), None);
        let timeout = Error::Timeout {
            timeout: Duration::from_secs(1),
        };
        assert_eq!(retry_reason(&timeout, true), None);
        let unavailable = Error::Http {
            status: 503,
            snippet: String::new(),
            challenges: Vec::new(),
            cas_error_code: None,
            retry_after: Some(Duration::from_secs(2)),
        };
        assert_eq!(
            retry_reason(&unavailable, true),
            Some(RetryReason::Throttled {
                server_hint: Some(Duration::from_secs(2))
            })
        );
        assert_eq!(retry_reason(&unavailable, false), None);
    }
}
