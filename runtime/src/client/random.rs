//! Cheap randomness for retry jitter and request ids.
//!
//! The standard library's `RandomState` takes its keys from the operating
//! system once per thread and changes them for every instance, so hashing
//! a process-wide counter with a fresh one gives values that differ from
//! call to call and from process to process, without a system call or a
//! dependency. Good enough to spread retries and to tell calls apart; not
//! for secrets.

use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

pub(crate) fn random_u64() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.finish()
}

/// A number in `[0, 1)`.
pub(crate) fn random_unit() -> f64 {
    // The top 53 bits fill an f64's mantissa exactly.
    (random_u64() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_differ_and_units_stay_in_range() {
        let values: Vec<u64> = (0..64).map(|_| random_u64()).collect();
        let mut unique = values.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), values.len());
        assert!(
            (0..1000)
                .map(|_| random_unit())
                .all(|u| (0.0..1.0).contains(&u))
        );
    }
}
