//! HTTP Basic against the store's Argon2id password hashes.
//!
//! The user part may be the logon name, `DOMAIN\name` (the domain is ignored)
//! or the e-mail address. An unknown user costs the same hash verification as
//! a wrong password, so the two cannot be told apart by timing.

use std::sync::OnceLock;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::{AuthError, AuthScheme, Caller};
use crate::hash::{self, SecretHash};
use crate::secret::Secret;
use crate::store::{Store, StoreError};

/// Checks the credentials of `Authorization: Basic <credentials>`.
pub(super) async fn authenticate(store: &Store, credentials: &str) -> Result<Caller, AuthError> {
    let (user, password) = parse(credentials)?;
    let store = store.clone();
    let checked = tokio::task::spawn_blocking(move || check(&store, &user, &password)).await;
    match checked {
        Ok(result) => result,
        // The blocking task panicked: treat as a refusal rather than a crash.
        Err(_) => Err(AuthError::BadCredentials),
    }
}

/// `user:password`, base64-encoded; the user without its domain.
pub(super) fn parse(credentials: &str) -> Result<(String, Secret), AuthError> {
    let decoded = STANDARD
        .decode(credentials.trim())
        .map_err(|_| AuthError::Malformed)?;
    let decoded = String::from_utf8(decoded).map_err(|_| AuthError::Malformed)?;
    let (user, password) = decoded.split_once(':').ok_or(AuthError::Malformed)?;
    let user = user.rsplit('\\').next().unwrap_or(user);
    Ok((user.to_owned(), Secret::new(password)))
}

fn check(store: &Store, user: &str, password: &Secret) -> Result<Caller, AuthError> {
    let login = store.find_login(user)?;
    let stored = match &login {
        Some(login) => login.password_hash.clone(),
        None => dummy_hash()?,
    };
    let matches = hash::verify(password.expose().as_bytes(), &stored).map_err(StoreError::from)?;
    match login {
        Some(login) if matches => Ok(Caller {
            id: login.id,
            name: login.name,
            scheme: AuthScheme::Basic,
        }),
        _ => Err(AuthError::BadCredentials),
    }
}

/// A hash nobody's password matches, verified for unknown users.
fn dummy_hash() -> Result<SecretHash, StoreError> {
    static DUMMY: OnceLock<SecretHash> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash.clone());
    }
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).map_err(hash::HashError::Random)?;
    let fresh = hash::hash(&random)?;
    Ok(DUMMY.get_or_init(|| fresh).clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_basic_with_and_without_domain() {
        let encoded = STANDARD.encode("CONTOSO\\alice:pa:ss");
        let (user, password) = parse(&encoded).expect("well-formed credentials");
        assert_eq!((user.as_str(), password.expose()), ("alice", "pa:ss"));
    }

    #[test]
    fn rejects_garbage() {
        for value in [
            "",
            "!!!",
            &STANDARD.encode("no-colon"),
            &STANDARD.encode([0xff, b':']),
        ] {
            assert!(matches!(parse(value), Err(AuthError::Malformed)), "{value}");
        }
    }
}
