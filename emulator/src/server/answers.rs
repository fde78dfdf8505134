//! The answers a service endpoint gives besides a normal SOAP response:
//! SOAP faults, and the injected faults that look like a front end's.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{self, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body::Frame;
use http_body_util::{BodyExt as _, Full};
use xsdgen_runtime::soap::Fault;

use super::port::write_fault;
use crate::auth::{self, AuthConfig};

/// `Content-Type` of a SOAP answer the front end writes itself.
const SOAP_CONTENT_TYPE: &str = "text/xml; charset=utf-8";

const HTML_ERROR_PAGE: &str = "<!DOCTYPE html><html><head><title>Runtime Error</title></head>\
<body><h1>Server Error in '/EWS' Application.</h1><h2><i>Runtime Error</i></h2>\
<p>An application error occurred on the server.</p></body></html>";

const SERVER_BUSY_MESSAGE: &str =
    "The server cannot service this request right now. Try again later.";

/// The status Exchange's front end answers for an account that cannot log
/// on as it is.
const ACCOUNT_LOCKED: u16 = 456;

/// HTTP 500 with the fault; a bare 500 if even the fault cannot be written
/// (its text is the emulator's own or made safe for XML, so that is not
/// expected).
fn soap_fault(fault: &Fault) -> Response {
    match write_fault(fault) {
        Ok(xml) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, SOAP_CONTENT_TYPE)],
            xml,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot write a fault");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `ErrorServerBusy`, with `BackOffMilliseconds` when given.
pub(super) fn server_busy(back_off: Option<Duration>) -> Response {
    let fault = match back_off {
        Some(back_off) => Fault::server_busy(back_off),
        None => Fault::ews_error("ErrorServerBusy", SERVER_BUSY_MESSAGE),
    };
    soap_fault(&fault)
}

pub(super) fn service_unavailable(retry_after: Option<Duration>) -> Response {
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable\n").into_response();
    if let Some(retry_after) = retry_after {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(retry_after.as_secs()),
        );
    }
    response
}

pub(super) fn html_error() -> Response {
    let html = [(header::CONTENT_TYPE, "text/html; charset=utf-8")];
    (StatusCode::INTERNAL_SERVER_ERROR, html, HTML_ERROR_PAGE).into_response()
}

pub(super) fn account_locked() -> Response {
    let status = StatusCode::from_u16(ACCOUNT_LOCKED).unwrap_or(StatusCode::FORBIDDEN);
    (status, "The account cannot be used as it is.\n").into_response()
}

/// `status` with `X-CasErrorCode: code`; a 401 carries the challenges too,
/// as the front end's does.
pub(super) fn cas_error(status: u16, code: &str, auth: &AuthConfig) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = if status == StatusCode::UNAUTHORIZED {
        auth::challenge(auth)
    } else {
        (
            status,
            "The request could not be proxied to the mailbox server.\n",
        )
            .into_response()
    };
    // The code was checked to be a token when the fault was made.
    if let Ok(value) = HeaderValue::from_str(code) {
        let name = HeaderName::from_static("x-caserrorcode");
        response.headers_mut().insert(name, value);
    }
    response
}

/// 413 for a body over the limit. The connection is closed after it: the
/// rest of the body is never read.
pub(super) fn too_large(limit: usize) -> Response {
    let text = format!("The request body is larger than {limit} bytes.\n");
    let mut response = (StatusCode::PAYLOAD_TOO_LARGE, text).into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// `answer` with its full `Content-Length`, of which only the first half
/// is sent before the connection is closed.
pub(super) async fn truncated(answer: http::Response<Full<Bytes>>) -> Response {
    let (parts, body) = answer.into_parts();
    let full = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(never) => match never {},
    };
    let length = HeaderValue::from(full.len());
    let body = Truncated {
        part: Some(full.slice(..full.len() / 2)),
        pause: None,
    };
    let mut response = Response::from_parts(parts, Body::new(body));
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, length);
    response
}

/// How long the half body is left to reach the socket before the
/// connection is cut. hyper writes out what it has whenever the body
/// waits; failing at once could lose the half too.
const FLUSH_PAUSE: Duration = Duration::from_millis(50);

/// A body that yields `part`, waits, then fails, which makes hyper close
/// the connection short of the declared length.
struct Truncated {
    part: Option<Bytes>,
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl http_body::Body for Truncated {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if let Some(part) = self.part.take() {
            return Poll::Ready(Some(Ok(Frame::data(part))));
        }
        let pause = self
            .pause
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(FLUSH_PAUSE)));
        match pause.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "answer truncated, as injected",
            )))),
        }
    }
}
