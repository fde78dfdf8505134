//! `POST` on a service endpoint: authenticate, apply injected faults, decode,
//! execute, encode.

use axum::Extension;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use xsdgen_runtime::soap::Fault;

use super::accept::ConnectionControl;
use super::routes::{AppState, caller};
use crate::faults::InjectedFault;
use crate::service::ServiceError;
use crate::wire::{self, SOAP_CONTENT_TYPE};

const HTML_ERROR_PAGE: &str = "<!DOCTYPE html><html><head><title>Runtime Error</title></head>\
<body><h1>Server Error in '/EWS' Application.</h1><h2><i>Runtime Error</i></h2>\
<p>An application error occurred on the server.</p></body></html>";

pub(super) async fn handle(
    State(state): State<AppState>,
    control: Option<Extension<ConnectionControl>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let caller = match caller(&state, &headers).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let (delay, injected) = state.faults.next_request();
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    match injected {
        Some(InjectedFault::ServerBusy { back_off }) => {
            return soap_fault(&Fault::server_busy(back_off));
        }
        Some(InjectedFault::ServiceUnavailable { retry_after }) => {
            return service_unavailable(retry_after.map(|d| d.as_secs()));
        }
        Some(InjectedFault::HtmlError) => {
            let html = [(header::CONTENT_TYPE, "text/html; charset=utf-8")];
            return (StatusCode::INTERNAL_SERVER_ERROR, html, HTML_ERROR_PAGE).into_response();
        }
        Some(InjectedFault::DropAfterApply) | None => {}
    }

    let action = headers.get("SOAPAction").and_then(|v| v.to_str().ok());
    let request = match wire::decode_request(&body, action) {
        Ok(request) => request,
        Err(reason) => {
            tracing::debug!(%reason, "malformed request");
            return soap_fault(&wire::invalid_request(&reason));
        }
    };
    let operation = request.name();
    tracing::debug!(user = %caller.name, operation, "executing");
    let result = state.service.execute(caller.id, request).await;

    if injected == Some(InjectedFault::DropAfterApply) {
        match control {
            Some(Extension(control)) => {
                control.drop_connection();
                // Never answer: the connection task drops this future.
                std::future::pending::<()>().await;
            }
            None => tracing::warn!("cannot drop a connection not served by the emulator's loop"),
        }
    }
    let written = match result {
        Ok(response) => wire::encode_response(&response),
        Err(error) => return soap_fault(&service_fault(operation, &error)),
    };
    match written {
        Ok(xml) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, SOAP_CONTENT_TYPE)],
            xml,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(operation, %error, "cannot write the answer");
            soap_fault(&wire::internal_error())
        }
    }
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

/// HTTP 500 with the fault; a bare 500 if even the fault cannot be written
/// (its text is the emulator's own or made safe for XML, so that is not
/// expected).
fn soap_fault(fault: &Fault) -> Response {
    match wire::encode_fault(fault) {
        Ok(xml) => {
            let content_type = [(header::CONTENT_TYPE, SOAP_CONTENT_TYPE)];
            (StatusCode::INTERNAL_SERVER_ERROR, content_type, xml).into_response()
        }
        Err(error) => {
            tracing::error!(%error, "cannot write a fault");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn service_unavailable(retry_after_secs: Option<u64>) -> Response {
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable\n").into_response();
    if let Some(secs) = retry_after_secs {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}
