//! HTTP authentication as the IIS front end of Exchange 2010–2016 does it:
//! `Negotiate` and `NTLM` (NTLMv2, verified against the user's NT hash,
//! per TCP connection), `Basic` (against the Argon2id password hash), and,
//! when configured, `Bearer` tokens.
//!
//! Every failure is the same 401 with the configured challenges, except the
//! first leg of an NTLM handshake, which is a 401 carrying the CHALLENGE
//! message. Passwords, hashes and tokens are never logged.

mod basic;
mod connection;
mod ntlm;

use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use xsdgen_runtime::auth::NtlmScheme;

pub use connection::{AuthLog, AuthRecord, ConnectionAuth};

use crate::secret::Secret;
use crate::store::{Store, StoreError, UserId};

/// An authentication scheme the server accepts and advertises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuthScheme {
    /// NTLM inside `Negotiate` (raw NTLMSSP tokens, as Windows sends
    /// without Kerberos).
    Negotiate,
    Ntlm,
    Basic,
    Bearer,
}

impl AuthScheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Negotiate => "Negotiate",
            Self::Ntlm => "NTLM",
            Self::Basic => "Basic",
            Self::Bearer => "Bearer",
        }
    }
}

impl From<NtlmScheme> for AuthScheme {
    fn from(scheme: NtlmScheme) -> Self {
        match scheme {
            NtlmScheme::Ntlm => Self::Ntlm,
            NtlmScheme::Negotiate => Self::Negotiate,
        }
    }
}

/// A bearer token the server accepts, and the user it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BearerToken {
    pub token: Secret,
    pub user: String,
}

/// How the server authenticates requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthConfig {
    /// Realm of the Basic (and Bearer) challenge.
    pub realm: String,
    /// The schemes accepted, in the order their challenges are sent. The
    /// default is Exchange's: `Negotiate`, `NTLM`, `Basic`.
    pub schemes: Vec<AuthScheme>,
    /// NetBIOS domain the NTLM challenge names.
    pub ntlm_domain: String,
    /// Tokens accepted under `Bearer` (when it is among `schemes`).
    pub bearer_tokens: Vec<BearerToken>,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            realm: "exchange-um-emulator".to_owned(),
            schemes: vec![AuthScheme::Negotiate, AuthScheme::Ntlm, AuthScheme::Basic],
            ntlm_domain: "CONTOSO".to_owned(),
            bearer_tokens: Vec::new(),
        }
    }
}

impl AuthConfig {
    fn allows(&self, scheme: AuthScheme) -> bool {
        self.schemes.contains(&scheme)
    }
}

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub id: UserId,
    pub name: String,
    /// How the caller was authenticated (for a request without a header on
    /// an NTLM-authenticated connection: the scheme of that handshake).
    pub scheme: AuthScheme,
}

/// Why a request is not authenticated (yet).
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("no Authorization header")]
    Missing,
    #[error("the Authorization header is malformed")]
    Malformed,
    #[error("the scheme {0} is not enabled")]
    SchemeNotAllowed(String),
    #[error("the Negotiate token is not NTLM (Kerberos is not available)")]
    Unsupported,
    #[error("unknown user or wrong credentials")]
    BadCredentials,
    #[error("an NTLM AUTHENTICATE message without a challenge on this connection")]
    NoChallenge,
    #[error("NTLM needs the emulator's own connection handling")]
    NoConnection,
    #[error("the operating system's random number generator failed")]
    Random,
    /// Not a failure: the first leg of an NTLM handshake, answered with a
    /// 401 that carries the CHALLENGE.
    #[error("NTLM handshake under way")]
    Continue { scheme: AuthScheme, token: String },
    #[error("the store failed while checking credentials: {0}")]
    Store(#[from] StoreError),
}

