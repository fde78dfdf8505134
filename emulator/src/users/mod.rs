//! Who may log in to the emulator, and the users file that says so.
//!
//! A users file is TOML; `emulator/users.example.toml` shows every key with
//! a comment. In short:
//!
//! ```toml
//! [dial_plan]                       # optional
//! access_numbers = "+1 425 555 0100" # TelephoneAccessNumbers of its users
//! extension_digits = 4               # every extension has this many digits
//!
//! [calls]                            # optional, milliseconds
//! connecting_ms = 1000
//! ringing_ms = 4000
//! no_answer_after_ms = 30000
//! connected_for_ms = 60000
//!
//! [phones]                           # optional; other numbers answer
//! "+1 425 555 0111" = "busy"         # or no-answer, unavailable, fail, answer
//!
//! [[users]]
//! name = "alice"
//! password = "change me"
//! email = "alice@contoso.com"
//! extension = "4321"                 # optional, as are all below
//! display_name = "Alice Example"
//! um_enabled = true
//! pin = "802469"                     # an initial PIN, checked against the policy
//! fault = "busy;backoff=200"         # injected into this user's requests
//! fault_count = 3                    # only the next 3 (default: all)
//!
//! [users.policy]                     # Exchange's defaults for what is left out
//! min_pin_length = 6                 # or MinPINLength, and so on
//! pin_lifetime_days = "unlimited"
//!
//! [users.properties]                 # GetUMProperties' initial values
//! oof_status = false
//! play_on_phone_dial_string = "+1 425 555 0123"
//! ```
//!
//! Everything is checked when the file is loaded, and an error names the
//! file, line and column ([`UsersFileError`]). Errors never quote a value:
//! the value could be a password or PIN.

mod check;
mod error;
mod file;
mod shape;

use crate::policy::PinPolicySettings;
use crate::secret::Secret;
use crate::store::UmSettings;

pub use check::InvalidUser;
pub use error::{Location, Problem, UsersFileError};
pub use file::{DialPlan, UserFault, UsersFile, load_users_file, parse_users_file};

/// One user of the emulator. `Debug` never shows the password or PIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSpec {
    /// Logon name for Basic authentication (the e-mail address works too).
    pub name: String,
    pub password: Secret,
    pub email: String,
    /// Defaults to the logon name.
    pub display_name: Option<String>,
    pub um_enabled: bool,
    pub extension: Option<String>,
    /// An initial PIN; without one the user has none until the first reset.
    pub pin: Option<Secret>,
    pub policy: PinPolicySettings,
    /// The initial UM properties.
    pub settings: UmSettings,
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

#[cfg(test)]
mod tests;
