//! Every request example of the schemas is accepted by the emulator's
//! decoder and executed, and the answer it writes reads back with the
//! client's reader as the example answer of the same operation does.

use std::path::{Path, PathBuf};

use exchange_um::um;
use exchange_um::um::operations::OPERATIONS;
use std::time::Duration;

use exchange_um_emulator::call::{CallSchedule, CallTimings, Clock, PhoneBehaviour, SystemClock};
use exchange_um_emulator::demo::{self, ALICE};
use exchange_um_emulator::service::UmService;
use exchange_um_emulator::soap::{UmRequest, UmResponse};
use exchange_um_emulator::store::{CallRecord, Store, UserId};
use exchange_um_emulator::wire::{decode_request, encode_response};
use xsdgen_runtime::soap::{Body, read_envelope};
use xsdgen_runtime::xml::XmlElement;

type Error = Box<dyn std::error::Error>;

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/examples")
}

/// Reads `xml` with the client's reader as the answer type of `like`.
fn read_as(like: &UmResponse, xml: &str) -> Result<UmResponse, Error> {
    fn read<T: XmlElement>(xml: &str, wrap: fn(T) -> UmResponse) -> Result<UmResponse, Error> {
        match read_envelope::<T>(xml.as_bytes())? {
            Body::Content(value) => Ok(wrap(value)),
            Body::Fault(fault) => Err(format!("unexpected fault {fault}").into()),
        }
    }
    match like {
        UmResponse::IsUmEnabled(_) => read(xml, UmResponse::IsUmEnabled),
        UmResponse::GetUmProperties(_) => read(xml, UmResponse::GetUmProperties),
        UmResponse::SetOofStatus(_) => read(xml, UmResponse::SetOofStatus),
        UmResponse::SetPlayOnPhoneDialString(_) => read(xml, UmResponse::SetPlayOnPhoneDialString),
        UmResponse::SetTelephoneAccessFolderEmail(_) => {
            read(xml, UmResponse::SetTelephoneAccessFolderEmail)
        }
        UmResponse::SetMissedCallNotificationEnabled(_) => {
            read(xml, UmResponse::SetMissedCallNotificationEnabled)
        }
        UmResponse::ResetPin(_) => read(xml, UmResponse::ResetPin),
        UmResponse::PlayOnPhone(_) => read(xml, UmResponse::PlayOnPhone),
        UmResponse::GetCallInfo(_) => read(xml, UmResponse::GetCallInfo),
        UmResponse::Disconnect(_) => read(xml, UmResponse::Disconnect),
        UmResponse::PlayOnPhoneGreeting(_) => read(xml, UmResponse::PlayOnPhoneGreeting),
    }
}

fn demo_service() -> Result<(UmService, UserId), Error> {
    let store = Store::open_in_memory()?;
    for user in demo::demo_users() {
        store.add_user(&user)?;
    }
    let alice = store.user_id(ALICE)?;
    Ok((UmService::new(store, "um01.contoso.test"), alice))
}

/// The examples' GetCallInfo and Disconnect name a call; place it first,
/// answered at once, as the documented answer (Connected) shows it.
fn prepare(service: &UmService, caller: UserId, request: &UmRequest) -> Result<(), Error> {
    let call_id = match request {
        UmRequest::GetCallInfo(um::GetCallInfo { call_id, .. })
        | UmRequest::Disconnect(um::Disconnect { call_id, .. }) => call_id.clone(),
        _ => None,
    };
    if let Some(call_id) = call_id {
        let at_once = CallTimings {
            connecting: Duration::ZERO,
            ringing: Duration::ZERO,
            no_answer_after: Duration::from_secs(1),
            connected_for: Duration::from_secs(3600),
        };
        let call = CallRecord {
            call_id,
            target: "AQID".to_owned(),
            dial_string: "12345".to_owned(),
            schedule: CallSchedule::plan(SystemClock.now(), PhoneBehaviour::Answer, &at_once),
        };
        service.store().start_call(caller, &call)?;
    }
    Ok(())
}

/// Answers whose content is random or comes from the store are compared by
/// type only; the others must equal the documentation's example.
fn deterministic(response: &UmResponse) -> bool {
    !matches!(
        response,
        UmResponse::GetUmProperties(_)
            | UmResponse::PlayOnPhone(_)
            | UmResponse::PlayOnPhoneGreeting(_)
    )
}

#[test]
fn every_example_request_is_decoded_executed_and_answered() -> Result<(), Error> {
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(examples_dir())? {
        let path = entry?.path();
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Some(name) = file.strip_suffix(".request.xml") else {
            continue;
        };
        let info = OPERATIONS
            .iter()
            .find(|op| op.name == name)
            .ok_or_else(|| format!("{file} names no operation"))?;
        let bytes = std::fs::read(&path)?;
        let request =
            decode_request(&bytes, Some(info.soap_action)).map_err(|e| format!("{file}: {e}"))?;
        assert_eq!(request.name(), info.name);

        let (service, alice) = demo_service()?;
        prepare(&service, alice, &request)?;
        let response = service
            .execute_blocking(alice, request)
            .map_err(|e| format!("{file}: {e}"))?;
        assert_eq!(response.name(), info.name);
        let written = encode_response(&response)?;
        let read_back = read_as(&response, &written).map_err(|e| format!("{file}: {e}"))?;
        assert_eq!(read_back, response, "{file}: {written}");

        let example = std::fs::read_to_string(path.with_file_name(format!("{name}.response.xml")))?;
        let documented = read_as(&response, &example).map_err(|e| format!("{name}: {e}"))?;
        if deterministic(&response) {
            assert_eq!(response, documented, "{file}");
        }
        seen.push(name.to_owned());
    }
    seen.sort();
    let mut all: Vec<String> = OPERATIONS.iter().map(|op| op.name.to_owned()).collect();
    all.sort();
    assert_eq!(seen, all, "one example per operation");
    Ok(())
}
