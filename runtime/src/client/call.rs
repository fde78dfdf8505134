//! One call: attempts under the call timeout, the retry rule, and what is
//! logged.

use reqwest::header::{CONTENT_TYPE, HeaderValue};
use tokio::time::Instant;
use tracing::{Instrument as _, Level, field};

use crate::Operation;
use crate::error::Error;
use crate::soap::{Envelope, EnvelopeStyle, NO_EXTRA_HEADERS, write_envelope_parts};

use super::body::read_limited;
use super::redact::{Redactor, redact_secret_elements};
use super::request_id::{self, RequestId};
use super::response::{AnswerHead, classify};
use super::retry::{RetryContext, RetryReason, retry_reason};
use super::{Client, Inner};

impl Client {
    /// Sends `request` as operation `O` and returns its response, retrying
    /// only as the [module docs](super) say. No header entry is sent, and
    /// those of the response are dropped.
    pub async fn call<O: Operation>(&self, request: &O::Request) -> Result<O::Response, Error> {
        let headers = O::InputHeaders::default();
        let response = self.call_with_headers::<O>(&headers, request).await?;
        Ok(response.body)
    }

    /// [`Self::call`] with the `soap:Header` entries of `headers` (left out
    /// when none is set), returning the response's entries with its body.
    /// A response entry the operation does not declare is ignored, unless
    /// it is marked `mustUnderstand` (see [`XmlHeaders`](crate::soap::XmlHeaders)).
    pub async fn call_with_headers<O: Operation>(
        &self,
        headers: &O::InputHeaders,
        request: &O::Request,
    ) -> Result<Envelope<O::OutputHeaders, O::Response>, Error> {
        let request_id = RequestId::new();
        let span = tracing::info_span!(
            "soap_call",
            operation = O::NAME,
            request_id = request_id.as_str(),
            attempt = field::Empty,
            status = field::Empty,
            server_request_id = field::Empty,
            elapsed_ms = field::Empty,
        );
        self.call_in_span::<O>(headers, request, &request_id)
            .instrument(span)
            .await
    }

