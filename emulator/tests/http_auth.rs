//! Basic authentication over real HTTP: every unauthenticated path is a 401
//! with the challenges Exchange sends, and nothing is executed.

mod common;

use common::{TestResult, call, client, demo};
use exchange_um_emulator::auth::{AuthConfig, AuthScheme};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD, demo_users};
use exchange_um_emulator::{Emulator, EmulatorConfig, Store};

fn challenges(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("www-authenticate")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn missing_wrong_and_unknown_credentials_get_401() -> TestResult {
    let emu = demo().await?;
    let url = emu.ews_url();
    let body = common::envelope("ResetPIN", "");

    let none = client().post(&url).body(body.clone()).send().await?;
    assert_eq!(none.status().as_u16(), 401);
    assert_eq!(
        challenges(&none),
        ["Negotiate", "NTLM", r#"Basic realm="exchange-um-emulator""#]
    );

    for (user, password) in [(ALICE, "wrong"), ("mallory", ALICE_PASSWORD), (ALICE, "")] {
        let (status, _) = call(&url, user, password, "ResetPIN", "").await?;
        assert_eq!(status, 401, "{user}");
    }
    let bearer = client()
        .post(&url)
        .bearer_auth("token")
        .body(body)
        .send()
        .await?;
    assert_eq!(bearer.status().as_u16(), 401);

    let mailbox = client().get(emu.mailbox_url()).send().await?;
    assert_eq!(mailbox.status().as_u16(), 401);
    let wrong = client()
        .get(emu.mailbox_url())
        .basic_auth(ALICE, Some("nope"))
        .send()
        .await?;
    assert_eq!(wrong.status().as_u16(), 401);

    // None of that reached the service.
    assert_eq!(emu.faults().soap_requests(), 0);
    let alice = emu.store().user_id(ALICE)?;
    assert!(emu.store().messages(alice)?.is_empty());
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn name_domain_name_and_email_all_log_in() -> TestResult {
    let emu = demo().await?;
    for user in ["alice", "ALICE", "CONTOSO\\alice", "alice@contoso.com"] {
        let (status, body) = call(&emu.ews_url(), user, ALICE_PASSWORD, "IsUMEnabled", "").await?;
        assert_eq!(status, 200, "{user}: {body}");
    }
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn the_schemes_are_configurable() -> TestResult {
    let store = Store::open_in_memory()?;
    for user in demo_users() {
        store.add_user(&user)?;
    }
    let config = EmulatorConfig {
        auth: AuthConfig {
            realm: "mail.contoso.com".to_owned(),
            schemes: vec![AuthScheme::Basic],
            ..AuthConfig::default()
        },
        ..EmulatorConfig::default()
    };
    let emu = Emulator::start(store, config).await?;
    let response = client().post(emu.legacy_url()).body("x").send().await?;
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(challenges(&response), [r#"Basic realm="mail.contoso.com""#]);
    // A scheme that is not enabled is refused like a wrong password.
    let ntlm = client()
        .post(emu.legacy_url())
        .header(
            "Authorization",
            "NTLM TlRMTVNTUAABAAAAB4IIAAAAAAAAAAAAAAAAAAAAAAA=",
        )
        .body("x")
        .send()
        .await?;
    assert_eq!(ntlm.status().as_u16(), 401);
    assert_eq!(challenges(&ntlm), [r#"Basic realm="mail.contoso.com""#]);
    emu.shutdown().await?;
    Ok(())
}
