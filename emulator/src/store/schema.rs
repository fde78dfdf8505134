//! The SQLite schema, created on open when missing.
//!
//! Secrets: `users.password_hash`, `users.pin_hash` and `pin_history.pin_hash`
//! hold Argon2id PHC strings, which carry the per-hash random salt next to the
//! hash (see `crate::hash`), so there is no separate salt column. No column
//! holds a PIN or password in clear; the only place a PIN appears is the body
//! of the reset e-mail in `messages`, which is what ResetPIN is documented to do.
//!
//! `users.nt_hash` is the exception to salting: NTLM proves knowledge of the
//! unsalted NT hash (MD4 of the UTF-16LE password), so a server that verifies
//! NTLM must hold it, as a domain controller does. It is as good as the
//! password to an attacker who reads the file.

use rusqlite::Connection;

/// Bumped whenever the tables below change shape.
pub const SCHEMA_VERSION: i64 = 2;

/// The oldest version [`migrate`] brings up to date.
pub const OLDEST_MIGRATED: i64 = 1;

const CREATE: &str = "
CREATE TABLE IF NOT EXISTS users (
    id                              INTEGER PRIMARY KEY,
    name                            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash                   TEXT NOT NULL,
    nt_hash                         TEXT,             -- hex; NULL: no NTLM logon
    display_name                    TEXT NOT NULL,
    email                           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    um_enabled                      INTEGER NOT NULL,
    extension                       TEXT,
    -- UM mailbox PIN policy, inline: one policy per user keeps the emulator's
    -- users file flat; Exchange shares a policy between users of a dial plan.
    min_pin_length                  INTEGER NOT NULL,
    pin_history_count               INTEGER NOT NULL,
    pin_lifetime_days               INTEGER,          -- NULL: unlimited
    allow_common_patterns           INTEGER NOT NULL,
    max_logon_attempts              INTEGER NOT NULL,
    logon_failures_before_pin_reset INTEGER,          -- NULL: never
    reset_pin_text                  TEXT NOT NULL,
    -- PIN state
    pin_hash                        TEXT,             -- NULL: no PIN yet
    pin_set_at                      TEXT,
    pin_expired                     INTEGER NOT NULL DEFAULT 0,
    failed_logons                   INTEGER NOT NULL DEFAULT 0,
    locked                          INTEGER NOT NULL DEFAULT 0,
    -- UM settings read by GetUMProperties and written by the Set* operations
    oof_status                      INTEGER NOT NULL,
    missed_call_notification        INTEGER NOT NULL,
    play_on_phone_dial_string       TEXT NOT NULL,
    telephone_access_numbers        TEXT NOT NULL,
    telephone_access_folder_email   TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS pin_history (
    user_id  INTEGER NOT NULL REFERENCES users(id),
    seq      INTEGER NOT NULL,   -- grows with each PIN change; highest = newest
    pin_hash TEXT NOT NULL,
    PRIMARY KEY (user_id, seq)
);

CREATE TABLE IF NOT EXISTS messages (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users(id),
    sender    TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject   TEXT NOT NULL,
    body      TEXT NOT NULL,
    received  TEXT NOT NULL      -- RFC 3339, UTC, from SQLite's clock
);
CREATE INDEX IF NOT EXISTS messages_by_user ON messages(user_id, id);

-- A call's planned life (crate::call::CallSchedule); its state at any time
-- follows from these and the clock. Times are milliseconds since the epoch.
CREATE TABLE IF NOT EXISTS calls (
    call_id     TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    target      TEXT NOT NULL,   -- item entry id, or the greeting type
    dial_string TEXT NOT NULL,
    placed_ms   INTEGER NOT NULL,
    alerted_ms  INTEGER,         -- NULL: never rings
    connected_ms INTEGER,        -- NULL: never answered
    ended_ms    INTEGER NOT NULL,
    end_cause   TEXT NOT NULL    -- UMEventCause once ended
);
";

/// Brings a database at version `found` (0 when new) up to date and
/// records the schema version.
///
/// Version 1 kept a call's state instead of its schedule; its calls are
/// dropped, as a UM server forgets its calls when it restarts.
pub fn migrate(conn: &Connection, found: i64) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    if found == 1 {
        conn.execute_batch("DROP TABLE IF EXISTS calls;")?;
    }
    conn.execute_batch(CREATE)?;
    add_missing_column(conn, "users", "nt_hash", "TEXT")?;
    conn.pragma_update(None, "user_version", SCHEMA_VERSION)
}

/// Adds a nullable column that files written before it existed lack.
fn add_missing_column(
    conn: &Connection,
    table: &str,
    column: &str,
    sql_type: &str,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let mut names = stmt.query_map([], |row| row.get::<_, String>(1))?;
    if names.any(|name| name.as_deref() == Ok(column)) {
        return Ok(());
    }
    conn.execute_batch(&format!(
        "ALTER TABLE {table} ADD COLUMN {column} {sql_type};"
    ))
}

/// SQL expression for "now" in the format stored in `received`/`started`.
pub const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(conn: &Connection) -> Vec<String> {
        let mut stmt = conn.prepare("PRAGMA table_info(users)").expect("pragma");
        stmt.query_map([], |row| row.get(1))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("names")
    }

    #[test]
    fn a_users_table_without_nt_hash_gets_the_column_once() {
        let conn = Connection::open_in_memory().expect("in memory");
        conn.execute_batch("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);")
            .expect("an old table");
        add_missing_column(&conn, "users", "nt_hash", "TEXT").expect("added");
        add_missing_column(&conn, "users", "nt_hash", "TEXT").expect("already there");
        assert_eq!(columns(&conn), ["id", "name", "nt_hash"]);
    }
}
