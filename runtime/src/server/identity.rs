//! Who a request comes from, as an authenticator proved it.

use crate::wsse::{self, PasswordKind};

/// The authenticated caller of an operation, as handed to its handler in
/// [`CallContext::identity`](super::CallContext::identity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The user name the credentials were checked for.
    pub username: String,
    /// How the caller proved it.
    pub method: AuthMethod,
}

/// The kind of credentials an [`Identity`] was proven with: a handler may
/// trust some less than others (a text password is only as safe as the
/// transport it came over).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthMethod {
    /// A WS-Security UsernameToken, with its password sent as text or as
    /// a digest.
    UsernameToken(PasswordKind),
    /// HTTP Basic.
    Basic,
    /// An authenticator of the application's own, by the name it gives.
    Custom(String),
}

impl Identity {
    pub fn new(username: impl Into<String>, method: AuthMethod) -> Self {
        Self {
            username: username.into(),
            method,
        }
    }
}

impl From<wsse::Identity> for Identity {
    fn from(identity: wsse::Identity) -> Self {
        Self::new(identity.username, AuthMethod::UsernameToken(identity.kind))
    }
}
