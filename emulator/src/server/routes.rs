//! The HTTP routes and the shared state of their handlers.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};

use super::{soap_endpoint, wsdl};
use crate::auth::{self, AuthConfig, AuthError, AuthLog, AuthRecord, Caller, ConnectionAuth};
use crate::faults::FaultInjection;
use crate::service::UmService;
use xsdgen_runtime::server::SoapService;

/// Exchange 2010–2016 path of the service.
pub const EWS_PATH: &str = "/EWS/UM2007Legacy.asmx";
/// Exchange 2007 path of the service.
pub const LEGACY_PATH: &str = "/UnifiedMessaging/Service.asmx";
/// The caller's mailbox as JSON (an emulator extension, not an Exchange API).
pub const MAILBOX_PATH: &str = "/mailbox";

#[derive(Clone)]
pub(super) struct AppState {
    pub service: UmService,
    /// The UM operations on the runtime's dispatcher, over `service`.
    pub soap: SoapService,
    pub faults: Arc<FaultInjection>,
    pub auth: AuthConfig,
    pub auth_log: Arc<AuthLog>,
    /// `http://host:port`, for the WSDL's soap:address.
    pub base_url: String,
    /// Whether the fault header of a request is honoured.
    pub fault_header: bool,
    pub max_request_bytes: usize,
}

pub(super) fn router(state: AppState) -> Router {
    Router::new()
        .route(
            EWS_PATH,
            post(soap_endpoint::handle).get(wsdl::endpoint_get),
        )
        .route(
            LEGACY_PATH,
            post(soap_endpoint::handle).get(wsdl::endpoint_get),
        )
        .route("/EWS/{file}", get(wsdl::schema_file))
        .route("/UnifiedMessaging/{file}", get(wsdl::schema_file))
        .route(MAILBOX_PATH, get(mailbox))
        .with_state(state)
}

/// Authenticates, or answers: 401 with the challenges (or, on the first
/// leg of an NTLM handshake, with the CHALLENGE), or 500 if the store failed
/// (which is not the caller's fault and must not look like it).
/// `connection` is the state of the TCP connection the request came on.
pub(super) async fn caller(
    state: &AppState,
    headers: &HeaderMap,
    connection: Option<&ConnectionAuth>,
) -> Result<Caller, Response> {
    match auth::authenticate(state.service.store(), &state.auth, headers, connection).await {
        Ok(caller) => {
            state.auth_log.record(AuthRecord {
                user: caller.name.clone(),
                scheme: caller.scheme,
                peer: connection.and_then(ConnectionAuth::peer),
            });
            Ok(caller)
        }
        Err(AuthError::Continue { scheme, token }) => Err(auth::continue_handshake(scheme, &token)),
        Err(AuthError::Store(error)) => {
            tracing::error!(%error, "credential check failed");
            Err(StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
        Err(reason) => {
            tracing::debug!(%reason, "unauthenticated request");
            Err(auth::challenge(&state.auth))
        }
    }
}

/// `GET /mailbox`: the caller's own messages, oldest first.
async fn mailbox(
    State(state): State<AppState>,
    connection: Option<Extension<ConnectionAuth>>,
    headers: HeaderMap,
) -> Response {
    let connection = connection.as_ref().map(|Extension(c)| c);
    let caller = match caller(&state, &headers, connection).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let store = state.service.store().clone();
    let messages = tokio::task::spawn_blocking(move || store.messages(caller.id)).await;
    let json = match messages {
        Ok(Ok(messages)) => serde_json::to_string(&messages),
        Ok(Err(error)) => {
            tracing::error!(%error, "reading the mailbox failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        Err(error) => {
            tracing::error!(%error, "the mailbox task failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match json {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(error) => {
            tracing::error!(%error, "encoding the mailbox failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
