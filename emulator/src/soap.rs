//! The UM operations as Rust values. A request or an answer is the type
//! generated from `schemas/um.wsdl` that the client sends and reads, so the
//! emulator and the client cannot disagree about an element's name, order or
//! type. The runtime's dispatcher, through the generated port
//! (`server::port`), reads requests into these and writes answers from
//! them; `service` executes them.
//!
//! The store keeps its own types for what it persists ([`UmSettings`],
//! [`CallInfo`]); they become wire types here, when an answer is built.

use exchange_um::um;
use xsdgen_runtime::Operation;

use crate::store::{CallInfo, CallState, EventCause, UmSettings};

/// Namespace of every UM request and response element (plain `http`).
pub use exchange_um::um::MESSAGES_NS;

/// Declares [`UmRequest`] and [`UmResponse`] with one variant per operation,
/// named after the operation's type in `um::operations`, so that the list of
/// operations is written once; each request type converts into its
/// variant, and an answer back into the response type of its operation.
macro_rules! um_operations {
    ($($op:ident($request:ident) -> $response:ident),+ $(,)?) => {
        /// A decoded request: the body element of one operation.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum UmRequest {
            $($op(um::$request)),+
        }

        /// A successful answer: the body element of the response of the
        /// same operation.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum UmResponse {
            $($op(um::$response)),+
        }

        impl UmRequest {
            /// The operation's name as in the WSDL, e.g. `ResetPIN`.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Self::$op(_) => <um::operations::$op as Operation>::NAME),+
                }
            }
        }

        $(
            // Ties each pair of the list to its operation's types: a
            // mismatch does not compile.
            const _: fn(<um::operations::$op as Operation>::Request) -> um::$request = |r| r;
            const _: fn(<um::operations::$op as Operation>::Response) -> um::$response = |r| r;

            impl From<um::$request> for UmRequest {
                fn from(request: um::$request) -> Self {
                    Self::$op(request)
                }
            }

            impl TryFrom<UmResponse> for um::$response {
                /// The answer of another operation, given back.
                type Error = UmResponse;

                fn try_from(answer: UmResponse) -> Result<Self, UmResponse> {
                    match answer {
                        UmResponse::$op(response) => Ok(response),
                        other => Err(other),
                    }
                }
            }
        )+

        impl UmResponse {
            /// The name of the operation this answers.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Self::$op(_) => <um::operations::$op as Operation>::NAME),+
                }
            }
        }
    };
}

um_operations! {
    IsUmEnabled(IsUmEnabled) -> IsUmEnabledResponse,
    GetUmProperties(GetUmProperties) -> GetUmPropertiesResponse,
    SetOofStatus(SetOofStatus) -> SetOofStatusResponse,
    SetPlayOnPhoneDialString(SetPlayOnPhoneDialString) -> SetPlayOnPhoneDialStringResponse,
    SetTelephoneAccessFolderEmail(SetTelephoneAccessFolderEmail)
        -> SetTelephoneAccessFolderEmailResponse,
    SetMissedCallNotificationEnabled(SetMissedCallNotificationEnabled)
        -> SetMissedCallNotificationEnabledResponse,
    ResetPin(ResetPin) -> ResetPinResponse,
    PlayOnPhone(PlayOnPhone) -> PlayOnPhoneResponse,
    GetCallInfo(GetCallInfo) -> GetCallInfoResponse,
    Disconnect(Disconnect) -> DisconnectResponse,
    PlayOnPhoneGreeting(PlayOnPhoneGreeting) -> PlayOnPhoneGreetingResponse,
}

impl From<UmSettings> for um::UmProperties {
    /// Every string is sent, empty ones included: the store has no "unset".
    fn from(s: UmSettings) -> Self {
        Self {
            oof_status: s.oof_status,
            missed_call_notification_enabled: s.missed_call_notification_enabled,
            play_on_phone_dial_string: Some(s.play_on_phone_dial_string),
            telephone_access_numbers: Some(s.telephone_access_numbers),
            telephone_access_folder_email: Some(s.telephone_access_folder_email),
            ..Default::default()
        }
    }
}

impl From<CallInfo> for um::UmCallInfo {
    fn from(info: CallInfo) -> Self {
        Self::new(info.state.into(), info.event_cause.into())
    }
}

// Written out rather than converted through the names, so that a value added
// to a store enum fails to compile here instead of failing at run time.
impl From<CallState> for um::UmCallState {
    fn from(state: CallState) -> Self {
        match state {
            CallState::Idle => Self::Idle,
            CallState::Connecting => Self::Connecting,
            CallState::Alerted => Self::Alerted,
            CallState::Connected => Self::Connected,
            CallState::Disconnected => Self::Disconnected,
            CallState::Incoming => Self::Incoming,
            CallState::Transferring => Self::Transferring,
            CallState::Forwarding => Self::Forwarding,
        }
    }
}

impl From<EventCause> for um::UmEventCause {
    fn from(cause: EventCause) -> Self {
        match cause {
            EventCause::None => Self::None,
            EventCause::UserBusy => Self::UserBusy,
            EventCause::NoAnswer => Self::NoAnswer,
            EventCause::Unavailable => Self::Unavailable,
            EventCause::Other => Self::Other,
        }
    }
}
