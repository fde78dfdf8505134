//! Shutdown. The operations have their own test files: `http_properties`,
//! `http_calls`, `http_mailbox` (ResetPIN), `http_wsdl`.

mod common;

use common::{TestResult, call, client, demo};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD};

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
