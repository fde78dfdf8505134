//! Read access to the tables for checks from outside: a test that wants to
//! know the store is consistent after a load asks in SQL.

use rusqlite::Connection;

use super::{Store, StoreError};

impl Store {
    /// Runs `f` on the connection inside a transaction that is rolled back
    /// afterwards, so whatever `f` may write is not kept. The tables are
    /// those of `schema.rs`; their shape is not a stable interface.
    pub fn inspect<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        self.with_conn(|conn| {
            let tx = conn.transaction()?;
            let value = f(&tx)?;
            tx.rollback()?;
            Ok(value)
        })
    }
}
