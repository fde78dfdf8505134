//! Every operation through the `exchange-um` binary, with `--json` output
//! read back by serde_json, against an emulator on a manual clock in this
//! process; and the human output of a few.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::Duration;

use exchange_um_emulator::call::{CallConfig, CallId, ManualClock};
use exchange_um_emulator::demo::{self, ALICE, ALICE_PASSWORD};
use exchange_um_emulator::store::pin_in_reset_mail;
use exchange_um_emulator::{Emulator, EmulatorConfig, RunningEmulator, Store};
use serde_json::Value;

type Error = Box<dyn std::error::Error>;

/// An emulator serving from a runtime of its own, so that the test thread
/// can wait on the binary.
struct Served {
    emulator: RunningEmulator,
    clock: ManualClock,
    _runtime: tokio::runtime::Runtime,
}

fn serve() -> Result<Served, Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let clock = ManualClock::default();
    let calls = CallConfig {
        clock: Arc::new(clock.clone()),
        ..CallConfig::default()
    };
    let store = Store::open_in_memory()?;
    store.add_missing_users(&demo::demo_users())?;
    let config = EmulatorConfig {
        calls,
        ..EmulatorConfig::default()
    };
    let emulator = runtime.block_on(Emulator::start(store, config))?;
    Ok(Served {
        emulator,
        clock,
        _runtime: runtime,
    })
}

fn exchange_um(served: &Served, args: &[&str]) -> Result<Output, Error> {
    Ok(Command::new(env!("CARGO_BIN_EXE_exchange-um"))
        .args(["--url", &served.emulator.ews_url(), "--user", ALICE])
        .args(args)
        .env("EXCHANGE_UM_PASSWORD", ALICE_PASSWORD)
        .output()?)
}

/// Runs with `--json`, expects success, and parses stdout.
fn json(served: &Served, args: &[&str]) -> Result<Value, Error> {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = exchange_um(served, &all)?;
    let stdout = String::from_utf8(output.stdout)?;
    let stderr = String::from_utf8(output.stderr)?;
    assert!(output.status.success(), "{args:?}: {stdout}\n{stderr}");
    for text in [&stdout, &stderr] {
        assert!(
            !text.contains(ALICE_PASSWORD),
            "{args:?} printed the password"
        );
    }
    Ok(serde_json::from_str(&stdout)?)
}

#[test]
fn every_operation_prints_json() -> Result<(), Error> {
    let served = serve()?;
    let v = json(&served, &["is-um-enabled"])?;
    assert_eq!(v["operation"], "IsUMEnabled");
    assert_eq!(v["um_enabled"], true);

    let v = json(&served, &["get-um-properties"])?;
    assert_eq!(v["operation"], "GetUMProperties");
    assert_eq!(v["properties"]["oof_status"], false);
    assert_eq!(v["properties"]["telephone_access_numbers"], "54321");

    let sets: [(&[&str], &str, Value); 4] = [
        (&["set-oof-status", "true"], "oof_status", Value::Bool(true)),
        (
            &["set-missed-call-notification-enabled", "false"],
            "missed_call_notification_enabled",
            Value::Bool(false),
        ),
        (
            &["set-play-on-phone-dial-string", "+1 425 555 0100"],
            "play_on_phone_dial_string",
            "+1 425 555 0100".into(),
        ),
        (
            &["set-telephone-access-folder-email", "AQIDBA=="],
            "telephone_access_folder_email",
            "AQIDBA==".into(),
        ),
    ];
    for (args, field, value) in sets {
        let v = json(&served, args)?;
        assert_eq!(v["value"], value, "{args:?}");
        let props = json(&served, &["get-um-properties"])?;
        assert_eq!(props["properties"][field], value, "{field}");
    }

    let v = json(&served, &["play-on-phone", "AQID", "12345"])?;
    assert_eq!(v["operation"], "PlayOnPhone");
    let call_id = v["call_id"].as_str().ok_or("no call id")?.to_owned();
    let decoded = CallId::decode(&call_id)?;
    assert_eq!(v["guid"], decoded.guid());
    assert_eq!(v["server"], decoded.server());

    let state = |expected: &str, cause: &str| -> Result<(), Error> {
        let v = json(&served, &["get-call-info", &call_id])?;
        assert_eq!(v["operation"], "GetCallInfo");
        assert_eq!(
            (v["call_state"].as_str(), v["event_cause"].as_str()),
            (Some(expected), Some(cause))
        );
        Ok(())
    };
    state("Connecting", "None")?;
    served.clock.advance(Duration::from_secs(1));
    state("Alerted", "None")?;
    served.clock.advance(Duration::from_secs(4));
    state("Connected", "None")?;
    let v = json(&served, &["disconnect", &call_id])?;
    assert_eq!(
        (v["operation"].as_str(), v["disconnected"].as_bool()),
        (Some("Disconnect"), Some(true))
    );
    state("Disconnected", "None")?;

    for greeting in ["normal-custom", "oof-custom"] {
        let v = json(&served, &["play-on-phone-greeting", greeting, "12345"])?;
        assert_eq!(v["operation"], "PlayOnPhoneGreeting");
        assert!(CallId::decode(v["call_id"].as_str().unwrap_or_default()).is_ok());
    }

    let v = json(&served, &["reset-pin"])?;
    assert_eq!(
        (v["operation"].as_str(), v["reset"].as_bool()),
        (Some("ResetPIN"), Some(true))
    );
    // Against a server given by --url the mailbox is not read.
    assert_eq!(v["email"], Value::Null);
    let store = served.emulator.store();
    let mail = store.messages(store.user_id(ALICE)?)?;
    let pin = mail
        .last()
        .and_then(|m| pin_in_reset_mail(&m.body))
        .ok_or("no PIN mailed")?;
    assert!(!v.to_string().contains(pin));
    Ok(())
}