    async fn call_in_span<O: Operation>(
        &self,
        headers: &O::InputHeaders,
        request: &O::Request,
        request_id: &RequestId,
    ) -> Result<Envelope<O::OutputHeaders, O::Response>, Error> {
        let inner = &*self.inner;
        let span = tracing::Span::current();
        let started = Instant::now();
        let deadline = started + inner.timeout;
        let call = CallHeaders::new::<O>(request_id)?;
        let mut attempts = 0u32;
        loop {
            attempts += 1;
            span.record("attempt", attempts);
            // Written per attempt: a WS-Security nonce is good for one
            // message, and a server that saw it refuses it again.
            let xml = inner.envelope::<O>(headers, request)?;
            if inner.log_bodies && tracing::enabled!(Level::TRACE) {
                tracing::trace!(body = %redact_secret_elements(&xml), "request body");
            }
            let attempt = inner.attempt::<O>(&xml, &call);
            let result = match tokio::time::timeout_at(deadline, attempt).await {
                Ok(result) => result,
                Err(_) => Err(Error::Timeout {
                    timeout: inner.timeout,
                }),
            };
            span.record("elapsed_ms", millis(started.elapsed()));
            let error = match result {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            let Some(reason) = retry_reason(&error, O::SAFE_TO_RETRY) else {
                tracing::debug!(error = %error, delivery = ?error.delivery(), "call failed");
                return Err(error);
            };
            let now = Instant::now();
            let ctx = RetryContext {
                operation: O::NAME,
                safe_to_retry: O::SAFE_TO_RETRY,
                attempts,
                elapsed: now - started,
                remaining: deadline.saturating_duration_since(now),
                reason,
                error: &error,
            };
            let Some(delay) = inner.retry.next_delay(&ctx) else {
                tracing::debug!(error = %error, "call failed; the retry policy gives up");
                return Err(error);
            };
            // The server's back-off is a floor no policy can lower.
            let delay = match reason {
                RetryReason::Throttled {
                    server_hint: Some(hint),
                } => delay.max(hint),
                _ => delay,
            };
            if delay >= ctx.remaining {
                tracing::debug!(
                    error = %error,
                    delay_ms = millis(delay),
                    "call failed; waiting would outlast the call timeout"
                );
                return Err(error);
            }
            tracing::info!(error = %error, delay_ms = millis(delay), "retrying");
            tokio::time::sleep(delay).await;
        }
    }
}

/// The header values that are the same for every attempt of a call.
struct CallHeaders {
    /// SOAP 1.2 carries the action here.
    content_type: HeaderValue,
    /// SOAP 1.1 only.
    soap_action: Option<HeaderValue>,
    request_id: HeaderValue,
}

impl CallHeaders {
    fn new<O: Operation>(request_id: &RequestId) -> Result<Self, Error> {
        let invalid = || Error::Config(format!("invalid SOAP action for {}", O::NAME));
        let content_type = HeaderValue::try_from(O::VERSION.content_type(O::SOAP_ACTION))
            .map_err(|_| invalid())?;
        // .NET sends the 1.1 action quoted, and some ASMX front ends match
        // on the quoted form.
        let soap_action = O::VERSION
            .soap_action_header(O::SOAP_ACTION)
            .map(HeaderValue::try_from)
            .transpose()
            .map_err(|_| invalid())?;
        let request_id = HeaderValue::from_str(request_id.as_str())
            .map_err(|_| Error::Config("invalid request id".into()))?;
        Ok(Self {
            content_type,
            soap_action,
            request_id,
        })
    }
}

impl Inner {
    /// The request's envelope, with the WS-Security header if configured.
    fn envelope<O: Operation>(
        &self,
        headers: &O::InputHeaders,
        request: &O::Request,
    ) -> Result<String, Error> {
        let xml = match &self.username_token {
            Some(token) => write_envelope_parts(
                O::VERSION,
                &EnvelopeStyle::COMPACT,
                headers,
                Some(|w: &mut crate::xml::XmlWriter| token.write_header_now(w)),
                request,
            )?,
            None => write_envelope_parts(
                O::VERSION,
                &EnvelopeStyle::COMPACT,
                headers,
                NO_EXTRA_HEADERS,
                request,
            )?,
        };
        Ok(xml)
    }

    async fn attempt<O: Operation>(
        &self,
        body: &str,
        call: &CallHeaders,
    ) -> Result<Envelope<O::OutputHeaders, O::Response>, Error> {
        let mut redactor = Redactor::default();
        let mut request = self
            .http
            .post(self.endpoint.clone())
            .header(CONTENT_TYPE, call.content_type.clone())
            .header(request_id::HEADER, call.request_id.clone());
        if let Some(action) = &call.soap_action {
            request = request.header("SOAPAction", action.clone());
        }
        let request = request.body(body.to_owned());
        let response = self.send_authenticated(request, &mut redactor).await?;
        let status = response.status().as_u16();
        let span = tracing::Span::current();
        span.record("status", status);
        if let Some(id) = response
            .headers()
            .get("request-id")
            .and_then(|v| v.to_str().ok())
        {
            span.record("server_request_id", id);
        }
        let head = AnswerHead::new(status, response.headers());
        let bytes = read_limited(response, self.max_response_bytes, |e| {
            self.transport_error(e)
        })
        .await?;
        if self.log_bodies && tracing::enabled!(Level::TRACE) {
            let text = redactor.apply(&redact_secret_elements(&String::from_utf8_lossy(&bytes)));
            tracing::trace!(status, body = %text, "response body");
        }
        classify::<O::OutputHeaders, O::Response>(O::VERSION, head, &bytes, &redactor)
    }

    /// Sorts a transport failure by whether the request may have gone out.
    /// Only a connect error proves it did not; anything else counts as
    /// possibly sent.
    pub(super) fn transport_error(&self, error: reqwest::Error) -> Error {
        let error = error.without_url();
        if error.is_connect() {
            if error.is_timeout() {
                Error::ConnectTimeout {
                    timeout: self.connect_timeout,
                }
            } else {
                Error::Connect {
                    detail: chain(&error),
                }
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

fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
