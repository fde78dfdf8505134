//! HTTPS: a certificate made at start whose CA clients trust, or one given
//! as PEM files.

mod common;

use std::time::Duration;

use common::{TestResult, envelope};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD};
use exchange_um_emulator::{Emulator, EmulatorConfig, RunningEmulator, TlsConfig};

async fn over_tls(tls: TlsConfig) -> Result<RunningEmulator, Box<dyn std::error::Error>> {
    let config = EmulatorConfig {
        tls: Some(tls),
        ..EmulatorConfig::default()
    };
    Ok(Emulator::start_demo_with(config).await?)
}

fn trusting(pem: &str) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes())?)
        .timeout(Duration::from_secs(10))
        .build()
}

#[tokio::test]
async fn a_generated_certificate_is_trusted_through_its_ca() -> TestResult {
    let emu = over_tls(TlsConfig::Generated).await?;
    assert!(emu.base_url().starts_with("https://127.0.0.1:"));
    let pem = emu.tls_root_pem().ok_or("no CA")?;
    let client = trusting(pem)?;
    let response = client
        .post(emu.ews_url())
        .basic_auth(ALICE, Some(ALICE_PASSWORD))
        .header("Content-Type", "text/xml; charset=utf-8")
        .body(envelope("IsUMEnabled", ""))
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.text().await?.contains("IsUMEnabledResponse"));

    // The name `localhost` is in the certificate too.
    let by_name = format!(
        "https://localhost:{}/EWS/UM2007Legacy.asmx?wsdl",
        emu.local_addr().port()
    );
    assert_eq!(client.get(&by_name).send().await?.status().as_u16(), 200);

    // Not trusted: the handshake fails and nothing is sent.
    let err = reqwest::Client::new()
        .get(format!("{}?wsdl", emu.ews_url()))
        .send()
        .await
        .err()
        .ok_or("an untrusted certificate was accepted")?;
    assert!(err.is_connect(), "{err:?}");
    // Plain HTTP to the HTTPS port gets no answer either.
    let plain = emu.ews_url().replacen("https://", "http://", 1);
    assert!(reqwest::Client::new().get(plain).send().await.is_err());
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_given_certificate_is_served() -> TestResult {
    // A self-signed certificate, as an administrator might bring.
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()])?;
    let dir = std::env::temp_dir().join(format!("um-emulator-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&cert, made.cert.pem())?;
    std::fs::write(&key, made.signing_key.serialize_pem())?;
    let emu = over_tls(TlsConfig::from_files(&cert, &key)?).await?;
    assert_eq!(emu.tls_root_pem(), Some(made.cert.pem().as_str()));
    let url = format!(
        "https://localhost:{}/EWS/UM2007Legacy.asmx?wsdl",
        emu.local_addr().port()
    );
    let client = trusting(&made.cert.pem())?;
    assert_eq!(client.get(url).send().await?.status().as_u16(), 200);
    emu.shutdown().await?;

    // A key file without a key is refused at start, without quoting it.
    std::fs::write(&key, "not a key")?;
    let err = over_tls(TlsConfig::from_files(&cert, &key)?)
        .await
        .err()
        .ok_or("started without a key")?;
    assert!(err.to_string().contains("no PEM private key"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
