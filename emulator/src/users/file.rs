//! Reading a users file: TOML to [`UsersFile`], every value checked and
//! every problem located.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use toml::Spanned;

use super::UserSpec;
use super::check::{self, InvalidUser};
use super::error::{Location, Problem, UsersFileError, describe};
use super::shape::{CallsShape, FileShape, PropertiesShape, UserShape};
use crate::call::{CallConfig, CallTimings, PhoneNetwork, SystemClock, is_valid_dial_string};
use crate::faults::{FaultInjection, FaultRule, InjectedFault};
use crate::policy::{PinPolicy, PinPolicySettings};
use crate::store::UmSettings;

/// A loaded users file.
#[derive(Debug, Clone)]
pub struct UsersFile {
    pub users: Vec<UserSpec>,
    pub dial_plan: DialPlan,
    pub timings: CallTimings,
    pub phones: PhoneNetwork,
    /// The users' `fault` and `fault_count`, in file order.
    pub faults: Vec<UserFault>,
}

/// A fault the users file injects into one user's requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserFault {
    pub user: String,
    pub rule: FaultRule,
}

impl UsersFile {
    /// The file's call timings and phones, on the system clock.
    pub fn call_config(&self) -> CallConfig {
        CallConfig {
            timings: self.timings,
            phones: self.phones.clone(),
            clock: Arc::new(SystemClock),
        }
    }

    /// Sets the file's per-user faults on `faults`.
    pub fn install_faults(&self, faults: &FaultInjection) {
        for fault in &self.faults {
            faults.for_user(&fault.user, fault.rule.clone());
        }
    }
}

/// The one dial plan all users of the emulator belong to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DialPlan {
    pub name: Option<String>,
    /// The `TelephoneAccessNumbers` of users whose properties name none.
    pub access_numbers: Option<String>,
    /// When set, every extension has exactly this many digits.
    pub extension_digits: Option<u32>,
}

/// Reads and checks a users file.
pub fn load_users_file(path: &Path) -> Result<UsersFile, UsersFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| UsersFileError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse_users_file(&text, &path.display().to_string())
}

/// Checks the TOML `text` of a users file; `file` names it in errors.
pub fn parse_users_file(text: &str, file: &str) -> Result<UsersFile, UsersFileError> {
    let at = Locator { file, text };
    let shape: FileShape = toml::from_str(text).map_err(|error| UsersFileError::Syntax {
        location: at.location(error.span().unwrap_or(0..0)),
        reason: describe(error.message()),
    })?;

    let extension_digits = match shape.dial_plan.extension_digits {
        Some(digits) if !(1..=20).contains(digits.get_ref()) => {
            return Err(at.invalid(digits.span(), Problem::ExtensionDigits));
        }
        other => other.map(Spanned::into_inner),
    };
    let dial_plan = DialPlan {
        name: shape.dial_plan.name,
        access_numbers: shape.dial_plan.access_numbers,
        extension_digits,
    };

    let mut phones = PhoneNetwork::new();
    let mut numbers: Vec<_> = shape.phones.into_iter().collect();
    numbers.sort_by_key(|(number, _)| number.span().start);
    for (number, behaviour) in numbers {
        if !is_valid_dial_string(number.get_ref()) {
            return Err(at.invalid(number.span(), Problem::PhoneNumber));
        }
        if phones.set(number.get_ref(), behaviour).is_some() {
            return Err(at.invalid(number.span(), Problem::DuplicatePhone));
        }
    }

    let mut names = HashSet::new();
    let mut emails = HashSet::new();
    let mut users = Vec::with_capacity(shape.users.len());
    let mut faults = Vec::new();
    for user in shape.users {
        let name = user.get_ref().name.get_ref().clone();
        if !names.insert(name.to_lowercase()) {
            let span = user.get_ref().name.span();
            return Err(at.invalid(span, Problem::DuplicateName(name)));
        }
        let email = user.get_ref().email.get_ref().clone();
        if !emails.insert(email.to_lowercase()) {
            let span = user.get_ref().email.span();
            return Err(at.invalid(span, Problem::DuplicateEmail(email)));
        }
        let invalid = |(span, why)| {
            at.invalid(
                span,
                Problem::User {
                    name: name.clone(),
                    why,
                },
            )
        };
        let mut user = user.into_inner();
        let fault = fault_rule(user.fault.take(), user.fault_count.take()).map_err(invalid)?;
        let spec = user_spec(user, &dial_plan).map_err(invalid)?;
        if let Some(rule) = fault {
            faults.push(UserFault {
                user: spec.name.clone(),
                rule,
            });
        }
        users.push(spec);
    }

    Ok(UsersFile {
        users,
        dial_plan,
        timings: timings(&shape.calls),
        phones,
        faults,
    })
}

