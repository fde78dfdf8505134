//! `exchange-um serve --tls --ca-out FILE` in a child process, used over
//! HTTPS by the same binary with `--ca-cert FILE`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

type Error = Box<dyn std::error::Error>;

/// The child server, killed (by its own id) when the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_tls_prints_an_https_endpoint_whose_ca_the_client_trusts() -> Result<(), Error> {
    let dir = std::env::temp_dir().join(format!("exchange-um-cli-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let ca = dir.join("ca.pem");
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_exchange-um"))
            .args(["serve", "--addr", "127.0.0.1:0", "--tls", "--ca-out"])
            .arg(&ca)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?,
    );
    let stdout = server.0.stdout.take().ok_or("no stdout")?;
    let mut url = None;
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        if let Some(rest) = line.trim().strip_prefix("Exchange 2010-2016 endpoint:") {
            url = Some(rest.trim().to_owned());
        }
        if line.trim().starts_with("clients trust (--ca-cert):") {
            break;
        }
    }
    let url = url.ok_or("serve printed no endpoint")?;
    assert!(url.starts_with("https://127.0.0.1:"), "{url}");
    assert!(std::fs::read_to_string(&ca)?.starts_with("-----BEGIN CERTIFICATE-----"));

    let run = |extra: &[&str]| -> Result<Value, Error> {
        let output = Command::new(env!("CARGO_BIN_EXE_exchange-um"))
            .args(["--url", &url, "--user", "alice", "--json"])
            .args(extra)
            .arg("is-um-enabled")
            .env("EXCHANGE_UM_PASSWORD", "alice-demo-password")
            .output()?;
        Ok(serde_json::from_slice(&output.stdout)?)
    };
    let ca_arg = ca.to_str().ok_or("temp path is not UTF-8")?;
    let trusted = run(&["--ca-cert", ca_arg])?;
    assert_eq!(trusted["um_enabled"], true, "{trusted}");
    let untrusted = run(&[])?;
    assert!(untrusted["error"]["message"].is_string(), "{untrusted}");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
