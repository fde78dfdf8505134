//! The users file: who may log in to the emulator, with their UM policy and
//! settings.
//!
//! ```json
//! {
//!   "users": [
//!     {
//!       "name": "alice",
//!       "password": "change me",
//!       "email": "alice@contoso.com",
//!       "display_name": "Alice Example",
//!       "um_enabled": true,
//!       "extension": "4321",
//!       "policy": { "min_pin_length": 6, "pin_history_count": 5,
//!                   "allow_common_patterns": false,
//!                   "reset_pin_text": "Call 54321 to reach voice mail." },
//!       "settings": { "oof_status": false, "play_on_phone_dial_string": "12345" }
//!     }
//!   ]
//! }
//! ```
//!
//! `policy` and `settings` may be left out or partial: missing fields take
//! Exchange's defaults (see [`PinPolicySettings`] and [`UmSettings`]); policy
//! fields also accept the Exchange names (`MinPINLength`, ...). An optional
//! `pin` gives the user an initial PIN, which must satisfy the policy.

use std::path::{Path, PathBuf};

use crate::policy::PinPolicySettings;
use crate::secret::Secret;
use crate::store::UmSettings;

/// One user of the emulator. `Debug` never shows the password or PIN.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSpec {
    /// Logon name for Basic authentication (the e-mail address works too).
    pub name: String,
    pub password: Secret,
    pub email: String,
    /// Defaults to the logon name.
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default = "enabled")]
    pub um_enabled: bool,
    #[serde(default)]
    pub extension: Option<String>,
    /// An initial PIN; without one the user has none until the first reset.
    #[serde(default)]
    pub pin: Option<Secret>,
    #[serde(default)]
    pub policy: PinPolicySettings,
    #[serde(default)]
    pub settings: UmSettings,
}

fn enabled() -> bool {
    true
}

impl UserSpec {
    /// A UM-enabled user with default policy and settings.
    pub fn new(name: &str, password: &str, email: &str) -> Self {
        Self {
            name: name.to_owned(),
            password: Secret::new(password),
            email: email.to_owned(),
            display_name: None,
            um_enabled: true,
            extension: None,
            pin: None,
            policy: PinPolicySettings::default(),
            settings: UmSettings::default(),
        }
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UsersFile {
    users: Vec<UserSpec>,
}

/// Why a users file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum UsersFileError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {reason}")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        reason: String,
    },
}

/// serde_json quotes the offending value in "invalid type/value" messages,
/// which for a password or PIN would print the secret; only messages that name
/// fields, not values, are passed on.
fn describe(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let names_only = ["missing field", "unknown field", "duplicate field"];
    match error.classify() {
        serde_json::error::Category::Data if names_only.iter().any(|p| message.starts_with(p)) => {
            // Drop serde_json's own " at line L column C" suffix: we print it.
            match message.rfind(" at line ") {
                Some(cut) => message[..cut].to_owned(),
                None => message,
            }
        }
        serde_json::error::Category::Data => {
            "a value has the wrong type or is out of range".to_owned()
        }
        serde_json::error::Category::Syntax => "not valid JSON".to_owned(),
        serde_json::error::Category::Eof => "unexpected end of file".to_owned(),
        serde_json::error::Category::Io => "read error".to_owned(),
    }
}

fn parse_named(json: &str, path: &str) -> Result<Vec<UserSpec>, UsersFileError> {
    match serde_json::from_str::<UsersFile>(json) {
        Ok(file) => Ok(file.users),
        Err(error) => Err(UsersFileError::Parse {
            path: path.to_owned(),
            line: error.line(),
            column: error.column(),
            reason: describe(&error),
        }),
    }
}

/// Parses the JSON text of a users file.
pub fn parse_users(json: &str) -> Result<Vec<UserSpec>, UsersFileError> {
    parse_named(json, "<users>")
}

/// Reads and parses a users file.
pub fn load_users_file(path: &Path) -> Result<Vec<UserSpec>, UsersFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| UsersFileError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse_named(&text, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_minimal_and_a_full_user() -> Result<(), UsersFileError> {
        let users = parse_users(
            r#"{"users": [
                {"name": "a", "password": "pw-a", "email": "a@x.test"},
                {"name": "b", "password": "pw-b", "email": "b@x.test", "um_enabled": false,
                 "extension": "100", "pin": "802469",
                 "policy": {"MinPINLength": 4, "reset_pin_text": "hello"},
                 "settings": {"oof_status": true}}
            ]}"#,
        )?;
        assert_eq!(users.len(), 2);
        assert!(users[0].um_enabled);
        assert_eq!(users[0].policy, PinPolicySettings::default());
        assert!(!users[1].um_enabled);
        assert_eq!(users[1].policy.min_pin_length, 4);
        assert!(users[1].settings.oof_status);
        assert!(users[1].settings.missed_call_notification_enabled);
        Ok(())
    }

    #[test]
    fn debug_hides_password_and_pin() -> Result<(), UsersFileError> {
        let users = parse_users(
            r#"{"users": [{"name": "a", "password": "pw-secret", "email": "a@x.test",
                           "pin": "802469"}]}"#,
        )?;
        let debug = format!("{users:?}");
        assert!(
            !debug.contains("pw-secret") && !debug.contains("802469"),
            "{debug}"
        );
        Ok(())
    }

    #[test]
    fn parse_errors_do_not_echo_the_password() {
        for json in [
            r#"{"users": [{"name": "a", "password": 802469}]}"#,
            r#"{"users": [{"name": "a", "password": "pw", "email": "e@x", "pin": 802469}]}"#,
            r#"{"users": [{"name": "a", "password": "pw", "email": "e@x", "um_enabled": "802469"}]}"#,
        ] {
            let result = parse_users(json);
            let message = result
                .map(|_| ())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.starts_with("<users>:1:"), "{message}");
            assert!(!message.contains("802469"), "{message}");
        }
    }

    #[test]
    fn parse_errors_name_missing_and_unknown_fields() {
        let missing = parse_users(r#"{"users": [{"name": "a", "password": "pw"}]}"#);
        let message = missing
            .map(|_| ())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("missing field `email`"), "{message}");
        let unknown = parse_users(r#"{"users": [], "extra": 1}"#);
        let message = unknown
            .map(|_| ())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("unknown field `extra`"), "{message}");
    }
}