/// Checks the request's credentials. `connection` is the state of the TCP
/// connection the request came on (absent when the router is driven
/// without the emulator's accept loop, where NTLM cannot work).
pub async fn authenticate(
    store: &Store,
    config: &AuthConfig,
    headers: &HeaderMap,
    connection: Option<&ConnectionAuth>,
) -> Result<Caller, AuthError> {
    let Some(header) = headers.get(AUTHORIZATION) else {
        // A connection authenticated by NTLM stays authenticated.
        return connection
            .and_then(ConnectionAuth::caller)
            .ok_or(AuthError::Missing);
    };
    let value = header.to_str().map_err(|_| AuthError::Malformed)?.trim();
    let (name, credentials) = value.split_once(' ').unwrap_or((value, ""));
    let scheme = [
        AuthScheme::Negotiate,
        AuthScheme::Ntlm,
        AuthScheme::Basic,
        AuthScheme::Bearer,
    ]
    .into_iter()
    .find(|s| s.as_str().eq_ignore_ascii_case(name))
    .ok_or(AuthError::Malformed)?;
    if !config.allows(scheme) {
        return Err(AuthError::SchemeNotAllowed(scheme.as_str().to_owned()));
    }
    match scheme {
        AuthScheme::Basic => basic::authenticate(store, credentials).await,
        AuthScheme::Bearer => bearer(store, config, credentials.trim()),
        AuthScheme::Ntlm | AuthScheme::Negotiate => {
            let ntlm_scheme = match scheme {
                AuthScheme::Negotiate => NtlmScheme::Negotiate,
                _ => NtlmScheme::Ntlm,
            };
            match ntlm::handle(store, config, connection, ntlm_scheme, credentials).await? {
                ntlm::Step::Authenticated(caller) => Ok(caller),
                ntlm::Step::Challenge(token) => Err(AuthError::Continue { scheme, token }),
            }
        }
    }
}

/// A configured token, compared in constant time with each candidate.
fn bearer(store: &Store, config: &AuthConfig, token: &str) -> Result<Caller, AuthError> {
    let matching = config.bearer_tokens.iter().fold(None, |found, candidate| {
        let same = constant_time_eq(candidate.token.expose().as_bytes(), token.as_bytes());
        if same { Some(candidate) } else { found }
    });
    let user = matching.ok_or(AuthError::BadCredentials)?;
    let login = store
        .find_login(&user.user)?
        .ok_or(AuthError::BadCredentials)?;
    Ok(Caller {
        id: login.id,
        name: login.name,
        scheme: AuthScheme::Bearer,
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The 401 answer with the configured challenges.
pub fn challenge(config: &AuthConfig) -> Response {
    let mut response = unauthorized();
    let headers = response.headers_mut();
    // The realm is escaped for a quoted-string; a value that still cannot be a
    // header falls back to a fixed realm rather than dropping the challenge.
    let realm = config.realm.replace('\\', "\\\\").replace('"', "\\\"");
    for scheme in &config.schemes {
        let value = match scheme {
            AuthScheme::Negotiate | AuthScheme::Ntlm => HeaderValue::from_static(scheme.as_str()),
            AuthScheme::Basic | AuthScheme::Bearer => {
                HeaderValue::from_str(&format!("{} realm=\"{realm}\"", scheme.as_str()))
                    .unwrap_or_else(|_| {
                        HeaderValue::from_static("Basic realm=\"exchange-um-emulator\"")
                    })
            }
        };
        headers.append(WWW_AUTHENTICATE, value);
    }
    response
}

/// The 401 of the first NTLM leg, carrying the CHALLENGE message.
pub fn continue_handshake(scheme: AuthScheme, token: &str) -> Response {
    let mut response = unauthorized();
    if let Ok(value) = HeaderValue::from_str(&format!("{} {token}", scheme.as_str())) {
        response.headers_mut().insert(WWW_AUTHENTICATE, value);
    }
    response
}

fn unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        "401 - Unauthorized: Access is denied due to invalid credentials.\n",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenge_lists_the_schemes_in_order() {
        let plain = challenge(&AuthConfig::default());
        let values: Vec<_> = plain.headers().get_all(WWW_AUTHENTICATE).iter().collect();
        assert_eq!(
            values,
            ["Negotiate", "NTLM", r#"Basic realm="exchange-um-emulator""#]
        );
        let config = AuthConfig {
            realm: "a\"b".to_owned(),
            schemes: vec![AuthScheme::Basic, AuthScheme::Bearer],
            ..AuthConfig::default()
        };
        let full = challenge(&config);
        let values: Vec<_> = full.headers().get_all(WWW_AUTHENTICATE).iter().collect();
        assert_eq!(values, [r#"Basic realm="a\"b""#, r#"Bearer realm="a\"b""#]);
        assert_eq!(full.status(), StatusCode::UNAUTHORIZED);
    }

    #[test]
    fn debug_of_the_config_hides_bearer_tokens() {
        let config = AuthConfig {
            bearer_tokens: vec![BearerToken {
                token: Secret::new("tok-very-secret"),
                user: "alice".to_owned(),
            }],
            ..AuthConfig::default()
        };
        let text = format!("{config:?}");
        assert!(!text.contains("tok-very-secret"), "{text}");
        assert!(text.contains("alice"), "{text}");
    }
}
