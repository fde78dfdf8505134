//! Credentials, and the `Secret` type that keeps them out of logs.
//!
//! A password or token lives in a [`Secret`] from the moment it is handed to
//! the client; `Secret` has no `Display`, its `Debug` prints `***`, and the
//! only way to read it is [`Secret::expose_secret`], which is easy to grep
//! for. Error messages are built without ever calling it.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A password or bearer token.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself; call only to put it on the wire.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl Drop for Secret {
    /// Best effort: overwrite the bytes before the allocation is freed, so a
    /// later heap dump is less likely to hold the password. Copies made by
    /// the HTTP stack are out of reach.
    fn drop(&mut self) {
        let mut bytes = std::mem::take(&mut self.0).into_bytes();
        bytes.fill(0);
        std::hint::black_box(&bytes);
    }
}

/// A boxed future, so that [`TokenProvider`] can be used as a trait object.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Why a [`TokenProvider`] could not produce a token. Its message is shown
/// to users: it must not contain the token or any other secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TokenError(pub String);

/// Supplies a bearer token. Asked before every request, so that a provider
/// can refresh an expiring token without the client knowing about expiry.
pub trait TokenProvider: Send + Sync {
    fn token(&self) -> BoxFuture<'_, Result<Secret, TokenError>>;
}

/// A token that never changes, for tests and short scripts.
pub struct StaticToken(pub Secret);

impl TokenProvider for StaticToken {
    fn token(&self) -> BoxFuture<'_, Result<Secret, TokenError>> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }
}

/// How the client authenticates to the web server in front of the service.
///
/// NTLM and Negotiate, which on-premises Exchange usually offers, are not
/// implemented; a server that offers only those answers with
/// [`crate::Error::Unauthorized`] naming the schemes it accepts.
#[derive(Clone, Default)]
pub enum Credentials {
    /// No `Authorization` header.
    #[default]
    None,
    /// HTTP Basic. Only sensible over https.
    Basic { user: String, password: Secret },
    /// `Authorization: Bearer <token>`, the token asked of the provider for
    /// every request.
    Bearer(Arc<dyn TokenProvider>),
}

impl Credentials {
    pub fn basic(user: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self::Basic {
            user: user.into(),
            password: password.into(),
        }
    }

    pub fn bearer(provider: impl TokenProvider + 'static) -> Self {
        Self::Bearer(Arc::new(provider))
    }

    pub fn bearer_token(token: impl Into<Secret>) -> Self {
        Self::bearer(StaticToken(token.into()))
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::None => f.write_str("None"),
            Self::Basic { user, .. } => f
                .debug_struct("Basic")
                .field("user", user)
                .field("password", &"***")
                .finish(),
            Self::Bearer(_) => f.write_str("Bearer(***)"),
        }
    }
}
