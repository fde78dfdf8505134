use std::sync::Arc;
use std::time::Duration;

use super::*;
use crate::call::{CallTimings, ManualClock, PhoneBehaviour, PhoneNetwork};
use crate::demo::{self, ALICE, BOB, CAROL};
use crate::store::UmSettings;

fn properties(settings: UmSettings) -> UmResponse {
    UmResponse::GetUmProperties(um::GetUmPropertiesResponse {
        get_um_properties_response: Some(settings.into()),
        ..Default::default()
    })
}

fn play(entry_id: &str, dial_string: &str) -> UmRequest {
    UmRequest::PlayOnPhone(um::PlayOnPhone {
        entry_id: Some(entry_id.to_owned()),
        dial_string: Some(dial_string.to_owned()),
        ..Default::default()
    })
}

fn call_info(call_id: &str) -> UmRequest {
    UmRequest::GetCallInfo(um::GetCallInfo {
        call_id: Some(call_id.to_owned()),
        ..Default::default()
    })
}

fn disconnect(call_id: &str) -> UmRequest {
    UmRequest::Disconnect(um::Disconnect {
        call_id: Some(call_id.to_owned()),
        ..Default::default()
    })
}

fn set_dial_string(dial: Option<&str>) -> UmRequest {
    UmRequest::SetPlayOnPhoneDialString(um::SetPlayOnPhoneDialString {
        dial_string: dial.map(str::to_owned),
        ..Default::default()
    })
}

