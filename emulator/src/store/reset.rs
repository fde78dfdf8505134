//! ResetPIN as one transaction: new PIN, history, lockout, e-mail.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::mailbox::{self, NewMessage};
use super::users::{USER_COLUMNS, user_from_row};
use super::{Store, StoreError, UserId, schema};
use crate::hash::{self, SecretHash};
use crate::pin;
use crate::secret::Secret;

/// Subject of the e-mail that carries a reset PIN.
pub const RESET_SUBJECT: &str = "Your PIN has been reset";

/// What a successful reset did. The PIN itself is only in the e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResetOutcome {
    /// Id of the e-mail delivered to the user's mailbox.
    pub message_id: i64,
}

impl Store {
    /// Resets `user`'s PIN, all or nothing: checks that the user is UM-enabled,
    /// draws a PIN that satisfies the policy and is neither the current PIN nor
    /// in the history, stores its hash marked expired, moves the old PIN into
    /// the history (trimmed to PINHistoryCount), clears a lockout and delivers
    /// the e-mail with the new PIN from `sender`.
    pub fn reset_pin(&self, user: UserId, sender: &str) -> Result<ResetOutcome, StoreError> {
        self.with_conn(|conn| {
            // IMMEDIATE takes the write lock up front, so a second process on
            // the same file cannot interleave between our reads and writes.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let outcome = reset_in(&tx, user, sender)?;
            tx.commit()?;
            Ok(outcome)
        })
    }
}

/// The body of [`Store::reset_pin`], on an open transaction; also used by the
/// automatic reset after too many failed phone logons.
pub(super) fn reset_in(
    conn: &Connection,
    user: UserId,
    sender: &str,
) -> Result<ResetOutcome, StoreError> {
    let record = {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1");
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([user.0])?;
        match rows.next()? {
            Some(row) => user_from_row(row)?,
            None => return Err(StoreError::UnknownUser),
        }
    };
    if !record.um_enabled {
        return Err(StoreError::NotUmEnabled);
    }
    let (current, access_numbers): (Option<String>, String) = conn.query_row(
        "SELECT pin_hash, telephone_access_numbers FROM users WHERE id = ?1",
        [user.0],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let limit = i64::try_from(record.policy.pin_history_count()).unwrap_or(i64::MAX);
    let mut avoid: Vec<SecretHash> = current.iter().cloned().map(SecretHash::from_phc).collect();
    {
        let mut history = conn.prepare(
            "SELECT pin_hash FROM pin_history WHERE user_id = ?1 ORDER BY seq DESC LIMIT ?2",
        )?;
        for entry in history.query_map(params![user.0, limit], |row| row.get::<_, String>(0))? {
            avoid.push(SecretHash::from_phc(entry?));
        }
    }

    let new_pin = pin::generate(&record.policy, record.extension.as_deref(), &avoid)?;
    let new_hash = hash::hash(new_pin.expose().as_bytes())?;

    if let Some(old) = current {
        let next_seq: i64 = conn
            .query_row(
                "SELECT MAX(seq) FROM pin_history WHERE user_id = ?1",
                [user.0],
                |row| row.get::<_, Option<i64>>(0),
            )
            .optional()?
            .flatten()
            .map_or(1, |seq| seq + 1);
        conn.execute(
            "INSERT INTO pin_history (user_id, seq, pin_hash) VALUES (?1, ?2, ?3)",
            params![user.0, next_seq, old],
        )?;
        conn.execute(
            "DELETE FROM pin_history WHERE user_id = ?1 AND seq NOT IN
               (SELECT seq FROM pin_history WHERE user_id = ?1 ORDER BY seq DESC LIMIT ?2)",
            params![user.0, limit],
        )?;
    }
    let sql = format!(
        "UPDATE users SET pin_hash = ?1, pin_set_at = {}, pin_expired = 1,
                          failed_logons = 0, locked = 0
         WHERE id = ?2",
        schema::NOW
    );
    conn.execute(&sql, params![new_hash.as_phc(), user.0])?;

    let body = reset_mail_body(
        record.policy.reset_pin_text(),
        &new_pin,
        record.extension.as_deref(),
        &access_numbers,
    );
    let message_id = mailbox::deliver(
        conn,
        user,
        &NewMessage {
            from: sender,
            to: &record.email,
            subject: RESET_SUBJECT,
            body: &body,
        },
    )?;
    Ok(ResetOutcome { message_id })
}

/// The reset e-mail: the administrator's ResetPINText first, then the PIN and
/// what the user needs to call in.
fn reset_mail_body(
    reset_pin_text: &str,
    pin: &Secret,
    extension: Option<&str>,
    access_numbers: &str,
) -> String {
    let mut body = String::new();
    if !reset_pin_text.is_empty() {
        body.push_str(reset_pin_text);
        body.push_str("\n\n");
    }
    body.push_str("Your Outlook Voice Access PIN has been reset.\n\n");
    body.push_str(PIN_LINE_PREFIX);
    body.push_str(pin.expose());
    body.push('\n');
    if let Some(extension) = extension {
        body.push_str(&format!("Extension: {extension}\n"));
    }
    if !access_numbers.is_empty() {
        body.push_str(&format!("Access number(s): {access_numbers}\n"));
    }
    body.push_str("\nYou will be asked to choose a new PIN the next time you call in.\n");
    body
}

/// How the PIN line of a reset e-mail starts.
const PIN_LINE_PREFIX: &str = "PIN: ";

/// The PIN carried by a reset e-mail's body, as a person reading the mail
/// would find it; None when the body has no PIN line.
pub fn pin_in_reset_mail(body: &str) -> Option<&str> {
    body.lines()
        .find_map(|line| line.strip_prefix(PIN_LINE_PREFIX))
        .map(str::trim)
        .filter(|pin| !pin.is_empty())
}
