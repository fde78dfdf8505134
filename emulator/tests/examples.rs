//! Every request example of the schemas is accepted by the emulator's
//! dispatcher and executed, and the answer it writes reads back with the
//! client's reader as the example answer of the same operation does.

use std::path::{Path, PathBuf};

use exchange_um::um;
use exchange_um::um::operations::OPERATIONS;
use std::time::Duration;

use exchange_um_emulator::auth::{AuthScheme, Caller};
use exchange_um_emulator::call::{CallSchedule, CallTimings, Clock, PhoneBehaviour, SystemClock};
use exchange_um_emulator::demo::{self, ALICE};
use exchange_um_emulator::server::{DEFAULT_MAX_REQUEST_BYTES, soap_service};
use exchange_um_emulator::service::UmService;
use exchange_um_emulator::soap::UmResponse;
use exchange_um_emulator::store::{CallRecord, Store, UserId};
use http_body_util::{BodyExt as _, Full};
use xsdgen_runtime::soap::{Body, BodyReader, read_envelope};
use xsdgen_runtime::xml::XmlElement;

type Error = Box<dyn std::error::Error>;

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/examples")
}

/// Reads `xml` with the client's reader as the answer of `operation`.
fn read_as(operation: &str, xml: &str) -> Result<UmResponse, Error> {
    fn read<T: XmlElement>(xml: &str, wrap: fn(T) -> UmResponse) -> Result<UmResponse, Error> {
        match read_envelope::<T>(xml.as_bytes())? {
            Body::Content(value) => Ok(wrap(value)),
            Body::Fault(fault) => Err(format!("unexpected fault {fault}").into()),
        }
    }
    match operation {
        "IsUMEnabled" => read(xml, UmResponse::IsUmEnabled),
        "GetUMProperties" => read(xml, UmResponse::GetUmProperties),
        "SetOofStatus" => read(xml, UmResponse::SetOofStatus),
        "SetPlayOnPhoneDialString" => read(xml, UmResponse::SetPlayOnPhoneDialString),
        "SetTelephoneAccessFolderEmail" => read(xml, UmResponse::SetTelephoneAccessFolderEmail),
        "SetMissedCallNotificationEnabled" => {
            read(xml, UmResponse::SetMissedCallNotificationEnabled)
        }
        "ResetPIN" => read(xml, UmResponse::ResetPin),
        "PlayOnPhone" => read(xml, UmResponse::PlayOnPhone),
        "GetCallInfo" => read(xml, UmResponse::GetCallInfo),
        "Disconnect" => read(xml, UmResponse::Disconnect),
        "PlayOnPhoneGreeting" => read(xml, UmResponse::PlayOnPhoneGreeting),
        other => Err(format!("{other} is not an operation").into()),
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
fn prepare(
    service: &UmService,
    caller: UserId,
    operation: &str,
    request: &[u8],
) -> Result<(), Error> {
    let body = BodyReader::new(request)?;
    let call_id = match operation {
        "GetCallInfo" => body.read::<um::GetCallInfo>()?.call_id,
        "Disconnect" => body.read::<um::Disconnect>()?.call_id,
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

/// POSTs `request` as `caller` to the emulator's dispatcher; the answer's
/// status and document.
async fn post(
    service: &UmService,
    caller: UserId,
    action: &str,
    request: Vec<u8>,
) -> Result<(u16, String), Error> {
    let mut request = axum::http::Request::post("/EWS/UM2007Legacy.asmx")
        .header("content-type", "text/xml; charset=utf-8")
        .header("soapaction", format!("\"{action}\""))
        .body(Full::new(axum::body::Bytes::from(request)))?;
    request.extensions_mut().insert(Caller {
        id: caller,
        name: ALICE.to_owned(),
        scheme: AuthScheme::Basic,
    });
    let soap = soap_service(service.clone(), DEFAULT_MAX_REQUEST_BYTES);
    let answer = soap.handle(request).await;
    let status = answer.status().as_u16();
    let bytes = answer.into_body().collect().await?.to_bytes();
    Ok((status, String::from_utf8(bytes.to_vec())?))
}

#[tokio::test]
async fn every_example_request_is_dispatched_executed_and_answered() -> Result<(), Error> {
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

        let (service, alice) = demo_service()?;
        prepare(&service, alice, name, &bytes)?;
        let (status, written) = post(&service, alice, info.soap_action, bytes).await?;
        assert_eq!(status, 200, "{file}: {written}");
        let response = read_as(name, &written).map_err(|e| format!("{file}: {e}"))?;
        assert_eq!(response.name(), info.name);

        let example = std::fs::read_to_string(path.with_file_name(format!("{name}.response.xml")))?;
        let documented = read_as(name, &example).map_err(|e| format!("{name}: {e}"))?;
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
