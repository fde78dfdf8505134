//! The emulator's state in SQLite: users and their PIN policy, PIN and PIN
//! history (hashed), UM settings, the mailbox that receives reset e-mails, and
//! phone calls started by PlayOnPhone and PlayOnPhoneGreeting.
//!
//! SQLite's `:memory:` database belongs to one connection, so the store keeps a
//! single connection behind a mutex and every method takes it for the length
//! of one short transaction. The methods block; async callers run them on
//! `tokio::task::spawn_blocking`.

mod calls;
mod inspect;
mod logon;
mod mailbox;
mod reset;
mod schema;
mod settings;
mod users;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::Connection;

use crate::hash::HashError;
use crate::pin::PinGenerationError;
use crate::policy::PolicyError;

pub use crate::call::{CallInfo, CallState, EventCause};
pub use calls::CallRecord;
pub use logon::PhoneLogon;
pub use mailbox::MailMessage;
pub use reset::{ResetOutcome, pin_in_reset_mail};
pub use settings::{SettingChange, UmSettings};
pub use users::{LoginRecord, UserId, UserRecord};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database file has schema version {found}, this emulator knows {expected}")]
    SchemaVersion { found: i64, expected: i64 },
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error("the stored PIN policy is invalid: {0}")]
    Policy(#[from] PolicyError),
    #[error(transparent)]
    PinGeneration(#[from] PinGenerationError),
    #[error("no such user")]
    UnknownUser,
    #[error("the user is not enabled for Unified Messaging")]
    NotUmEnabled,
    #[error("invalid user {name:?}: {reason}")]
    InvalidUser { name: String, reason: String },
}

/// Handle to the database; cheap to clone, all clones share one connection.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// A fresh database that lives as long as the last clone of this handle.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::from_connection(Connection::open_in_memory()?)
    }

    /// A database in `path`, created when missing; an existing one is reused.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::from_connection(Connection::open(path)?)
    }

    fn from_connection(conn: Connection) -> Result<Self, StoreError> {
        let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if found != 0 && !(schema::OLDEST_MIGRATED..=schema::SCHEMA_VERSION).contains(&found) {
            return Err(StoreError::SchemaVersion {
                found,
                expected: schema::SCHEMA_VERSION,
            });
        }
        schema::migrate(&conn, found)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection locked.
    fn with_conn<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        f(&mut self.lock())
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while the lock was held happened inside a transaction, which
        // SQLite rolled back when it was dropped, so the data is consistent and
        // the poison flag can be ignored.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests;
