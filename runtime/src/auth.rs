//! Credentials, and the `Secret` type that keeps them out of logs.
//!
//! A password or token lives in a [`Secret`] from the moment it is handed to
//! the client; `Secret` has no `Display`, its `Debug` prints `***`, and the
//! only way to read it is [`Secret::expose_secret`], which is easy to grep
//! for. Error messages are built without ever calling it.
//!
//! | scheme | what goes on the wire | for |
//! |---|---|---|
//! | [`Credentials::Basic`] | `Authorization: Basic` on every request | Exchange with Basic enabled, over https |
//! | [`Credentials::Bearer`] | `Authorization: Bearer`, the token asked of a [`TokenProvider`] per request | OAuth |
//! | [`Credentials::Ntlm`] | the NTLM handshake (NTLMv2), under `NTLM` or `Negotiate` | on-premises Exchange 2010–2016 |
//!
//! How the client keeps an NTLM handshake on one connection is described
//! in [`ntlm`].

pub mod ntlm;
mod secret;
mod token;

use std::fmt;
use std::sync::Arc;

pub use ntlm::{NtlmCredentials, NtlmScheme};
pub use secret::Secret;
pub use token::{BoxFuture, StaticToken, TokenError, TokenProvider};

/// How the client authenticates to the web server in front of the service.
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
    /// NTLM (NTLMv2 only), sent under the `NTLM` or the `Negotiate`
    /// scheme, as IIS in front of on-premises Exchange accepts both.
    Ntlm(NtlmCredentials),
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

    /// NTLM under `Authorization: NTLM`. `account` is `DOMAIN\user`,
    /// `user@domain` or a bare `user`; see [`NtlmCredentials::new`].
    pub fn ntlm(account: &str, password: impl Into<Secret>) -> Self {
        Self::Ntlm(NtlmCredentials::new(account, password))
    }

    /// NTLM carried by `Authorization: Negotiate`, which is what Windows
    /// sends when Kerberos is not available.
    pub fn negotiate(account: &str, password: impl Into<Secret>) -> Self {
        Self::Ntlm(NtlmCredentials::new(account, password).scheme(NtlmScheme::Negotiate))
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
            Self::Ntlm(credentials) => f.debug_tuple("Ntlm").field(credentials).finish(),
        }
    }
}
