//! The time calls are planned and read at, injectable so that tests control it.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Milliseconds since the UNIX epoch, as stored in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// `self + duration`, saturating rather than overflowing.
    pub fn after(self, duration: Duration) -> Self {
        let millis = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        Self(self.0.saturating_add(millis))
    }
}

/// A source of the current time.
pub trait Clock: Send + Sync + fmt::Debug {
    fn now(&self) -> Timestamp;
}

/// The operating system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        // A clock set before 1970 reads as the epoch: calls still progress
        // once it is corrected, they only last longer.
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        Timestamp(i64::try_from(since.as_millis()).unwrap_or(i64::MAX))
    }
}

/// A clock that moves only when told to; clones share the same time.
#[derive(Debug, Clone)]
pub struct ManualClock {
    millis: Arc<AtomicI64>,
}

impl ManualClock {
    /// A clock standing at `start`.
    pub fn new(start: Timestamp) -> Self {
        Self {
            millis: Arc::new(AtomicI64::new(start.0)),
        }
    }

    /// Moves the clock forward by `duration`.
    pub fn advance(&self, duration: Duration) {
        let step = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        // `fetch_update` cannot fail with a closure that always returns Some.
        let _ = self
            .millis
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
                Some(now.saturating_add(step))
            });
    }

    /// Puts the clock at `at`.
    pub fn set(&self, at: Timestamp) {
        self.millis.store(at.0, Ordering::SeqCst);
    }
}

impl Default for ManualClock {
    /// 2024-01-01T00:00:00Z: any fixed point will do.
    fn default() -> Self {
        Self::new(Timestamp(1_704_067_200_000))
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.millis.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_clones_share_it() {
        let clock = ManualClock::default();
        let other = clock.clone();
        let start = clock.now();
        clock.advance(Duration::from_millis(1500));
        assert_eq!(other.now(), start.after(Duration::from_millis(1500)));
        other.set(Timestamp(7));
        assert_eq!(clock.now(), Timestamp(7));
    }

    #[test]
    fn timestamps_saturate() {
        assert_eq!(
            Timestamp(i64::MAX - 1).after(Duration::from_secs(1)),
            Timestamp(i64::MAX)
        );
        assert!(SystemClock.now() > Timestamp(1_704_067_200_000));
    }
}
