use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::*;
use crate::demo::{self, ALICE, BOB, CAROL};
use crate::store::UmSettings;

fn properties(settings: UmSettings) -> UmResponse {
    UmResponse::GetUmProperties(um::GetUmPropertiesResponse {
        get_um_properties_response: Some(settings.into()),
    })
}

fn play(entry_id: &str, dial_string: &str) -> UmRequest {
    UmRequest::PlayOnPhone(um::PlayOnPhone {
        entry_id: Some(entry_id.to_owned()),
        dial_string: Some(dial_string.to_owned()),
    })
}

fn call_info(call_id: &str) -> UmRequest {
    UmRequest::GetCallInfo(um::GetCallInfo {
        call_id: Some(call_id.to_owned()),
    })
}

fn disconnect(call_id: &str) -> UmRequest {
    UmRequest::Disconnect(um::Disconnect {
        call_id: Some(call_id.to_owned()),
    })
}

fn set_dial_string(dial: Option<&str>) -> UmRequest {
    UmRequest::SetPlayOnPhoneDialString(um::SetPlayOnPhoneDialString {
        dial_string: dial.map(str::to_owned),
    })
}

fn set_folder(folder: Option<&str>) -> UmRequest {
    UmRequest::SetTelephoneAccessFolderEmail(um::SetTelephoneAccessFolderEmail {
        base64_folder_id: folder.map(str::to_owned),
    })
}

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
        service.execute_blocking(bob, UmRequest::IsUmEnabled(um::IsUmEnabled {})),
        Ok(UmResponse::IsUmEnabled(um::IsUmEnabledResponse {
            is_um_enabled_response: false
        }))
    ));
    for request in [
        UmRequest::GetUmProperties(um::GetUmProperties {}),
        UmRequest::ResetPin(um::ResetPin {}),
        UmRequest::SetOofStatus(um::SetOofStatus { status: true }),
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
    let get = || UmRequest::GetUmProperties(um::GetUmProperties {});
    assert_eq!(run(get())?, properties(UmSettings::default()));
    run(UmRequest::SetOofStatus(um::SetOofStatus { status: true }))?;
    run(UmRequest::SetMissedCallNotificationEnabled(
        um::SetMissedCallNotificationEnabled { status: false },
    ))?;
    run(set_dial_string(Some("+1 (425) 555-0100")))?;
    run(set_folder(Some("AQID")))?;
    let expected = UmSettings {
        oof_status: true,
        missed_call_notification_enabled: false,
        play_on_phone_dial_string: "+1 (425) 555-0100".to_owned(),
        telephone_access_folder_email: "AQID".to_owned(),
        ..UmSettings::default()
    };
    assert_eq!(run(get())?, properties(expected));
    // Carol's settings are untouched.
    let carol_settings = service.execute_blocking(carol, get())?;
    let UmResponse::GetUmProperties(um::GetUmPropertiesResponse {
        get_um_properties_response: Some(carol_settings),
    }) = carol_settings
    else {
        panic!("unexpected answer {carol_settings:?}");
    };
    assert!(carol_settings.oof_status && carol_settings.missed_call_notification_enabled);
    // A dial string left out clears it, as an empty one does.
    run(set_dial_string(None))?;
    let settings = service.store().um_settings(alice)?;
    assert_eq!(settings.play_on_phone_dial_string, "");
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
    assert_eq!(
        kind(play("INVALID_ENTRY_ID", "12345")),
        Some("InvalidObjectIdException")
    );
    assert_eq!(kind(play("", "12345")), Some("InvalidObjectIdException"));
    assert_eq!(kind(play("AQID", "12a45")), Some("DialingRulesException"));
    assert_eq!(kind(play("AQID", "")), Some("DialingRulesException"));
    assert_eq!(
        kind(set_dial_string(Some("call me"))),
        Some("DialingRulesException")
    );
    assert_eq!(
        kind(set_folder(Some("!!"))),
        Some("InvalidObjectIdException")
    );
    assert_eq!(kind(set_folder(None)), Some("InvalidObjectIdException"));
    assert_eq!(kind(call_info("nope")), Some("InvalidCallIdException"));
    assert_eq!(kind(disconnect("nope")), Some("InvalidCallIdException"));
    // Parameters left out get the exceptions of empty ones.
    let absent = |entry_id: Option<&str>, dial: Option<&str>| {
        UmRequest::PlayOnPhone(um::PlayOnPhone {
            entry_id: entry_id.map(str::to_owned),
            dial_string: dial.map(str::to_owned),
        })
    };
    assert_eq!(
        kind(absent(None, Some("12345"))),
        Some("InvalidObjectIdException")
    );
    assert_eq!(
        kind(absent(Some("AQID"), None)),
        Some("DialingRulesException")
    );
    let no_call = UmRequest::GetCallInfo(um::GetCallInfo { call_id: None });
    assert_eq!(kind(no_call), Some("InvalidCallIdException"));
    Ok(())
}

#[test]
fn a_call_is_placed_inspected_and_hung_up_by_its_owner_only() -> Result<(), ServiceError> {
    let (service, alice, _, carol) = service()?;
    let placed = service.execute_blocking(
        alice,
        UmRequest::PlayOnPhoneGreeting(um::PlayOnPhoneGreeting {
            greeting_type: um::UmGreetingType::OofCustom,
            dial_string: Some("12345".to_owned()),
        }),
    )?;
    let UmResponse::PlayOnPhoneGreeting(um::PlayOnPhoneGreetingResponse {
        play_on_phone_greeting_response: Some(call_id),
    }) = placed
    else {
        panic!("unexpected answer {placed:?}");
    };
    let decoded = STANDARD.decode(&call_id).map(String::from_utf8);
    let Ok(Ok(decoded)) = decoded else {
        panic!("call id {call_id} is not base64 of UTF-8");
    };
    let (guid, host) = decoded.split_once('@').unwrap_or_default();
    assert_eq!((guid.len(), host), (36, "um01.contoso.test"));

    let info = |user| service.execute_blocking(user, call_info(&call_id));
    let answer = |call_state| {
        UmResponse::GetCallInfo(um::GetCallInfoResponse {
            get_call_info_response: Some(um::UmCallInfo {
                call_state,
                event_cause: um::UmEventCause::None,
            }),
        })
    };
    assert_eq!(info(alice)?, answer(um::UmCallState::Connected));
    assert_eq!(
        info(carol).err().and_then(|e| e.exception_type()),
        Some("InvalidCallIdException")
    );
    let hang_up = |user| service.execute_blocking(user, disconnect(&call_id));
    assert!(hang_up(carol).is_err());
    assert_eq!(
        hang_up(alice)?,
        UmResponse::Disconnect(um::DisconnectResponse {})
    );
    assert_eq!(info(alice)?, answer(um::UmCallState::Disconnected));
    Ok(())
}

#[test]
fn reset_delivers_to_the_caller_only() -> Result<(), ServiceError> {
    let (service, alice, _, carol) = service()?;
    assert_eq!(
        service.execute_blocking(alice, UmRequest::ResetPin(um::ResetPin {}))?,
        UmResponse::ResetPin(um::ResetPinResponse {})
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
