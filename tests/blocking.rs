//! The blocking facade (`--features blocking`) against the emulator, which
//! runs on a runtime of its own thread: every operation works without an
//! async runtime in the caller, and calling it from inside one is an error.

use exchange_um_emulator::{Emulator, demo};
use xsdgen_runtime::auth::Credentials;

fn emulator() -> (
    exchange_um_emulator::RunningEmulator,
    tokio::runtime::Runtime,
) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a tokio runtime for the emulator");
    let emulator = runtime
        .block_on(Emulator::start_demo())
        .expect("the demo emulator starts");
    (emulator, runtime)
}

#[test]
fn every_operation_works_without_an_async_runtime() {
    let (emulator, _runtime) = emulator();
    let um = exchange_um::UmClient::builder(emulator.ews_url())
        .credentials(Credentials::basic(demo::ALICE, demo::ALICE_PASSWORD))
        .build_blocking()
        .expect("a blocking client");

    assert!(um.is_um_enabled().expect("IsUMEnabled"));
    um.set_oof_status(true).expect("SetOofStatus");
    um.set_play_on_phone_dial_string("+1 425 555 0199")
        .expect("SetPlayOnPhoneDialString");
    um.set_missed_call_notification_enabled(false)
        .expect("SetMissedCallNotificationEnabled");
    let props = um
        .get_um_properties()
        .expect("GetUMProperties")
        .expect("properties");
    assert!(props.oof_status);
    assert_eq!(
        props.play_on_phone_dial_string.as_deref(),
        Some("+1 425 555 0199")
    );
    assert!(!props.missed_call_notification_enabled);

    let before = emulator
        .store()
        .messages(emulator.store().user_id(demo::ALICE).expect("alice"))
        .expect("the mailbox")
        .len();
    um.reset_pin().expect("ResetPIN");
    let after = emulator
        .store()
        .messages(emulator.store().user_id(demo::ALICE).expect("alice"))
        .expect("the mailbox")
        .len();
    assert_eq!(after, before + 1, "one e-mail for one reset");

    let call = um
        .play_on_phone("AAMkAGE=", "+1 425 555 0199")
        .expect("PlayOnPhone")
        .expect("a call id");
    let info = um
        .get_call_info(&call)
        .expect("GetCallInfo")
        .expect("call info");
    let _ = info;
    um.disconnect(&call).expect("Disconnect");
}

#[test]
fn inside_an_async_runtime_it_refuses_instead_of_blocking() {
    let (emulator, runtime) = emulator();
    let um = exchange_um::UmClient::builder(emulator.ews_url())
        .credentials(Credentials::basic(demo::ALICE, demo::ALICE_PASSWORD))
        .build_blocking()
        .expect("a blocking client");
    let err = runtime
        .block_on(async { um.is_um_enabled() })
        .expect_err("called from inside a runtime");
    assert!(err.to_string().contains("async runtime"), "{err}");
}
