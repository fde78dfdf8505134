//! GetUMProperties and the four Set operations over HTTP with the typed
//! client: each Set changes what Get returns, for the caller only.

mod common;

use common::{TestResult, demo, fault_code, um_client};
use exchange_um::um;
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD, BOB, BOB_PASSWORD, CAROL, CAROL_PASSWORD};

async fn properties(
    client: &exchange_um::UmClient,
) -> Result<um::UmProperties, Box<dyn std::error::Error>> {
    Ok(client.get_um_properties().await?.ok_or("no properties")?)
}

#[tokio::test]
async fn every_set_operation_changes_what_get_returns() -> TestResult {
    let emu = demo().await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let carol = um_client(&emu.legacy_url(), CAROL, CAROL_PASSWORD)?;
    let carol_before = properties(&carol).await?;

    let before = properties(&alice).await?;
    assert_eq!(
        before,
        um::UmProperties {
            oof_status: false,
            missed_call_notification_enabled: true,
            play_on_phone_dial_string: Some("12345".to_owned()),
            telephone_access_numbers: Some("54321".to_owned()),
            telephone_access_folder_email: Some(
                "AAAAAGfOJ1Y0w9ZFqG8r3QXeT5MBAOV1BUmEAd9IqP1jYmSwP2UAAAAAAQ4AAA==".to_owned()
            ),
            ..Default::default()
        }
    );

    alice.set_oof_status(true).await?;
    assert!(properties(&alice).await?.oof_status);
    alice.set_missed_call_notification_enabled(false).await?;
    assert!(!properties(&alice).await?.missed_call_notification_enabled);
    alice
        .set_play_on_phone_dial_string("+1 (425) 555-0100")
        .await?;
    assert_eq!(
        properties(&alice)
            .await?
            .play_on_phone_dial_string
            .as_deref(),
        Some("+1 (425) 555-0100")
    );
    alice.set_telephone_access_folder_email("AQIDBA==").await?;
    let after = properties(&alice).await?;
    assert_eq!(
        after,
        um::UmProperties {
            oof_status: true,
            missed_call_notification_enabled: false,
            play_on_phone_dial_string: Some("+1 (425) 555-0100".to_owned()),
            telephone_access_folder_email: Some("AQIDBA==".to_owned()),
            ..before
        }
    );
    // And back again, with an empty dial string clearing it.
    alice.set_oof_status(false).await?;
    alice.set_missed_call_notification_enabled(true).await?;
    alice.set_play_on_phone_dial_string("").await?;
    let cleared = properties(&alice).await?;
    assert!(!cleared.oof_status && cleared.missed_call_notification_enabled);
    assert_eq!(cleared.play_on_phone_dial_string.as_deref(), Some(""));

    // Carol's properties (over the Exchange 2007 path) did not move.
    assert_eq!(properties(&carol).await?, carol_before);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn invalid_values_are_refused_and_change_nothing() -> TestResult {
    let emu = demo().await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let before = properties(&alice).await?;
    let error = alice.set_play_on_phone_dial_string("call me").await.err();
    assert_eq!(
        error.as_ref().and_then(fault_code).as_deref(),
        Some("DialingRulesException")
    );
    let error = alice
        .set_telephone_access_folder_email("not base64!")
        .await
        .err();
    assert_eq!(
        error.as_ref().and_then(fault_code).as_deref(),
        Some("InvalidObjectIdException")
    );
    assert_eq!(properties(&alice).await?, before);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn is_um_enabled_answers_everyone_and_the_rest_only_um_users() -> TestResult {
    let emu = demo().await?;
    let alice = um_client(&emu.ews_url(), ALICE, ALICE_PASSWORD)?;
    let bob = um_client(&emu.ews_url(), BOB, BOB_PASSWORD)?;
    assert!(alice.is_um_enabled().await?);
    assert!(!bob.is_um_enabled().await?);
    let refused = [
        bob.get_um_properties().await.err(),
        bob.set_oof_status(true).await.err(),
        bob.set_missed_call_notification_enabled(false).await.err(),
        bob.set_play_on_phone_dial_string("12345").await.err(),
        bob.set_telephone_access_folder_email("AQID").await.err(),
        bob.play_on_phone("AQID", "12345").await.err(),
        bob.play_on_phone_greeting(um::UmGreetingType::NormalCustom, "12345")
            .await
            .err(),
        bob.get_call_info("AQID").await.err(),
        bob.disconnect("AQID").await.err(),
        bob.reset_pin().await.err(),
    ];
    for error in refused {
        assert_eq!(
            error.as_ref().and_then(fault_code).as_deref(),
            Some("UserNotUmEnabledException"),
            "{error:?}"
        );
    }
    emu.shutdown().await?;
    Ok(())
}