/// Turns spans into locations.
struct Locator<'a> {
    file: &'a str,
    text: &'a str,
}

impl Locator<'_> {
    fn location(&self, span: Range<usize>) -> Location {
        Location::of(self.file, self.text, span)
    }

    fn invalid(&self, span: Range<usize>, problem: Problem) -> UsersFileError {
        UsersFileError::Invalid {
            location: self.location(span),
            problem,
        }
    }
}

type Located<T> = Result<T, (Range<usize>, InvalidUser)>;

/// Checks one user's values, each where it is written.
fn user_spec(user: UserShape, dial_plan: &DialPlan) -> Located<UserSpec> {
    let located = |span: Range<usize>| move |why| (span.clone(), why);
    check::check_name(user.name.get_ref()).map_err(located(user.name.span()))?;
    check::check_email(user.email.get_ref()).map_err(located(user.email.span()))?;
    check::check_password(user.password.get_ref()).map_err(located(user.password.span()))?;
    if let (Some(extension), Some(digits)) = (&user.extension, dial_plan.extension_digits) {
        let text = extension.get_ref();
        let fits = text.len() == digits as usize && text.bytes().all(|b| b.is_ascii_digit());
        if !fits {
            return Err((extension.span(), InvalidUser::ExtensionDigits { digits }));
        }
    }
    let (policy, policy_span) = match user.policy {
        Some(policy) => {
            let span = policy.span();
            (policy.into_inner(), span)
        }
        None => (PinPolicySettings::default(), user.name.span()),
    };
    let validated = PinPolicy::new(policy.clone())
        .map_err(InvalidUser::Policy)
        .map_err(located(policy_span))?;
    let extension = user.extension.map(Spanned::into_inner);
    if let Some(pin) = &user.pin {
        check::check_pin(&validated, pin.get_ref(), extension.as_deref())
            .map_err(located(pin.span()))?;
    }
    let settings = settings(user.properties, dial_plan)?;
    Ok(UserSpec {
        name: user.name.into_inner(),
        password: user.password.into_inner(),
        email: user.email.into_inner(),
        display_name: user.display_name,
        um_enabled: user.um_enabled.unwrap_or(true),
        extension,
        pin: user.pin.map(Spanned::into_inner),
        policy,
        settings,
    })
}

/// A user's `fault` (every request, or the first `fault_count`).
fn fault_rule(
    fault: Option<Spanned<String>>,
    count: Option<Spanned<u64>>,
) -> Located<Option<FaultRule>> {
    let Some(fault) = fault else {
        return match count {
            Some(count) => Err((count.span(), InvalidUser::FaultCountWithoutFault)),
            None => Ok(None),
        };
    };
    let span = fault.span();
    let parsed = fault
        .into_inner()
        .parse::<InjectedFault>()
        .map_err(|e| (span, InvalidUser::Fault(e)))?;
    Ok(Some(match count {
        Some(count) => FaultRule::times(count.into_inner(), parsed),
        None => FaultRule::always(parsed),
    }))
}

/// The initial properties: what the file says, else the dial plan's access
/// numbers, else the defaults.
fn settings(properties: PropertiesShape, dial_plan: &DialPlan) -> Located<UmSettings> {
    let defaults = UmSettings::default();
    let dial_string = match properties.play_on_phone_dial_string {
        Some(dial) => {
            check::check_dial_string(dial.get_ref()).map_err(|why| (dial.span(), why))?;
            dial.into_inner()
        }
        None => defaults.play_on_phone_dial_string,
    };
    let folder = match properties.telephone_access_folder_email {
        Some(folder) => {
            check::check_folder_id(folder.get_ref()).map_err(|why| (folder.span(), why))?;
            folder.into_inner()
        }
        None => defaults.telephone_access_folder_email,
    };
    Ok(UmSettings {
        oof_status: properties.oof_status.unwrap_or(defaults.oof_status),
        missed_call_notification_enabled: properties
            .missed_call_notification_enabled
            .unwrap_or(defaults.missed_call_notification_enabled),
        play_on_phone_dial_string: dial_string,
        telephone_access_numbers: properties
            .telephone_access_numbers
            .or_else(|| dial_plan.access_numbers.clone())
            .unwrap_or(defaults.telephone_access_numbers),
        telephone_access_folder_email: folder,
    })
}

fn timings(calls: &CallsShape) -> CallTimings {
    let defaults = CallTimings::default();
    let ms = |value: Option<u64>, default| value.map_or(default, Duration::from_millis);
    CallTimings {
        connecting: ms(calls.connecting_ms, defaults.connecting),
        ringing: ms(calls.ringing_ms, defaults.ringing),
        no_answer_after: ms(calls.no_answer_after_ms, defaults.no_answer_after),
        connected_for: ms(calls.connected_for_ms, defaults.connected_for),
    }
}
