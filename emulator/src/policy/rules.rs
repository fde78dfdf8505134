//! The rules a PIN must satisfy under a [`PinPolicy`].
//!
//! The fact sheet lists the common patterns in one line ("no repeated digits
//! (111111), no ascending/descending runs (123456, 654321), no suffix of the
//! user's extension"). The precise reading chosen here:
//!
//! - **Digits only**, at least `MinPINLength` of them (always).
//! - **Repeated digits**: rejected when *every* digit is the same (`111111`).
//!   A PIN that merely contains a repeat (`112358`) is fine.
//! - **Runs**: rejected when the *whole* PIN steps by +1 (`123456`) or by -1
//!   (`654321`) from each digit to the next. Steps wrap around between 9 and 0
//!   (`789012`, `210987`): on a phone keypad such a PIN is typed and guessed as
//!   easily as one that does not wrap. A run inside a longer PIN (`123459`) is
//!   fine.
//! - **Extension**: the extension's digits are compared (other characters such
//!   as `+`, spaces or dashes are ignored). The PIN is rejected when it is a
//!   suffix of the extension (extension `5554321`, PIN `4321`) *or* when it ends
//!   with the whole extension (extension `4321`, PIN `004321`): the second case
//!   is the one that matters for the usual short extensions and PINs of six or
//!   more digits, and both are a PIN an attacker who knows the extension tries
//!   first. An extension with no digits imposes nothing.
//!
//! With `AllowCommonPatterns` true only the extension rule (and the digit and
//! length rules) apply, as documented.

use super::PinPolicy;

/// Why a PIN does not satisfy the policy. Never carries the PIN itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinRejected {
    #[error("a PIN may contain only the digits 0-9")]
    NotDigits,
    #[error("a PIN needs at least {min} digits, this one has {actual}")]
    TooShort { min: usize, actual: usize },
    #[error("a PIN may not repeat one digit throughout")]
    RepeatedDigit,
    #[error("a PIN may not be an ascending run of digits")]
    AscendingRun,
    #[error("a PIN may not be a descending run of digits")]
    DescendingRun,
    #[error("a PIN may not match the end of the extension")]
    MatchesExtension,
}

impl PinPolicy {
    /// Checks a PIN against this policy for a user with the given extension.
    pub fn check(&self, pin: &str, extension: Option<&str>) -> Result<(), PinRejected> {
        let digits = pin.as_bytes();
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(PinRejected::NotDigits);
        }
        if digits.len() < self.min_pin_length() {
            return Err(PinRejected::TooShort {
                min: self.min_pin_length(),
                actual: digits.len(),
            });
        }
        if !self.allow_common_patterns() {
            check_common_patterns(digits)?;
        }
        if let Some(extension) = extension {
            check_extension(digits, extension)?;
        }
        Ok(())
    }
}

fn check_common_patterns(digits: &[u8]) -> Result<(), PinRejected> {
    if digits.windows(2).all(|w| w[0] == w[1]) {
        return Err(PinRejected::RepeatedDigit);
    }
    if every_step_is(digits, 1) {
        return Err(PinRejected::AscendingRun);
    }
    if every_step_is(digits, 9) {
        return Err(PinRejected::DescendingRun);
    }
    Ok(())
}

/// True when each digit is the previous plus `step`, modulo 10 (9 means -1).
fn every_step_is(digits: &[u8], step: u8) -> bool {
    digits
        .windows(2)
        .all(|w| (w[0] - b'0' + step) % 10 == w[1] - b'0')
}

fn check_extension(pin: &[u8], extension: &str) -> Result<(), PinRejected> {
    let extension: Vec<u8> = extension.bytes().filter(u8::is_ascii_digit).collect();
    if extension.is_empty() {
        return Ok(());
    }
    if extension.ends_with(pin) || pin.ends_with(&extension) {
        return Err(PinRejected::MatchesExtension);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PinPolicySettings;

    fn policy(min: u32, allow_common: bool) -> PinPolicy {
        let settings = PinPolicySettings {
            min_pin_length: min,
            allow_common_patterns: allow_common,
            ..PinPolicySettings::default()
        };
        PinPolicy::new(settings).expect("the test's literal settings are within range")
    }

    #[test]
    fn digits_only() {
        let p = policy(6, true);
        assert_eq!(p.check("12a456", None), Err(PinRejected::NotDigits));
        assert_eq!(p.check("12 456", None), Err(PinRejected::NotDigits));
        assert_eq!(p.check("１２３４５６", None), Err(PinRejected::NotDigits));
        assert_eq!(
            p.check("", None),
            Err(PinRejected::TooShort { min: 6, actual: 0 })
        );
    }

    #[test]
    fn length_boundary() {
        let p = policy(6, false);
        assert_eq!(
            p.check("80531", None),
            Err(PinRejected::TooShort { min: 6, actual: 5 })
        );
        assert_eq!(p.check("805317", None), Ok(()));
        assert_eq!(p.check("8053179", None), Ok(()));
    }

    #[test]
    fn repeated_digit_only_when_all_the_same() {
        let p = policy(6, false);
        assert_eq!(p.check("111111", None), Err(PinRejected::RepeatedDigit));
        assert_eq!(p.check("0000000", None), Err(PinRejected::RepeatedDigit));
        assert_eq!(p.check("111112", None), Ok(()));
        assert_eq!(p.check("112358", None), Ok(()));
    }

    #[test]
    fn runs_in_both_directions_including_wraparound() {
        let p = policy(6, false);
        assert_eq!(p.check("123456", None), Err(PinRejected::AscendingRun));
        assert_eq!(p.check("456789", None), Err(PinRejected::AscendingRun));
        assert_eq!(p.check("789012", None), Err(PinRejected::AscendingRun));
        assert_eq!(p.check("654321", None), Err(PinRejected::DescendingRun));
        assert_eq!(p.check("210987", None), Err(PinRejected::DescendingRun));
        assert_eq!(p.check("123459", None), Ok(()));
        assert_eq!(p.check("135791", None), Ok(()));
    }

    #[test]
    fn extension_rule_both_ways() {
        let p = policy(4, false);
        assert_eq!(
            p.check("004321", Some("4321")),
            Err(PinRejected::MatchesExtension)
        );
        assert_eq!(
            p.check("9824321", Some("4321")),
            Err(PinRejected::MatchesExtension)
        );
        assert_eq!(
            p.check("5821", Some("+1 (425) 555-5821")),
            Err(PinRejected::MatchesExtension)
        );
        assert_eq!(
            p.check("55821", Some("555-5821")),
            Err(PinRejected::MatchesExtension)
        );
        assert_eq!(p.check("432100", Some("4321")), Ok(()));
        assert_eq!(p.check("8321", Some("4321")), Ok(()));
        assert_eq!(p.check("8321", Some("ext")), Ok(()));
        assert_eq!(p.check("8321", Some("")), Ok(()));
    }

    #[test]
    fn allowing_common_patterns_keeps_only_the_extension_rule() {
        let p = policy(6, true);
        assert_eq!(p.check("111111", None), Ok(()));
        assert_eq!(p.check("123456", None), Ok(()));
        assert_eq!(p.check("654321", None), Ok(()));
        assert_eq!(
            p.check("994321", Some("4321")),
            Err(PinRejected::MatchesExtension)
        );
        assert_eq!(
            p.check("12345", None),
            Err(PinRejected::TooShort { min: 6, actual: 5 })
        );
    }
}
