//! The SQLite schema, created on open when missing.
//!
//! Secrets: `users.password_hash`, `users.pin_hash` and `pin_history.pin_hash`
//! hold Argon2id PHC strings, which carry the per-hash random salt next to the
//! hash (see `crate::hash`), so there is no separate salt column. No column
//! holds a PIN or password in clear; the only place a PIN appears is the body
//! of the reset e-mail in `messages`, which is what ResetPIN is documented to do.

use rusqlite::Connection;

/// Bumped whenever the tables below change shape.
pub const SCHEMA_VERSION: i64 = 1;

const CREATE: &str = "
CREATE TABLE IF NOT EXISTS users (
    id                              INTEGER PRIMARY KEY,
    name                            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash                   TEXT NOT NULL,
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

CREATE TABLE IF NOT EXISTS calls (
    call_id     TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    target      TEXT NOT NULL,   -- item entry id, or the greeting type
    dial_string TEXT NOT NULL,
    state       TEXT NOT NULL,   -- UMCallState
    event_cause TEXT NOT NULL,   -- UMEventCause
    started     TEXT NOT NULL
);
";

/// Creates missing tables and records the schema version.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    conn.execute_batch(CREATE)?;
    conn.pragma_update(None, "user_version", SCHEMA_VERSION)
}

/// SQL expression for "now" in the format stored in `received`/`started`.
pub const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
