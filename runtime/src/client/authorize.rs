//! Putting the credentials on a request: a header for Basic and Bearer,
//! the handshake for NTLM.

use reqwest::{RequestBuilder, Response};

use crate::auth::Credentials;
use crate::error::Error;

use super::Inner;
use super::ntlm::{Exchange, NtlmChannel};
use super::redact::Redactor;

/// What the client keeps for its credentials between calls.
#[derive(Debug, Default)]
pub(super) struct AuthState {
    ntlm: Option<NtlmChannel>,
}

impl AuthState {
    pub(super) fn new(credentials: &Credentials) -> Self {
        Self {
            ntlm: matches!(credentials, Credentials::Ntlm(_)).then(NtlmChannel::default),
        }
    }

    /// The connection pool settings the credentials need.
    pub(super) fn configure(&self, builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
        match &self.ntlm {
            Some(channel) => channel.configure(builder),
            None => builder,
        }
    }
}

impl Inner {
    /// Sends `request` with the credentials and returns the answer. Each
    /// secret put on the wire is also given to `redactor`.
    pub(super) async fn send_authenticated(
        &self,
        request: RequestBuilder,
        redactor: &mut Redactor,
    ) -> Result<Response, Error> {
        let request = match &self.credentials {
            Credentials::None => request,
            Credentials::Basic { user, password } => {
                redactor.basic(user, password);
                request.basic_auth(user, Some(password.expose_secret()))
            }
            Credentials::Bearer(provider) => {
                let token = provider.token().await?;
                redactor.token(&token);
                request.bearer_auth(token.expose_secret())
            }
            Credentials::Ntlm(credentials) => {
                let channel = self.auth.ntlm.as_ref().ok_or_else(|| {
                    Error::Config("the client was built without NTLM support".into())
                })?;
                let exchange = Exchange {
                    credentials,
                    max_response_bytes: self.max_response_bytes,
                    transport: &|e| self.transport_error(e),
                };
                return channel.send(&exchange, request, redactor).await;
            }
        };
        request.send().await.map_err(|e| self.transport_error(e))
    }
}
