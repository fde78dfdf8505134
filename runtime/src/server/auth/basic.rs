//! HTTP Basic authentication (RFC 7617).

use base64::Engine as _;
use http::header::AUTHORIZATION;

use crate::auth::Secret;
use crate::server::{AuthMethod, Identity};
use crate::wsse::PasswordLookup;
use crate::wsse::digest::text_matches;

use super::{AuthError, AuthRequest, Authenticate};

/// Authenticates `Authorization: Basic` against the passwords a
/// [`PasswordLookup`] knows, compared in constant time.
///
/// Wrong credentials are answered with 401 and a `Basic` challenge;
/// missing ones too when the authenticator is [`Self::required`], and
/// otherwise the request passes anonymously (another authenticator may
/// take it). An `Authorization` header of another scheme counts as
/// missing. It runs before the body is read. Basic sends the password as
/// it is: use it over TLS only.
pub struct BasicAuth<L> {
    lookup: L,
    challenge: String,
    required: bool,
}

impl<L: PasswordLookup + 'static> BasicAuth<L> {
    /// Realm `SOAP service` until [`Self::realm`] names another.
    pub fn new(lookup: L) -> Self {
        Self {
            lookup,
            challenge: challenge("SOAP service"),
            required: false,
        }
    }

    /// The realm of the challenge (`"` and `\` are left out of it).
    pub fn realm(mut self, realm: &str) -> Self {
        self.challenge = challenge(realm);
        self
    }

    /// Refuses requests without Basic credentials.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    fn refuse(&self) -> AuthError {
        AuthError::Unauthorized {
            challenges: vec![self.challenge.clone()],
        }
    }
}

fn challenge(realm: &str) -> String {
    let realm: String = realm.chars().filter(|c| !matches!(c, '"' | '\\')).collect();
    format!("Basic realm=\"{realm}\", charset=\"UTF-8\"")
}

impl<L: PasswordLookup + 'static> Authenticate for BasicAuth<L> {
    fn authenticate(&self, request: &AuthRequest<'_>) -> Result<Option<Identity>, AuthError> {
        let credentials = request
            .headers()
            .get_all(AUTHORIZATION)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(basic_credentials);
        let Some(credentials) = credentials else {
            return if self.required {
                Err(self.refuse())
            } else {
                Ok(None)
            };
        };
        let Some((username, password)) = decode(credentials) else {
            tracing::debug!("malformed Basic credentials");
            return Err(self.refuse());
        };
        let stored = self.lookup.password(&username);
        // An unknown user costs the same comparison as a wrong password.
        let matches = text_matches(&password, stored.as_ref().unwrap_or(&Secret::new("")));
        if matches && stored.is_some() {
            Ok(Some(Identity::new(username, AuthMethod::Basic)))
        } else {
            tracing::debug!("wrong Basic credentials");
            Err(self.refuse())
        }
    }

    fn needs_envelope(&self) -> bool {
        false
    }
}

/// The credentials of an `Authorization` value of the Basic scheme
/// (named without regard to case).
fn basic_credentials(value: &str) -> Option<&str> {
    let (scheme, rest) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("basic").then_some(rest.trim())
}

/// `user:password` out of its base64; the user name ends at the first
/// colon, as RFC 7617 has it.
fn decode(credentials: &str) -> Option<(String, Secret)> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(credentials)
        .ok()?;
    // Held as a secret, so that the decoded password is wiped with it.
    let text = Secret::new(String::from_utf8(bytes).ok()?);
    let (user, password) = text.expose_secret().split_once(':')?;
    Some((user.to_owned(), Secret::new(password)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_a_client_sends() {
        let (user, password) = decode("YWxpY2U6czNjcjp0").expect("valid");
        assert_eq!(user, "alice");
        assert_eq!(password.expose_secret(), "s3cr:t");
        assert!(decode("not base64!").is_none());
        // "alice" alone: no colon.
        assert!(decode("YWxpY2U=").is_none());
        assert_eq!(basic_credentials("basic  YQ== "), Some("YQ=="));
        assert_eq!(basic_credentials("Bearer abc"), None);
    }

    #[test]
    fn the_realm_cannot_break_the_challenge() {
        assert_eq!(
            challenge(r#"a"b\c"#),
            r#"Basic realm="abc", charset="UTF-8""#
        );
    }
}
