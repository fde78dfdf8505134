//! HTTP Basic authentication against the store.
//!
//! The user part may be the logon name, `DOMAIN\name` (the domain is ignored)
//! or the e-mail address. Every failure is the same 401 with the challenges;
//! an unknown user costs the same hash verification as a wrong password, so
//! the two cannot be told apart by timing. Passwords are never logged.

use std::sync::OnceLock;

use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::hash::{self, SecretHash};
use crate::secret::Secret;
use crate::store::{Store, StoreError, UserId};

/// How the server challenges unauthenticated requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthConfig {
    /// Realm of the Basic challenge.
    pub realm: String,
    /// Also send `Negotiate` and `NTLM` challenges as an on-premises Exchange
    /// front end does. The emulator accepts only Basic, so a client that picks
    /// one of those fails; this exists to test that clients fall back.
    pub advertise_negotiate: bool,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            realm: "exchange-um-emulator".to_owned(),
            advertise_negotiate: false,
        }
    }
}

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub id: UserId,
    pub name: String,
}

/// Why a request is not authenticated.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("no Authorization header")]
    Missing,
    #[error("the Authorization header is not well-formed Basic credentials")]
    Malformed,
    #[error("unknown user or wrong password")]
    BadCredentials,
    #[error("the store failed while checking credentials: {0}")]
    Store(#[from] StoreError),
}

/// Checks the request's Basic credentials.
pub async fn authenticate(store: &Store, headers: &HeaderMap) -> Result<Caller, AuthError> {
    let header = headers.get(AUTHORIZATION).ok_or(AuthError::Missing)?;
    let (user, password) = parse_basic(header)?;
    let store = store.clone();
    let checked = tokio::task::spawn_blocking(move || check(&store, &user, &password)).await;
    match checked {
        Ok(result) => result,
        // The blocking task panicked: treat as a refusal rather than a crash.
        Err(_) => Err(AuthError::BadCredentials),
    }
}

fn parse_basic(header: &HeaderValue) -> Result<(String, Secret), AuthError> {
    let value = header.to_str().map_err(|_| AuthError::Malformed)?;
    let (scheme, encoded) = value.trim().split_once(' ').ok_or(AuthError::Malformed)?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(AuthError::Malformed);
    }
    let decoded = STANDARD
        .decode(encoded.trim())
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

/// The 401 answer with the configured challenges.
pub fn challenge(config: &AuthConfig) -> Response {
    let mut response = (
        StatusCode::UNAUTHORIZED,
        "401 - Unauthorized: Access is denied due to invalid credentials.\n",
    )
        .into_response();
    let headers = response.headers_mut();
    if config.advertise_negotiate {
        headers.append(WWW_AUTHENTICATE, HeaderValue::from_static("Negotiate"));
        headers.append(WWW_AUTHENTICATE, HeaderValue::from_static("NTLM"));
    }
    // The realm is escaped for a quoted-string; a value that still cannot be a
    // header falls back to a fixed realm rather than dropping the challenge.
    let realm = config.realm.replace('\\', "\\\\").replace('"', "\\\"");
    let basic = HeaderValue::from_str(&format!("Basic realm=\"{realm}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("Basic realm=\"exchange-um-emulator\""));
    headers.append(WWW_AUTHENTICATE, basic);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(value: &str) -> HeaderValue {
        HeaderValue::from_str(value).expect("test header values are visible ASCII")
    }

    #[test]
    fn parses_basic_with_and_without_domain() {
        let encoded = STANDARD.encode("CONTOSO\\alice:pa:ss");
        let parsed = parse_basic(&header(&format!("basic {encoded}")));
        let (user, password) = parsed.expect("well-formed credentials");
        assert_eq!((user.as_str(), password.expose()), ("alice", "pa:ss"));
    }

    #[test]
    fn rejects_other_schemes_and_garbage() {
        for value in [
            "Bearer abc",
            "Basic",
            "Basic !!!",
            &format!("Basic {}", STANDARD.encode("no-colon")),
        ] {
            assert!(
                matches!(parse_basic(&header(value)), Err(AuthError::Malformed)),
                "{value}"
            );
        }
    }

    #[test]
    fn challenge_lists_basic_last_and_negotiate_when_asked() {
        let plain = challenge(&AuthConfig::default());
        let values: Vec<_> = plain.headers().get_all(WWW_AUTHENTICATE).iter().collect();
        assert_eq!(values, [r#"Basic realm="exchange-um-emulator""#]);
        let config = AuthConfig {
            realm: "a\"b".to_owned(),
            advertise_negotiate: true,
        };
        let full = challenge(&config);
        let values: Vec<_> = full.headers().get_all(WWW_AUTHENTICATE).iter().collect();
        assert_eq!(values, ["Negotiate", "NTLM", r#"Basic realm="a\"b""#]);
        assert_eq!(full.status(), StatusCode::UNAUTHORIZED);
    }
}
