//! Generation of a new random PIN for ResetPIN.
//!
//! Digits come from the operating system's CSPRNG. A byte is turned into a
//! digit only when it is below 250 (the largest multiple of 10 that fits in a
//! byte) and is otherwise drawn again, so every digit is exactly equally likely
//! (no modulo bias). A candidate must satisfy the policy and differ from every
//! PIN the caller passes to avoid (the current PIN and the history); those are
//! stored only as salted hashes, so each comparison re-hashes the candidate
//! with that entry's salt.

use crate::hash::{self, HashError, SecretHash};
use crate::policy::PinPolicy;
use crate::secret::Secret;

/// Upper bound on candidates tried before giving up.
///
/// With the smallest policy (4 digits) fewer than 100 of the 10,000 PINs are
/// excluded by patterns, the extension and a full history, so reaching this
/// bound means the random source is broken, not that the policy is tight.
pub const MAX_ATTEMPTS: usize = 1_000;

/// Why no PIN could be generated.
#[derive(Debug, thiserror::Error)]
pub enum PinGenerationError {
    #[error("the operating system's random number generator failed: {0}")]
    Random(getrandom::Error),
    #[error("comparing a candidate PIN with the PIN history failed: {0}")]
    Hash(#[from] HashError),
    #[error("no PIN satisfying the policy and the history was found in {attempts} attempts")]
    Exhausted { attempts: usize },
}

/// Generates a PIN of `MinPINLength` digits that satisfies `policy` for a user
/// with `extension` and matches none of the hashes in `avoid`.
pub fn generate(
    policy: &PinPolicy,
    extension: Option<&str>,
    avoid: &[SecretHash],
) -> Result<Secret, PinGenerationError> {
    generate_from(getrandom::fill, policy, extension, avoid)
}

/// [`generate`] with the random source injected, so tests can exercise the
/// bounded-attempts path with a source that never yields an acceptable PIN.
pub(crate) fn generate_from(
    mut fill: impl FnMut(&mut [u8]) -> Result<(), getrandom::Error>,
    policy: &PinPolicy,
    extension: Option<&str>,
    avoid: &[SecretHash],
) -> Result<Secret, PinGenerationError> {
    let mut digits = DigitSource::new(&mut fill);
    for _ in 0..MAX_ATTEMPTS {
        let mut candidate = String::with_capacity(policy.min_pin_length());
        for _ in 0..policy.min_pin_length() {
            candidate.push(char::from(b'0' + digits.next()?));
        }
        let candidate = Secret::new(candidate);
        if policy.check(candidate.expose(), extension).is_err() {
            continue;
        }
        if !matches_any(&candidate, avoid)? {
            return Ok(candidate);
        }
    }
    Err(PinGenerationError::Exhausted {
        attempts: MAX_ATTEMPTS,
    })
}

fn matches_any(candidate: &Secret, avoid: &[SecretHash]) -> Result<bool, HashError> {
    for stored in avoid {
        if hash::verify(candidate.expose().as_bytes(), stored)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Unbiased decimal digits from a byte source, buffered to limit system calls.
struct DigitSource<'a, F> {
    fill: &'a mut F,
    buf: [u8; 64],
    pos: usize,
}

impl<'a, F: FnMut(&mut [u8]) -> Result<(), getrandom::Error>> DigitSource<'a, F> {
    fn new(fill: &'a mut F) -> Self {
        Self {
            fill,
            buf: [0; 64],
            pos: 64,
        }
    }

    fn next(&mut self) -> Result<u8, PinGenerationError> {
        // A broken source that only yields bytes >= 250 must not spin forever.
        for _ in 0..MAX_ATTEMPTS {
            if self.pos == self.buf.len() {
                (self.fill)(&mut self.buf).map_err(PinGenerationError::Random)?;
                self.pos = 0;
            }
            let byte = self.buf[self.pos];
            self.pos += 1;
            if byte < 250 {
                return Ok(byte % 10);
            }
        }
        Err(PinGenerationError::Exhausted {
            attempts: MAX_ATTEMPTS,
        })
    }
}

#[cfg(test)]
mod tests;
