//! Reads the caller's mailbox from the emulator's `/mailbox` endpoint, over
//! HTTP and with the caller's own credentials, as a person checking their
//! mail would.

use exchange_um_emulator::store::MailMessage;
use xsdgen_runtime::auth::Secret;

pub async fn fetch(
    url: &str,
    user: &str,
    password: &Secret,
) -> Result<Vec<MailMessage>, Box<dyn std::error::Error>> {
    let response = reqwest::Client::new()
        .get(url)
        .basic_auth(user, Some(password.expose_secret()))
        .send()
        .await?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("GET {url} answered {status}").into());
    }
    let body = response.bytes().await?;
    Ok(serde_json::from_slice(&body)?)
}

pub fn print(message: &MailMessage) {
    println!("From:     {}", message.from);
    println!("To:       {}", message.to);
    println!("Subject:  {}", message.subject);
    println!("Received: {}", message.received);
    println!();
    for line in message.body.lines() {
        println!("    {line}");
    }
}
