//! The UM mailbox PIN policy: its settings, their documented ranges, and the
//! rules a PIN must satisfy ([`PinPolicy::check`]).
//!
//! [`PinPolicySettings`] is the unvalidated shape read from a users file or the
//! store; [`PinPolicy::new`] checks every range once, so code holding a
//! `PinPolicy` never meets an out-of-range value.

mod rules;
pub mod unlimited;

pub use rules::PinRejected;

/// Longest `ResetPINText` Exchange accepts, in characters.
pub const MAX_RESET_PIN_TEXT_CHARS: usize = 512;

/// A PIN policy setting outside its documented range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("MinPINLength must be between 4 and 24, not {0}")]
    MinPinLength(u32),
    #[error("PINHistoryCount must be between 1 and 20, not {0}")]
    PinHistoryCount(u32),
    #[error("PINLifetime must be between 1 and 999 days or unlimited, not {0}")]
    PinLifetime(u32),
    #[error("MaxLogonAttempts must be between 1 and 999, not {0}")]
    MaxLogonAttempts(u32),
    #[error(
        "LogonFailuresBeforePINReset must be at least 1 and less than MaxLogonAttempts ({max}), not {value}"
    )]
    LogonFailuresBeforePinReset { value: u32, max: u32 },
    #[error("ResetPINText may hold at most 512 characters, not {0}")]
    ResetPinTextTooLong(usize),
}

/// The policy settings as written by an administrator, not yet validated.
///
/// Field names follow Rust style; the Exchange cmdlet names are accepted as
/// aliases in a users file. `pin_lifetime_days` and
/// `logon_failures_before_pin_reset` are `None` for Exchange's `Unlimited`,
/// written `"unlimited"` in a file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct PinPolicySettings {
    #[serde(alias = "MinPINLength")]
    pub min_pin_length: u32,
    #[serde(alias = "PINHistoryCount")]
    pub pin_history_count: u32,
    #[serde(alias = "PINLifetime", with = "unlimited")]
    pub pin_lifetime_days: Option<u32>,
    #[serde(alias = "AllowCommonPatterns")]
    pub allow_common_patterns: bool,
    #[serde(alias = "MaxLogonAttempts")]
    pub max_logon_attempts: u32,
    #[serde(alias = "LogonFailuresBeforePINReset", with = "unlimited")]
    pub logon_failures_before_pin_reset: Option<u32>,
    #[serde(alias = "ResetPINText")]
    pub reset_pin_text: String,
}

impl Default for PinPolicySettings {
    /// Exchange's defaults.
    fn default() -> Self {
        Self {
            min_pin_length: 6,
            pin_history_count: 5,
            pin_lifetime_days: Some(60),
            allow_common_patterns: false,
            max_logon_attempts: 15,
            logon_failures_before_pin_reset: Some(5),
            reset_pin_text: String::new(),
        }
    }
}

/// A validated UM mailbox PIN policy; the default is Exchange's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PinPolicy {
    settings: PinPolicySettings,
}

impl PinPolicy {
    /// Validates every setting against its documented range.
    pub fn new(settings: PinPolicySettings) -> Result<Self, PolicyError> {
        let s = &settings;
        if !(4..=24).contains(&s.min_pin_length) {
            return Err(PolicyError::MinPinLength(s.min_pin_length));
        }
        if !(1..=20).contains(&s.pin_history_count) {
            return Err(PolicyError::PinHistoryCount(s.pin_history_count));
        }
        if let Some(days) = s.pin_lifetime_days.filter(|d| !(1..=999).contains(d)) {
            return Err(PolicyError::PinLifetime(days));
        }
        if !(1..=999).contains(&s.max_logon_attempts) {
            return Err(PolicyError::MaxLogonAttempts(s.max_logon_attempts));
        }
        let max = s.max_logon_attempts;
        if let Some(value) = s
            .logon_failures_before_pin_reset
            .filter(|&v| v == 0 || v >= max)
        {
            return Err(PolicyError::LogonFailuresBeforePinReset { value, max });
        }
        let chars = s.reset_pin_text.chars().count();
        if chars > MAX_RESET_PIN_TEXT_CHARS {
            return Err(PolicyError::ResetPinTextTooLong(chars));
        }
        Ok(Self { settings })
    }

    /// The settings this policy was built from.
    pub fn settings(&self) -> &PinPolicySettings {
        &self.settings
    }

    /// Number of digits of a generated PIN and minimum of a chosen one.
    pub fn min_pin_length(&self) -> usize {
        // Validated to 4..=24 in `new`, so the cast cannot truncate.
        self.settings.min_pin_length as usize
    }

    /// How many earlier PINs may not be reused.
    pub fn pin_history_count(&self) -> usize {
        // Validated to 1..=20 in `new`.
        self.settings.pin_history_count as usize
    }

    /// Whether repeated digits and runs are tolerated.
    pub fn allow_common_patterns(&self) -> bool {
        self.settings.allow_common_patterns
    }

    /// Failed phone logons that lock the mailbox out of the phone interface.
    pub fn max_logon_attempts(&self) -> u32 {
        self.settings.max_logon_attempts
    }

    /// Failed phone logons after which the PIN is reset automatically, if ever.
    pub fn logon_failures_before_pin_reset(&self) -> Option<u32> {
        self.settings.logon_failures_before_pin_reset
    }

    /// Administrator's text that opens the reset e-mail.
    pub fn reset_pin_text(&self) -> &str {
        &self.settings.reset_pin_text
    }
}

#[cfg(test)]
mod tests;
