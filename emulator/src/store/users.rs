//! Users: creation from a [`UserSpec`], lookup for authentication, profile.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};
use crate::hash::{self, SecretHash};
use crate::policy::{PinPolicy, PinPolicySettings};
use crate::users::{InvalidUser, UserSpec};
use xsdgen_runtime::auth::ntlm::NtHash;

/// Row id of a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UserId(pub i64);

/// What authentication needs: who, and the hashes to verify against.
#[derive(Debug, Clone)]
pub struct LoginRecord {
    pub id: UserId,
    pub name: String,
    pub password_hash: SecretHash,
    /// For NTLM; `None` for users stored before NTLM was supported.
    pub nt_hash: Option<NtHash>,
}

/// A user's profile and PIN state, without any secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub id: UserId,
    pub name: String,
    pub display_name: String,
    pub email: String,
    pub um_enabled: bool,
    pub extension: Option<String>,
    pub policy: PinPolicy,
    pub has_pin: bool,
    pub pin_expired: bool,
    pub failed_logons: u32,
    pub locked: bool,
}

pub(super) const USER_COLUMNS: &str = "id, name, display_name, email, um_enabled, extension, \
     min_pin_length, pin_history_count, pin_lifetime_days, allow_common_patterns, \
     max_logon_attempts, logon_failures_before_pin_reset, reset_pin_text, \
     pin_hash IS NOT NULL, pin_expired, failed_logons, locked";

/// Reads a row selected with [`USER_COLUMNS`]; the policy is validated again
/// because a database file may have been edited by hand.
pub(super) fn user_from_row(row: &Row<'_>) -> Result<UserRecord, StoreError> {
    let settings = PinPolicySettings {
        min_pin_length: row.get(6)?,
        pin_history_count: row.get(7)?,
        pin_lifetime_days: row.get(8)?,
        allow_common_patterns: row.get(9)?,
        max_logon_attempts: row.get(10)?,
        logon_failures_before_pin_reset: row.get(11)?,
        reset_pin_text: row.get(12)?,
    };
    Ok(UserRecord {
        id: UserId(row.get(0)?),
        name: row.get(1)?,
        display_name: row.get(2)?,
        email: row.get(3)?,
        um_enabled: row.get(4)?,
        extension: row.get(5)?,
        policy: PinPolicy::new(settings)?,
        has_pin: row.get(13)?,
        pin_expired: row.get(14)?,
        failed_logons: row.get(15)?,
        locked: row.get(16)?,
    })
}

fn invalid(spec: &UserSpec, why: InvalidUser) -> StoreError {
    match why {
        InvalidUser::Policy(error) => StoreError::Policy(error),
        other => StoreError::InvalidUser {
            name: spec.name.clone(),
            reason: other.to_string(),
        },
    }
}

impl Store {
    /// Adds a user, hashing the password (and the initial PIN, if any).
    pub fn add_user(&self, spec: &UserSpec) -> Result<UserId, StoreError> {
        let policy = spec.check().map_err(|why| invalid(spec, why))?;
        let pin_hash = match &spec.pin {
            Some(pin) => Some(hash::hash(pin.expose().as_bytes())?),
            None => None,
        };
        // Hash outside the lock: it is the slow part.
        let password_hash = hash::hash(spec.password.expose().as_bytes())?;
        let nt_hash = NtHash::from_password(spec.password.expose());
        let p = policy.settings();
        let s = &spec.settings;
        self.with_conn(|conn| {
            conn.execute(
                "INSERT INTO users (name, password_hash, display_name, email, um_enabled,
                    extension, min_pin_length, pin_history_count, pin_lifetime_days,
                    allow_common_patterns, max_logon_attempts, logon_failures_before_pin_reset,
                    reset_pin_text, pin_hash, oof_status, missed_call_notification,
                    play_on_phone_dial_string, telephone_access_numbers,
                    telephone_access_folder_email)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                    ?16, ?17, ?18, ?19)",
                params![
                    spec.name,
                    password_hash.as_phc(),
                    spec.display_name.as_deref().unwrap_or(&spec.name),
                    spec.email,
                    spec.um_enabled,
                    spec.extension,
                    p.min_pin_length,
                    p.pin_history_count,
                    p.pin_lifetime_days,
                    p.allow_common_patterns,
                    p.max_logon_attempts,
                    p.logon_failures_before_pin_reset,
                    p.reset_pin_text,
                    pin_hash.as_ref().map(SecretHash::as_phc),
                    s.oof_status,
                    s.missed_call_notification_enabled,
                    s.play_on_phone_dial_string,
                    s.telephone_access_numbers,
                    s.telephone_access_folder_email,
                ],
            )?;
            let id = conn.last_insert_rowid();
            conn.execute(
                "UPDATE users SET nt_hash = ?1 WHERE id = ?2",
                params![nt_hash.expose_hex(), id],
            )?;
            Ok(UserId(id))
        })
    }

    /// Adds the users whose name is not in the store yet and leaves existing
    /// ones untouched, so that a database file keeps its PIN state when the
    /// same users file is loaded again. Returns how many were added.
    pub fn add_missing_users(&self, specs: &[UserSpec]) -> Result<usize, StoreError> {
        let mut added = 0;
        for spec in specs {
            match self.user_id(&spec.name) {
                Ok(_) => {}
                Err(StoreError::UnknownUser) => {
                    self.add_user(spec)?;
                    added += 1;
                }
                Err(other) => return Err(other),
            }
        }
        Ok(added)
    }

    /// Finds a user by name or e-mail address (case-insensitive) for login.
    pub fn find_login(&self, name_or_email: &str) -> Result<Option<LoginRecord>, StoreError> {
        self.with_conn(|conn| {
            let found = conn
                .query_row(
                    "SELECT id, name, password_hash, nt_hash FROM users \
                     WHERE name = ?1 OR email = ?1",
                    [name_or_email],
                    |row| {
                        let nt_hash: Option<String> = row.get(3)?;
                        Ok(LoginRecord {
                            id: UserId(row.get(0)?),
                            name: row.get(1)?,
                            password_hash: SecretHash::from_phc(row.get(2)?),
                            nt_hash: nt_hash.as_deref().and_then(NtHash::from_hex),
                        })
                    },
                )
                .optional()?;
            Ok(found)
        })
    }

    /// A user's profile and PIN state.
    pub fn user(&self, id: UserId) -> Result<UserRecord, StoreError> {
        self.with_conn(|conn| {
            let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1");
            let mut stmt = conn.prepare(&sql)?;
            let mut rows = stmt.query([id.0])?;
            match rows.next()? {
                Some(row) => user_from_row(row),
                None => Err(StoreError::UnknownUser),
            }
        })
    }

    /// Looks a user up by name, for tools and tests.
    pub fn user_id(&self, name: &str) -> Result<UserId, StoreError> {
        self.with_conn(|conn| {
            conn.query_row("SELECT id FROM users WHERE name = ?1", [name], |r| r.get(0))
                .optional()?
                .map(UserId)
                .ok_or(StoreError::UnknownUser)
        })
    }
}
