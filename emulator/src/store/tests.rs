use std::time::Instant;

use rusqlite::types::ValueRef;

use super::*;
use crate::demo::{self, ALICE, BOB};
use crate::policy::PinPolicySettings;
use crate::secret::Secret;
use crate::users::UserSpec;

const SENDER: &str = "Microsoft Exchange <um@test.invalid>";

fn demo_store() -> Result<Store, StoreError> {
    let store = Store::open_in_memory()?;
    for user in demo::demo_users() {
        store.add_user(&user)?;
    }
    Ok(store)
}

/// Every value of every table, as text.
fn dump_all_tables(store: &Store) -> Result<Vec<(String, String, String)>, StoreError> {
    store.with_conn(|conn| {
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut cells = Vec::new();
        for table in tables {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table}"))?;
            let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for (i, column) in names.iter().enumerate() {
                    let text = match row.get_ref(i)? {
                        ValueRef::Null => String::new(),
                        ValueRef::Integer(v) => v.to_string(),
                        ValueRef::Real(v) => v.to_string(),
                        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into(),
                    };
                    cells.push((table.clone(), column.clone(), text));
                }
            }
        }
        Ok(cells)
    })
}

fn pin_in(body: &str) -> Option<String> {
    let line = body.lines().find_map(|l| l.strip_prefix("PIN: "))?;
    Some(line.trim().to_owned())
}

fn count(store: &Store, sql: &str, user: UserId) -> Result<i64, StoreError> {
    store.with_conn(|conn| Ok(conn.query_row(sql, [user.0], |r| r.get(0))?))
}

#[test]
fn reset_writes_hash_history_and_one_mail_and_the_pin_only_in_the_mail() -> Result<(), StoreError> {
    let store = demo_store()?;
    let alice = store.user_id(ALICE)?;
    let mut pins = Vec::new();
    for round in 1..=3 {
        let outcome = store.reset_pin(alice, SENDER)?;
        let messages = store.messages(alice)?;
        assert_eq!(messages.len(), round);
        let mail = &messages[round - 1];
        assert_eq!(mail.id, outcome.message_id);
        assert_eq!(mail.to, "alice@contoso.com");
        assert!(mail.body.starts_with(demo::ALICE_RESET_PIN_TEXT));
        let pin = pin_in(&mail.body).ok_or(StoreError::UnknownUser)?;
        pins.push(pin);
        // The first reset has no earlier PIN to push into the history.
        let history = count(
            &store,
            "SELECT COUNT(*) FROM pin_history WHERE user_id = ?1",
            alice,
        )?;
        assert_eq!(history, i64::try_from(round - 1).unwrap_or(-1));
    }
    let record = store.user(alice)?;
    assert!(record.has_pin && record.pin_expired && !record.locked);
    for pin in &pins {
        assert_eq!(
            record.policy.check(pin, record.extension.as_deref()),
            Ok(())
        );
    }
    for (table, column, text) in dump_all_tables(&store)? {
        for pin in &pins {
            if text.contains(pin.as_str()) {
                assert_eq!((table.as_str(), column.as_str()), ("messages", "body"));
            }
        }
        assert!(!text.contains(demo::ALICE_PASSWORD), "{table}.{column}");
    }
    Ok(())
}

#[test]
fn reset_is_refused_for_a_user_without_um() -> Result<(), StoreError> {
    let store = demo_store()?;
    let bob = store.user_id(BOB)?;
    assert!(matches!(
        store.reset_pin(bob, SENDER),
        Err(StoreError::NotUmEnabled)
    ));
    assert!(store.messages(bob)?.is_empty());
    Ok(())
}

#[test]
fn a_failure_inside_the_transaction_changes_nothing() -> Result<(), StoreError> {
    let store = demo_store()?;
    let alice = store.user_id(ALICE)?;
    store.reset_pin(alice, SENDER)?;
    let before = dump_all_tables(&store)?;
    // Make the final step (delivering the e-mail) fail after the PIN was written.
    store.with_conn(|conn| {
        Ok(conn
            .execute_batch("DROP INDEX messages_by_user; ALTER TABLE messages RENAME TO gone;")?)
    })?;
    assert!(matches!(
        store.reset_pin(alice, SENDER),
        Err(StoreError::Sqlite(_))
    ));
    store.with_conn(|conn| Ok(conn.execute_batch("ALTER TABLE gone RENAME TO messages;")?))?;
    assert_eq!(dump_all_tables(&store)?, before);
    Ok(())
}

