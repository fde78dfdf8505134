//! The emulated telephone network: how the number a call dials behaves.

use std::collections::BTreeMap;

use super::dialing::dial_digits;

/// What happens when a call reaches a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhoneBehaviour {
    /// Rings, is answered, and hangs up after a while.
    #[default]
    Answer,
    /// The line is busy: the call ends with `UserBusy` without ringing.
    Busy,
    /// Rings until the no-answer timeout: the call ends with `NoAnswer`.
    NoAnswer,
    /// The number cannot be reached: the call ends with `Unavailable`.
    Unavailable,
    /// The network fails the call: it ends with `Other`.
    Fail,
}

/// Numbers with a behaviour other than the default; every other number
/// answers. Numbers are compared by their digits only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhoneNetwork {
    numbers: BTreeMap<String, PhoneBehaviour>,
}

impl PhoneNetwork {
    /// A network where every number answers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes `number` behave as `behaviour`; returns the behaviour it had
    /// been given before, if any (the same number spelled another way).
    pub fn set(&mut self, number: &str, behaviour: PhoneBehaviour) -> Option<PhoneBehaviour> {
        self.numbers.insert(dial_digits(number), behaviour)
    }

    /// How a call to `dial_string` goes.
    pub fn behaviour(&self, dial_string: &str) -> PhoneBehaviour {
        self.numbers
            .get(&dial_digits(dial_string))
            .copied()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_match_by_digits_and_others_answer() {
        let mut network = PhoneNetwork::new();
        assert_eq!(network.set("+1 425 555-0111", PhoneBehaviour::Busy), None);
        assert_eq!(network.behaviour("14255550111"), PhoneBehaviour::Busy);
        assert_eq!(network.behaviour("(1) 425.555.0111"), PhoneBehaviour::Busy);
        assert_eq!(network.behaviour("14255550112"), PhoneBehaviour::Answer);
        assert_eq!(
            network.set("14255550111", PhoneBehaviour::Fail),
            Some(PhoneBehaviour::Busy)
        );
    }
}
