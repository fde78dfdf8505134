//! Facet checks for generated constructors: one call per facet, so that a
//! restricted type costs a line per facet in generated code.
//!
//! ```
//! use xsdgen_runtime::xml::{Decimal, facets};
//!
//! let price = Decimal::new("1234.50").unwrap();
//! assert!(facets::total_digits(&price, 6).is_ok(), "trailing zeros do not count");
//! assert!(facets::fraction_digits(&price, 1).is_ok());
//! assert!(facets::max_inclusive(&price, "999.99").is_err());
//! assert!(facets::min_length("héllo", 5).is_ok(), "characters, not bytes");
//! assert_eq!(facets::collapse(" a \n b ".to_owned()), "a b");
//! ```
//!
//! Ranges compare values, never their text: decimals digit by digit,
//! dates and times on the time line. The order of dates and times is
//! partial: a value without a time zone is 14 hours either side of the
//! instant it names, and a range facet is satisfied only when the order
//! is certain. Durations are compared, as XML Schema says, by adding them
//! to four reference instants: `P1M` and `P30D` are incomparable, so
//! neither satisfies a bound given by the other.

mod order;

use std::cmp::Ordering;

use super::value::parse_value;
use super::{Base64Binary, Decimal, HexBinary, ValueError};

pub use order::FacetOrd;
#[cfg(feature = "client")]
pub(crate) use order::days_from_civil;

/// What the length facets count: characters of a string, octets of binary
/// data, items of a list.
pub trait FacetLength {
    fn facet_length(&self) -> usize;
    /// The unit, plural, for messages.
    fn facet_unit(&self) -> &'static str;
}

impl FacetLength for str {
    fn facet_length(&self) -> usize {
        self.chars().count()
    }

    fn facet_unit(&self) -> &'static str {
        "characters"
    }
}

impl FacetLength for String {
    fn facet_length(&self) -> usize {
        self.as_str().facet_length()
    }

    fn facet_unit(&self) -> &'static str {
        "characters"
    }
}

impl FacetLength for Base64Binary {
    fn facet_length(&self) -> usize {
        self.0.len()
    }

    fn facet_unit(&self) -> &'static str {
        "octets"
    }
}

impl FacetLength for HexBinary {
    fn facet_length(&self) -> usize {
        self.0.len()
    }

    fn facet_unit(&self) -> &'static str {
        "octets"
    }
}

impl<T> FacetLength for Vec<T> {
    fn facet_length(&self) -> usize {
        self.len()
    }

    fn facet_unit(&self) -> &'static str {
        "items"
    }
}

fn count<T: FacetLength + ?Sized>(
    value: &T,
    n: u64,
    fails: fn(u64, u64) -> bool,
    expected: &str,
    facet: &str,
) -> Result<(), ValueError> {
    let len = u64::try_from(value.facet_length()).unwrap_or(u64::MAX);
    if fails(len, n) {
        return Err(ValueError::new(format!(
            "expected {expected} {n} {} ({facet}), found {len}",
            value.facet_unit()
        )));
    }
    Ok(())
}

/// The `length` facet.
pub fn length<T: FacetLength + ?Sized>(value: &T, n: u64) -> Result<(), ValueError> {
    count(value, n, |len, n| len != n, "exactly", "length")
}

/// The `minLength` facet.
pub fn min_length<T: FacetLength + ?Sized>(value: &T, n: u64) -> Result<(), ValueError> {
    count(value, n, |len, n| len < n, "at least", "minLength")
}

/// The `maxLength` facet.
pub fn max_length<T: FacetLength + ?Sized>(value: &T, n: u64) -> Result<(), ValueError> {
    count(value, n, |len, n| len > n, "at most", "maxLength")
}

