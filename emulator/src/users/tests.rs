use std::path::Path;
use std::time::Duration;

use super::*;
use crate::call::PhoneBehaviour;

fn parse(text: &str) -> Result<UsersFile, UsersFileError> {
    parse_users_file(text, "users.toml")
}

/// The error's text, or an empty string when the text parsed.
fn error_of(text: &str) -> String {
    parse(text).err().map(|e| e.to_string()).unwrap_or_default()
}

const MINIMAL: &str = r#"
[[users]]
name = "a"
password = "pw-a"
email = "a@x.test"
"#;

#[test]
fn a_minimal_file_takes_every_default() -> Result<(), UsersFileError> {
    let file = parse(MINIMAL)?;
    assert_eq!(file.users, vec![UserSpec::new("a", "pw-a", "a@x.test")]);
    assert_eq!(file.dial_plan, DialPlan::default());
    assert_eq!(file.timings, crate::call::CallTimings::default());
    assert_eq!(file.phones.behaviour("12345"), PhoneBehaviour::Answer);
    Ok(())
}

#[test]
fn the_example_file_loads_with_everything_it_shows() -> Result<(), UsersFileError> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("users.example.toml");
    let file = load_users_file(&path)?;
    let names: Vec<&str> = file.users.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["alice", "bob", "carol"]);
    let [alice, bob, carol] = &file.users[..] else {
        panic!("three users expected");
    };
    assert_eq!(alice.password.expose(), crate::demo::ALICE_PASSWORD);
    assert_eq!(
        alice.policy.reset_pin_text,
        crate::demo::ALICE_RESET_PIN_TEXT
    );
    assert_eq!(alice.settings.telephone_access_numbers, "+1 425 555 0100");
    assert_eq!(alice.settings.play_on_phone_dial_string, "+1 425 555 0123");
    assert!(!bob.um_enabled);
    assert_eq!(carol.policy.pin_lifetime_days, None);
    assert_eq!(carol.policy.pin_history_count, 10);
    assert!(carol.pin.is_some() && carol.settings.oof_status);
    assert_eq!(carol.settings.telephone_access_numbers, "+1 425 555 0199");
    assert_eq!(file.dial_plan.extension_digits, Some(4));
    assert_eq!(file.timings.ringing, Duration::from_secs(4));
    for (number, behaviour) in [
        ("14255550111", PhoneBehaviour::Busy),
        ("14255550112", PhoneBehaviour::NoAnswer),
        ("14255550113", PhoneBehaviour::Unavailable),
        ("14255550114", PhoneBehaviour::Fail),
        ("14255550123", PhoneBehaviour::Answer),
    ] {
        assert_eq!(file.phones.behaviour(number), behaviour, "{number}");
    }
    for user in &file.users {
        assert_eq!(user.check().map(|_| ()), Ok(()), "{}", user.name);
    }
    Ok(())
}

#[test]
fn syntax_errors_are_located() {
    let message = error_of("[[users]]\nname = \"a\"\npassword = \"pw\nemail = \"a@x\"\n");
    assert!(message.starts_with("users.toml:3:"), "{message}");
    let message = error_of("[[users]]\nname = \"a\"\npassword = \"pw\"\n");
    assert_eq!(message, "users.toml:1:1: missing field `email`");
    let message = error_of(&format!("{MINIMAL}colour = \"red\"\n"));
    assert!(
        message.starts_with("users.toml:6:1: unknown field `colour`"),
        "{message}"
    );
    let message = error_of("[phones]\n\"123\" = \"bsy\"\n");
    assert!(
        message.starts_with("users.toml:2:9: unknown value, expected one of `answer`"),
        "{message}"
    );
}

