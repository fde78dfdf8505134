//! `xs:dateTime` to and from `SystemTime`, in UTC, for `wsu:Created`.
//!
//! [`crate::xml::DateTime`] keeps a dateTime as text and checks only its
//! form; freshness needs the instant, so this converts, with the proleptic
//! Gregorian calendar and without leap seconds, as `SystemTime` counts.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::xml::DateTime;

/// Why a `wsu:Created` value gives no instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeError(&'static str);

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for TimeError {}

const SECS_PER_DAY: i64 = 86_400;

/// `2026-12-03T14:00:00Z`, with `.mmm` milliseconds when the instant has
/// any: the form WS-Security recommends for `wsu:Created` (UTC, `Z`).
/// Instants before 1970 are refused: no clock that sends a token is there.
pub fn format_date_time(t: SystemTime) -> Result<String, TimeError> {
    let since = t
        .duration_since(UNIX_EPOCH)
        .map_err(|_| TimeError("the clock is before 1970"))?;
    let secs = i64::try_from(since.as_secs()).map_err(|_| TimeError("the time is out of range"))?;
    let (days, rest) = (secs.div_euclid(SECS_PER_DAY), secs.rem_euclid(SECS_PER_DAY));
    let (y, m, d) = civil_from_days(days);
    let (hh, mm, ss) = (rest / 3600, rest % 3600 / 60, rest % 60);
    let millis = since.subsec_millis();
    let mut out = format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}");
    if millis != 0 {
        out.push_str(&format!(".{millis:03}"));
    }
    out.push('Z');
    Ok(out)
}

