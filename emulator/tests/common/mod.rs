//! Helpers shared by the HTTP tests: a demo emulator and a plain client.

#![allow(dead_code)]

use exchange_um_emulator::soap::MESSAGES_NS;
use exchange_um_emulator::{Emulator, RunningEmulator};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub async fn demo() -> Result<RunningEmulator, Box<dyn std::error::Error>> {
    Ok(Emulator::start_demo().await?)
}

pub fn client() -> reqwest::Client {
    reqwest::Client::new()
}

pub fn envelope(operation: &str, children: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><{operation} xmlns="{MESSAGES_NS}">{children}</{operation}></soap:Body></soap:Envelope>"#
    )
}

/// POSTs one operation as `user` and returns status and body.
pub async fn call(
    url: &str,
    user: &str,
    password: &str,
    operation: &str,
    children: &str,
) -> Result<(u16, String), reqwest::Error> {
    let response = client()
        .post(url)
        .basic_auth(user, Some(password))
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", format!("\"{MESSAGES_NS}/{operation}\""))
        .body(envelope(operation, children))
        .send()
        .await?;
    let status = response.status().as_u16();
    Ok((status, response.text().await?))
}

/// The PIN line of a reset e-mail body.
pub fn pin_in(body: &str) -> Option<String> {
    body.lines()
        .find_map(|l| l.strip_prefix("PIN: "))
        .map(|p| p.trim().to_owned())
}

/// The typed client of the `exchange-um` crate, logged in as `user`.
pub fn um_client(
    url: &str,
    user: &str,
    password: &str,
) -> Result<exchange_um::UmClient, xsdgen_runtime::Error> {
    exchange_um::UmClient::builder(url)
        .credentials(xsdgen_runtime::auth::Credentials::basic(user, password))
        .build()
}

/// The class name of the fault a failed call answered with, e.g.
/// `InvalidCallIdException`.
pub fn fault_code(error: &xsdgen_runtime::Error) -> Option<String> {
    error.fault().map(|fault| fault.error_code().to_owned())
}
