//! WS-Security UsernameToken authentication, on the crate's verifier.

use crate::server::Identity;
use crate::wsse::{self, PasswordLookup, UsernameTokenVerifier, WsseError, find_in_envelope};
use crate::xml::Name;

use super::{AuthError, AuthRequest, Authenticate};

/// Authenticates the `wsse:Security` UsernameToken of a request with a
/// [`UsernameTokenVerifier`] (freshness, replay cache, constant-time
/// comparison: see [`crate::wsse`]).
///
/// A refused token is answered with the WS-Security fault for its reason
/// ([`WsseError::to_fault`]): `wsse:FailedAuthentication` for a wrong
/// user or password, `wsse:InvalidSecurity` for a replayed nonce,
/// `wsu:MessageExpired` for a stale `wsu:Created`, and so on; a full replay
/// cache, which is temporary, with 503. A request without the header
/// passes anonymously unless the authenticator is [`Self::required`],
/// when it is refused with `wsse:InvalidSecurity`.
///
/// The verifier's replay cache is shared by every connection, as it must
/// be: one authenticator serves the whole router.
pub struct UsernameTokenAuth<L> {
    verifier: UsernameTokenVerifier<L>,
    required: bool,
}

impl<L: PasswordLookup + 'static> UsernameTokenAuth<L> {
    pub fn new(verifier: UsernameTokenVerifier<L>) -> Self {
        Self {
            verifier,
            required: false,
        }
    }

    /// Refuses requests that carry no UsernameToken.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn verifier(&self) -> &UsernameTokenVerifier<L> {
        &self.verifier
    }
}

impl<L: PasswordLookup + 'static> Authenticate for UsernameTokenAuth<L> {
    fn authenticate(&self, request: &AuthRequest<'_>) -> Result<Option<Identity>, AuthError> {
        let Some(envelope) = request.envelope() else {
            return Ok(None);
        };
        let checked = find_in_envelope(envelope).and_then(|token| self.verifier.verify_now(&token));
        match checked {
            Ok(identity) => Ok(Some(identity.into())),
            Err(WsseError::NoSecurityHeader) if !self.required => Ok(None),
            Err(error) => {
                // The error's message holds nothing of the token (see
                // `WsseError`), so it may be logged.
                tracing::debug!(%error, "UsernameToken refused");
                if error.is_temporary() {
                    Err(AuthError::Unavailable { retry_after: None })
                } else {
                    Err(error.to_fault(request.version()).into())
                }
            }
        }
    }

    fn understands(&self) -> &[Name] {
        &[wsse::SECURITY]
    }
}
