//! `POST` on a service endpoint, as Exchange's front end sees it:
//! authenticate, read the body (bounded), apply injected faults, then hand
//! the request to the UM service on the runtime's dispatcher
//! ([`port`](super::port)), which reads, executes and answers it.
//!
//! Faults that refuse the request (throttling, 503, HTML errors, ...) are
//! answered here without the service seeing it; those that spoil the
//! answer (slow, truncated, dropped) act on what the service answered,
//! after it executed the operation.

use axum::Extension;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{self, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body_util::Full;
use xsdgen_runtime::server::RemoteAddr;

use super::accept::ConnectionControl;
use super::answers;
use super::request_body::{BodyError, read_limited};
use super::routes::{AppState, caller};
use crate::auth::ConnectionAuth;
use crate::faults::{FAULT_HEADER, InjectedFault};

/// The content type of a request that names none: SOAP 1.1's, so that a
/// plain `curl --data-binary @request.xml` works.
const SOAP11_CONTENT_TYPE: &str = "text/xml; charset=utf-8";

pub(super) async fn handle(
    State(state): State<AppState>,
    control: Option<Extension<ConnectionControl>>,
    connection: Option<Extension<ConnectionAuth>>,
    request: Request,
) -> Response {
    let connection = connection.as_ref().map(|Extension(c)| c);
    let (mut parts, body) = request.into_parts();
    let caller = match caller(&state, &parts.headers, connection).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let body = match read_limited(&parts.headers, body, state.max_request_bytes).await {
        Ok(body) => body,
        Err(BodyError::TooLarge { limit }) => {
            tracing::debug!(user = %caller.name, limit, "request body over the limit");
            return answers::too_large(limit);
        }
        Err(error) => {
            tracing::debug!(%error, "request body not read");
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    let requested = match requested_fault(&state, &parts.headers) {
        Ok(requested) => requested,
        Err(reason) => {
            let text = format!("{FAULT_HEADER}: {reason}\n");
            return (StatusCode::BAD_REQUEST, text).into_response();
        }
    };
    let (delay, injected) = state.faults.next_request(&caller.name, requested);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    if let Some(fault) = &injected {
        tracing::debug!(user = %caller.name, %fault, "injecting a fault");
        if let Some(refusal) = refusal(fault, &state) {
            return refusal;
        }
    }

    if !parts.headers.contains_key(CONTENT_TYPE) {
        let soap11 = HeaderValue::from_static(SOAP11_CONTENT_TYPE);
        parts.headers.insert(CONTENT_TYPE, soap11);
    }
    if let Some(peer) = connection.and_then(ConnectionAuth::peer) {
        parts.extensions.insert(RemoteAddr(peer));
    }
    parts.extensions.insert(caller);
    let request = http::Request::from_parts(parts, Full::new(body));
    let answer = state.soap.handle(request).await;
    match injected {
        Some(InjectedFault::DropAfterApply) => match control {
            Some(Extension(control)) => {
                control.drop_connection();
                // Never answer: the connection task drops this future.
                std::future::pending::<()>().await;
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
            None => {
                tracing::warn!("cannot drop a connection not served by the emulator's loop");
                answer.map(Body::new)
            }
        },
        Some(InjectedFault::Slow { delay }) => {
            tokio::time::sleep(delay).await;
            answer.map(Body::new)
        }
        Some(InjectedFault::TruncatedBody) => answers::truncated(answer).await,
        _ => answer.map(Body::new),
    }
}

/// The fault the request's header names, when the config honours it;
/// why not, when it names none that exists.
fn requested_fault(state: &AppState, headers: &HeaderMap) -> Result<Option<InjectedFault>, String> {
    let Some(value) = headers.get(FAULT_HEADER) else {
        return Ok(None);
    };
    if !state.fault_header {
        tracing::debug!("{FAULT_HEADER} ignored: not enabled");
        return Ok(None);
    }
    let text = value.to_str().map_err(|_| "not text".to_owned())?;
    let fault = text.parse::<InjectedFault>().map_err(|e| e.to_string())?;
    Ok(Some(fault))
}

/// The answer of a fault that refuses the request without executing it.
fn refusal(fault: &InjectedFault, state: &AppState) -> Option<Response> {
    Some(match fault {
        InjectedFault::ServerBusy { back_off } => answers::server_busy(*back_off),
        InjectedFault::ServiceUnavailable { retry_after } => {
            answers::service_unavailable(*retry_after)
        }
        InjectedFault::HtmlError => answers::html_error(),
        InjectedFault::AccountLocked => answers::account_locked(),
        InjectedFault::CasError { status, code } => answers::cas_error(*status, code, &state.auth),
        InjectedFault::Slow { .. }
        | InjectedFault::TruncatedBody
        | InjectedFault::DropAfterApply => return None,
    })
}
