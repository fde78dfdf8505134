//! `POST` on a service endpoint: authenticate, read the body (bounded),
//! apply injected faults, decode, execute, encode.

use axum::Extension;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use xsdgen_runtime::soap::Fault;

use super::accept::ConnectionControl;
use super::answers;
use super::request_body::{BodyError, read_limited};
use super::routes::{AppState, caller};
use crate::auth::ConnectionAuth;
use crate::faults::{FAULT_HEADER, InjectedFault};
use crate::service::ServiceError;
use crate::wire;

pub(super) async fn handle(
    State(state): State<AppState>,
    control: Option<Extension<ConnectionControl>>,
    connection: Option<Extension<ConnectionAuth>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let connection = connection.as_ref().map(|Extension(c)| c);
    let caller = match caller(&state, &headers, connection).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let body = match read_limited(&headers, body, state.max_request_bytes).await {
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
    let requested = match requested_fault(&state, &headers) {
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

    let (status, xml) = answer(&state, caller.id, &headers, &body).await;
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
                answers::soap(status, xml)
            }
        },
        Some(InjectedFault::Slow { delay }) => {
            tokio::time::sleep(delay).await;
            answers::soap(status, xml)
        }
        Some(InjectedFault::TruncatedBody) => answers::truncated(status, xml),
        _ => answers::soap(status, xml),
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

/// Decodes and executes the request: the status and document of the
/// answer, a response or a fault.
async fn answer(
    state: &AppState,
    caller: crate::store::UserId,
    headers: &HeaderMap,
    body: &[u8],
) -> (StatusCode, String) {
    let action = headers.get("SOAPAction").and_then(|v| v.to_str().ok());
    let request = match wire::decode_request(body, action) {
        Ok(request) => request,
        Err(reason) => {
            tracing::debug!(%reason, "malformed request");
            return fault(&wire::invalid_request(&reason));
        }
    };
    let operation = request.name();
    tracing::debug!(operation, "executing");
    let response = match state.service.execute(caller, request).await {
        Ok(response) => response,
        Err(error) => return fault(&service_fault(operation, &error)),
    };
    match wire::encode_response(&response) {
        Ok(xml) => (StatusCode::OK, xml),
        Err(error) => {
            tracing::error!(operation, %error, "cannot write the answer");
            fault(&wire::internal_error())
        }
    }
}

/// A 500 with the fault; with no body if even the fault cannot be
/// written (its text is the emulator's own or made safe for XML, so that
/// is not expected).
fn fault(fault: &Fault) -> (StatusCode, String) {
    let xml = wire::encode_fault(fault).unwrap_or_else(|error| {
        tracing::error!(%error, "cannot write a fault");
        String::new()
    });
    (StatusCode::INTERNAL_SERVER_ERROR, xml)
}

fn service_fault(operation: &str, error: &ServiceError) -> Fault {
    match error.exception_type() {
        Some(class) => Fault::exception(class, error.to_string()),
        None => {
            tracing::error!(operation, %error, "operation failed inside the emulator");
            wire::internal_error()
        }
    }
}
