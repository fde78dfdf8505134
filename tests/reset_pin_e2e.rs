//! ResetPIN end to end: the typed client, over real HTTP and HTTPS on
//! loopback, to the emulator, whose state is a real SQLite file.

mod e2e;

use e2e::{Transport, over_both};
use exchange_um_emulator::store::pin_in_reset_mail;
use exchange_um_emulator::{Emulator, Store, demo};

const RESETS: usize = 200;

over_both!(two_hundred_resets_give_two_hundred_policy_abiding_pins);

async fn two_hundred_resets_give_two_hundred_policy_abiding_pins(transport: Transport) {
    let dir = std::env::temp_dir().join(format!(
        "exchange-um-e2e-{}-{}",
        std::process::id(),
        transport.name()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("um.sqlite");
    let _ = std::fs::remove_file(&db);

    let store = Store::open(&db).unwrap();
    for user in demo::demo_users() {
        store.add_user(&user).unwrap();
    }
    let emulator = Emulator::start(store.clone(), transport.config())
        .await
        .unwrap();
    let client = e2e::client(&emulator, demo::ALICE, demo::ALICE_PASSWORD);
    let alice = store.user_id(demo::ALICE).unwrap();
    let record = store.user(alice).unwrap();
    let policy = record.policy.clone();
    let history = policy.pin_history_count();

    let mut pins: Vec<String> = Vec::with_capacity(RESETS);
    for i in 0..RESETS {
        client
            .reset_pin()
            .await
            .unwrap_or_else(|e| panic!("reset {i}: {e}"));
        let messages = store.messages(alice).unwrap();
        assert_eq!(messages.len(), i + 1, "one e-mail per reset");
        let mail = messages.last().unwrap();
        assert!(mail.body.contains(demo::ALICE_RESET_PIN_TEXT));
        let pin = pin_in_reset_mail(&mail.body).expect("the e-mail carries the PIN");
        policy
            .check(pin, record.extension.as_deref())
            .unwrap_or_else(|e| panic!("reset {i}: PIN breaks the policy: {e}"));
        let recent = &pins[pins.len().saturating_sub(history)..];
        assert!(
            !recent.iter().any(|p| p == pin),
            "reset {i}: a PIN among the previous {history} came back"
        );
        pins.push(pin.to_owned());
    }
    assert!(
        store.user(alice).unwrap().pin_expired,
        "a reset PIN is stored as expired"
    );

    // What the user sees through the mailbox endpoint over HTTP is the same.
    let mut http = reqwest::Client::builder();
    if let Some(pem) = emulator.tls_root_pem() {
        http = http.add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).unwrap());
    }
    let listed = http
        .build()
        .unwrap()
        .get(emulator.mailbox_url())
        .basic_auth(demo::ALICE, Some(demo::ALICE_PASSWORD))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&listed).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(RESETS));

    emulator.shutdown().await.unwrap();
    drop(store);
    assert_no_pin_in_clear(&db, &pins);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Scans every text column of every table of the database file: no PIN
/// appears anywhere but in the body of the e-mail that delivered it.
fn assert_no_pin_in_clear(db: &std::path::Path, pins: &[String]) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(tables.contains(&"pin_history".to_owned()));
    let mut pin_hashes = 0;
    for table in &tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for (i, column) in columns.iter().enumerate() {
                let Ok(Some(text)) = row.get::<_, Option<String>>(i) else {
                    continue;
                };
                if table == "messages" && column == "body" {
                    continue;
                }
                if column.ends_with("pin_hash") {
                    assert!(
                        text.starts_with("$argon2id$"),
                        "{table}.{column} is not a salted hash"
                    );
                    pin_hashes += 1;
                }
                for pin in pins {
                    assert!(
                        !text.contains(pin.as_str()),
                        "{table}.{column} holds a PIN in clear"
                    );
                }
            }
        }
    }
    assert!(pin_hashes > 1, "the PIN and its history are stored, hashed");
}
