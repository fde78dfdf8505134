//! Salted hashing of passwords and PINs with Argon2id.
//!
//! Both kinds of secret are stored as PHC strings
//! (`$argon2id$v=19$m=...,t=...,p=...$<salt>$<hash>`): the string carries the
//! algorithm, its cost parameters and the 16-byte random salt next to the hash,
//! so a stored value can be verified even after the defaults below change.
//!
//! # Cost parameters
//!
//! [`MEMORY_KIB`], [`ITERATIONS`] and [`LANES`] are far below the OWASP
//! recommendation (19 MiB, 2 passes). That is a deliberate trade-off for an
//! emulator: one ResetPIN hashes the new PIN once and verifies every candidate
//! against the current PIN and up to 20 history entries, and the test suites run
//! hundreds of resets. At these settings a hash costs well under a millisecond
//! in an optimized build, so 200 resets with a history of 20 finish in seconds.
//! The hashes are still salted, memory-hard Argon2id and compared in constant
//! time; a deployment that holds real secrets would raise the cost, which needs
//! no migration because every stored string names its own parameters.

use std::fmt;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// Memory cost in KiB (1 MiB).
pub const MEMORY_KIB: u32 = 1024;
/// Number of passes over the memory.
pub const ITERATIONS: u32 = 1;
/// Degree of parallelism.
pub const LANES: u32 = 1;

const SALT_LEN: usize = 16;

/// Why hashing or verification could not be carried out.
///
/// A wrong secret is not an error: [`verify`] answers `Ok(false)`.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("the operating system's random number generator failed: {0}")]
    Random(getrandom::Error),
    #[error("argon2 rejected its parameters: {0}")]
    Params(argon2::Error),
    #[error("hashing failed: {0}")]
    Hash(argon2::password_hash::Error),
    #[error("a stored hash is not a valid PHC string: {0}")]
    Malformed(argon2::password_hash::Error),
}

/// A salted Argon2id hash in PHC string form.
///
/// `Debug` is redacted: a hash is not the secret, but it is what an attacker
/// would brute-force offline, so it stays out of logs too.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretHash(String);

impl SecretHash {
    /// Wraps a PHC string read back from the store.
    pub fn from_phc(phc: String) -> Self {
        Self(phc)
    }

    /// The PHC string, for storing.
    pub fn as_phc(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretHash(<redacted>)")
    }
}

fn hasher() -> Result<Argon2<'static>, HashError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None).map_err(HashError::Params)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes `secret` with a fresh salt from the OS random number generator.
pub fn hash(secret: &[u8]) -> Result<SecretHash, HashError> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(HashError::Random)?;
    let salt = SaltString::encode_b64(&salt).map_err(HashError::Hash)?;
    let phc = hasher()?
        .hash_password(secret, &salt)
        .map_err(HashError::Hash)?;
    Ok(SecretHash(phc.to_string()))
}

/// Checks `secret` against `stored`, re-hashing with the stored salt and
/// parameters; the final comparison is constant-time (done by the argon2 crate).
pub fn verify(secret: &[u8], stored: &SecretHash) -> Result<bool, HashError> {
    let parsed = PasswordHash::new(stored.as_phc()).map_err(HashError::Malformed)?;
    match hasher()?.verify_password(secret, &parsed) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::Password) => Ok(false),
        Err(other) => Err(HashError::Hash(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_the_right_secret_and_rejects_others() -> Result<(), HashError> {
        let stored = hash(b"correct horse")?;
        assert!(verify(b"correct horse", &stored)?);
        assert!(!verify(b"correct hors", &stored)?);
        assert!(!verify(b"", &stored)?);
        Ok(())
    }

    #[test]
    fn salts_differ_between_hashes_of_the_same_secret() -> Result<(), HashError> {
        let a = hash(b"123456")?;
        let b = hash(b"123456")?;
        assert_ne!(a, b);
        assert!(verify(b"123456", &a)? && verify(b"123456", &b)?);
        Ok(())
    }

    #[test]
    fn stored_string_names_its_parameters_and_hides_in_debug() -> Result<(), HashError> {
        let stored = hash(b"secret")?;
        let expected = format!("$argon2id$v=19$m={MEMORY_KIB},t={ITERATIONS},p={LANES}$");
        assert!(
            stored.as_phc().starts_with(&expected),
            "{}",
            stored.as_phc()
        );
        assert!(!format!("{stored:?}").contains("argon2"));
        Ok(())
    }

    #[test]
    fn malformed_stored_hash_is_an_error_not_a_mismatch() {
        let broken = SecretHash::from_phc("not a phc string".to_owned());
        assert!(matches!(
            verify(b"x", &broken),
            Err(HashError::Malformed(_))
        ));
    }
}
