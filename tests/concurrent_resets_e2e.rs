//! 1,000 ResetPIN calls at once for 100 users (made through a users file)
//! against one emulator: every call succeeds or fails with a typed error
//! that says nothing ran, each success has exactly one e-mail, and the
//! store is consistent afterwards, as its tables say in SQL.

mod e2e;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use e2e::{Transport, over_both};
use exchange_um_emulator::hash::{SecretHash, verify};
use exchange_um_emulator::store::pin_in_reset_mail;
use exchange_um_emulator::users::parse_users_file;
use exchange_um_emulator::{Emulator, RunningEmulator, Store};
use tokio::task::JoinSet;
use xsdgen_runtime::Delivery;
use xsdgen_runtime::auth::Credentials;

const USERS: usize = 100;
const CALLS_PER_USER: usize = 10;
const HISTORY: usize = 5;

over_both!(a_thousand_concurrent_resets_for_a_hundred_users);

fn name(i: usize) -> String {
    format!("load{i:03}")
}

fn password(i: usize) -> String {
    format!("load-password-{i:03}")
}

/// A users file with `USERS` users, 4-digit extensions, and the default
/// policy but for the history length.
fn users_file() -> String {
    let mut text = String::from("[dial_plan]\nextension_digits = 4\n");
    for i in 0..USERS {
        let _ = write!(
            text,
            "\n[[users]]\nname = \"{}\"\npassword = \"{}\"\nemail = \"{0}@contoso.com\"\n\
             extension = \"{}\"\n[users.policy]\npin_history_count = {HISTORY}\n",
            name(i),
            password(i),
            2000 + i
        );
    }
    text
}

async fn a_thousand_concurrent_resets_for_a_hundred_users(transport: Transport) {
    let file = parse_users_file(&users_file(), "load.toml").unwrap();
    assert_eq!(file.users.len(), USERS);
    let store = tokio::task::spawn_blocking(move || {
        let store = Store::open_in_memory().unwrap();
        for user in &file.users {
            store.add_user(user).unwrap();
        }
        store
    })
    .await
    .unwrap();
    let emulator = Emulator::start(store, transport.config()).await.unwrap();

    // All calls queue for one store at once: the last ones wait for the
    // others, so the client's default call timeout (100 s) is kept.
    let clients: Vec<_> = (0..USERS)
        .map(|i| {
            e2e::builder(&emulator)
                .credentials(Credentials::basic(name(i), password(i)))
                .build()
                .unwrap()
        })
        .collect();
    let mut calls = JoinSet::new();
    for round in 0..CALLS_PER_USER {
        for (i, client) in clients.iter().enumerate() {
            let client = client.clone();
            calls.spawn(async move { (i, round, client.reset_pin().await) });
        }
    }
    let mut successes = vec![0usize; USERS];
    let mut failures: BTreeMap<String, usize> = BTreeMap::new();
    while let Some(joined) = calls.join_next().await {
        let (i, round, result) = joined.unwrap();
        match result {
            Ok(_) => successes[i] += 1,
            Err(err) => {
                // A failure must say nothing ran, or the e-mails could not
                // be counted against the successes.
                assert_ne!(
                    err.delivery(),
                    Delivery::MayHaveExecuted,
                    "{} call {round}: {err}",
                    name(i)
                );
                *failures
                    .entry(format!("{err:?}").chars().take(60).collect())
                    .or_default() += 1;
            }
        }
    }
    let succeeded: usize = successes.iter().sum();
    eprintln!(
        "{}: {} calls, {succeeded} succeeded, failures: {failures:?}",
        transport.name(),
        USERS * CALLS_PER_USER
    );
    assert_eq!(
        succeeded + failures.values().sum::<usize>(),
        USERS * CALLS_PER_USER
    );
    assert_consistent(&emulator, &successes);
    emulator.shutdown().await.unwrap();
}

/// Checks the tables against what the clients saw, user by user.
fn assert_consistent(emulator: &RunningEmulator, successes: &[usize]) {
    let store = emulator.store();
    let (mails, bad_pins, bad_state): (usize, usize, usize) = store
        .inspect(|conn| {
            let count = |sql: &str| conn.query_row(sql, [], |row| row.get::<_, i64>(0));
            Ok((
                count("SELECT COUNT(*) FROM messages")? as usize,
                count(
                    "SELECT COUNT(*) FROM users \
                     WHERE pin_hash IS NULL OR pin_hash NOT LIKE '$argon2id$%'",
                )? as usize,
                count(
                    "SELECT COUNT(*) FROM users \
                     WHERE pin_expired <> 1 OR locked <> 0 OR failed_logons <> 0 \
                        OR pin_set_at IS NULL",
                )? as usize,
            ))
        })
        .unwrap();
    assert_eq!(
        mails,
        successes.iter().sum::<usize>(),
        "e-mails = successes"
    );
    let reset_users = successes.iter().filter(|&&n| n > 0).count();
    assert_eq!(reset_users, USERS, "every user was reset at least once");
    assert_eq!(bad_pins, 0, "a user without a valid current PIN hash");
    assert_eq!(bad_state, 0, "a reset PIN is expired and clears lockouts");

    for (i, &resets) in successes.iter().enumerate() {
        let user = store.user_id(&name(i)).unwrap();
        let (current, history): (String, Vec<(i64, String)>) = store
            .inspect(|conn| {
                let current = conn.query_row(
                    "SELECT pin_hash FROM users WHERE id = ?1",
                    [user.0],
                    |row| row.get(0),
                )?;
                let mut stmt = conn.prepare(
                    "SELECT seq, pin_hash FROM pin_history WHERE user_id = ?1 ORDER BY seq",
                )?;
                let history = stmt
                    .query_map([user.0], |row| Ok((row.get(0)?, row.get(1)?)))?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok((current, history))
            })
            .unwrap();
        let messages = store.messages(user).unwrap();
        assert_eq!(
            messages.len(),
            resets,
            "{}: one e-mail per success",
            name(i)
        );
        let pins: Vec<&str> = messages
            .iter()
            .map(|m| pin_in_reset_mail(&m.body).unwrap())
            .collect();
        // The user had no PIN before the first reset, so the n-th PIN went
        // into the history as entry n when the next reset replaced it; the
        // history keeps the last HISTORY of them.
        let replaced = resets as i64 - 1;
        let expected: Vec<i64> = (1.max(replaced - HISTORY as i64 + 1)..=replaced).collect();
        let seqs: Vec<i64> = history.iter().map(|(seq, _)| *seq).collect();
        assert_eq!(seqs, expected, "{}: history rows", name(i));
        let last = pins.last().unwrap();
        assert!(
            verify(last.as_bytes(), &SecretHash::from_phc(current)).unwrap(),
            "{}: the current hash is not the last e-mailed PIN",
            name(i)
        );
        for (seq, hash) in &history {
            let pin = pins[*seq as usize - 1];
            assert!(
                verify(pin.as_bytes(), &SecretHash::from_phc(hash.clone())).unwrap(),
                "{}: history entry {seq} is not the PIN of e-mail {seq}",
                name(i)
            );
        }
        // No PIN came back while it was among the previous HISTORY.
        for (n, pin) in pins.iter().enumerate() {
            let recent = &pins[n.saturating_sub(HISTORY)..n];
            assert!(!recent.contains(pin), "{}: PIN {n} reused", name(i));
        }
    }
}
