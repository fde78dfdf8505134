//! The emulator's dialing rules. Exchange checks a dial string against the
//! dial plan's dialing rules, which the documentation does not spell out; the
//! emulator's choice: digits with an optional leading `+`, the separators
//! space, `-`, `.`, `(` and `)`, and 1 to 32 digits.

/// Most digits a dial string may have.
pub const MAX_DIAL_DIGITS: usize = 32;

/// Whether `dial` satisfies the dialing rules above.
pub fn is_valid_dial_string(dial: &str) -> bool {
    let rest = dial.strip_prefix('+').unwrap_or(dial);
    let mut digits = 0;
    for c in rest.chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return false,
        }
    }
    (1..=MAX_DIAL_DIGITS).contains(&digits)
}

/// The digits of a dial string, by which two spellings of one number
/// (`+1 425 555-0100`, `14255550100`) compare equal.
pub fn dial_digits(dial: &str) -> String {
    dial.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dial_strings() {
        for good in ["12345", "+1 (425) 555-0100", "555.0100", "1"] {
            assert!(is_valid_dial_string(good), "{good}");
        }
        let long = "1".repeat(MAX_DIAL_DIGITS + 1);
        for bad in ["", "+", "12a45", "call me", "++1", "1+2", long.as_str()] {
            assert!(!is_valid_dial_string(bad), "{bad}");
        }
        assert_eq!(dial_digits("+1 (425) 555-0100"), "14255550100");
    }
}
