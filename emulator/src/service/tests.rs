use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::*;
use crate::demo::{self, ALICE, BOB, CAROL};
use crate::soap::GreetingType;
use crate::store::{CallInfo, CallState, EventCause, UmSettings};

fn service() -> Result<(UmService, UserId, UserId, UserId), StoreError> {
    let store = Store::open_in_memory()?;
    for user in demo::demo_users() {
        store.add_user(&user)?;
    }
    let ids = (
        store.user_id(ALICE)?,
        store.user_id(BOB)?,
        store.user_id(CAROL)?,
    );
    Ok((
        UmService::new(store, "um01.contoso.test"),
        ids.0,
        ids.1,
        ids.2,
    ))
}

#[test]
fn a_user_without_um_may_only_ask_whether_he_has_it() -> Result<(), StoreError> {
    let (service, _, bob, _) = service()?;
    assert!(matches!(
        service.execute_blocking(bob, UmRequest::IsUmEnabled),
        Ok(UmResponse::IsUmEnabled(false))
    ));
    for request in [
        UmRequest::GetUmProperties,
        UmRequest::ResetPin,
        UmRequest::SetOofStatus(true),
    ] {
        let error = service.execute_blocking(bob, request).err();
        assert_eq!(
            error.as_ref().and_then(ServiceError::exception_type),
            Some("UserNotUmEnabledException")
        );
    }
    assert!(service.store().messages(bob)?.is_empty());
    Ok(())
}

#[test]
fn settings_are_written_and_read_back() -> Result<(), ServiceError> {
    let (service, alice, _, carol) = service()?;
    let run = |request| service.execute_blocking(alice, request);
    assert_eq!(
        run(UmRequest::GetUmProperties)?,
        UmResponse::GetUmProperties(UmSettings::default())
    );
    run(UmRequest::SetOofStatus(true))?;
    run(UmRequest::SetMissedCallNotificationEnabled(false))?;
    run(UmRequest::SetPlayOnPhoneDialString(
        "+1 (425) 555-0100".to_owned(),
    ))?;
    run(UmRequest::SetTelephoneAccessFolderEmail("AQID".to_owned()))?;
    let expected = UmSettings {
        oof_status: true,
        missed_call_notification_enabled: false,
        play_on_phone_dial_string: "+1 (425) 555-0100".to_owned(),
        telephone_access_folder_email: "AQID".to_owned(),
        ..UmSettings::default()
    };
    assert_eq!(
        run(UmRequest::GetUmProperties)?,
        UmResponse::GetUmProperties(expected)
    );
    // Carol's settings are untouched.
    let carol_settings = service.execute_blocking(carol, UmRequest::GetUmProperties)?;
    assert!(
        matches!(carol_settings, UmResponse::GetUmProperties(s) if s.oof_status && s.missed_call_notification_enabled)
    );
    Ok(())
}

#[test]
fn invalid_arguments_map_to_the_documented_exceptions() -> Result<(), StoreError> {
    let (service, alice, _, _) = service()?;
    let kind = |request| {
        service
            .execute_blocking(alice, request)
            .err()
            .and_then(|e| e.exception_type())
    };
    let play = |entry_id: &str, dial: &str| UmRequest::PlayOnPhone {
        entry_id: entry_id.to_owned(),
        dial_string: dial.to_owned(),
    };
    assert_eq!(
        kind(play("INVALID_ENTRY_ID", "12345")),
        Some("InvalidObjectIdException")
    );
    assert_eq!(kind(play("", "12345")), Some("InvalidObjectIdException"));
    assert_eq!(kind(play("AQID", "12a45")), Some("DialingRulesException"));
    assert_eq!(kind(play("AQID", "")), Some("DialingRulesException"));
    assert_eq!(
        kind(UmRequest::SetPlayOnPhoneDialString("call me".to_owned())),
        Some("DialingRulesException")
    );
    assert_eq!(
        kind(UmRequest::SetTelephoneAccessFolderEmail("!!".to_owned())),
        Some("InvalidObjectIdException")
    );
    assert_eq!(
        kind(UmRequest::GetCallInfo {
            call_id: "nope".to_owned()
        }),
        Some("InvalidCallIdException")
    );
    assert_eq!(
        kind(UmRequest::Disconnect {
            call_id: "nope".to_owned()
        }),
        Some("InvalidCallIdException")
    );
    Ok(())
}

#[test]
fn a_call_is_placed_inspected_and_hung_up_by_its_owner_only() -> Result<(), ServiceError> {
    let (service, alice, _, carol) = service()?;
    let placed = service.execute_blocking(
        alice,
        UmRequest::PlayOnPhoneGreeting {
            greeting_type: GreetingType::OofCustom,
            dial_string: "12345".to_owned(),
        },
    )?;
    let UmResponse::PlayOnPhoneGreeting(call_id) = placed else {
        panic!("unexpected answer {placed:?}");
    };
    let decoded = STANDARD.decode(&call_id).map(String::from_utf8);
    let Ok(Ok(decoded)) = decoded else {
        panic!("call id {call_id} is not base64 of UTF-8");
    };
    let (guid, host) = decoded.split_once('@').unwrap_or_default();
    assert_eq!((guid.len(), host), (36, "um01.contoso.test"));

    let info = |user| {
        service.execute_blocking(
            user,
            UmRequest::GetCallInfo {
                call_id: call_id.clone(),
            },
        )
    };
    let connected = CallInfo {
        state: CallState::Connected,
        event_cause: EventCause::None,
    };
    assert_eq!(info(alice)?, UmResponse::GetCallInfo(connected));
    assert_eq!(
        info(carol).err().and_then(|e| e.exception_type()),
        Some("InvalidCallIdException")
    );
    let hang_up = |user| {
        service.execute_blocking(
            user,
            UmRequest::Disconnect {
                call_id: call_id.clone(),
            },
        )
    };
    assert!(hang_up(carol).is_err());
    assert_eq!(hang_up(alice)?, UmResponse::Empty(Operation::Disconnect));
    let disconnected = CallInfo {
        state: CallState::Disconnected,
        event_cause: EventCause::None,
    };
    assert_eq!(info(alice)?, UmResponse::GetCallInfo(disconnected));
    Ok(())
}

#[test]
fn reset_delivers_to_the_caller_only() -> Result<(), ServiceError> {
    let (service, alice, _, carol) = service()?;
    assert_eq!(
        service.execute_blocking(alice, UmRequest::ResetPin)?,
        UmResponse::Empty(Operation::ResetPIN)
    );
    let mail = service.store().messages(alice)?;
    assert_eq!(mail.len(), 1);
    assert_eq!(
        mail[0].from,
        "Microsoft Exchange <MicrosoftExchange@um01.contoso.test>"
    );
    assert!(service.store().messages(carol)?.is_empty());
    Ok(())
}
