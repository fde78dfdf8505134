//! The UM operations as Rust values: what a request asks and what an answer
//! carries, independent of XML. `wire` turns bytes into these and back;
//! `service` executes them.

use crate::store::{CallInfo, UmSettings};

/// Namespace of every UM request and response element (plain `http`).
pub const MESSAGES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";
/// Namespace that qualifies EWS response codes in fault codes.
pub const TYPES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/types";
/// Namespace of `ResponseCode` and `Message` in a malformed-request fault.
pub const ERRORS_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/errors";
/// SOAP 1.1 envelope namespace.
pub const SOAP_ENV_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// `UMGreetingType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GreetingType {
    NormalCustom,
    OofCustom,
}

impl GreetingType {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NormalCustom => "NormalCustom",
            Self::OofCustom => "OofCustom",
        }
    }

    /// Parses the wire name.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "NormalCustom" => Some(Self::NormalCustom),
            "OofCustom" => Some(Self::OofCustom),
            _ => None,
        }
    }
}

/// The eleven operations of the service, named as on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    IsUMEnabled,
    GetUMProperties,
    SetOofStatus,
    SetPlayOnPhoneDialString,
    SetTelephoneAccessFolderEmail,
    SetMissedCallNotificationEnabled,
    ResetPIN,
    PlayOnPhone,
    GetCallInfo,
    Disconnect,
    PlayOnPhoneGreeting,
}

impl Operation {
    /// Every operation, in the fact sheet's order.
    pub const ALL: [Operation; 11] = [
        Self::IsUMEnabled,
        Self::GetUMProperties,
        Self::SetOofStatus,
        Self::SetPlayOnPhoneDialString,
        Self::SetTelephoneAccessFolderEmail,
        Self::SetMissedCallNotificationEnabled,
        Self::ResetPIN,
        Self::PlayOnPhone,
        Self::GetCallInfo,
        Self::Disconnect,
        Self::PlayOnPhoneGreeting,
    ];

    /// The request element's local name.
    pub fn name(self) -> &'static str {
        match self {
            Self::IsUMEnabled => "IsUMEnabled",
            Self::GetUMProperties => "GetUMProperties",
            Self::SetOofStatus => "SetOofStatus",
            Self::SetPlayOnPhoneDialString => "SetPlayOnPhoneDialString",
            Self::SetTelephoneAccessFolderEmail => "SetTelephoneAccessFolderEmail",
            Self::SetMissedCallNotificationEnabled => "SetMissedCallNotificationEnabled",
            Self::ResetPIN => "ResetPIN",
            Self::PlayOnPhone => "PlayOnPhone",
            Self::GetCallInfo => "GetCallInfo",
            Self::Disconnect => "Disconnect",
            Self::PlayOnPhoneGreeting => "PlayOnPhoneGreeting",
        }
    }

    /// The operation whose request element is named `name` (case-sensitive).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.name() == name)
    }

    /// The SOAPAction header value, without quotes.
    pub fn soap_action(self) -> String {
        format!("{MESSAGES_NS}/{}", self.name())
    }
}

/// A decoded request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UmRequest {
    IsUmEnabled,
    GetUmProperties,
    SetOofStatus(bool),
    SetPlayOnPhoneDialString(String),
    SetTelephoneAccessFolderEmail(String),
    SetMissedCallNotificationEnabled(bool),
    ResetPin,
    PlayOnPhone {
        entry_id: String,
        dial_string: String,
    },
    GetCallInfo {
        call_id: String,
    },
    Disconnect {
        call_id: String,
    },
    PlayOnPhoneGreeting {
        greeting_type: GreetingType,
        dial_string: String,
    },
}

impl UmRequest {
    /// The operation this request invokes.
    pub fn operation(&self) -> Operation {
        match self {
            Self::IsUmEnabled => Operation::IsUMEnabled,
            Self::GetUmProperties => Operation::GetUMProperties,
            Self::SetOofStatus(_) => Operation::SetOofStatus,
            Self::SetPlayOnPhoneDialString(_) => Operation::SetPlayOnPhoneDialString,
            Self::SetTelephoneAccessFolderEmail(_) => Operation::SetTelephoneAccessFolderEmail,
            Self::SetMissedCallNotificationEnabled(_) => {
                Operation::SetMissedCallNotificationEnabled
            }
            Self::ResetPin => Operation::ResetPIN,
            Self::PlayOnPhone { .. } => Operation::PlayOnPhone,
            Self::GetCallInfo { .. } => Operation::GetCallInfo,
            Self::Disconnect { .. } => Operation::Disconnect,
            Self::PlayOnPhoneGreeting { .. } => Operation::PlayOnPhoneGreeting,
        }
    }
}

/// A successful answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UmResponse {
    /// An operation without a result: an empty `<XxxResponse/>`.
    Empty(Operation),
    IsUmEnabled(bool),
    GetUmProperties(UmSettings),
    /// PlayOnPhone's call id.
    PlayOnPhone(String),
    GetCallInfo(CallInfo),
    /// PlayOnPhoneGreeting's call id.
    PlayOnPhoneGreeting(String),
}

impl UmResponse {
    /// The operation this answers.
    pub fn operation(&self) -> Operation {
        match self {
            Self::Empty(op) => *op,
            Self::IsUmEnabled(_) => Operation::IsUMEnabled,
            Self::GetUmProperties(_) => Operation::GetUMProperties,
            Self::PlayOnPhone(_) => Operation::PlayOnPhone,
            Self::GetCallInfo(_) => Operation::GetCallInfo,
            Self::PlayOnPhoneGreeting(_) => Operation::PlayOnPhoneGreeting,
        }
    }
}
