//! PlayOnPhone, PlayOnPhoneGreeting, GetCallInfo and Disconnect over HTTP:
//! call ids, the state machine on a manual clock (and once on the real
//! clock with short timings), hanging up, and unknown call ids.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{TestResult, call, demo, fault_code, um_client};
use exchange_um::{UmClient, um};
use exchange_um_emulator::call::{
    CallConfig, CallId, CallTimings, ManualClock, PhoneBehaviour, PhoneNetwork,
};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD, CAROL, CAROL_PASSWORD, demo_users};
use exchange_um_emulator::server::DEFAULT_SERVER_FQDN;
use exchange_um_emulator::{Emulator, EmulatorConfig, RunningEmulator, Store, StoreError};

type Error = Box<dyn std::error::Error>;

/// 1 s to ring, answered 2 s later, no answer after 10 s, 5 s on the line.
const TIMINGS: CallTimings = CallTimings {
    connecting: Duration::from_secs(1),
    ringing: Duration::from_secs(2),
    no_answer_after: Duration::from_secs(10),
    connected_for: Duration::from_secs(5),
};

async fn emulator(calls: CallConfig) -> Result<RunningEmulator, Error> {
    let store = tokio::task::spawn_blocking(|| -> Result<Store, StoreError> {
        let store = Store::open_in_memory()?;
        store.add_missing_users(&demo_users())?;
        Ok(store)
    })
    .await??;
    let config = EmulatorConfig {
        calls,
        ..EmulatorConfig::default()
    };
    Ok(Emulator::start(store, config).await?)
}

/// An emulator on a manual clock with [`TIMINGS`]; 555 0111 is busy, 555
/// 0112 does not answer, 555 0113 is unavailable, 555 0114 fails.
async fn timed() -> Result<(RunningEmulator, ManualClock), Error> {
    let clock = ManualClock::default();
    let mut phones = PhoneNetwork::new();
    phones.set("555 0111", PhoneBehaviour::Busy);
    phones.set("555 0112", PhoneBehaviour::NoAnswer);
    phones.set("555 0113", PhoneBehaviour::Unavailable);
    phones.set("555 0114", PhoneBehaviour::Fail);
    let calls = CallConfig {
        timings: TIMINGS,
        phones,
        clock: Arc::new(clock.clone()),
    };
    Ok((emulator(calls).await?, clock))
}

async fn state(client: &UmClient, id: &str) -> Result<(um::UmCallState, um::UmEventCause), Error> {
    let info = client.get_call_info(id).await?.ok_or("no call info")?;
    Ok((info.call_state, info.event_cause))
}

