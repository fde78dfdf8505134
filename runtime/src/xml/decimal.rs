//! `xs:decimal`: an exact number kept in its lexical form, so that a round
//! trip writes back the digits it read (`1.50` stays `1.50`), and compared,
//! ordered and hashed by value, as the XML Schema value space says:
//! `1.0 == 1.00`, `-0 == 0`, `9 < 10`.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use super::value::{NamespaceContext, SimpleValue, ValueSink, collapse};
use super::{ValueError, WriteError};

/// `xs:decimal`, e.g. `-12.50`.
#[derive(Debug, Clone)]
pub struct Decimal(String);

impl Decimal {
    /// Checks the lexical form.
    pub fn new(text: &str) -> Result<Self, ValueError> {
        let text = collapse(text);
        if is_decimal(text.as_bytes()) {
            Ok(Self(text.into_owned()))
        } else {
            Err(ValueError::new("expected a decimal number"))
        }
    }

    /// The lexical form as it was read or made.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Sign, integer digits without leading zeros, fraction digits without
    /// trailing zeros: the value, canonically. Zero is never negative.
    pub(crate) fn parts(&self) -> (bool, &str, &str) {
        let text = self.0.as_str();
        let (negative, rest) = match text.as_bytes().first() {
            Some(b'-') => (true, text.get(1..).unwrap_or_default()),
            Some(b'+') => (false, text.get(1..).unwrap_or_default()),
            _ => (false, text),
        };
        let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        (negative && !(int.is_empty() && frac.is_empty()), int, frac)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for Decimal {}

impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (na, ia, fa) = self.parts();
        let (nb, ib, fb) = other.parts();
        if na != nb {
            return if na {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        // Digit strings of one length compare like their values; fractions
        // without trailing zeros compare like their values as they are.
        let magnitude = ia.len().cmp(&ib.len()).then(ia.cmp(ib)).then(fa.cmp(fb));
        if na { magnitude.reverse() } else { magnitude }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Decimal {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        Self::new(s)
    }
}

impl SimpleValue for Decimal {
    fn parse_value(text: &str, _: &dyn NamespaceContext) -> Result<Self, ValueError> {
        Self::new(text)
    }

    fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
        // Only signs, digits and a point: nothing to escape.
        sink.push_plain(&self.0);
        Ok(())
    }
}

fn is_decimal(s: &[u8]) -> bool {
    let body = match s.first() {
        Some(b'+' | b'-') => s.get(1..).unwrap_or_default(),
        _ => s,
    };
    let (int, frac) = match body.iter().position(|&b| b == b'.') {
        Some(dot) => (
            body.get(..dot).unwrap_or_default(),
            Some(body.get(dot + 1..).unwrap_or_default()),
        ),
        None => (body, None),
    };
    let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    let frac_ok = frac.is_none_or(|f| digits(f) && !f.is_empty());
    digits(int) && (!int.is_empty() && frac.is_none_or(digits) || frac_ok && frac.is_some())
}

#[cfg(test)]
mod tests {
    use std::collections::hash_map::DefaultHasher;

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::new(s).unwrap()
    }

    fn hash(v: &Decimal) -> u64 {
        let mut h = DefaultHasher::new();
        v.hash(&mut h);
        h.finish()
    }

    #[test]
    fn lexical_forms() {
        for ok in ["1", "-1.50", ".5", "+3.", " 7 ", "007", "-0"] {
            assert!(Decimal::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", ".", "1e5", "--1", "+", "-.", "1.2.3", "1 2"] {
            assert!(Decimal::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn equal_and_ordered_by_value() {
        assert_eq!(d("1.0"), d("1.00"));
        assert_eq!(d("-0"), d("0.000"));
        assert_eq!(d("+007.50"), d("7.5"));
        assert_eq!(hash(&d("1.0")), hash(&d("1")));
        assert!(d("9") < d("10"));
        assert!(d("-10") < d("-9"));
        assert!(d("-0.5") < d("0"));
        assert!(d("0.25") < d("0.3"));
        assert!(d("1.5") > d("1.49999"));
        let mut v = [d("10"), d("9"), d("-1.5"), d("0.0"), d("2.50")];
        v.sort();
        let sorted: Vec<&str> = v.iter().map(Decimal::as_str).collect();
        assert_eq!(sorted, ["-1.5", "0.0", "2.50", "9", "10"]);
    }

    #[test]
    fn the_lexical_form_is_written_back() {
        assert_eq!(super::super::value_to_string(&d("1.50")).unwrap(), "1.50");
    }
}
