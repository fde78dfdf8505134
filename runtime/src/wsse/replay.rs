//! The nonces seen within their lifetime, shared by every connection.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

/// Why [`ReplayCache::record`] refused a nonce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayRefusal {
    /// The nonce is in the cache: the message is a replay.
    Seen,
    /// The cache is full of unexpired nonces (see the module docs for why
    /// this refuses rather than forgets one).
    Full,
}

/// A bounded, thread-safe set of nonces, each kept until its expiry.
///
/// The capacity is a hard bound: expired entries are dropped to make room,
/// and when none has expired a new nonce is refused
/// ([`ReplayRefusal::Full`]), never an old one forgotten.
pub struct ReplayCache {
    capacity: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    seen: HashSet<Box<[u8]>>,
    /// The same nonces by expiry, soonest first, so that dropping the
    /// expired ones costs a heap pop each instead of a scan of the set.
    by_expiry: BinaryHeap<Reverse<(SystemTime, Box<[u8]>)>>,
}

impl ReplayCache {
    /// Room for 100 000 nonces: a sustained 333 authenticated requests a
    /// second over the default five-minute window, and at most 13 MB of
    /// nonces of the largest size accepted.
    pub const DEFAULT_CAPACITY: usize = 100_000;

    pub fn new(capacity: usize) -> Self {
        Self {
            capacity,
            inner: Mutex::new(Inner::default()),
        }
    }

    /// Records `nonce` as used until `expires`, unless it is already
    /// recorded or there is no room. Entries expired at `now` are dropped
    /// first. Checking and recording are one step under the lock, so two
    /// connections presenting the same nonce at once cannot both pass.
    pub fn record(
        &self,
        nonce: &[u8],
        expires: SystemTime,
        now: SystemTime,
    ) -> Result<(), ReplayRefusal> {
        let mut inner = self.lock();
        inner.drop_expired(now);
        if inner.seen.contains(nonce) {
            return Err(ReplayRefusal::Seen);
        }
        if inner.seen.len() >= self.capacity {
            return Err(ReplayRefusal::Full);
        }
        let key: Box<[u8]> = nonce.into();
        inner.seen.insert(key.clone());
        inner.by_expiry.push(Reverse((expires, key)));
        Ok(())
    }

    /// How many nonces are held, expired ones not yet dropped included.
    pub fn len(&self) -> usize {
        self.lock().seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// A panic elsewhere while the lock was held cannot leave the set and
    /// the heap disagreeing in a way that matters (at worst a nonce is in
    /// the set without an expiry and is kept for good), so a poisoned lock
    /// is used as it is rather than taking every later request down.
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for ReplayCache {
    fn default() -> Self {
        Self::new(Self::DEFAULT_CAPACITY)
    }
}

impl fmt::Debug for ReplayCache {
    /// Counts only: the nonces themselves are not for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReplayCache")
            .field("len", &self.len())
            .field("capacity", &self.capacity)
            .finish()
    }
}

impl Inner {
    fn drop_expired(&mut self, now: SystemTime) {
        while let Some(Reverse((expires, _))) = self.by_expiry.peek() {
            if *expires > now {
                break;
            }
            if let Some(Reverse((_, nonce))) = self.by_expiry.pop() {
                self.seen.remove(&nonce);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::{Duration, UNIX_EPOCH};

    fn t(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_800_000_000 + secs)
    }

    #[test]
    fn refuses_a_nonce_until_it_expires() {
        let cache = ReplayCache::new(10);
        assert_eq!(cache.record(b"a", t(300), t(0)), Ok(()));
        assert_eq!(cache.record(b"a", t(300), t(1)), Err(ReplayRefusal::Seen));
        assert_eq!(cache.record(b"a", t(600), t(299)), Err(ReplayRefusal::Seen));
        // At its expiry it is dropped, and the nonce may be recorded again.
        assert_eq!(cache.record(b"a", t(600), t(300)), Ok(()));
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn when_full_refuses_rather_than_forgets() {
        let cache = ReplayCache::new(2);
        assert_eq!(cache.record(b"a", t(100), t(0)), Ok(()));
        assert_eq!(cache.record(b"b", t(200), t(0)), Ok(()));
        assert_eq!(cache.record(b"c", t(300), t(50)), Err(ReplayRefusal::Full));
        // Nothing was forgotten to make room.
        assert_eq!(cache.record(b"a", t(300), t(50)), Err(ReplayRefusal::Seen));
        assert_eq!(cache.record(b"b", t(300), t(50)), Err(ReplayRefusal::Seen));
        // Once "a" expires there is room for one.
        assert_eq!(cache.record(b"c", t(300), t(100)), Ok(()));
        assert_eq!(cache.record(b"d", t(300), t(100)), Err(ReplayRefusal::Full));
    }

    #[test]
    fn one_winner_among_threads() {
        let cache = Arc::new(ReplayCache::new(100));
        let winners: usize = (0..8)
            .map(|_| {
                let cache = Arc::clone(&cache);
                std::thread::spawn(move || cache.record(b"same", t(300), t(0)).is_ok())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|h| usize::from(h.join().unwrap_or(false)))
            .sum();
        assert_eq!(winners, 1);
    }

    #[test]
    fn debug_shows_no_nonce() {
        let cache = ReplayCache::new(3);
        assert_eq!(cache.record(b"nonce-bytes", t(1), t(0)), Ok(()));
        let debug = format!("{cache:?}");
        assert_eq!(debug, "ReplayCache { len: 1, capacity: 3 }");
    }
}
