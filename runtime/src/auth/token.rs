//! Bearer tokens: a provider asked before every request.

use std::future::Future;
use std::pin::Pin;

use super::Secret;

/// A boxed future, so that [`TokenProvider`] can be used as a trait object.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Why a [`TokenProvider`] could not produce a token. Its message is shown
/// to users: it must not contain the token or any other secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TokenError(pub String);

/// Supplies a bearer token. Asked before every request (every attempt of
/// a call, retries included), so that a provider can refresh an expiring
/// token without the client knowing about expiry. A provider that caches
/// should answer from its cache quickly: the request waits for it.
///
/// ```
/// use xsdgen_runtime::auth::{BoxFuture, Secret, TokenError, TokenProvider};
///
/// struct FromEnv;
///
/// impl TokenProvider for FromEnv {
///     fn token(&self) -> BoxFuture<'_, Result<Secret, TokenError>> {
///         Box::pin(async {
///             std::env::var("UM_TOKEN")
///                 .map(Secret::new)
///                 .map_err(|_| TokenError("UM_TOKEN is not set".into()))
///         })
///     }
/// }
/// ```
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
