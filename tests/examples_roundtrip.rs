//! Every UM request and response example of the documentation (in
//! `schemas/examples/`) decodes into the generated types and encodes back
//! to the same XML infoset.

mod common;

use exchange_um::um;
use xsdgen_runtime::soap::{Body, EnvelopeStyle, read_envelope, read_request, write_envelope};
use xsdgen_runtime::xml::XmlElement;

fn request_round_trip<T: XmlElement + std::fmt::Debug + PartialEq>(file: &str) -> T {
    let xml = common::read(&format!("schemas/examples/{file}"));
    let value: T = read_request(xml.as_bytes()).unwrap_or_else(|e| panic!("{file}: {e}"));
    let written = write_envelope(&value, &EnvelopeStyle::COMPACT).unwrap();
    assert_eq!(
        common::canonical(&written),
        common::canonical(&xml),
        "{file}"
    );
    let again: T = read_request(written.as_bytes()).unwrap();
    assert_eq!(again, value, "{file}");
    value
}

fn response_round_trip<T: XmlElement + std::fmt::Debug + PartialEq>(file: &str) -> T {
    let xml = common::read(&format!("schemas/examples/{file}"));
    let value = match read_envelope::<T>(xml.as_bytes()) {
        Ok(Body::Content(value)) => value,
        Ok(Body::Fault(fault)) => panic!("{file}: unexpected fault {fault}"),
        Err(e) => panic!("{file}: {e}"),
    };
    let written = write_envelope(&value, &EnvelopeStyle::ASMX_RESPONSE).unwrap();
    assert_eq!(
        common::canonical(&written),
        common::canonical(&xml),
        "{file}"
    );
    value
}

macro_rules! operations {
    ($($op:literal => $request:ty, $response:ty;)*) => {
        const OPERATIONS: &[&str] = &[$($op),*];

        #[test]
        fn every_example_round_trips() {
            $(
                request_round_trip::<$request>(concat!($op, ".request.xml"));
                response_round_trip::<$response>(concat!($op, ".response.xml"));
            )*
        }
    };
}

operations! {
    "IsUMEnabled" => um::IsUmEnabled, um::IsUmEnabledResponse;
    "GetUMProperties" => um::GetUmProperties, um::GetUmPropertiesResponse;
    "SetOofStatus" => um::SetOofStatus, um::SetOofStatusResponse;
    "SetPlayOnPhoneDialString" => um::SetPlayOnPhoneDialString, um::SetPlayOnPhoneDialStringResponse;
    "SetTelephoneAccessFolderEmail" => um::SetTelephoneAccessFolderEmail, um::SetTelephoneAccessFolderEmailResponse;
    "SetMissedCallNotificationEnabled" => um::SetMissedCallNotificationEnabled, um::SetMissedCallNotificationEnabledResponse;
    "ResetPIN" => um::ResetPin, um::ResetPinResponse;
    "PlayOnPhone" => um::PlayOnPhone, um::PlayOnPhoneResponse;
    "GetCallInfo" => um::GetCallInfo, um::GetCallInfoResponse;
    "Disconnect" => um::Disconnect, um::DisconnectResponse;
    "PlayOnPhoneGreeting" => um::PlayOnPhoneGreeting, um::PlayOnPhoneGreetingResponse;
}

#[test]
fn the_examples_folder_holds_exactly_the_listed_operations() {
    let mut found: Vec<String> = std::fs::read_dir(common::manifest_path("schemas/examples"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".xml"))
        .collect();
    found.sort();
    let mut expected: Vec<String> = OPERATIONS
        .iter()
        .flat_map(|op| [format!("{op}.request.xml"), format!("{op}.response.xml")])
        .collect();
    expected.sort();
    assert_eq!(found, expected);
    // One operation per WSDL operation, no more, no fewer.
    let mut listed: Vec<&str> = um::operations::OPERATIONS.iter().map(|o| o.name).collect();
    listed.sort();
    let mut ours = OPERATIONS.to_vec();
    ours.sort();
    assert_eq!(listed, ours);
}

#[test]
fn decoded_values_are_the_documented_ones() {
    let props = response_round_trip::<um::GetUmPropertiesResponse>("GetUMProperties.response.xml")
        .get_um_properties_response
        .expect("the example has properties");
    assert!(!props.oof_status);
    assert!(props.missed_call_notification_enabled);
    assert_eq!(props.play_on_phone_dial_string.as_deref(), Some("12345"));
    assert_eq!(props.telephone_access_numbers.as_deref(), Some("54321"));

    let call = request_round_trip::<um::PlayOnPhone>("PlayOnPhone.request.xml");
    assert!(call.entry_id.is_some() && call.dial_string.is_some());
    let greeting = request_round_trip::<um::PlayOnPhoneGreeting>("PlayOnPhoneGreeting.request.xml");
    assert!(matches!(
        greeting.greeting_type,
        um::UmGreetingType::NormalCustom | um::UmGreetingType::OofCustom
    ));
}