#[tokio::test]
async fn a_played_item_rings_connects_and_ends_when_the_far_end_hangs_up() -> TestResult {
    use um::UmCallState::*;
    use um::UmEventCause as Cause;
    let (emu, clock) = timed().await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let id = alice
        .play_on_phone("AAMkAGI=", "+1 (425) 555-0100")
        .await?
        .ok_or("no call id")?;
    let decoded = CallId::decode(&id)?;
    assert_eq!(decoded.server(), DEFAULT_SERVER_FQDN);
    assert_eq!(decoded.guid().len(), 36);

    let timeline = [
        (0, Connecting, Cause::None),
        (999, Connecting, Cause::None),
        (1, Alerted, Cause::None),
        (1999, Alerted, Cause::None),
        (1, Connected, Cause::None),
        (4999, Connected, Cause::None),
        (1, Disconnected, Cause::None),
        (60_000, Disconnected, Cause::None),
    ];
    for (step_ms, call_state, cause) in timeline {
        clock.advance(Duration::from_millis(step_ms));
        assert_eq!(
            state(&alice, &id).await?,
            (call_state, cause),
            "after +{step_ms} ms"
        );
    }
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn both_greetings_can_be_played_and_hung_up_in_any_state() -> TestResult {
    use um::UmCallState::*;
    let (emu, clock) = timed().await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let normal = um::UmGreetingType::NormalCustom;
    let oof = um::UmGreetingType::OofCustom;
    let connecting = alice.play_on_phone_greeting(normal, "12345").await?;
    let ringing = alice.play_on_phone_greeting(oof, "12345").await?;
    let answered = alice.play_on_phone("AQID", "12345").await?;
    let (Some(connecting), Some(ringing), Some(answered)) = (connecting, ringing, answered) else {
        return Err("a call id is missing".into());
    };
    assert_ne!(connecting, ringing);

    alice.disconnect(&connecting).await?;
    clock.advance(Duration::from_secs(1));
    assert_eq!(state(&alice, &ringing).await?.0, Alerted);
    alice.disconnect(&ringing).await?;
    clock.advance(Duration::from_secs(2));
    assert_eq!(state(&alice, &answered).await?.0, Connected);
    alice.disconnect(&answered).await?;
    for id in [&connecting, &ringing, &answered] {
        assert_eq!(
            state(&alice, id).await?,
            (Disconnected, um::UmEventCause::None)
        );
    }
    // A second Disconnect of an ended call succeeds and changes nothing.
    alice.disconnect(&answered).await?;
    clock.advance(Duration::from_secs(60));
    assert_eq!(
        state(&alice, &answered).await?,
        (Disconnected, um::UmEventCause::None)
    );
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn numbers_that_do_not_answer_end_with_their_cause() -> TestResult {
    use um::UmCallState::*;
    use um::UmEventCause as Cause;
    let (emu, clock) = timed().await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let mut calls = Vec::new();
    for (number, end) in [
        ("555-0111", Cause::UserBusy),
        ("5550113", Cause::Unavailable),
        ("555.0114", Cause::Other),
    ] {
        let id = alice.play_on_phone("AQID", number).await?.ok_or("no id")?;
        assert_eq!(state(&alice, &id).await?, (Connecting, Cause::None));
        calls.push((id, end));
    }
    let silent = alice
        .play_on_phone_greeting(um::UmGreetingType::OofCustom, "555 0112")
        .await?
        .ok_or("no id")?;
    clock.advance(Duration::from_secs(1));
    for (id, end) in &calls {
        assert_eq!(state(&alice, id).await?, (Disconnected, *end));
    }
    assert_eq!(state(&alice, &silent).await?, (Alerted, Cause::None));
    clock.advance(Duration::from_secs(10));
    assert_eq!(
        state(&alice, &silent).await?,
        (Disconnected, Cause::NoAnswer)
    );
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn unknown_and_foreign_call_ids_are_invalid_call_ids() -> TestResult {
    let (emu, _clock) = timed().await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let carol = um_client(&emu.ews_url(), CAROL, CAROL_PASSWORD)?;
    let alices = alice.play_on_phone("AQID", "12345").await?.ok_or("no id")?;
    let unknown = CallId::generate(DEFAULT_SERVER_FQDN)?.encode();
    for id in [unknown.as_str(), "not a call id", ""] {
        let info = alice.get_call_info(id).await.err();
        assert_eq!(
            info.as_ref().and_then(fault_code).as_deref(),
            Some("InvalidCallIdException"),
            "{id:?}"
        );
        let hang_up = alice.disconnect(id).await.err();
        assert_eq!(
            hang_up.as_ref().and_then(fault_code).as_deref(),
            Some("InvalidCallIdException")
        );
    }
    // Carol cannot see or end Alice's call, and her trying changes nothing.
    for error in [
        carol.get_call_info(&alices).await.err(),
        carol.disconnect(&alices).await.err(),
    ] {
        assert_eq!(
            error.as_ref().and_then(fault_code).as_deref(),
            Some("InvalidCallIdException")
        );
    }
    assert_eq!(
        state(&alice, &alices).await?,
        (um::UmCallState::Connecting, um::UmEventCause::None)
    );

    // On the wire: HTTP 500 and the ASMX fault shape with ExceptionType.
    let children = format!("<CallId>{unknown}</CallId>");
    let (status, body) = call(
        &emu.ews_url(),
        ALICE,
        ALICE_PASSWORD,
        "GetCallInfo",
        &children,
    )
    .await?;
    assert_eq!(status, 500);
    assert!(
        body.contains("<faultcode>a:InvalidCallIdException</faultcode>"),
        "{body}"
    );
    assert!(
        body.contains(">InvalidCallIdException</ExceptionType>"),
        "{body}"
    );
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn bad_dial_strings_and_item_ids_place_no_call() -> TestResult {
    let emu = demo().await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let cases = [
        (
            alice.play_on_phone("AQID", "call me").await.err(),
            "DialingRulesException",
        ),
        (
            alice.play_on_phone("AQID", "").await.err(),
            "DialingRulesException",
        ),
        (
            alice.play_on_phone("INVALID_ENTRY_ID", "12345").await.err(),
            "InvalidObjectIdException",
        ),
        (
            alice
                .play_on_phone_greeting(um::UmGreetingType::NormalCustom, "12a45")
                .await
                .err(),
            "DialingRulesException",
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(
            error.as_ref().and_then(fault_code).as_deref(),
            Some(expected)
        );
    }
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn on_the_real_clock_a_call_moves_by_itself() -> TestResult {
    use um::UmCallState::*;
    let calls = CallConfig {
        timings: CallTimings {
            connecting: Duration::from_millis(40),
            ringing: Duration::from_millis(40),
            no_answer_after: Duration::from_secs(10),
            connected_for: Duration::from_millis(40),
        },
        ..CallConfig::default()
    };
    let emu = emulator(calls).await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let id = alice.play_on_phone("AQID", "12345").await?.ok_or("no id")?;
    // Poll until the call has ended, recording each state seen; a slow
    // machine may skip a short state, but never goes backwards.
    let mut seen = vec![state(&alice, &id).await?.0];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while seen.last() != Some(&Disconnected) && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
        let now = state(&alice, &id).await?.0;
        if seen.last() != Some(&now) {
            seen.push(now);
        }
    }
    let order = [Connecting, Alerted, Connected, Disconnected];
    let rank = |s: &um::UmCallState| order.iter().position(|o| o == s);
    assert!(
        seen.windows(2).all(|w| rank(&w[0]) < rank(&w[1])),
        "{seen:?}"
    );
    assert_eq!(seen.last(), Some(&Disconnected), "{seen:?}");
    emu.shutdown().await?;
    Ok(())
}
