//! The users file as TOML deserializes it, with the span of every value
//! that is checked afterwards, so that a problem can be located.

use std::collections::BTreeMap;

use toml::Spanned;

use crate::call::PhoneBehaviour;
use crate::policy::PinPolicySettings;
use crate::secret::Secret;

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileShape {
    #[serde(default)]
    pub dial_plan: DialPlanShape,
    #[serde(default)]
    pub calls: CallsShape,
    #[serde(default)]
    pub phones: BTreeMap<Spanned<String>, PhoneBehaviour>,
    pub users: Vec<Spanned<UserShape>>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DialPlanShape {
    pub name: Option<String>,
    pub access_numbers: Option<String>,
    pub extension_digits: Option<Spanned<u32>>,
}

/// Milliseconds; what is left out keeps its default.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CallsShape {
    pub connecting_ms: Option<u64>,
    pub ringing_ms: Option<u64>,
    pub no_answer_after_ms: Option<u64>,
    pub connected_for_ms: Option<u64>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UserShape {
    pub name: Spanned<String>,
    pub password: Spanned<Secret>,
    pub email: Spanned<String>,
    pub display_name: Option<String>,
    pub um_enabled: Option<bool>,
    pub extension: Option<Spanned<String>>,
    pub pin: Option<Spanned<Secret>>,
    pub policy: Option<Spanned<PinPolicySettings>>,
    #[serde(default, alias = "settings")]
    pub properties: PropertiesShape,
    /// A fault injected into this user's SOAP requests, in the text form
    /// of `crate::faults::InjectedFault`.
    pub fault: Option<Spanned<String>>,
    /// How many requests `fault` applies to; every one when absent.
    pub fault_count: Option<Spanned<u64>>,
}

/// The initial `UMProperties`; the Exchange element names are aliases.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PropertiesShape {
    #[serde(alias = "OofStatus")]
    pub oof_status: Option<bool>,
    #[serde(alias = "MissedCallNotificationEnabled")]
    pub missed_call_notification_enabled: Option<bool>,
    #[serde(alias = "PlayOnPhoneDialString")]
    pub play_on_phone_dial_string: Option<Spanned<String>>,
    #[serde(alias = "TelephoneAccessNumbers")]
    pub telephone_access_numbers: Option<String>,
    #[serde(alias = "TelephoneAccessFolderEmail")]
    pub telephone_access_folder_email: Option<Spanned<String>>,
}
