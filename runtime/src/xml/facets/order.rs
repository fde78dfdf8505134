//! The order of values that range facets compare: numbers, decimals by
//! their digits, dates and times on the time line, durations by the four
//! reference instants of XML Schema (part 2, 3.2.6.2).

use std::cmp::Ordering;

use super::super::{Date, DateTime, Decimal, Duration, SimpleValue, Time};

/// Values the range facets apply to. `None` when the two are not ordered
/// (NaN, a date with a time zone and one without that are less than 14
/// hours apart, `P1M` and `P30D`).
pub trait FacetOrd: SimpleValue {
    fn facet_cmp(&self, other: &Self) -> Option<Ordering>;
}

macro_rules! partial_ord {
    ($($ty:ty),*) => {$(
        impl FacetOrd for $ty {
            fn facet_cmp(&self, other: &Self) -> Option<Ordering> {
                self.partial_cmp(other)
            }
        }
    )*};
}

partial_ord!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

impl FacetOrd for Decimal {
    fn facet_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A point on the time line: whole seconds and the digits of the fraction
/// that follows (always added, so `-1.5` is `(-2, "5")`), without trailing
/// zeros so that they compare as text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Instant {
    seconds: i128,
    fraction: String,
}

impl Instant {
    fn plus(&self, seconds: i128) -> Option<Self> {
        Some(Self {
            seconds: self.seconds.checked_add(seconds)?,
            fraction: self.fraction.clone(),
        })
    }
}

/// A date or time value: its instant, read as UTC, and whether it had a
/// time zone.
struct Moment {
    instant: Instant,
    zoned: bool,
}

/// 14 hours, the largest time zone offset.
const SPREAD: i128 = 14 * 3600;

fn cmp_moments(a: &Moment, b: &Moment) -> Option<Ordering> {
    if a.zoned == b.zoned {
        return Some(a.instant.cmp(&b.instant));
    }
    // The one without a zone is somewhere in a 28-hour window.
    let (zoned, local, flip) = if a.zoned { (a, b, false) } else { (b, a, true) };
    let earliest = local.instant.plus(-SPREAD)?;
    let latest = local.instant.plus(SPREAD)?;
    let order = if zoned.instant < earliest {
        Ordering::Less
    } else if zoned.instant > latest {
        Ordering::Greater
    } else {
        return None;
    };
    Some(if flip { order.reverse() } else { order })
}

/// Days from 1970-01-01 to the date in the proleptic Gregorian calendar
/// (H. Hinnant's algorithm); None for years so far out that no schema
/// means them. HTTP dates (`Retry-After`) use it too.
pub(crate) fn days_from_civil(year: i128, month: i128, day: i128) -> Option<i128> {
    if year.unsigned_abs() > 1_000_000_000_000_000 {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

struct Text<'a> {
    s: &'a str,
}

impl<'a> Text<'a> {
    fn eat(&mut self, prefix: char) -> bool {
        match self.s.strip_prefix(prefix) {
            Some(rest) => {
                self.s = rest;
                true
            }
            None => false,
        }
    }

    fn number(&mut self) -> Option<i128> {
        let end = self
            .s
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(self.s.len());
        let (digits, rest) = self.s.split_at(end);
        self.s = rest;
        digits.parse().ok()
    }

    fn fraction(&mut self) -> &'a str {
        if !self.eat('.') {
            return "";
        }
        let end = self
            .s
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(self.s.len());
        let (digits, rest) = self.s.split_at(end);
        self.s = rest;
        digits.trim_end_matches('0')
    }

    /// Seconds east of UTC, if there is a zone.
    fn zone(&mut self) -> Option<Option<i128>> {
        if self.s.is_empty() {
            return Some(None);
        }
        if self.eat('Z') {
            return Some(Some(0));
        }
        let sign = if self.eat('+') {
            1
        } else if self.eat('-') {
            -1
        } else {
            return None;
        };
        let hours = self.number()?;
        self.eat(':');
        let minutes = self.number()?;
        Some(Some(sign * (hours * 3600 + minutes * 60)))
    }

    fn date(&mut self) -> Option<i128> {
        let negative = self.eat('-');
        let year = self.number()?;
        let year = if negative { -year } else { year };
        self.eat('-');
        let month = self.number()?;
        self.eat('-');
        let day = self.number()?;
        days_from_civil(year, month, day)
    }

    /// Seconds since midnight and the fraction digits.
    fn time(&mut self) -> Option<(i128, &'a str)> {
        let hours = self.number()?;
        self.eat(':');
        let minutes = self.number()?;
        self.eat(':');
        let seconds = self.number()?;
        Some((hours * 3600 + minutes * 60 + seconds, self.fraction()))
    }
}