fn range<T: FacetOrd>(
    value: &T,
    bound: &str,
    facet: &str,
    expected: &str,
    accept: fn(Ordering) -> bool,
) -> Result<(), ValueError> {
    let limit: T = parse_value(bound)
        .map_err(|e| ValueError::new(format!("invalid {facet} '{bound}' in the schema: {e}")))?;
    match value.facet_cmp(&limit) {
        Some(o) if accept(o) => Ok(()),
        Some(_) => Err(ValueError::new(format!(
            "expected {expected} {} ({facet})",
            bound.trim()
        ))),
        None => Err(ValueError::new(format!(
            "expected {expected} {} ({facet}); the two cannot be ordered",
            bound.trim()
        ))),
    }
}

/// The `minInclusive` facet; `bound` is the facet's value as written in
/// the schema.
pub fn min_inclusive<T: FacetOrd>(value: &T, bound: &str) -> Result<(), ValueError> {
    range(value, bound, "minInclusive", "at least", Ordering::is_ge)
}

/// The `minExclusive` facet.
pub fn min_exclusive<T: FacetOrd>(value: &T, bound: &str) -> Result<(), ValueError> {
    range(value, bound, "minExclusive", "more than", Ordering::is_gt)
}

/// The `maxInclusive` facet.
pub fn max_inclusive<T: FacetOrd>(value: &T, bound: &str) -> Result<(), ValueError> {
    range(value, bound, "maxInclusive", "at most", Ordering::is_le)
}

/// The `maxExclusive` facet.
pub fn max_exclusive<T: FacetOrd>(value: &T, bound: &str) -> Result<(), ValueError> {
    range(value, bound, "maxExclusive", "less than", Ordering::is_lt)
}

/// Numbers the digit facets apply to.
pub trait FacetDigits {
    /// Digits in total and after the point, without leading zeros or
    /// trailing fraction zeros: `0012.3400` has 4 and 2.
    fn facet_digits(&self) -> (u64, u64);
}

impl FacetDigits for Decimal {
    fn facet_digits(&self) -> (u64, u64) {
        let (_, int, frac) = self.parts();
        let total = int.len() + frac.len();
        (total as u64, frac.len() as u64)
    }
}

macro_rules! integer_digits {
    ($($ty:ty),*) => {$(
        impl FacetDigits for $ty {
            fn facet_digits(&self) -> (u64, u64) {
                // i128 holds every value of every integer type.
                let magnitude = i128::from(*self).unsigned_abs();
                (u64::from(magnitude.checked_ilog10().map_or(0, |d| d + 1)), 0)
            }
        }
    )*};
}

integer_digits!(i8, i16, i32, i64, u8, u16, u32, u64);

/// The `totalDigits` facet.
pub fn total_digits<T: FacetDigits>(value: &T, n: u64) -> Result<(), ValueError> {
    if value.facet_digits().0 > n {
        return Err(ValueError::new(format!(
            "expected at most {n} digits in total (totalDigits)"
        )));
    }
    Ok(())
}

/// The `fractionDigits` facet.
pub fn fraction_digits<T: FacetDigits>(value: &T, n: u64) -> Result<(), ValueError> {
    if value.facet_digits().1 > n {
        return Err(ValueError::new(format!(
            "expected at most {n} fraction digits (fractionDigits)"
        )));
    }
    Ok(())
}

/// `whiteSpace="replace"`: each tab, line feed and carriage return becomes
/// a space.
pub fn replace(value: String) -> String {
    if value.contains(['\t', '\n', '\r']) {
        value.replace(['\t', '\n', '\r'], " ")
    } else {
        value
    }
}

/// `whiteSpace="collapse"`: replace, then trim and fold runs of spaces.
pub fn collapse(value: String) -> String {
    match super::collapse(&value) {
        std::borrow::Cow::Borrowed(b) if b.len() == value.len() => value,
        other => other.into_owned(),
    }
}

/// Checks a value against a pattern, for inner types whose written form is
/// not kept (numbers, booleans, binary data): the text as read, collapsed,
/// is what the pattern constrains.
pub fn pattern_text(pattern: &super::Pattern, text: &str) -> Result<(), ValueError> {
    pattern.check(&super::collapse(text))
}

#[cfg(test)]
mod tests;
