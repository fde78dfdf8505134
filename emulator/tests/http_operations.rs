//! The other operations over HTTP, the WSDL, and shutdown.

mod common;

use common::{TestResult, call, client, demo};
use exchange_um::um;
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD, CAROL, CAROL_PASSWORD};
use xsdgen_runtime::soap::{Body, read_envelope};
use xsdgen_runtime::xml::XmlElement;

/// Reads an answer with the client's reader; a fault is an error here.
fn answer<T: XmlElement>(xml: &str) -> Result<T, Box<dyn std::error::Error>> {
    match read_envelope::<T>(xml.as_bytes())? {
        Body::Content(value) => Ok(value),
        Body::Fault(fault) => Err(format!("unexpected fault {fault}").into()),
    }
}

#[tokio::test]
async fn settings_round_trip_and_call_flow() -> TestResult {
    let emu = demo().await?;
    let url = emu.ews_url();
    let (status, body) = call(
        &url,
        ALICE,
        ALICE_PASSWORD,
        "SetOofStatus",
        "<status>true</status>",
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("<SetOofStatusResponse xmlns="));
    let (_, body) = call(&url, ALICE, ALICE_PASSWORD, "GetUMProperties", "").await?;
    let properties = answer::<um::GetUmPropertiesResponse>(&body)?
        .get_um_properties_response
        .ok_or("no properties")?;
    assert!(properties.oof_status && properties.missed_call_notification_enabled);
    assert_eq!(
        properties.play_on_phone_dial_string.as_deref(),
        Some("12345")
    );
    assert_eq!(
        properties.telephone_access_numbers.as_deref(),
        Some("54321")
    );

    let children = "<entryId>AAMkAGI=</entryId><DialString>12345</DialString>";
    let (status, body) = call(&url, ALICE, ALICE_PASSWORD, "PlayOnPhone", children).await?;
    assert_eq!(status, 200, "{body}");
    let call_id = answer::<um::PlayOnPhoneResponse>(&body)?
        .play_on_phone_response
        .ok_or("no call id")?;
    let get = format!("<CallId>{call_id}</CallId>");
    let info = async || -> Result<um::UmCallInfo, Box<dyn std::error::Error>> {
        let (_, body) = call(&url, ALICE, ALICE_PASSWORD, "GetCallInfo", &get).await?;
        let info = answer::<um::GetCallInfoResponse>(&body)?.get_call_info_response;
        Ok(info.ok_or("no call info")?)
    };
    let connected = um::UmCallInfo {
        call_state: um::UmCallState::Connected,
        event_cause: um::UmEventCause::None,
    };
    assert_eq!(info().await?, connected);
    let (status, body) = call(&url, CAROL, CAROL_PASSWORD, "Disconnect", &get).await?;
    assert_eq!(status, 500);
    assert!(body.contains("a:InvalidCallIdException"));
    let (status, _) = call(&url, ALICE, ALICE_PASSWORD, "Disconnect", &get).await?;
    assert_eq!(status, 200);
    assert_eq!(info().await?.call_state, um::UmCallState::Disconnected);

    let bad = "<entryId>INVALID_ENTRY_ID</entryId><DialString>12345</DialString>";
    let (status, body) = call(&url, ALICE, ALICE_PASSWORD, "PlayOnPhone", bad).await?;
    assert_eq!(status, 500);
    assert!(
        body.contains("<faultcode>a:InvalidObjectIdException</faultcode>"),
        "{body}"
    );
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn wsdl_is_served_with_the_address_of_this_server() -> TestResult {
    let emu = demo().await?;
    for url in [emu.ews_url(), emu.legacy_url()] {
        let response = client().get(format!("{url}?wsdl")).send().await?;
        assert_eq!(response.status().as_u16(), 200);
        let wsdl = response.text().await?;
        assert!(wsdl.contains("definitions"));
        assert!(wsdl.contains(&format!("location=\"{url}\"")), "{wsdl}");
    }
    let xsd = client()
        .get(format!("{}/EWS/um-messages.xsd", emu.base_url()))
        .send()
        .await?;
    assert_eq!(xsd.status().as_u16(), 200);
    let missing = client()
        .get(format!("{}/EWS/nothing.xsd", emu.base_url()))
        .send()
        .await?;
    assert_eq!(missing.status().as_u16(), 404);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn shutdown_stops_listening() -> TestResult {
    let emu = demo().await?;
    let url = emu.ews_url();
    let (status, _) = call(&url, ALICE, ALICE_PASSWORD, "IsUMEnabled", "").await?;
    assert_eq!(status, 200);
    emu.shutdown().await?;
    let after = client().post(&url).body("x").send().await;
    assert!(after.is_err_and(|e| e.is_connect()));
    Ok(())
}