#[test]
fn errors_never_quote_a_password_or_pin() {
    for text in [
        "[[users]]\nname = \"a\"\npassword = 802469\nemail = \"a@x\"\n",
        "[[users]]\nname = \"a\"\npassword = \"pw\"\nemail = \"a@x\"\npin = 802469\n",
        "[[users]]\nname = \"a\"\npassword = \"pw\"\nemail = \"a@x\"\num_enabled = \"802469\"\n",
        "[[users]]\nname = \"a\"\npassword = 802469x\nemail = \"a@x\"\n",
        "[[users]]\nname = \"a\"\npassword = \"pw\"\nemail = \"a@x\"\npin = \"8024\"\n",
    ] {
        let message = error_of(text);
        assert!(message.starts_with("users.toml:"), "{message}");
        assert!(!message.contains("8024"), "{message}");
    }
    let debug = format!("{:?}", parse(&format!("{MINIMAL}pin = \"802469\"\n")));
    assert!(
        !debug.contains("pw-a") && !debug.contains("802469"),
        "{debug}"
    );
}

#[test]
fn invalid_values_are_located_where_they_are_written() {
    let cases = [
        (
            "[[users]]\nname = \"a:b\"\npassword = \"pw\"\nemail = \"a@x\"\n",
            "users.toml:2:8: user \"a:b\": the name must be non-empty",
        ),
        (
            "[[users]]\nname = \"a\"\npassword = \"\"\nemail = \"a@x\"\n",
            "users.toml:3:12: user \"a\": the password is empty",
        ),
        (
            "[[users]]\nname = \"a\"\npassword = \"pw\"\nemail = \"ax\"\n",
            "users.toml:4:9: user \"a\": the e-mail address needs an '@'",
        ),
        (
            "[[users]]\nname = \"a\"\npassword = \"pw\"\nemail = \"a@x\"\npin = \"123456\"\n",
            "users.toml:5:7: user \"a\": the initial PIN does not satisfy the policy",
        ),
        (
            "[[users]]\nname = \"a\"\npassword = \"pw\"\nemail = \"a@x\"\n\
             [users.policy]\nmin_pin_length = 3\n",
            "users.toml:5:1: user \"a\": the PIN policy is invalid: MinPINLength",
        ),
        (
            "[dial_plan]\nextension_digits = 4\n[[users]]\nname = \"a\"\npassword = \"pw\"\n\
             email = \"a@x\"\nextension = \"12345\"\n",
            "users.toml:7:13: user \"a\": the extension must be 4 digits",
        ),
        (
            "[[users]]\nname = \"a\"\npassword = \"pw\"\nemail = \"a@x\"\n\
             [users.properties]\nplay_on_phone_dial_string = \"call me\"\n",
            "users.toml:6:29: user \"a\": PlayOnPhoneDialString",
        ),
        (
            "[[users]]\nname = \"a\"\npassword = \"pw\"\nemail = \"a@x\"\n\
             [[users]]\nname = \"A\"\npassword = \"pw\"\nemail = \"b@x\"\n",
            "users.toml:6:8: a second user named \"A\"",
        ),
        (
            "users = []\n[phones]\n\"+1 555 0100\" = \"busy\"\n\"15550100\" = \"fail\"\n",
            "users.toml:4:1: this phone number is listed twice",
        ),
        (
            "users = []\n[phones]\n\"call me\" = \"busy\"\n",
            "users.toml:3:1: a phone number must satisfy the dialing rules",
        ),
    ];
    for (text, expected) in cases {
        let message = error_of(text);
        assert!(
            message.starts_with(expected),
            "{message}\nexpected {expected}"
        );
    }
}

#[test]
fn properties_accept_exchange_names_and_settings_as_their_old_name() -> Result<(), UsersFileError> {
    let file = parse(&format!(
        "[dial_plan]\naccess_numbers = \"777\"\n{MINIMAL}[users.settings]\nOofStatus = true\n\
         MissedCallNotificationEnabled = false\n"
    ))?;
    let settings = &file.users[0].settings;
    assert!(settings.oof_status && !settings.missed_call_notification_enabled);
    assert_eq!(settings.telephone_access_numbers, "777");
    Ok(())
}

#[test]
fn a_file_that_cannot_be_read_says_which() {
    let missing = Path::new("/nonexistent/users.toml");
    let error = load_users_file(missing).err();
    assert!(matches!(error, Some(UsersFileError::Read { .. })));
    assert!(error.is_some_and(|e| e.location().is_none()));
}
