//! The UM service on the runtime's SOAP dispatcher: the generated port's
//! [`Server`] trait implemented over [`UmService`], and the
//! [`SoapService`] that reads each request into its operation's generated
//! type, runs it, and writes the answer, as Exchange writes it
//! ([`dialect`]).
//!
//! The caller is authenticated by the emulator's own HTTP layer in front
//! of the service, which attaches its [`Caller`] to the request; a
//! request without one is a bug of that layer, answered as an internal
//! error.

mod dialect;
mod invalid_request;

use std::sync::Arc;

use exchange_um::um;
use exchange_um::um::ports::um_service_port::{self, Server};
use xsdgen_runtime::server::{CallContext, Limits, Reply, SoapService};
use xsdgen_runtime::soap::Fault;

pub(super) use dialect::{internal_error, write_fault};

use crate::auth::Caller;
use crate::service::{ServiceError, UmService};
use crate::soap::{UmRequest, UmResponse};

/// The UM operations on `service` as a [`SoapService`], reading no body
/// longer than `max_request_bytes`: what the emulator's endpoints hand
/// requests to once their HTTP layer authenticated the caller and applied
/// injected faults, and what an application with its own HTTP stack can
/// serve. Each request must carry its authenticated [`Caller`] as a
/// request extension; one without is answered as an internal error.
pub fn soap_service(service: UmService, max_request_bytes: usize) -> SoapService {
    let limits = Limits {
        max_body_bytes: max_request_bytes,
        ..Limits::default()
    };
    um_service_port::router(Arc::new(UmPort { service }))
        .dialect(dialect::Exchange)
        .limits(limits)
        .into_service()
}

/// The port `UMServicePort`, served by the emulator.
struct UmPort {
    service: UmService,
}

impl UmPort {
    /// Runs `request` for the request's caller; its answer as the
    /// operation's response type `A`, or the fault of its failure.
    async fn run<A>(&self, cx: CallContext, request: impl Into<UmRequest>) -> Result<A, Fault>
    where
        A: TryFrom<UmResponse, Error = UmResponse>,
    {
        let request = request.into();
        let operation = request.name();
        let Some(caller) = cx.extensions().get::<Caller>().map(|c| c.id) else {
            tracing::error!(operation, "a request reached the service unauthenticated");
            return Err(internal_error());
        };
        tracing::debug!(operation, "executing");
        match self.service.execute(caller, request).await {
            Ok(response) => A::try_from(response).map_err(|other| {
                tracing::error!(
                    operation,
                    answer = other.name(),
                    "the service answered another operation"
                );
                internal_error()
            }),
            Err(error) => Err(service_fault(operation, &error)),
        }
    }
}

/// A failed operation: the exception fault Exchange answers with, or an
/// internal error when the emulator itself failed.
fn service_fault(operation: &str, error: &ServiceError) -> Fault {
    match error.exception_type() {
        Some(class) => Fault::exception(class, error.to_string()),
        None => {
            tracing::error!(operation, %error, "operation failed inside the emulator");
            internal_error()
        }
    }
}

impl Server for UmPort {
    fn is_um_enabled(
        &self,
        cx: CallContext,
        request: um::IsUmEnabled,
    ) -> impl Reply<um::IsUmEnabledResponse> {
        self.run(cx, request)
    }

    fn get_um_properties(
        &self,
        cx: CallContext,
        request: um::GetUmProperties,
    ) -> impl Reply<um::GetUmPropertiesResponse> {
        self.run(cx, request)
    }

    fn set_oof_status(
        &self,
        cx: CallContext,
        request: um::SetOofStatus,
    ) -> impl Reply<um::SetOofStatusResponse> {
        self.run(cx, request)
    }

    fn set_play_on_phone_dial_string(
        &self,
        cx: CallContext,
        request: um::SetPlayOnPhoneDialString,
    ) -> impl Reply<um::SetPlayOnPhoneDialStringResponse> {
        self.run(cx, request)
    }

    fn set_telephone_access_folder_email(
        &self,
        cx: CallContext,
        request: um::SetTelephoneAccessFolderEmail,
    ) -> impl Reply<um::SetTelephoneAccessFolderEmailResponse> {
        self.run(cx, request)
    }

    fn set_missed_call_notification_enabled(
        &self,
        cx: CallContext,
        request: um::SetMissedCallNotificationEnabled,
    ) -> impl Reply<um::SetMissedCallNotificationEnabledResponse> {
        self.run(cx, request)
    }

    fn reset_pin(
        &self,
        cx: CallContext,
        request: um::ResetPin,
    ) -> impl Reply<um::ResetPinResponse> {
        self.run(cx, request)
    }

    fn play_on_phone(
        &self,
        cx: CallContext,
        request: um::PlayOnPhone,
    ) -> impl Reply<um::PlayOnPhoneResponse> {
        self.run(cx, request)
    }

    fn get_call_info(
        &self,
        cx: CallContext,
        request: um::GetCallInfo,
    ) -> impl Reply<um::GetCallInfoResponse> {
        self.run(cx, request)
    }

    fn disconnect(
        &self,
        cx: CallContext,
        request: um::Disconnect,
    ) -> impl Reply<um::DisconnectResponse> {
        self.run(cx, request)
    }

    fn play_on_phone_greeting(
        &self,
        cx: CallContext,
        request: um::PlayOnPhoneGreeting,
    ) -> impl Reply<um::PlayOnPhoneGreetingResponse> {
        self.run(cx, request)
    }
}

#[cfg(test)]
mod tests;
