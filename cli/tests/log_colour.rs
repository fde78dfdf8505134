//! Logs in colour only on a terminal: stderr piped to a file or another
//! program gets plain text, whatever the verbosity.

use std::process::Command;

#[test]
fn piped_logs_have_no_escape_codes() {
    // The embedded emulator, at debug: the client and the server both log.
    let output = Command::new(env!("CARGO_BIN_EXE_exchange-um"))
        .args(["-vv", "is-um-enabled"])
        .env_remove("NO_COLOR")
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("DEBUG"), "debug logs are on: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}