fn set_folder(folder: Option<&str>) -> UmRequest {
    UmRequest::SetTelephoneAccessFolderEmail(um::SetTelephoneAccessFolderEmail {
        base64_folder_id: folder.map(str::to_owned),
        ..Default::default()
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
        service.execute_blocking(bob, UmRequest::IsUmEnabled(um::IsUmEnabled::default())),
        Ok(UmResponse::IsUmEnabled(um::IsUmEnabledResponse {
            is_um_enabled_response: false,
            ..
        }))
    ));
    for request in [
        UmRequest::GetUmProperties(um::GetUmProperties::default()),
        UmRequest::ResetPin(um::ResetPin::default()),
        UmRequest::SetOofStatus(um::SetOofStatus {
            status: true,
            ..Default::default()
        }),
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
    let get = || UmRequest::GetUmProperties(um::GetUmProperties::default());
    assert_eq!(run(get())?, properties(UmSettings::default()));
    run(UmRequest::SetOofStatus(um::SetOofStatus {
        status: true,
        ..Default::default()
    }))?;
    run(UmRequest::SetMissedCallNotificationEnabled(
        um::SetMissedCallNotificationEnabled {
            status: false,
            ..Default::default()
        },
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
        ..
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
            ..Default::default()
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
    let no_call = UmRequest::GetCallInfo(um::GetCallInfo {
        call_id: None,
        ..Default::default()
    });
    assert_eq!(kind(no_call), Some("InvalidCallIdException"));
    Ok(())
}

fn greeting(greeting_type: um::UmGreetingType, dial_string: &str) -> UmRequest {
    UmRequest::PlayOnPhoneGreeting(um::PlayOnPhoneGreeting {
        dial_string: Some(dial_string.to_owned()),
        ..um::PlayOnPhoneGreeting::new(greeting_type)
    })
}

/// The call id of a PlayOnPhone or PlayOnPhoneGreeting answer.
fn call_id_of(answer: UmResponse) -> String {
    match answer {
        UmResponse::PlayOnPhone(um::PlayOnPhoneResponse {
            play_on_phone_response: Some(id),
            ..
        })
        | UmResponse::PlayOnPhoneGreeting(um::PlayOnPhoneGreetingResponse {
            play_on_phone_greeting_response: Some(id),
            ..
        }) => id,
        other => panic!("unexpected answer {other:?}"),
    }
}

fn info_answer(call_state: um::UmCallState, event_cause: um::UmEventCause) -> UmResponse {
    UmResponse::GetCallInfo(um::GetCallInfoResponse {
        get_call_info_response: Some(um::UmCallInfo::new(call_state, event_cause)),
        ..Default::default()
    })
}

/// A service on a manual clock, with 1 s to ring, 2 s of ringing, 10 s
/// until no answer, 5 s on the line, and a busy and a silent number.
fn timed_service() -> Result<(UmService, ManualClock, UserId, UserId), StoreError> {
    let (service, alice, _, carol) = service()?;
    let clock = ManualClock::default();
    let mut phones = PhoneNetwork::new();
    phones.set("555 0111", PhoneBehaviour::Busy);
    phones.set("555 0112", PhoneBehaviour::NoAnswer);
    let calls = CallConfig {
        timings: CallTimings {
            connecting: Duration::from_secs(1),
            ringing: Duration::from_secs(2),
            no_answer_after: Duration::from_secs(10),
            connected_for: Duration::from_secs(5),
        },
        phones,
        clock: Arc::new(clock.clone()),
    };
    Ok((service.with_calls(calls), clock, alice, carol))
}

#[test]
fn a_call_is_placed_inspected_and_hung_up_by_its_owner_only() -> Result<(), ServiceError> {
    use um::UmCallState::*;
    use um::UmEventCause as Cause;
    let (service, clock, alice, carol) = timed_service()?;
    let call_id = call_id_of(
        service.execute_blocking(alice, greeting(um::UmGreetingType::OofCustom, "12345"))?,
    );
    let decoded = CallId::decode(&call_id).map_err(|_| ServiceError::InvalidCallId)?;
    assert_eq!(decoded.server(), "um01.contoso.test");
    assert_eq!(decoded.encode(), call_id);

    let info = |user| service.execute_blocking(user, call_info(&call_id));
    assert_eq!(info(alice)?, info_answer(Connecting, Cause::None));
    clock.advance(Duration::from_secs(1));
    assert_eq!(info(alice)?, info_answer(Alerted, Cause::None));
    clock.advance(Duration::from_secs(2));
    assert_eq!(info(alice)?, info_answer(Connected, Cause::None));
    assert_eq!(
        info(carol).err().and_then(|e| e.exception_type()),
        Some("InvalidCallIdException")
    );
    let hang_up = |user| service.execute_blocking(user, disconnect(&call_id));
    assert!(hang_up(carol).is_err());
    assert_eq!(info(alice)?, info_answer(Connected, Cause::None));
    assert_eq!(
        hang_up(alice)?,
        UmResponse::Disconnect(um::DisconnectResponse::default())
    );
    assert_eq!(info(alice)?, info_answer(Disconnected, Cause::None));
    // Hanging up again succeeds and changes nothing.
    hang_up(alice)?;
    assert_eq!(info(alice)?, info_answer(Disconnected, Cause::None));
    Ok(())
}

#[test]
fn an_unanswered_call_ends_by_itself() -> Result<(), ServiceError> {
    use um::UmCallState::*;
    use um::UmEventCause as Cause;
    let (service, clock, alice, _) = timed_service()?;
    let played = call_id_of(service.execute_blocking(alice, play("AQID", "+1 555 0100"))?);
    let silent = call_id_of(service.execute_blocking(alice, play("AQID", "5550112"))?);
    let busy = call_id_of(
        service.execute_blocking(alice, greeting(um::UmGreetingType::NormalCustom, "5550111"))?,
    );
    let info = |id: &str| service.execute_blocking(alice, call_info(id));
    clock.advance(Duration::from_secs(1));
    assert_eq!(info(&busy)?, info_answer(Disconnected, Cause::UserBusy));
    assert_eq!(info(&silent)?, info_answer(Alerted, Cause::None));
    // Answered at 3 s, hung up by the far end at 8 s; no answer at 11 s.
    clock.advance(Duration::from_secs(6));
    assert_eq!(info(&played)?, info_answer(Connected, Cause::None));
    clock.advance(Duration::from_secs(1));
    assert_eq!(info(&played)?, info_answer(Disconnected, Cause::None));
    assert_eq!(info(&silent)?, info_answer(Alerted, Cause::None));
    clock.advance(Duration::from_secs(3));
    assert_eq!(info(&silent)?, info_answer(Disconnected, Cause::NoAnswer));
    Ok(())
}

#[test]
fn reset_delivers_to_the_caller_only() -> Result<(), ServiceError> {
    let (service, alice, _, carol) = service()?;
    assert_eq!(
        service.execute_blocking(alice, UmRequest::ResetPin(um::ResetPin::default()))?,
        UmResponse::ResetPin(um::ResetPinResponse::default())
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