#[test]
fn failures_print_json_with_the_fault_code_and_exit_non_zero() -> Result<(), Error> {
    let served = serve()?;
    let unknown = CallId::generate("um.contoso.test")?.encode();
    for args in [
        ["--json", "get-call-info", unknown.as_str()],
        ["--json", "disconnect", unknown.as_str()],
    ] {
        let output = exchange_um(&served, &args)?;
        assert!(!output.status.success());
        let v: Value = serde_json::from_slice(&output.stdout)?;
        assert_eq!(v["error"]["code"], "InvalidCallIdException", "{v}");
        assert_eq!(v["error"]["may_have_executed"], false);
        assert!(String::from_utf8(output.stderr)?.contains("error:"));
    }
    let output = exchange_um(&served, &["--json", "play-on-phone", "AQID", "call me"])?;
    let v: Value = serde_json::from_slice(&output.stdout)?;
    assert_eq!(v["operation"], "PlayOnPhone");
    assert_eq!(v["error"]["code"], "DialingRulesException");
    Ok(())
}

#[test]
fn human_output_by_default() -> Result<(), Error> {
    let served = serve()?;
    let text = |args: &[&str]| -> Result<String, Error> {
        let output = exchange_um(&served, args)?;
        assert!(output.status.success(), "{args:?}");
        Ok(String::from_utf8(output.stdout)?)
    };
    assert!(text(&["is-um-enabled"])?.contains("Unified Messaging is enabled"));
    assert!(text(&["set-oof-status", "true"])?.contains("OofStatus set to true."));
    assert!(text(&["get-um-properties"])?.contains("OofStatus:                     true"));
    let placed = text(&["play-on-phone", "AQID", "12345"])?;
    let call_id = placed
        .lines()
        .find_map(|l| l.strip_prefix("call id: "))
        .ok_or("no call id line")?;
    assert!(
        placed.contains("on UM server um-emulator.contoso.com"),
        "{placed}"
    );
    let info = text(&["get-call-info", call_id])?;
    assert_eq!(info, "state: Connecting\nevent cause: None\n");
    Ok(())
}

#[test]
fn the_embedded_emulator_shows_the_reset_mail_only_in_human_output() -> Result<(), Error> {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_exchange-um"))
            .args(args)
            .output()
    };
    let human = run(&["reset-pin"])?;
    assert!(human.status.success());
    let human = String::from_utf8(human.stdout)?;
    assert!(
        human.contains("The e-mail delivered to alice's mailbox:"),
        "{human}"
    );
    assert!(
        human.contains("The PIN satisfies alice's policy"),
        "{human}"
    );

    let machine = run(&["--json", "reset-pin"])?;
    assert!(machine.status.success());
    let v: Value = serde_json::from_slice(&machine.stdout)?;
    assert_eq!(v["email"]["subject"], "Your PIN has been reset");
    assert_eq!(v["pin_policy"]["satisfied"], true);
    assert!(!v.to_string().contains("PIN: "), "{v}");
    Ok(())
}

#[test]
fn the_example_users_file_is_refused_when_broken_with_its_location() -> Result<(), Error> {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../emulator/users.example.toml");
    let text = std::fs::read_to_string(example)?;
    let dir = std::env::temp_dir().join(format!("exchange-um-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let bad = dir.join("users.toml");
    std::fs::write(
        &bad,
        text.replacen("email = \"bob@contoso.com\"", "email = \"bob\"", 1),
    )?;
    let output = Command::new(env!("CARGO_BIN_EXE_exchange-um"))
        .args(["serve", "--addr", "127.0.0.1:0", "--users"])
        .arg(&bad)
        .output()?;
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr)?;
    let line = text
        .lines()
        .position(|l| l.starts_with("email = \"bob@contoso.com\""))
        .ok_or("no bob")?
        + 1;
    let expected = format!(
        "{}:{line}:9: user \"bob\": the e-mail address needs an '@'",
        bad.display()
    );
    assert!(stderr.contains(&expected), "{stderr}\nexpected {expected}");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
