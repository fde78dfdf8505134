//! The TOML users file: the shipped example serves its users, properties,
//! phones and dial plan over HTTP, and a bad file is refused with the
//! line and column of the problem.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::{TestResult, fault_code, um_client};
use exchange_um::um;
use exchange_um_emulator::call::{CallConfig, ManualClock};
use exchange_um_emulator::users::{Location, UsersFileError, load_users_file};
use exchange_um_emulator::{Emulator, EmulatorConfig, Store, StoreError};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("users.example.toml")
}

#[tokio::test]
async fn the_example_file_is_served_as_written() -> TestResult {
    let file = load_users_file(&example())?;
    let users = file.users.clone();
    let store = tokio::task::spawn_blocking(move || -> Result<Store, StoreError> {
        let store = Store::open_in_memory()?;
        store.add_missing_users(&users)?;
        Ok(store)
    })
    .await??;
    let clock = ManualClock::default();
    let calls = CallConfig {
        clock: Arc::new(clock.clone()),
        ..file.call_config()
    };
    let config = EmulatorConfig {
        calls,
        ..EmulatorConfig::default()
    };
    let emu = Emulator::start(store, config).await?;

    let alice = um_client(&emu.ews_url(), "alice", "alice-demo-password")?;
    let props = alice.get_um_properties().await?.ok_or("no properties")?;
    assert_eq!(
        props.telephone_access_numbers.as_deref(),
        Some("+1 425 555 0100")
    );
    assert_eq!(
        props.play_on_phone_dial_string.as_deref(),
        Some("+1 425 555 0123")
    );
    assert!(!props.oof_status && props.missed_call_notification_enabled);

    let carol = um_client(&emu.ews_url(), "carol@contoso.com", "carol-demo-password")?;
    let props = carol.get_um_properties().await?.ok_or("no properties")?;
    assert!(props.oof_status);
    assert_eq!(
        props.telephone_access_numbers.as_deref(),
        Some("+1 425 555 0199")
    );

    let bob = um_client(&emu.ews_url(), "bob", "bob-demo-password")?;
    assert!(!bob.is_um_enabled().await?);
    let refused = bob.get_um_properties().await.err();
    assert_eq!(
        refused.as_ref().and_then(fault_code).as_deref(),
        Some("UserNotUmEnabledException")
    );

    // The file's [phones] and [calls]: a busy number fails after
    // connecting_ms (1000), an ordinary one rings.
    let busy = alice
        .play_on_phone("AQID", "+1 425 555 0111")
        .await?
        .ok_or("no id")?;
    let fine = alice
        .play_on_phone("AQID", "+1 425 555 0123")
        .await?
        .ok_or("no id")?;
    clock.advance(Duration::from_millis(1000));
    let info = |id: String| {
        let alice = alice.clone();
        async move { alice.get_call_info(&id).await }
    };
    let busy_info = info(busy).await?.ok_or("no info")?;
    assert_eq!(
        (busy_info.call_state, busy_info.event_cause),
        (um::UmCallState::Disconnected, um::UmEventCause::UserBusy)
    );
    let fine_info = info(fine).await?.ok_or("no info")?;
    assert_eq!(fine_info.call_state, um::UmCallState::Alerted);
    emu.shutdown().await?;
    Ok(())
}

#[test]
fn a_bad_file_is_refused_with_its_line_and_column() -> TestResult {
    let dir = std::env::temp_dir().join(format!("um-users-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("bad.toml");
    let example = std::fs::read_to_string(example())?;
    // Carol's extension breaks the dial plan's four digits.
    let bad = example.replacen("extension = \"5678\"", "extension = \"56789\"", 1);
    assert_ne!(bad, example);
    std::fs::write(&path, &bad)?;
    let error = load_users_file(&path).err().ok_or("the bad file loaded")?;
    let line = bad
        .lines()
        .position(|l| l.starts_with("extension = \"56789\""))
        .ok_or("no such line")?
        + 1;
    assert_eq!(
        error.location(),
        Some(&Location {
            file: path.display().to_string(),
            line,
            column: 13,
        })
    );
    assert!(matches!(error, UsersFileError::Invalid { .. }));
    assert!(
        error
            .to_string()
            .ends_with("user \"carol\": the extension must be 4 digits"),
        "{error}"
    );

    std::fs::write(
        &path,
        "[[users]]\nname = \"x\"\npassword = \"p\"\nemail = \"x@y\"\nbogus = 1\n",
    )?;
    let error = load_users_file(&path).err().ok_or("the bad file loaded")?;
    assert!(matches!(error, UsersFileError::Syntax { .. }));
    assert_eq!(error.location().map(|l| (l.line, l.column)), Some((5, 1)));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