/// The instant of an `xs:dateTime` with a time zone (`Z` or `±hh:mm`),
/// fractional seconds to the nanosecond. A value without a zone is
/// refused: its instant depends on where it was written.
pub fn parse_date_time(text: &str) -> Result<SystemTime, TimeError> {
    let checked = DateTime::new(text).map_err(|_| TimeError("not an xs:dateTime"))?;
    let s = checked.as_str();
    if s.starts_with('-') {
        return Err(TimeError("the year is before 1970"));
    }
    let (date, time) = s.split_once('T').ok_or(TimeError("not an xs:dateTime"))?;
    let mut date_fields = date.rsplitn(3, '-');
    let day = number(date_fields.next())?;
    let month = number(date_fields.next())?;
    let year = number(date_fields.next())?;
    // Also keeps the day arithmetic below far from overflow.
    if year > 9999 {
        return Err(TimeError("the year is after 9999"));
    }
    if day < 1 || day > days_in_month(year, month) {
        return Err(TimeError("the day does not exist in that month"));
    }

    let (clock, offset) = split_zone(time)?;
    let (hms, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut hms_fields = hms.split(':');
    let hour = number(hms_fields.next())?;
    let minute = number(hms_fields.next())?;
    let second = number(hms_fields.next())?;
    let past_midnight = (minute, second) != (0, 0) || fraction.bytes().any(|b| b != b'0');
    if hour == 24 && past_midnight {
        return Err(TimeError("24:00:00 is the only time in hour 24"));
    }
    // A leap second (:60) is the second after :59, which SystemTime has no
    // other name for.
    let secs =
        days_from_civil(year, month, day) * SECS_PER_DAY + hour * 3600 + minute * 60 + second
            - offset;
    let nanos = fraction_nanos(fraction);
    let secs = u64::try_from(secs).map_err(|_| TimeError("the time is before 1970"))?;
    UNIX_EPOCH
        .checked_add(Duration::new(secs, nanos))
        .ok_or(TimeError("the time is out of range"))
}

/// Splits `hh:mm:ss[.f]` from its zone; returns the zone's offset east of
/// UTC in seconds.
fn split_zone(time: &str) -> Result<(&str, i64), TimeError> {
    if let Some(clock) = time.strip_suffix('Z') {
        return Ok((clock, 0));
    }
    let Some(at) = time.rfind(['+', '-']) else {
        return Err(TimeError("the time has no zone (Z or +hh:mm)"));
    };
    let (clock, zone) = time.split_at(at);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let (h, m) = zone
        .get(1..)
        .and_then(|z| z.split_once(':'))
        .ok_or(TimeError("not an xs:dateTime"))?;
    Ok((
        clock,
        sign * (number(Some(h))? * 3600 + number(Some(m))? * 60),
    ))
}

fn number(field: Option<&str>) -> Result<i64, TimeError> {
    field
        .and_then(|f| f.parse::<i64>().ok())
        .ok_or(TimeError("not an xs:dateTime"))
}

/// Nanoseconds of a fraction's digits; digits past the ninth are dropped.
fn fraction_nanos(fraction: &str) -> u32 {
    let mut nanos = 0;
    for i in 0..9 {
        let digit = fraction
            .as_bytes()
            .get(i)
            .map_or(0, |b| u32::from(b - b'0'));
        nanos = nanos * 10 + digit;
    }
    nanos
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01. The year is counted from March, so that the
/// leap day is the last of its year and months have a regular length
/// pattern (153 days per 5 months from March); a 400-year era has 146 097
/// days.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    // Epoch seconds from python3:
    // calendar.timegm(datetime.datetime(2026, 12, 3, 14, 0, 0).timetuple())
    const DEC_3_2026_1400: u64 = 1_796_306_400;

    #[test]
    fn formats_utc() {
        assert_eq!(
            format_date_time(at(DEC_3_2026_1400)).as_deref(),
            Ok("2026-12-03T14:00:00Z")
        );
        assert_eq!(
            format_date_time(at(0)).as_deref(),
            Ok("1970-01-01T00:00:00Z")
        );
        let with_millis = at(DEC_3_2026_1400) + Duration::from_millis(45);
        assert_eq!(
            format_date_time(with_millis).as_deref(),
            Ok("2026-12-03T14:00:00.045Z")
        );
        // 2024-02-29T23:59:59Z, a leap day.
        assert_eq!(
            format_date_time(at(1_709_251_199)).as_deref(),
            Ok("2024-02-29T23:59:59Z")
        );
    }

    #[test]
    fn parses_zones_and_fractions() {
        let t = at(DEC_3_2026_1400);
        for text in [
            "2026-12-03T14:00:00Z",
            "2026-12-03T14:00:00+00:00",
            "2026-12-03T14:00:00-00:00",
            "2026-12-03T15:30:00+01:30",
            "2026-12-03T09:00:00-05:00",
            " 2026-12-03T14:00:00Z\n",
        ] {
            assert_eq!(parse_date_time(text), Ok(t), "{text}");
        }
        // Midnight at the end of the 2nd is the start of the 3rd.
        assert_eq!(
            parse_date_time("2026-12-02T24:00:00Z"),
            Ok(t - Duration::from_secs(14 * 3600))
        );
        assert_eq!(
            parse_date_time("2026-12-03T14:00:00.5Z"),
            Ok(t + Duration::from_millis(500))
        );
        assert_eq!(
            parse_date_time("2026-12-03T14:00:00.1234567891Z"),
            Ok(t + Duration::from_nanos(123_456_789))
        );
    }

    #[test]
    fn refuses_what_has_no_instant() {
        for text in [
            "2026-12-03T14:00:00",
            "2026-02-30T14:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-12-03T24:00:01Z",
            "2026-12-03 14:00:00Z",
            "1969-12-31T23:59:59Z",
            "-2026-12-03T14:00:00Z",
            "10000-01-01T00:00:00Z",
            "99999999999999999-01-01T00:00:00Z",
            "999999999999999999999999-01-01T00:00:00Z",
            "",
            "yesterday",
        ] {
            assert!(parse_date_time(text).is_err(), "{text}");
        }
        assert!(parse_date_time("2024-02-29T00:00:00Z").is_ok());
    }

    #[test]
    fn calendar_round_trips() {
        // Every day from 1970 to past 2400, through both kinds of century.
        for days in 0..200_000 {
            let (y, m, d) = civil_from_days(days);
            assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        let t = at(DEC_3_2026_1400 + 123_456_789);
        let text = format_date_time(t).unwrap_or_default();
        assert_eq!(parse_date_time(&text), Ok(t));
    }
}
