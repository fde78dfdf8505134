//! Telephone (Outlook Voice Access) logons with the PIN: failure counting,
//! automatic reset and lockout, as the PIN policy prescribes.
//!
//! The web service has no logon operation; this exists so that tests can put a
//! mailbox into the failed-logon or locked-out state that ResetPIN clears.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::{Store, StoreError, UserId, reset};
use crate::hash::{self, SecretHash};
use crate::secret::Secret;

/// Result of one phone logon attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneLogon {
    /// The PIN was right; `must_change_pin` when it was set by a reset.
    Success { must_change_pin: bool },
    /// The PIN was wrong (or none is set); `failures` counts consecutive ones.
    WrongPin { failures: u32 },
    /// The PIN was wrong and LogonFailuresBeforePINReset was reached: a new PIN
    /// was generated and e-mailed, the failures keep counting towards lockout.
    WrongPinAndReset { failures: u32 },
    /// MaxLogonAttempts was reached; only a reset unlocks the mailbox.
    LockedOut,
}

impl Store {
    /// Attempts a phone logon with `pin`; auto-reset e-mails come from `sender`.
    pub fn phone_logon(
        &self,
        user: UserId,
        pin: &Secret,
        sender: &str,
    ) -> Result<PhoneLogon, StoreError> {
        let record = self.user(user)?;
        if !record.um_enabled {
            return Err(StoreError::NotUmEnabled);
        }
        self.with_conn(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let (stored, failures, locked): (Option<String>, u32, bool) = tx
                .query_row(
                    "SELECT pin_hash, failed_logons, locked FROM users WHERE id = ?1",
                    [user.0],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()?
                .ok_or(StoreError::UnknownUser)?;
            if locked {
                return Ok(PhoneLogon::LockedOut);
            }
            let right = match stored {
                Some(phc) => hash::verify(pin.expose().as_bytes(), &SecretHash::from_phc(phc))?,
                None => false,
            };
            let outcome = if right {
                tx.execute("UPDATE users SET failed_logons = 0 WHERE id = ?1", [user.0])?;
                PhoneLogon::Success {
                    must_change_pin: record.pin_expired,
                }
            } else {
                let failures = failures.saturating_add(1);
                if failures >= record.policy.max_logon_attempts() {
                    tx.execute(
                        "UPDATE users SET failed_logons = ?1, locked = 1 WHERE id = ?2",
                        params![failures, user.0],
                    )?;
                    PhoneLogon::LockedOut
                } else if record.policy.logon_failures_before_pin_reset() == Some(failures) {
                    reset::reset_in(&tx, user, sender)?;
                    // The reset clears the count; an automatic reset must not,
                    // or MaxLogonAttempts could never be reached.
                    tx.execute(
                        "UPDATE users SET failed_logons = ?1 WHERE id = ?2",
                        params![failures, user.0],
                    )?;
                    PhoneLogon::WrongPinAndReset { failures }
                } else {
                    tx.execute(
                        "UPDATE users SET failed_logons = ?1 WHERE id = ?2",
                        params![failures, user.0],
                    )?;
                    PhoneLogon::WrongPin { failures }
                }
            };
            tx.commit()?;
            Ok(outcome)
        })
    }
}
