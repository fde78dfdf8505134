use std::cmp::Ordering::{Equal, Greater, Less};

use super::*;
use crate::xml::{Date, DateTime, Duration, Time};

fn dec(s: &str) -> Decimal {
    Decimal::new(s).unwrap()
}

#[test]
fn decimals_compare_by_value_not_text() {
    for (a, b, order) in [
        ("10", "9", Greater),
        ("-10", "-9", Less),
        ("1.50", "1.5", Equal),
        ("-0", "+0.000", Equal),
        ("0.1", "0.09", Greater),
        ("-0.1", "0", Less),
        ("007", "7.0", Equal),
        (".5", "0.49999999999999999999999", Greater),
        (
            "123456789012345678901234567890.1",
            "123456789012345678901234567890",
            Greater,
        ),
    ] {
        assert_eq!(dec(a).facet_cmp(&dec(b)), Some(order), "{a} vs {b}");
        assert_eq!(
            dec(b).facet_cmp(&dec(a)),
            Some(order.reverse()),
            "{b} vs {a}"
        );
    }
}

#[test]
fn decimal_ranges() {
    assert!(min_inclusive(&dec("10.00"), "10").is_ok());
    assert!(min_exclusive(&dec("10.00"), "10").is_err());
    assert!(max_exclusive(&dec("9.999"), "10").is_ok());
    let e = max_inclusive(&dec("100.01"), "100").unwrap_err();
    assert_eq!(e.reason, "expected at most 100 (maxInclusive)");
    let e = min_inclusive(&dec("1"), "x").unwrap_err();
    assert!(e.reason.starts_with("invalid minInclusive 'x'"), "{e}");
}

#[test]
fn digits() {
    for (text, total, fraction) in [
        ("0", 0, 0),
        ("-0012.3400", 4, 2),
        ("1200", 4, 0),
        ("0.0012", 4, 4),
        ("+.5", 1, 1),
        ("1.", 1, 0),
    ] {
        assert_eq!(dec(text).facet_digits(), (total, fraction), "{text}");
    }
    assert_eq!(12345u32.facet_digits(), (5, 0));
    assert_eq!((-128i8).facet_digits(), (3, 0));
    assert_eq!(0u8.facet_digits(), (0, 0));
    assert!(total_digits(&dec("999999.99"), 8).is_ok());
    assert_eq!(
        total_digits(&dec("1000000.00"), 6).unwrap_err().reason,
        "expected at most 6 digits in total (totalDigits)"
    );
    assert!(fraction_digits(&dec("1.230"), 2).is_ok());
    assert_eq!(
        fraction_digits(&dec("1.234"), 2).unwrap_err().reason,
        "expected at most 2 fraction digits (fractionDigits)"
    );
    assert!(total_digits(&99999i32, 4).is_err());
}

#[test]
fn lengths_count_characters_octets_and_items() {
    assert!(length("héllo", 5).is_ok());
    assert_eq!(
        max_length(&"日本語".to_owned(), 2).unwrap_err().reason,
        "expected at most 2 characters (maxLength), found 3"
    );
    assert!(length(&HexBinary(vec![1, 2]), 2).is_ok());
    assert_eq!(
        min_length(&Base64Binary(vec![1]), 2).unwrap_err().reason,
        "expected at least 2 octets (minLength), found 1"
    );
    assert!(max_length(&vec![1, 2, 3], 2).is_err());
}

fn dt(s: &str) -> DateTime {
    DateTime::new(s).unwrap()
}

