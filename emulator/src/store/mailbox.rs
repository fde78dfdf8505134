//! The mailbox: where ResetPIN delivers its e-mail.

use std::fmt;

use rusqlite::{Connection, params};

use super::{Store, StoreError, UserId, schema};

/// One message in a user's mailbox, as `/mailbox` returns it.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MailMessage {
    pub id: i64,
    pub from: String,
    pub to: String,
    pub subject: String,
    /// A reset e-mail's body carries the new PIN.
    pub body: String,
    /// RFC 3339, UTC.
    pub received: String,
}

impl fmt::Debug for MailMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body of a reset e-mail is a secret (the PIN), so it stays out.
        f.debug_struct("MailMessage")
            .field("id", &self.id)
            .field("from", &self.from)
            .field("to", &self.to)
            .field("subject", &self.subject)
            .field(
                "body",
                &format_args!("<{} chars>", self.body.chars().count()),
            )
            .field("received", &self.received)
            .finish()
    }
}

/// A message about to be delivered.
pub(super) struct NewMessage<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Inserts a message on `conn`, which may be an open transaction.
pub(super) fn deliver(
    conn: &Connection,
    user: UserId,
    message: &NewMessage<'_>,
) -> rusqlite::Result<i64> {
    let sql = format!(
        "INSERT INTO messages (user_id, sender, recipient, subject, body, received)
         VALUES (?1, ?2, ?3, ?4, ?5, {})",
        schema::NOW
    );
    conn.execute(
        &sql,
        params![
            user.0,
            message.from,
            message.to,
            message.subject,
            message.body
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

impl Store {
    /// The messages delivered to `user`, oldest first. Only that user's.
    pub fn messages(&self, user: UserId) -> Result<Vec<MailMessage>, StoreError> {
        self.with_conn(|conn| {
            let mut stmt = conn.prepare(
                "SELECT id, sender, recipient, subject, body, received
                 FROM messages WHERE user_id = ?1 ORDER BY id",
            )?;
            let rows = stmt.query_map([user.0], |row| {
                Ok(MailMessage {
                    id: row.get(0)?,
                    from: row.get(1)?,
                    to: row.get(2)?,
                    subject: row.get(3)?,
                    body: row.get(4)?,
                    received: row.get(5)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }
}
