//! What each operation does to the store, for an authenticated caller.
//!
//! Every operation acts on the caller's own mailbox. All but IsUMEnabled need
//! the caller to be UM-enabled. Validation choices of the emulator (the
//! documentation names the exceptions but not every rule):
//! - a dial string must satisfy the dialing rules of [`crate::call`]
//!   (digits, an optional leading `+`, a few separators, 1 to 32 digits), or
//!   DialingRulesException. SetPlayOnPhoneDialString also accepts an empty
//!   string (no dial string).
//! - an item entry id and a folder id must be non-empty standard base64, or
//!   InvalidObjectIdException.
//! - a call id must name a call placed by the same caller, or
//!   InvalidCallIdException (another user's call looks like no call at all).
//!   Disconnect of a call that is over already succeeds and changes nothing.
//! - PlayOnPhone and PlayOnPhoneGreeting answer as soon as the call is
//!   placed, in state Connecting; the call then moves on by itself, as
//!   [`crate::call`] describes, and GetCallInfo reports where it is.
//! - a string parameter that the schema lets a client leave out counts as
//!   empty, and so gets the exception an empty value gets.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use exchange_um::um;

use crate::call::{CallConfig, CallId, CallSchedule, is_valid_dial_string};
use crate::pin::PinGenerationError;
use crate::soap::{UmRequest, UmResponse};
use crate::store::{CallRecord, SettingChange, Store, StoreError, UserId};

/// A failed operation; each maps to one SOAP fault.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("the user is not enabled for Unified Messaging")]
    NotUmEnabled,
    #[error("the call identifier isn't valid")]
    InvalidCallId,
    #[error("the object identifier isn't valid")]
    InvalidObjectId,
    #[error("the dial string isn't valid under the dialing rules")]
    DialingRules,
    #[error("no new PIN could be generated: {0}")]
    PinGeneration(PinGenerationError),
    #[error("internal error: {0}")]
    Internal(StoreError),
    #[error("the operating system's random number generator failed: {0}")]
    Random(getrandom::Error),
    #[error("the operation's worker thread failed: {0}")]
    Crashed(String),
}

impl ServiceError {
    /// The .NET exception class name Exchange puts in `faultcode` and
    /// `ExceptionType`; `None` for an internal error, which Exchange answers
    /// with an EWS response code instead.
    pub fn exception_type(&self) -> Option<&'static str> {
        match self {
            Self::NotUmEnabled => Some("UserNotUmEnabledException"),
            Self::InvalidCallId => Some("InvalidCallIdException"),
            Self::InvalidObjectId => Some("InvalidObjectIdException"),
            Self::DialingRules => Some("DialingRulesException"),
            // Not documented; the emulator's name for "ResetPIN failed".
            Self::PinGeneration(_) => Some("ResetPINException"),
            Self::Internal(_) | Self::Random(_) | Self::Crashed(_) => None,
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotUmEnabled => Self::NotUmEnabled,
            StoreError::PinGeneration(e) => Self::PinGeneration(e),
            other => Self::Internal(other),
        }
    }
}

/// The business logic of the service over a store.
#[derive(Debug, Clone)]
pub struct UmService {
    store: Store,
    server_fqdn: String,
    calls: CallConfig,
}

impl UmService {
    /// A service whose call ids and e-mails name `server_fqdn`, with the
    /// default [`CallConfig`].
    pub fn new(store: Store, server_fqdn: impl Into<String>) -> Self {
        Self {
            store,
            server_fqdn: server_fqdn.into(),
            calls: CallConfig::default(),
        }
    }

    /// The same service with calls timed, answered and clocked by `calls`.
    pub fn with_calls(mut self, calls: CallConfig) -> Self {
        self.calls = calls;
        self
    }

    /// The store this service works on.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Sender of the reset e-mail.
    pub fn mail_sender(&self) -> String {
        format!(
            "Microsoft Exchange <MicrosoftExchange@{}>",
            self.server_fqdn
        )
    }

    /// Runs `request` for `caller` on a blocking thread (hashing and SQLite).
    pub async fn execute(
        &self,
        caller: UserId,
        request: UmRequest,
    ) -> Result<UmResponse, ServiceError> {
        let service = self.clone();
        tokio::task::spawn_blocking(move || service.execute_blocking(caller, request))
            .await
            .map_err(|join| ServiceError::Crashed(join.to_string()))?
    }