#[test]
fn reset_clears_lockout_and_history_is_trimmed() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let spec = UserSpec {
        pin: Some(Secret::new("802469")),
        policy: PinPolicySettings {
            pin_history_count: 3,
            max_logon_attempts: 3,
            logon_failures_before_pin_reset: None,
            ..PinPolicySettings::default()
        },
        ..UserSpec::new("dave", "dave-pw", "dave@x.test")
    };
    let dave = store.add_user(&spec)?;
    let wrong = Secret::new("000001");
    assert_eq!(
        store.phone_logon(dave, &wrong, SENDER)?,
        PhoneLogon::WrongPin { failures: 1 }
    );
    assert_eq!(
        store.phone_logon(dave, &wrong, SENDER)?,
        PhoneLogon::WrongPin { failures: 2 }
    );
    assert_eq!(
        store.phone_logon(dave, &wrong, SENDER)?,
        PhoneLogon::LockedOut
    );
    let right = Secret::new("802469");
    assert_eq!(
        store.phone_logon(dave, &right, SENDER)?,
        PhoneLogon::LockedOut
    );
    assert!(store.user(dave)?.locked);

    store.reset_pin(dave, SENDER)?;
    let record = store.user(dave)?;
    assert!(!record.locked && record.failed_logons == 0 && record.pin_expired);
    let mail = store.messages(dave)?;
    let pin = pin_in(&mail[0].body)
        .map(Secret::new)
        .ok_or(StoreError::UnknownUser)?;
    assert_eq!(
        store.phone_logon(dave, &pin, SENDER)?,
        PhoneLogon::Success {
            must_change_pin: true
        }
    );
    for _ in 0..5 {
        store.reset_pin(dave, SENDER)?;
    }
    let history = count(
        &store,
        "SELECT COUNT(*) FROM pin_history WHERE user_id = ?1",
        dave,
    )?;
    assert_eq!(history, 3);
    Ok(())
}

#[test]
fn too_many_failures_reset_the_pin_automatically() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let spec = UserSpec {
        pin: Some(Secret::new("802469")),
        policy: PinPolicySettings {
            max_logon_attempts: 4,
            logon_failures_before_pin_reset: Some(2),
            ..PinPolicySettings::default()
        },
        ..UserSpec::new("erin", "erin-pw", "erin@x.test")
    };
    let erin = store.add_user(&spec)?;
    let wrong = Secret::new("000001");
    assert_eq!(
        store.phone_logon(erin, &wrong, SENDER)?,
        PhoneLogon::WrongPin { failures: 1 }
    );
    assert_eq!(
        store.phone_logon(erin, &wrong, SENDER)?,
        PhoneLogon::WrongPinAndReset { failures: 2 }
    );
    assert_eq!(store.messages(erin)?.len(), 1);
    assert_eq!(
        store.phone_logon(erin, &wrong, SENDER)?,
        PhoneLogon::WrongPin { failures: 3 }
    );
    assert_eq!(
        store.phone_logon(erin, &wrong, SENDER)?,
        PhoneLogon::LockedOut
    );
    Ok(())
}

#[test]
fn two_hundred_resets_never_reuse_a_remembered_pin() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let mut total = std::time::Duration::ZERO;
    for (name, history, min) in [("h5", 5, 6), ("h20", 20, 4)] {
        let spec = UserSpec {
            policy: PinPolicySettings {
                pin_history_count: history,
                min_pin_length: min,
                allow_common_patterns: true,
                ..PinPolicySettings::default()
            },
            ..UserSpec::new(name, "pw", &format!("{name}@x.test"))
        };
        let user = store.add_user(&spec)?;
        let started = Instant::now();
        for _ in 0..100 {
            store.reset_pin(user, SENDER)?;
        }
        total += started.elapsed();
        let pins: Vec<String> = store
            .messages(user)?
            .iter()
            .filter_map(|m| pin_in(&m.body))
            .collect();
        assert_eq!(pins.len(), 100);
        for (i, pin) in pins.iter().enumerate() {
            let window = &pins[i.saturating_sub(history as usize)..i];
            assert!(!window.contains(pin), "PIN reused within history {history}");
        }
    }
    eprintln!("200 resets (history 5 and 20) took {total:?}");
    Ok(())
}

