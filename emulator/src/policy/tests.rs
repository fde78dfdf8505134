use super::*;

fn with(change: impl FnOnce(&mut PinPolicySettings)) -> Result<PinPolicy, PolicyError> {
    let mut settings = PinPolicySettings::default();
    change(&mut settings);
    PinPolicy::new(settings)
}

#[test]
fn defaults_are_valid_and_match_exchange() {
    let policy = PinPolicy::new(PinPolicySettings::default());
    assert_eq!(policy, Ok(PinPolicy::default()));
    let policy = PinPolicy::default();
    assert_eq!(policy.min_pin_length(), 6);
    assert_eq!(policy.pin_history_count(), 5);
    assert!(!policy.allow_common_patterns());
}

#[test]
fn min_pin_length_boundaries() {
    assert_eq!(
        with(|s| s.min_pin_length = 3),
        Err(PolicyError::MinPinLength(3))
    );
    assert!(with(|s| s.min_pin_length = 4).is_ok());
    assert!(with(|s| s.min_pin_length = 24).is_ok());
    assert_eq!(
        with(|s| s.min_pin_length = 25),
        Err(PolicyError::MinPinLength(25))
    );
}

#[test]
fn history_count_boundaries() {
    assert_eq!(
        with(|s| s.pin_history_count = 0),
        Err(PolicyError::PinHistoryCount(0))
    );
    assert!(with(|s| s.pin_history_count = 1).is_ok());
    assert!(with(|s| s.pin_history_count = 20).is_ok());
    assert_eq!(
        with(|s| s.pin_history_count = 21),
        Err(PolicyError::PinHistoryCount(21))
    );
}

#[test]
fn lifetime_boundaries_and_unlimited() {
    assert_eq!(
        with(|s| s.pin_lifetime_days = Some(0)),
        Err(PolicyError::PinLifetime(0))
    );
    assert!(with(|s| s.pin_lifetime_days = Some(1)).is_ok());
    assert!(with(|s| s.pin_lifetime_days = Some(999)).is_ok());
    assert_eq!(
        with(|s| s.pin_lifetime_days = Some(1000)),
        Err(PolicyError::PinLifetime(1000))
    );
    assert!(with(|s| s.pin_lifetime_days = None).is_ok());
}

#[test]
fn logon_attempt_boundaries() {
    assert_eq!(
        with(|s| s.max_logon_attempts = 0),
        Err(PolicyError::MaxLogonAttempts(0))
    );
    assert_eq!(
        with(|s| s.max_logon_attempts = 1000),
        Err(PolicyError::MaxLogonAttempts(1000))
    );
    let reset_at_max = with(|s| {
        s.max_logon_attempts = 5;
        s.logon_failures_before_pin_reset = Some(5);
    });
    assert_eq!(
        reset_at_max,
        Err(PolicyError::LogonFailuresBeforePinReset { value: 5, max: 5 })
    );
    assert!(with(|s| s.logon_failures_before_pin_reset = Some(14)).is_ok());
    assert!(with(|s| s.logon_failures_before_pin_reset = None).is_ok());
    assert!(with(|s| s.logon_failures_before_pin_reset = Some(0)).is_err());
}

#[test]
fn reset_text_is_limited_in_characters_not_bytes() {
    assert!(with(|s| s.reset_pin_text = "é".repeat(512)).is_ok());
    assert_eq!(
        with(|s| s.reset_pin_text = "x".repeat(513)),
        Err(PolicyError::ResetPinTextTooLong(513))
    );
}

#[test]
fn exchange_names_and_unlimited_are_accepted_in_toml() -> Result<(), toml::de::Error> {
    let settings: PinPolicySettings = toml::from_str(
        r#"MinPINLength = 8
           PINHistoryCount = 20
           AllowCommonPatterns = true
           PINLifetime = "Unlimited"
           logon_failures_before_pin_reset = "unlimited"
           ResetPINText = "hi""#,
    )?;
    assert_eq!(settings.min_pin_length, 8);
    assert_eq!(settings.pin_history_count, 20);
    assert!(settings.allow_common_patterns);
    assert_eq!(settings.pin_lifetime_days, None);
    assert_eq!(settings.logon_failures_before_pin_reset, None);
    assert_eq!(settings.max_logon_attempts, 15);
    let numbers: PinPolicySettings = toml::from_str("PINLifetime = 30")?;
    assert_eq!(numbers.pin_lifetime_days, Some(30));
    assert_eq!(numbers.logon_failures_before_pin_reset, Some(5));
    Ok(())
}

#[test]
fn limits_other_than_numbers_and_unlimited_are_refused_without_echo() {
    for text in [
        "PINLifetime = \"forever\"",
        "PINLifetime = -3",
        "PINLifetime = 99999999999",
    ] {
        let message = toml::from_str::<PinPolicySettings>(text)
            .err()
            .map(|e| e.message().to_owned())
            .unwrap_or_default();
        assert!(
            message.contains("expected a whole number or \"unlimited\""),
            "{message}"
        );
        assert!(
            !message.contains("forever") && !message.contains('3'),
            "{message}"
        );
    }
}
