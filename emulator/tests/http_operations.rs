//! The other operations over HTTP, the WSDL, and shutdown.

mod common;

use common::{TestResult, call, client, demo};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD, CAROL, CAROL_PASSWORD};

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
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
    assert!(body.contains("<GetUMPropertiesResponse><OofStatus>true</OofStatus><MissedCallNotificationEnabled>true</MissedCallNotificationEnabled><PlayOnPhoneDialString>12345</PlayOnPhoneDialString><TelephoneAccessNumbers>54321</TelephoneAccessNumbers>"), "{body}");

    let children = "<entryId>AAMkAGI=</entryId><DialString>12345</DialString>";
    let (status, body) = call(&url, ALICE, ALICE_PASSWORD, "PlayOnPhone", children).await?;
    assert_eq!(status, 200, "{body}");
    let call_id = between(&body, "<PlayOnPhoneResponse>", "</PlayOnPhoneResponse>")
        .ok_or("no call id")?
        .to_owned();
    let get = format!("<CallId>{call_id}</CallId>");
    let (_, body) = call(&url, ALICE, ALICE_PASSWORD, "GetCallInfo", &get).await?;
    assert!(
        body.contains("<CallState>Connected</CallState><EventCause>None</EventCause>"),
        "{body}"
    );
    let (status, body) = call(&url, CAROL, CAROL_PASSWORD, "Disconnect", &get).await?;
    assert_eq!(status, 500);
    assert!(body.contains("a:InvalidCallIdException"));
    let (status, _) = call(&url, ALICE, ALICE_PASSWORD, "Disconnect", &get).await?;
    assert_eq!(status, 200);
    let (_, body) = call(&url, ALICE, ALICE_PASSWORD, "GetCallInfo", &get).await?;
    assert!(
        body.contains("<CallState>Disconnected</CallState>"),
        "{body}"
    );

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
