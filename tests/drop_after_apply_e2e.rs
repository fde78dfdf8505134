//! 500 ResetPIN calls whose answers are all lost after the reset was
//! committed ("apply, then drop the connection"): exactly 500 e-mails and
//! 500 outcome-unknown errors, never a resend and so never a second
//! e-mail for one call. Over HTTP and HTTPS.

mod e2e;

use std::sync::Arc;

use e2e::{Transport, over_both};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD};
use exchange_um_emulator::hash::{SecretHash, verify};
use exchange_um_emulator::store::pin_in_reset_mail;
use exchange_um_emulator::{FaultRule, InjectedFault};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use xsdgen_runtime::{Delivery, Error};

const CALLS: u64 = 500;
/// Calls in flight at once: enough to interleave connections, few enough
/// that each dropped connection is a fresh one.
const IN_FLIGHT: usize = 8;

over_both!(five_hundred_lost_answers_give_five_hundred_mails);

async fn five_hundred_lost_answers_give_five_hundred_mails(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    emulator.faults().for_user(
        ALICE,
        FaultRule::times(CALLS, InjectedFault::DropAfterApply),
    );
    let client = e2e::client(&emulator, ALICE, ALICE_PASSWORD);
    let gate = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut calls = JoinSet::new();
    for _ in 0..CALLS {
        let client = client.clone();
        let gate = gate.clone();
        calls.spawn(async move {
            let _permit = gate.acquire_owned().await;
            client.reset_pin().await
        });
    }
    let mut outcome_unknown = 0u64;
    while let Some(joined) = calls.join_next().await {
        let err = joined.unwrap().expect_err("every answer is dropped");
        assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
        assert_eq!(err.delivery(), Delivery::MayHaveExecuted);
        outcome_unknown += 1;
    }

    let faults = emulator.faults();
    let store = emulator.store();
    let alice = store.user_id(ALICE).unwrap();
    let messages = store.messages(alice).unwrap();
    eprintln!(
        "{}: {CALLS} calls, {outcome_unknown} outcome-unknown errors, {} e-mails, {} requests received",
        transport.name(),
        messages.len(),
        faults.soap_requests()
    );
    assert_eq!(outcome_unknown, CALLS);
    assert_eq!(faults.soap_requests(), CALLS, "a ResetPIN was resent");
    assert_eq!(faults.faults_served(), CALLS);
    assert_eq!(messages.len() as u64, CALLS, "one e-mail per call, no more");

    // Every e-mail is a distinct reset, and the last one holds the PIN the
    // store has now.
    let mut ids: Vec<i64> = messages.iter().map(|m| m.id).collect();
    ids.dedup();
    assert_eq!(ids.len() as u64, CALLS);
    let last = messages
        .last()
        .and_then(|m| pin_in_reset_mail(&m.body))
        .unwrap();
    let current: String = store
        .inspect(|conn| {
            conn.query_row(
                "SELECT pin_hash FROM users WHERE id = ?1",
                [alice.0],
                |row| row.get(0),
            )
        })
        .unwrap();
    assert!(verify(last.as_bytes(), &SecretHash::from_phc(current)).unwrap());

    // The rule is used up: the next call is answered.
    client.reset_pin().await.unwrap();
    assert_eq!(store.messages(alice).unwrap().len() as u64, CALLS + 1);
}