fn moment(days: i128, (time, fraction): (i128, &str), zone: Option<i128>) -> Option<Moment> {
    let seconds = days.checked_mul(86_400)?.checked_add(time)? - zone.unwrap_or(0);
    Some(Moment {
        instant: Instant {
            seconds,
            fraction: fraction.to_owned(),
        },
        zoned: zone.is_some(),
    })
}

fn date_time_moment(s: &str) -> Option<Moment> {
    let mut t = Text { s };
    let days = t.date()?;
    t.eat('T');
    let time = t.time()?;
    moment(days, time, t.zone()?)
}

fn date_moment(s: &str) -> Option<Moment> {
    let mut t = Text { s };
    let days = t.date()?;
    moment(days, (0, ""), t.zone()?)
}

fn time_moment(s: &str) -> Option<Moment> {
    let mut t = Text { s };
    let time = t.time()?;
    // Times are compared as on one reference day, 1972-12-31.
    moment(days_from_civil(1972, 12, 31)?, time, t.zone()?)
}

macro_rules! temporal_ord {
    ($($ty:ty => $moment:ident),*) => {$(
        impl FacetOrd for $ty {
            fn facet_cmp(&self, other: &Self) -> Option<Ordering> {
                cmp_moments(&$moment(self.as_str())?, &$moment(other.as_str())?)
            }
        }
    )*};
}

temporal_ord!(DateTime => date_time_moment, Date => date_moment, Time => time_moment);

/// A duration as months and seconds, both carrying its sign.
struct Span {
    months: i128,
    seconds: Instant,
}

fn span(s: &str) -> Option<Span> {
    let mut t = Text { s };
    let negative = t.eat('-');
    t.eat('P');
    let (mut months, mut seconds, mut fraction) = (0i128, 0i128, "");
    let mut in_time = false;
    while !t.s.is_empty() {
        if t.eat('T') {
            in_time = true;
            continue;
        }
        let n = t.number()?;
        let f = t.fraction();
        let unit = t.s.chars().next()?;
        t.s = &t.s[unit.len_utf8()..];
        match (in_time, unit) {
            (false, 'Y') => months = months.checked_add(n.checked_mul(12)?)?,
            (false, 'M') => months = months.checked_add(n)?,
            (false, 'D') => seconds = seconds.checked_add(n.checked_mul(86_400)?)?,
            (true, 'H') => seconds = seconds.checked_add(n.checked_mul(3600)?)?,
            (true, 'M') => seconds = seconds.checked_add(n.checked_mul(60)?)?,
            (true, 'S') => {
                seconds = seconds.checked_add(n)?;
                fraction = f;
            }
            _ => return None,
        }
    }
    let seconds = if !negative {
        Instant {
            seconds,
            fraction: fraction.to_owned(),
        }
    } else if fraction.is_empty() {
        Instant {
            seconds: -seconds,
            fraction: String::new(),
        }
    } else {
        Instant {
            seconds: -seconds - 1,
            fraction: complement(fraction),
        }
    };
    Some(Span {
        months: if negative { -months } else { months },
        seconds,
    })
}

/// The digits of `1 - 0.digits` (digits without trailing zeros).
fn complement(digits: &str) -> String {
    let last = digits.len().saturating_sub(1);
    digits
        .bytes()
        .enumerate()
        .map(|(i, d)| {
            let d = d.saturating_sub(b'0');
            char::from(b'0' + if i == last { 10 - d } else { 9 - d })
        })
        .collect()
}

/// The reference instants of XML Schema, as (year, month): all on the first
/// of the month at midnight UTC, so adding months never clamps a day.
const REFERENCES: [(i128, i128); 4] = [(1696, 9), (1697, 2), (1903, 3), (1903, 7)];

fn at(reference: (i128, i128), d: &Span) -> Option<Instant> {
    let month0 = d.months.checked_add(reference.1 - 1)?;
    let year = reference.0.checked_add(month0.div_euclid(12))?;
    let days = days_from_civil(year, month0.rem_euclid(12) + 1, 1)?;
    d.seconds.plus(days.checked_mul(86_400)?)
}

impl FacetOrd for Duration {
    fn facet_cmp(&self, other: &Self) -> Option<Ordering> {
        let (a, b) = (span(self.as_str())?, span(other.as_str())?);
        let mut result = None;
        for reference in REFERENCES {
            let order = at(reference, &a)?.cmp(&at(reference, &b)?);
            if result.is_some_and(|r| r != order) {
                return None;
            }
            result = Some(order);
        }
        result
    }
}
