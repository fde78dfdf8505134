//! The NTLM handshake over HTTP: NEGOTIATE and AUTHENTICATE as two
//! requests on one connection (see [`crate::auth::ntlm`] for the whole
//! approach and its limits).

use std::net::SocketAddr;
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hyper_util::client::legacy::connect::HttpInfo;
use reqwest::header::{AUTHORIZATION, CONNECTION, HeaderMap, HeaderValue, WWW_AUTHENTICATE};
use reqwest::{RequestBuilder, Response, StatusCode};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::auth::ntlm::Initiator;
use crate::auth::{NtlmCredentials, NtlmScheme, Secret};
use crate::error::Error;

use super::body::read_limited;
use super::ntlm_gate::{ConnectionGate, GateLayer, is_held_back};
use super::redact::Redactor;

/// The per-client state that keeps one identity's handshakes apart.
#[derive(Debug, Default)]
pub(super) struct NtlmChannel {
    turn: Arc<Mutex<()>>,
    gate: Arc<ConnectionGate>,
}

/// Held by an NTLM call's response (in its extensions) until the body
/// has been read and the response dropped: the next call's handshake
/// starts only then, when the connection is on its way back to the pool.
type Turn = Arc<TurnInner>;

struct TurnInner {
    _guard: OwnedMutexGuard<()>,
    gate: Arc<ConnectionGate>,
}

impl Drop for TurnInner {
    fn drop(&mut self) {
        self.gate.released();
    }
}

/// What a handshake needs from the client it runs in.
pub(super) struct Exchange<'a> {
    pub credentials: &'a NtlmCredentials,
    pub max_response_bytes: usize,
    pub transport: &'a (dyn Fn(reqwest::Error) -> Error + Sync),
}

impl NtlmChannel {
    /// The pool settings the handshake relies on: HTTP/1.1 (NTLM over
    /// HTTP/2 does not exist), at most one idle connection, and the gate.
    pub(super) fn configure(&self, builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
        builder
            .http1_only()
            .pool_max_idle_per_host(1)
            .connector_layer(GateLayer::new(self.gate.clone()))
    }

    /// Sends `request` through the handshake and returns the final
    /// answer: the server's answer to the AUTHENTICATE leg, or to the
    /// NEGOTIATE leg when that is not a challenge (a server that does not
    /// ask for authentication, or refuses the scheme).
    pub(super) async fn send(
        &self,
        exchange: &Exchange<'_>,
        request: RequestBuilder,
        redactor: &mut Redactor,
    ) -> Result<Response, Error> {
        let guard = self.turn.clone().lock_owned().await;
        let turn: Turn = Arc::new(TurnInner {
            _guard: guard,
            gate: self.gate.clone(),
        });
        let scheme = exchange.credentials.http_scheme();
        let initiator = Initiator::new(exchange.credentials);
        let transport = exchange.transport;
        let mut restarted = false;
        loop {
            let negotiate = initiator.negotiate().map_err(handshake_error)?;
            let first = copy(&request)?
                .header(AUTHORIZATION, authorization(scheme, &negotiate)?)
                .send()
                .await
                .map_err(transport)?;
            if first.status() != StatusCode::UNAUTHORIZED {
                return Ok(with_turn(first, turn));
            }
            let Some(token) = challenge_token(first.headers(), scheme) else {
                return Ok(with_turn(first, turn));
            };
            let challenge = STANDARD
                .decode(token)
                .map_err(|_| handshake_error("the challenge is not base64"))?;
            let authenticate = initiator
                .authenticate(&challenge)
                .map_err(handshake_error)?;
            if closes(first.headers()) {
                return Err(handshake_error(
                    "the server closes the connection after its challenge, \
                     so no answer can reach it",
                ));
            }
            let first_connection = local_addr(&first);
            let hold = self.gate.hold();
            // The connection can carry the next leg only once this answer
            // has been read.
            read_limited(first, exchange.max_response_bytes, transport).await?;
            redactor.token(&Secret::new(STANDARD.encode(&authenticate)));
            let sent = copy(&request)?
                .header(AUTHORIZATION, authorization(scheme, &authenticate)?)
                .send()
                .await;
            drop(hold);
            let second = match sent {
                Ok(second) => second,
                Err(error) if is_held_back(&error) => {
                    if restarted {
                        return Err(handshake_error(
                            "the server closed the connection between the legs",
                        ));
                    }
                    tracing::debug!(
                        "the challenged connection was closed; starting the NTLM handshake over"
                    );
                    restarted = true;
                    continue;
                }
                Err(error) => return Err(transport(error)),
            };
            let moved = match (first_connection, local_addr(&second)) {
                (Some(first), Some(second)) => first != second,
                _ => false,
            };
            if moved && second.status() == StatusCode::UNAUTHORIZED && !restarted {
                tracing::debug!("the NTLM legs travelled on different connections; starting over");
                read_limited(second, exchange.max_response_bytes, transport).await?;
                restarted = true;
                continue;
            }
            return Ok(with_turn(second, turn));
        }
    }
}

