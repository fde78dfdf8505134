//! One call: attempts, the retry rule, and what is logged.

use std::time::Instant;

use reqwest::header::CONTENT_TYPE;
use tracing::{Instrument as _, field};

use crate::Operation;
use crate::auth::Credentials;
use crate::error::Error;
use crate::soap::{EnvelopeStyle, write_envelope};

use super::redact::Redactor;
use super::response::{Answer, classify};
use super::retry::{RetryContext, retry_reason};
use super::{Client, Inner};

impl Client {
    /// Sends `request` as operation `O` and returns its response, retrying
    /// only as the [module docs](super) say.
    pub async fn call<O: Operation>(&self, request: &O::Request) -> Result<O::Response, Error> {
        let span = tracing::info_span!(
            "soap_call",
            operation = O::NAME,
            attempt = field::Empty,
            status = field::Empty,
            elapsed_ms = field::Empty,
        );
        self.call_in_span::<O>(request).instrument(span).await
    }

    async fn call_in_span<O: Operation>(&self, request: &O::Request) -> Result<O::Response, Error> {
        let inner = &*self.inner;
        let span = tracing::Span::current();
        let body = write_envelope(request, &EnvelopeStyle::COMPACT)?;
        if inner.log_bodies {
            tracing::trace!(body = %body, "request body");
        }
        let started = Instant::now();
        let mut attempts = 0u32;
        loop {
            attempts += 1;
            span.record("attempt", attempts);
            let result = inner.attempt::<O>(&body).await;
            span.record("elapsed_ms", elapsed_ms(started));
            let error = match result {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            let Some(reason) = retry_reason(&error, O::SAFE_TO_RETRY) else {
                tracing::debug!(error = %error, delivery = ?error.delivery(), "call failed");
                return Err(error);
            };
            let ctx = RetryContext {
                operation: O::NAME,
                safe_to_retry: O::SAFE_TO_RETRY,
                attempts,
                elapsed: started.elapsed(),
                reason,
                error: &error,
            };
            let Some(delay) = inner.retry.next_delay(&ctx) else {
                tracing::debug!(error = %error, "call failed; retry policy gives up");
                return Err(error);
            };
            tracing::info!(error = %error, delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX), "retrying");
            tokio::time::sleep(delay).await;
        }
    }
}

impl Inner {
    async fn attempt<O: Operation>(&self, body: &str) -> Result<O::Response, Error> {
        let mut redactor = Redactor::default();
        let mut request = self
            .http
            .post(self.endpoint.clone())
            .header(CONTENT_TYPE, "text/xml; charset=utf-8")
            // .NET sends the action quoted, and some ASMX front ends match
            // on the quoted form.
            .header("SOAPAction", format!("\"{}\"", O::SOAP_ACTION))
            .body(body.to_owned());
        match &self.credentials {
            Credentials::None => {}
            Credentials::Basic { user, password } => {
                redactor.basic(user, password);
                request = request.basic_auth(user, Some(password.expose_secret()));
            }
            Credentials::Bearer(provider) => {
                let token = provider.token().await?;
                redactor.token(&token);
                request = request.bearer_auth(token.expose_secret());
            }
        }
        let response = request.send().await.map_err(|e| self.transport_error(e))?;
        let status = response.status().as_u16();
        tracing::Span::current().record("status", status);
        let headers = response.headers().clone();
        let bytes = self.read_body(response).await?;
        if self.log_bodies {
            let text = redactor.apply(&String::from_utf8_lossy(&bytes));
            tracing::trace!(status, body = %text, "response body");
        }
        classify::<O::Response>(Answer::new(status, &headers, bytes), &redactor)
    }

    /// The whole body, refusing to hold more than the configured limit.
    async fn read_body(&self, mut response: reqwest::Response) -> Result<Vec<u8>, Error> {
        let limit = self.max_response_bytes;
        let too_large = Error::ResponseTooLarge { limit };
        let declared = response.content_length().unwrap_or(0);
        if usize::try_from(declared).map_or(true, |n| n > limit) {
            return Err(too_large);
        }
        let mut body = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.transport_error(e))?
        {
            if body.len() + chunk.len() > limit {
                return Err(too_large);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// Sorts a transport failure by whether the request may have gone out.
    /// Only a connect error proves it did not; anything else that is not a
    /// timeout counts as possibly sent.
    fn transport_error(&self, error: reqwest::Error) -> Error {
        let error = error.without_url();
        if error.is_connect() {
            Error::Connect {
                detail: chain(&error),
            }
        } else if error.is_timeout() {
            Error::Timeout {
                timeout: self.timeout,
            }
        } else if error.is_builder() {
            Error::Config(chain(&error))
        } else {
            Error::ConnectionLost {
                detail: chain(&error),
            }
        }
    }
}

/// The error and its sources, `: `-separated, since reqwest's own message
/// ("error sending request") names no cause.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        let text = e.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = e.source();
    }
    out
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}