#[test]
fn a_file_store_keeps_its_state_and_users_are_not_added_twice() -> Result<(), StoreError> {
    let dir = std::env::temp_dir().join(format!("um-emulator-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::InvalidUser {
        name: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let path = dir.join("state.sqlite");
    let _ = std::fs::remove_file(&path);
    {
        let store = Store::open(&path)?;
        assert_eq!(store.add_missing_users(&demo::demo_users())?, 3);
        store.reset_pin(store.user_id(ALICE)?, SENDER)?;
    }
    let store = Store::open(&path)?;
    assert_eq!(store.add_missing_users(&demo::demo_users())?, 0);
    let alice = store.user_id(ALICE)?;
    assert_eq!(store.messages(alice)?.len(), 1);
    assert!(store.user(alice)?.has_pin);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn a_call_is_kept_as_its_schedule_and_hung_up_once() -> Result<(), StoreError> {
    use crate::call::{CallSchedule, CallTimings, EventCause, PhoneBehaviour, Timestamp};
    let store = demo_store()?;
    let alice = store.user_id(ALICE)?;
    let carol = store.user_id(crate::demo::CAROL)?;
    let schedule = CallSchedule::plan(
        Timestamp(1_000),
        PhoneBehaviour::Answer,
        &CallTimings::default(),
    );
    let call = CallRecord {
        call_id: "Y2FsbA==".to_owned(),
        target: "AQID".to_owned(),
        dial_string: "12345".to_owned(),
        schedule,
    };
    store.start_call(alice, &call)?;
    assert_eq!(store.call_schedule(alice, &call.call_id)?, Some(schedule));
    assert_eq!(store.call_schedule(carol, &call.call_id)?, None);
    assert_eq!(
        store.hang_up_call(carol, &call.call_id, Timestamp(2_000))?,
        None
    );

    let hung_up = store.hang_up_call(alice, &call.call_id, Timestamp(2_000))?;
    let expected = CallSchedule {
        ended: Timestamp(2_000),
        end_cause: EventCause::None,
        ..schedule
    };
    assert_eq!(hung_up, Some(expected));
    // A second Disconnect finds the call over and leaves its end alone.
    assert_eq!(
        store.hang_up_call(alice, &call.call_id, Timestamp(3_000))?,
        Some(expected)
    );
    assert_eq!(store.call_schedule(alice, &call.call_id)?, Some(expected));
    Ok(())
}

#[test]
fn a_version_1_file_is_migrated_and_its_calls_dropped() -> Result<(), StoreError> {
    let dir = std::env::temp_dir().join(format!("um-emulator-v1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::InvalidUser {
        name: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let path = dir.join("v1.sqlite");
    let _ = std::fs::remove_file(&path);
    {
        let conn = rusqlite::Connection::open(&path)?;
        conn.execute_batch(
            "CREATE TABLE calls (call_id TEXT PRIMARY KEY, user_id INTEGER NOT NULL,
                target TEXT NOT NULL, dial_string TEXT NOT NULL, state TEXT NOT NULL,
                event_cause TEXT NOT NULL, started TEXT NOT NULL);
             INSERT INTO calls VALUES ('old', 1, 'AQID', '1', 'Connected', 'None', 'x');
             PRAGMA user_version = 1;",
        )?;
    }
    let store = Store::open(&path)?;
    store.add_missing_users(&demo::demo_users())?;
    let alice = store.user_id(ALICE)?;
    assert_eq!(store.call_schedule(alice, "old")?, None);
    let version: i64 =
        store.with_conn(|conn| Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?))?;
    assert_eq!(version, schema::SCHEMA_VERSION);
    drop(store);
    {
        let conn = rusqlite::Connection::open(&path)?;
        conn.pragma_update(None, "user_version", 99)?;
    }
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::SchemaVersion { found: 99, .. })
    ));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
