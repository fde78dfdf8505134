//! ResetPIN end to end over HTTP, and the mailbox that receives its e-mail:
//! each user sees only their own messages.

mod common;

use common::{TestResult, call, client, demo, pin_in};
use exchange_um_emulator::demo::{
    ALICE, ALICE_PASSWORD, ALICE_RESET_PIN_TEXT, BOB, BOB_PASSWORD, CAROL, CAROL_PASSWORD,
};
use exchange_um_emulator::store::MailMessage;

async fn mailbox(
    url: &str,
    user: &str,
    password: &str,
) -> Result<Vec<MailMessage>, Box<dyn std::error::Error>> {
    let response = client()
        .get(url)
        .basic_auth(user, Some(password))
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    Ok(serde_json::from_str(&response.text().await?)?)
}

#[tokio::test]
async fn reset_pin_mails_the_caller_and_only_the_caller() -> TestResult {
    let emu = demo().await?;
    let (status, body) = call(&emu.ews_url(), ALICE, ALICE_PASSWORD, "ResetPIN", "").await?;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(
        r#"<ResetPINResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />"#
    ));
    // The Exchange 2007 path is the same service.
    let (status, _) = call(&emu.legacy_url(), ALICE, ALICE_PASSWORD, "ResetPIN", "").await?;
    assert_eq!(status, 200);

    let alice_mail = mailbox(&emu.mailbox_url(), ALICE, ALICE_PASSWORD).await?;
    assert_eq!(alice_mail.len(), 2);
    let pins: Vec<String> = alice_mail.iter().filter_map(|m| pin_in(&m.body)).collect();
    assert_eq!(pins.len(), 2);
    assert_ne!(pins[0], pins[1]);
    for (message, pin) in alice_mail.iter().zip(&pins) {
        assert_eq!(message.to, "alice@contoso.com");
        assert!(message.body.starts_with(ALICE_RESET_PIN_TEXT));
        assert_eq!(pin.len(), 6);
        assert!(
            !body.contains(pin.as_str()),
            "the PIN must not be in the SOAP answer"
        );
        assert!(message.received.ends_with('Z'));
    }

    assert!(
        mailbox(&emu.mailbox_url(), CAROL, CAROL_PASSWORD)
            .await?
            .is_empty()
    );
    let (status, _) = call(&emu.ews_url(), CAROL, CAROL_PASSWORD, "ResetPIN", "").await?;
    assert_eq!(status, 200);
    let carol_mail = mailbox(&emu.mailbox_url(), CAROL, CAROL_PASSWORD).await?;
    assert_eq!(carol_mail.len(), 1);
    assert_eq!(carol_mail[0].to, "carol@contoso.com");
    assert_eq!(
        mailbox(&emu.mailbox_url(), ALICE, ALICE_PASSWORD)
            .await?
            .len(),
        2
    );
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_user_without_um_gets_the_exception_fault() -> TestResult {
    let emu = demo().await?;
    let (status, body) = call(&emu.ews_url(), BOB, BOB_PASSWORD, "ResetPIN", "").await?;
    assert_eq!(status, 500);
    assert!(
        body.contains("<faultcode>a:UserNotUmEnabledException</faultcode>"),
        "{body}"
    );
    assert!(body.contains(
        r#"<ExceptionType xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">UserNotUmEnabledException</ExceptionType>"#
    ));
    assert!(
        !body.contains("xmlns:a="),
        "the prefix stays undeclared: {body}"
    );
    assert!(
        mailbox(&emu.mailbox_url(), BOB, BOB_PASSWORD)
            .await?
            .is_empty()
    );

    let (status, body) = call(&emu.ews_url(), BOB, BOB_PASSWORD, "IsUMEnabled", "").await?;
    assert_eq!(status, 200);
    assert!(
        body.contains("<IsUMEnabledResponse>false</IsUMEnabledResponse>"),
        "{body}"
    );
    emu.shutdown().await?;
    Ok(())
}
