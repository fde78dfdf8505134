//! zeep, a SOAP stack written elsewhere, calls the emulator from the
//! project's WSDL over real HTTP: typed answers, and a fault it reads as
//! one. The Python to run is `XSDGEN_PEER_PYTHON` (`.ci/run` makes a
//! virtualenv with zeep), else `python3`; without zeep the test is
//! skipped loudly, and fails under CI.

mod e2e;

use std::process::Command;

use e2e::Transport;
use exchange_um_emulator::demo;
use xsdgen_testkit::peer::zeep_python;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zeep_calls_the_emulator_and_reads_its_answers_and_faults() {
    let Some(python) = zeep_python() else {
        return;
    };
    let emulator = e2e::demo(Transport::Http).await;
    let before = e2e::mails(&emulator, demo::ALICE);
    let wsdl = e2e_path("schemas/um.wsdl");
    let script = e2e_path("tests/peers/zeep_um.py");
    let url = emulator.ews_url();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(python)
            .arg(script)
            .arg(wsdl)
            .arg(url)
            .arg(demo::ALICE)
            .arg(demo::ALICE_PASSWORD)
            .output()
    })
    .await
    .unwrap()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "zeep failed:\n{stdout}\n{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"ResetPIN ok"), "{stdout}");
    assert_eq!(lines.get(1), Some(&"IsUMEnabled True"), "{stdout}");
    assert_eq!(lines.get(2), Some(&"GetUMProperties ok"), "{stdout}");
    let fault = lines.get(3).copied().unwrap_or_default();
    // The faultcode as Exchange writes it: the exception class behind a
    // prefix it never declares.
    assert!(
        fault.starts_with("GetCallInfo fault ") && fault.ends_with(":InvalidCallIdException"),
        "{stdout}"
    );
    assert_eq!(
        e2e::mails(&emulator, demo::ALICE),
        before + 1,
        "zeep's ResetPIN sent the new PIN by e-mail"
    );
}

fn e2e_path(relative: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(relative)
        .display()
        .to_string()
}