    /// Runs `request` for `caller` on the current thread.
    pub fn execute_blocking(
        &self,
        caller: UserId,
        request: UmRequest,
    ) -> Result<UmResponse, ServiceError> {
        let user = self.store.user(caller)?;
        let set = |change: SettingChange| self.store.change_setting(caller, &change);
        match request {
            UmRequest::IsUmEnabled(_) => Ok(UmResponse::IsUmEnabled(um::IsUmEnabledResponse {
                is_um_enabled_response: user.um_enabled,
                ..Default::default()
            })),
            _ if !user.um_enabled => Err(ServiceError::NotUmEnabled),
            UmRequest::GetUmProperties(_) => {
                let properties = self.store.um_settings(caller)?.into();
                Ok(UmResponse::GetUmProperties(um::GetUmPropertiesResponse {
                    get_um_properties_response: Some(properties),
                    ..Default::default()
                }))
            }
            UmRequest::SetOofStatus(um::SetOofStatus { status, .. }) => {
                set(SettingChange::OofStatus(status))?;
                Ok(UmResponse::SetOofStatus(um::SetOofStatusResponse::default()))
            }
            UmRequest::SetMissedCallNotificationEnabled(um::SetMissedCallNotificationEnabled {
                status,
                ..
            }) => {
                set(SettingChange::MissedCallNotificationEnabled(status))?;
                Ok(UmResponse::SetMissedCallNotificationEnabled(
                    um::SetMissedCallNotificationEnabledResponse::default(),
                ))
            }
            UmRequest::SetPlayOnPhoneDialString(um::SetPlayOnPhoneDialString {
                dial_string,
                ..
            }) => {
                let dial = dial_string.unwrap_or_default();
                if !dial.is_empty() {
                    check_dial_string(&dial)?;
                }
                set(SettingChange::PlayOnPhoneDialString(dial))?;
                Ok(UmResponse::SetPlayOnPhoneDialString(
                    um::SetPlayOnPhoneDialStringResponse::default(),
                ))
            }
            UmRequest::SetTelephoneAccessFolderEmail(request) => {
                let folder = request.base64_folder_id.unwrap_or_default();
                check_base64_id(&folder)?;
                set(SettingChange::TelephoneAccessFolderEmail(folder))?;
                Ok(UmResponse::SetTelephoneAccessFolderEmail(
                    um::SetTelephoneAccessFolderEmailResponse::default(),
                ))
            }
            UmRequest::ResetPin(_) => {
                self.store.reset_pin(caller, &self.mail_sender())?;
                Ok(UmResponse::ResetPin(um::ResetPinResponse::default()))
            }
            UmRequest::PlayOnPhone(um::PlayOnPhone {
                entry_id,
                dial_string,
                ..
            }) => {
                let entry_id = entry_id.unwrap_or_default();
                check_base64_id(&entry_id)?;
                let call_id = self.place_call(caller, entry_id, dial_string)?;
                Ok(UmResponse::PlayOnPhone(um::PlayOnPhoneResponse {
                    play_on_phone_response: Some(call_id),
                    ..Default::default()
                }))
            }
            UmRequest::PlayOnPhoneGreeting(um::PlayOnPhoneGreeting {
                greeting_type,
                dial_string,
                ..
            }) => {
                let target = greeting_type.as_str().to_owned();
                let call_id = self.place_call(caller, target, dial_string)?;
                Ok(UmResponse::PlayOnPhoneGreeting(
                    um::PlayOnPhoneGreetingResponse {
                        play_on_phone_greeting_response: Some(call_id),
                        ..Default::default()
                    },
                ))
            }
            UmRequest::GetCallInfo(um::GetCallInfo { call_id, .. }) => {
                let call_id = call_id.unwrap_or_default();
                let schedule = self.store.call_schedule(caller, &call_id)?;
                let info = schedule
                    .ok_or(ServiceError::InvalidCallId)?
                    .info_at(self.calls.clock.now());
                Ok(UmResponse::GetCallInfo(um::GetCallInfoResponse {
                    get_call_info_response: Some(info.into()),
                    ..Default::default()
                }))
            }
            UmRequest::Disconnect(um::Disconnect { call_id, .. }) => {
                let call_id = call_id.unwrap_or_default();
                let now = self.calls.clock.now();
                match self.store.hang_up_call(caller, &call_id, now)? {
                    Some(_) => Ok(UmResponse::Disconnect(um::DisconnectResponse::default())),
                    None => Err(ServiceError::InvalidCallId),
                }
            }
        }
    }

    /// Checks the dial string, then places a call to it: its life is
    /// planned now, from how the dialed number behaves.
    fn place_call(
        &self,
        caller: UserId,
        target: String,
        dial_string: Option<String>,
    ) -> Result<String, ServiceError> {
        let dial_string = dial_string.unwrap_or_default();
        check_dial_string(&dial_string)?;
        let call_id = CallId::generate(&self.server_fqdn).map_err(|e| ServiceError::Random(e.0))?;
        let behaviour = self.calls.phones.behaviour(&dial_string);
        let schedule = CallSchedule::plan(self.calls.clock.now(), behaviour, &self.calls.timings);
        let call = CallRecord {
            call_id: call_id.encode(),
            target,
            dial_string,
            schedule,
        };
        self.store.start_call(caller, &call)?;
        tracing::debug!(call = %call_id.guid(), ?behaviour, "call placed");
        Ok(call.call_id)
    }
}

fn check_dial_string(dial: &str) -> Result<(), ServiceError> {
    if is_valid_dial_string(dial) {
        Ok(())
    } else {
        Err(ServiceError::DialingRules)
    }
}

fn check_base64_id(id: &str) -> Result<(), ServiceError> {
    match STANDARD.decode(id) {
        Ok(bytes) if !bytes.is_empty() => Ok(()),
        _ => Err(ServiceError::InvalidObjectId),
    }
}

#[cfg(test)]
mod tests;
