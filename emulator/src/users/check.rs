//! What makes a [`UserSpec`] acceptable; shared by the store, which refuses
//! a bad user, and the users file, which says where in the file it is.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::UserSpec;
use crate::call::is_valid_dial_string;
use crate::faults::FaultSpecError;
use crate::policy::{PinPolicy, PinRejected, PolicyError};
use crate::secret::Secret;
use crate::store::UmSettings;

/// Why a user cannot be added. Never carries the password or PIN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidUser {
    #[error("the name must be non-empty, without ':' or '\\'")]
    Name,
    #[error("the e-mail address needs an '@'")]
    Email,
    #[error("the password is empty")]
    EmptyPassword,
    #[error("the PIN policy is invalid: {0}")]
    Policy(PolicyError),
    #[error("the initial PIN does not satisfy the policy: {0}")]
    InitialPin(PinRejected),
    #[error("the extension must be {digits} digits")]
    ExtensionDigits { digits: u32 },
    #[error("PlayOnPhoneDialString does not satisfy the dialing rules")]
    DialString,
    #[error("TelephoneAccessFolderEmail must be base64")]
    FolderId,
    #[error("the fault is not valid: {0}")]
    Fault(FaultSpecError),
    #[error("fault_count needs a fault")]
    FaultCountWithoutFault,
}

impl UserSpec {
    /// Checks every field; the validated policy on success.
    pub fn check(&self) -> Result<PinPolicy, InvalidUser> {
        check_name(&self.name)?;
        check_email(&self.email)?;
        check_password(&self.password)?;
        let policy = PinPolicy::new(self.policy.clone()).map_err(InvalidUser::Policy)?;
        if let Some(pin) = &self.pin {
            check_pin(&policy, pin, self.extension.as_deref())?;
        }
        check_settings(&self.settings)?;
        Ok(policy)
    }
}

pub(super) fn check_name(name: &str) -> Result<(), InvalidUser> {
    // Basic auth splits user and password at the first colon, and a
    // backslash separates a domain.
    if name.is_empty() || name.contains([':', '\\']) {
        Err(InvalidUser::Name)
    } else {
        Ok(())
    }
}

pub(super) fn check_email(email: &str) -> Result<(), InvalidUser> {
    if email.contains('@') {
        Ok(())
    } else {
        Err(InvalidUser::Email)
    }
}

pub(super) fn check_password(password: &Secret) -> Result<(), InvalidUser> {
    if password.expose().is_empty() {
        Err(InvalidUser::EmptyPassword)
    } else {
        Ok(())
    }
}

pub(super) fn check_pin(
    policy: &PinPolicy,
    pin: &Secret,
    extension: Option<&str>,
) -> Result<(), InvalidUser> {
    policy
        .check(pin.expose(), extension)
        .map_err(InvalidUser::InitialPin)
}

pub(super) fn check_dial_string(dial: &str) -> Result<(), InvalidUser> {
    // Empty is "no dial string", as SetPlayOnPhoneDialString allows.
    if dial.is_empty() || is_valid_dial_string(dial) {
        Ok(())
    } else {
        Err(InvalidUser::DialString)
    }
}

pub(super) fn check_folder_id(folder: &str) -> Result<(), InvalidUser> {
    match STANDARD.decode(folder) {
        Ok(bytes) if !bytes.is_empty() => Ok(()),
        _ => Err(InvalidUser::FolderId),
    }
}

fn check_settings(settings: &UmSettings) -> Result<(), InvalidUser> {
    check_dial_string(&settings.play_on_phone_dial_string)?;
    check_folder_id(&settings.telephone_access_folder_email)
}
