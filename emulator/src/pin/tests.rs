use super::*;
use crate::policy::PinPolicySettings;

fn policy(min: u32, allow_common: bool) -> PinPolicy {
    PinPolicy::new(PinPolicySettings {
        min_pin_length: min,
        allow_common_patterns: allow_common,
        ..PinPolicySettings::default()
    })
    .expect("the test's literal settings are within range")
}

#[test]
fn thousand_pins_satisfy_the_policy_and_digits_are_uniform() -> Result<(), PinGenerationError> {
    let policy = policy(6, false);
    let mut counts = [0u32; 10];
    for _ in 0..1000 {
        let pin = generate(&policy, Some("4321"), &[])?;
        assert_eq!(pin.expose().len(), 6);
        assert_eq!(policy.check(pin.expose(), Some("4321")), Ok(()));
        for b in pin.expose().bytes() {
            counts[usize::from(b - b'0')] += 1;
        }
    }
    // 6000 digits, 600 expected per value; chi-square with 9 degrees of freedom
    // exceeds 40 with probability below 1e-5.
    let chi2: f64 = counts
        .iter()
        .map(|&c| (f64::from(c) - 600.0).powi(2) / 600.0)
        .sum();
    assert!(chi2 < 40.0, "digit counts {counts:?}, chi-square {chi2}");
    Ok(())
}

#[test]
fn generated_length_follows_min_pin_length() -> Result<(), PinGenerationError> {
    for min in [4, 9, 24] {
        let pin = generate(&policy(min, true), None, &[])?;
        assert_eq!(pin.expose().len(), min as usize);
    }
    Ok(())
}

#[test]
fn avoids_every_pin_in_the_history() -> Result<(), PinGenerationError> {
    // Feed a source whose first candidate is the avoided PIN "802468", then a
    // different one: the generator must skip the first.
    let script: Vec<u8> = b"802468802469".iter().map(|b| b - b'0').collect();
    let mut served = false;
    let fill = |buf: &mut [u8]| {
        buf.fill(255);
        if !served {
            buf[..script.len()].copy_from_slice(&script);
            served = true;
        }
        Ok(())
    };
    let avoid = [hash::hash(b"802468")?];
    let pin = generate_from(fill, &policy(6, false), None, &avoid)?;
    assert_eq!(pin.expose(), "802469");
    Ok(())
}

#[test]
fn bytes_at_or_above_250_are_redrawn_not_folded() -> Result<(), PinGenerationError> {
    // 250..=255 would map to 0..=5 under a plain modulo; they must be skipped.
    let fill = |buf: &mut [u8]| {
        for (i, b) in buf.iter_mut().enumerate() {
            *b = if i % 2 == 0 {
                250 + (i % 6) as u8
            } else {
                7 + (i % 3) as u8
            };
        }
        Ok(())
    };
    let pin = generate_from(fill, &policy(6, true), None, &[])?;
    assert!(
        pin.expose().bytes().all(|b| (b'7'..=b'9').contains(&b)),
        "{}",
        pin.expose()
    );
    Ok(())
}

#[test]
fn an_impossible_source_ends_with_a_typed_error() {
    // All zeros gives "000000" every time, which the policy rejects.
    let fill = |buf: &mut [u8]| {
        buf.fill(0);
        Ok(())
    };
    let result = generate_from(fill, &policy(6, false), None, &[]);
    assert!(matches!(
        result,
        Err(PinGenerationError::Exhausted {
            attempts: MAX_ATTEMPTS
        })
    ));
}