#[test]
fn date_times_compare_on_the_time_line() {
    for (a, b, order) in [
        (
            "2015-09-17T08:30:00Z",
            "2015-09-17T10:30:00+02:00",
            Some(Equal),
        ),
        (
            "2015-09-17T08:30:00.5Z",
            "2015-09-17T08:30:00.25Z",
            Some(Greater),
        ),
        ("2015-09-17T08:30:00", "2015-09-17T08:30:01", Some(Less)),
        ("2015-12-31T24:00:00Z", "2016-01-01T00:00:00Z", Some(Equal)),
        ("-0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", Some(Less)),
        ("2015-09-17T08:30:00", "2015-09-17T08:30:00Z", None),
        ("2015-09-17T08:30:00", "2015-09-17T20:00:00Z", None),
        ("2015-09-17T08:30:00", "2015-09-18T23:00:00Z", Some(Less)),
        ("2015-09-17T08:30:00", "2015-09-16T18:00:00Z", Some(Greater)),
    ] {
        assert_eq!(dt(a).facet_cmp(&dt(b)), order, "{a} vs {b}");
        assert_eq!(
            dt(b).facet_cmp(&dt(a)),
            order.map(|o| o.reverse()),
            "{b} vs {a}"
        );
    }
    assert!(min_inclusive(&dt("2015-01-01T00:00:00Z"), "2015-01-01T00:00:00Z").is_ok());
    let e = max_inclusive(&dt("2015-01-01T00:00:00"), "2015-01-01T00:00:00Z").unwrap_err();
    assert!(e.reason.contains("cannot be ordered"), "{e}");
}

#[test]
fn dates_and_times() {
    let d = |s: &str| Date::new(s).unwrap();
    assert_eq!(d("2015-09-17").facet_cmp(&d("2015-09-18")), Some(Less));
    assert_eq!(
        d("2015-09-17Z").facet_cmp(&d("2015-09-17+02:00")),
        Some(Greater)
    );
    assert!(min_exclusive(&d("2000-02-29"), "2000-02-28").is_ok());
    let t = |s: &str| Time::new(s).unwrap();
    assert_eq!(t("08:00:00").facet_cmp(&t("17:00:00")), Some(Less));
    assert_eq!(t("08:00:00Z").facet_cmp(&t("09:00:00+01:00")), Some(Equal));
    assert!(max_exclusive(&t("17:00:00"), "17:00:00").is_err());
}

#[test]
fn durations_compare_where_the_order_is_defined() {
    let p = |s: &str| Duration::new(s).unwrap();
    for (a, b, order) in [
        ("P1Y", "P12M", Some(Equal)),
        ("P1Y", "P365D", None),
        ("P1Y", "P364D", Some(Greater)),
        ("P1Y", "P367D", Some(Less)),
        ("P1M", "P30D", None),
        ("P1M", "P27D", Some(Greater)),
        ("P1M", "P32D", Some(Less)),
        ("PT36H", "P1DT12H", Some(Equal)),
        ("PT1.5S", "PT1.25S", Some(Greater)),
        ("-PT1.5S", "-PT1.25S", Some(Less)),
        ("-PT1.5S", "PT0S", Some(Less)),
        ("-PT0.5S", "-PT1S", Some(Greater)),
        ("-P1D", "P0D", Some(Less)),
    ] {
        assert_eq!(p(a).facet_cmp(&p(b)), order, "{a} vs {b}");
        assert_eq!(
            p(b).facet_cmp(&p(a)),
            order.map(|o| o.reverse()),
            "{b} vs {a}"
        );
    }
    assert!(max_inclusive(&p("PT30M"), "PT1H").is_ok());
    assert!(max_inclusive(&p("P1M"), "P30D").is_err());
}

#[test]
fn huge_values_are_unordered_not_a_panic() {
    let big = "9".repeat(60);
    let d = Duration::new(&format!("P{big}Y")).unwrap();
    assert_eq!(d.facet_cmp(&Duration::new("P1Y").unwrap()), None);
    let year = "9".repeat(30);
    let t = DateTime::new(&format!("{year}-01-01T00:00:00Z")).unwrap();
    assert_eq!(t.facet_cmp(&dt("2015-01-01T00:00:00Z")), None);
    let d = Duration::new(&format!("P{}Y", "9".repeat(37))).unwrap();
    assert_eq!(d.facet_cmp(&Duration::new("P1Y").unwrap()), None);
}

#[test]
fn numbers_and_nan() {
    assert!(min_inclusive(&5i32, "5").is_ok());
    assert!(max_exclusive(&f64::NAN, "1").is_err());
    assert!(max_exclusive(&0.5f64, "INF").is_ok());
    assert!(min_exclusive(&0u8, "0").is_err());
}

#[test]
fn white_space() {
    assert_eq!(replace("a\tb\r\nc".to_owned()), "a b  c");
    assert_eq!(collapse("  a \t\n b  ".to_owned()), "a b");
    assert_eq!(collapse("a b".to_owned()), "a b");
}
