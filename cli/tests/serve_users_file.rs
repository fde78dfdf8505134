//! `exchange-um serve --users emulator/users.example.toml` in a child
//! process, used by the same binary over `--url`.

use std::io::{BufRead, BufReader};
use std::path::Path;
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
fn serve_loads_the_example_users_file() -> Result<(), Error> {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../emulator/users.example.toml");
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_exchange-um"))
            .args(["serve", "--addr", "127.0.0.1:0", "--users"])
            .arg(&example)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?,
    );
    let stdout = server.0.stdout.take().ok_or("no stdout")?;
    let mut url = None;
    let mut users_line = None;
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        if let Some(rest) = line.trim().strip_prefix("Exchange 2010-2016 endpoint:") {
            url = Some(rest.trim().to_owned());
        }
        if line.trim().starts_with("users from ") {
            users_line = Some(line);
            break;
        }
    }
    let url = url.ok_or("serve printed no endpoint")?;
    assert!(users_line.is_some_and(|l| l.ends_with("alice, bob, carol")));

    let run = |user: &str, password: &str, args: &[&str]| -> Result<Value, Error> {
        let output = Command::new(env!("CARGO_BIN_EXE_exchange-um"))
            .args(["--url", &url, "--user", user, "--json"])
            .args(args)
            .env("EXCHANGE_UM_PASSWORD", password)
            .output()?;
        Ok(serde_json::from_slice(&output.stdout)?)
    };
    let props = run("carol", "carol-demo-password", &["get-um-properties"])?;
    assert_eq!(props["properties"]["oof_status"], true);
    assert_eq!(
        props["properties"]["telephone_access_numbers"],
        "+1 425 555 0199"
    );
    let alice = run("alice", "alice-demo-password", &["get-um-properties"])?;
    assert_eq!(
        alice["properties"]["telephone_access_numbers"],
        "+1 425 555 0100"
    );
    let bob = run("bob", "bob-demo-password", &["is-um-enabled"])?;
    assert_eq!(bob["um_enabled"], false);
    let wrong = run("alice", "not-the-password", &["is-um-enabled"])?;
    assert!(wrong["error"]["message"].is_string(), "{wrong}");
    Ok(())
}