fn with_turn(mut response: Response, turn: Turn) -> Response {
    response.extensions_mut().insert(turn);
    response
}

fn copy(request: &RequestBuilder) -> Result<RequestBuilder, Error> {
    request
        .try_clone()
        .ok_or_else(|| Error::Config("an NTLM request body must be sendable twice".into()))
}

fn authorization(scheme: NtlmScheme, message: &[u8]) -> Result<HeaderValue, Error> {
    let mut value = HeaderValue::try_from(format!("{scheme} {}", STANDARD.encode(message)))
        .map_err(|_| handshake_error("cannot write the Authorization header"))?;
    value.set_sensitive(true);
    Ok(value)
}

/// The token of the server's `WWW-Authenticate: <scheme> <token>`.
fn challenge_token(headers: &HeaderMap, scheme: NtlmScheme) -> Option<&str> {
    headers
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.trim().split_once(' '))
        .find(|(name, _)| name.eq_ignore_ascii_case(scheme.as_str()))
        .map(|(_, token)| token.trim())
        .filter(|token| !token.is_empty())
}

/// Whether the answer ends its connection (`Connection: close`).
fn closes(headers: &HeaderMap) -> bool {
    headers
        .get_all(CONNECTION)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|option| option.trim().eq_ignore_ascii_case("close"))
}

/// The local end of the connection an answer came on, which tells two
/// connections to the same server apart.
fn local_addr(response: &Response) -> Option<SocketAddr> {
    response
        .extensions()
        .get::<HttpInfo>()
        .map(HttpInfo::local_addr)
}

fn handshake_error(reason: impl std::fmt::Display) -> Error {
    Error::AuthHandshake {
        scheme: "NTLM",
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for value in values {
            map.append(
                WWW_AUTHENTICATE,
                HeaderValue::from_str(value).expect("test values are valid"),
            );
        }
        map
    }

    #[test]
    fn the_token_of_the_scheme_in_use_is_picked() {
        let h = headers(&["Negotiate", "NTLM TlRMTVNTUAACAAAA", "Basic realm=\"x\""]);
        assert_eq!(
            challenge_token(&h, NtlmScheme::Ntlm),
            Some("TlRMTVNTUAACAAAA")
        );
        assert_eq!(challenge_token(&h, NtlmScheme::Negotiate), None);
        let h = headers(&["negotiate  TlRMTVNT "]);
        assert_eq!(challenge_token(&h, NtlmScheme::Negotiate), Some("TlRMTVNT"));
    }

    #[test]
    fn the_authorization_header_is_sensitive() {
        let value = authorization(NtlmScheme::Negotiate, b"NTLMSSP\0").expect("ascii");
        assert!(value.is_sensitive());
        assert_eq!(value.to_str().ok(), Some("Negotiate TlRMTVNTUAA="));
    }
}
