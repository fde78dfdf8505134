//! Facets of the generated newtypes: checked by `new` and on read, with
//! errors that name the facet.

use std::path::Path;

use xsdgen_runtime::xml::{ReadErrorKind, XmlElement, from_xml};

use super::{digits, pattern, restriction, whitespace};

#[test]
fn restricted_newtypes_check_their_facets() {
    use restriction::{Code, Percent, Pin, Ratio, ShortPin};
    assert!(Pin::new("123".into()).is_err());
    assert!(Pin::new("1234".into()).is_ok());
    assert!(
        ShortPin::new("1234567".into()).is_err(),
        "the derived maxLength applies"
    );
    assert!(
        ShortPin::new("123".into()).is_err(),
        "the base's minLength applies too"
    );
    assert!(Percent::new(101).is_err());
    assert_eq!(Percent::new(100).map(Percent::into_inner), Ok(100));
    assert!(Ratio::new(0.0).is_err());
    assert!(Ratio::new(0.5).is_ok());
    assert!(Code::new(xsdgen_runtime::xml::HexBinary(vec![1, 2, 3])).is_err());
    assert!(Pin::new("12345a".into()).is_err(), "the pattern applies");
    let xml = r#"<Settings xmlns="urn:xsdgen:test:restriction"><Pin>12</Pin><Volume>1</Volume><Balance>0.5</Balance><Price>1</Price><Code>BEEF</Code><Count>1</Count></Settings>"#;
    let err = from_xml::<restriction::Settings>(xml).unwrap_err();
    assert!(
        matches!(err.kind, ReadErrorKind::InvalidValue { .. }),
        "{err}"
    );
}

/// The value and reason of an invalid-value read error.
fn invalid_value<T: XmlElement + std::fmt::Debug>(xml: &str) -> (String, String) {
    match &from_xml::<T>(xml).unwrap_err().kind {
        ReadErrorKind::InvalidValue { value, reason } => (value.clone(), reason.clone()),
        other => panic!("{other:?}"),
    }
}

/// The pattern case's example with one element's text replaced.
fn catalog_with(element: &str, text: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/cases/pattern/example.xml");
    let xml = std::fs::read_to_string(path).unwrap();
    let start = xml.find(&format!("<{element}>")).unwrap() + element.len() + 2;
    let end = xml[start..].find('<').unwrap() + start;
    format!("{}{text}{}", &xml[..start], &xml[end..])
}

#[test]
fn patterns_are_checked_by_new_and_on_read() {
    use pattern::{Amount, Ascii, Catalog, Consonants, Dollars, Isbn, ShortCode, XmlName, Zip};
    use xsdgen_runtime::xml::{Decimal, parse_value};
    assert!(Isbn::new("978-0306406157".into()).is_ok());
    assert!(
        Isbn::new("9780306406157".into()).is_ok(),
        "alternatives of one step"
    );
    let e = Isbn::new("978-030640615".into()).unwrap_err();
    assert_eq!(
        e.reason,
        r"expected a match for one of the patterns '\d{3}-\d{10}', '\d{13}'"
    );
    assert!(ShortCode::new("AB12".into()).is_ok());
    assert!(ShortCode::new("AB1".into()).is_err(), "the derived pattern");
    assert_eq!(
        ShortCode::new("ab12".into()).unwrap_err().reason,
        "expected a match for the pattern '[A-Z0-9]+'",
        "the base's pattern too"
    );
    assert!(Consonants::new("bcd".into()).is_ok());
    assert!(Consonants::new("bad".into()).is_err());
    assert!(Dollars::new("$1^".into()).is_ok());
    assert!(
        Dollars::new("1".into()).is_err(),
        "'$' and '^' are characters"
    );
    assert_eq!(
        XmlName::new("  p:x-1 ".into()).map(XmlName::into_inner),
        Ok("p:x-1".to_owned()),
        "collapsed before matching"
    );
    assert!(XmlName::new("1x".into()).is_err());
    assert!(Ascii::new("é".into()).is_err());
    assert!(Amount::new(Decimal::new("1.50").unwrap()).is_ok());
    assert!(
        Amount::new(Decimal::new("1.5").unwrap()).is_err(),
        "the lexical form"
    );
    // Numbers are matched as written, which `new` cannot see.
    assert!(parse_value::<Zip>("01234").is_ok());
    assert!(parse_value::<Zip>(" 01234 ").is_ok());
    assert!(parse_value::<Zip>("1234").is_err());
    assert!(Zip::new(1234).is_ok());

    let (value, reason) = invalid_value::<Catalog>(&catalog_with("Shelf", "B12"));
    assert_eq!(value, "B12");
    assert_eq!(reason, "expected a match for the pattern '.{4}'");
    let (value, reason) = invalid_value::<Catalog>(&catalog_with("Zip", "1234"));
    assert_eq!(
        (value.as_str(), reason.as_str()),
        ("1234", "expected a match for the pattern '[0-9]{5}'")
    );
    let xml = catalog_with("Shelf", "B12C").replace(r#"code="A1""#, r#"code="a1""#);
    let (value, reason) = invalid_value::<Catalog>(&xml);
    assert_eq!(value, "a1", "attributes are checked too");
    assert_eq!(
        reason,
        "in attribute code: expected a match for the pattern '[A-Z0-9]+'"
    );
    let (_, reason) = invalid_value::<Catalog>(&catalog_with("Codes", "A B C D"));
    assert_eq!(reason, "expected at most 3 items (maxLength), found 4");
    let (_, reason) = invalid_value::<Catalog>(&catalog_with("Codes", "1A B"));
    assert_eq!(
        reason,
        r"expected a match for the pattern '[A-Z]\S*( \S+)*'"
    );
    let (_, reason) = invalid_value::<Catalog>(&catalog_with("Key", "0aff"));
    assert_eq!(reason, "expected a match for the pattern '[0-9A-F]*'");
    let catalog: Catalog = from_xml(&catalog_with("Tag", "\n  name\t")).unwrap();
    assert_eq!(catalog.tag.get(), "name");
}

#[test]
fn digits_and_ranges_are_checked_by_new_and_on_read() {
    use digits::{Day, OfficeHour, Order, Price, Quantity, Rate, Start, Timeout};
    use xsdgen_runtime::xml::{Date, DateTime, Decimal, Duration, Time};
    let dec = |s: &str| Decimal::new(s).unwrap();
    assert!(Price::new(dec("999999.99")).is_ok());
    assert!(
        Price::new(dec("0012.3000")).is_ok(),
        "zeros that do not count"
    );
    assert_eq!(
        Price::new(dec("10000000.10")).unwrap_err().reason,
        "expected at most 8 digits in total (totalDigits)"
    );
    assert_eq!(
        Price::new(dec("1.001")).unwrap_err().reason,
        "expected at most 2 fraction digits (fractionDigits)"
    );
    assert_eq!(
        Price::new(dec("-0.01")).unwrap_err().reason,
        "expected at least 0 (minInclusive)"
    );
    assert!(Quantity::new(9999).is_ok());
    assert!(Quantity::new(-10000).is_err());
    assert!(
        Rate::new(dec("100.00499999999999999999999")).is_ok(),
        "exact, not f64"
    );
    assert!(Rate::new(dec("100.005")).is_err());
    assert!(Rate::new(dec("-1.50")).is_ok());
    assert!(Start::new(DateTime::new("2000-01-01T01:00:00+01:00").unwrap()).is_ok());
    assert!(Start::new(DateTime::new("1999-12-31T23:59:59Z").unwrap()).is_err());
    assert!(
        Start::new(DateTime::new("2000-01-01T10:00:00").unwrap()).is_err(),
        "no time zone: within 14 hours of the bound is not ordered"
    );
    assert!(Start::new(DateTime::new("2000-01-02T00:00:00").unwrap()).is_ok());
    assert!(Day::new(Date::new("2100-01-01").unwrap()).is_err());
    assert!(OfficeHour::new(Time::new("07:59:59").unwrap()).is_err());
    assert!(Timeout::new(Duration::new("PT0S").unwrap()).is_err());
    assert!(Timeout::new(Duration::new("PT24H").unwrap()).is_ok());
    assert!(
        Timeout::new(Duration::new("P1M").unwrap()).is_err(),
        "P1M > P1D"
    );

    let xml = r#"<Order xmlns="urn:xsdgen:test:digits"><Price>1.234</Price><Quantity>1</Quantity><Rate>0</Rate><Start>2001-01-01T00:00:00Z</Start><Day>2001-01-01</Day><Hour>09:00:00</Hour><Timeout>PT1M</Timeout></Order>"#;
    let (value, reason) = invalid_value::<Order>(xml);
    assert_eq!(value, "1.234");
    assert_eq!(
        reason,
        "expected at most 2 fraction digits (fractionDigits)"
    );
    let xml = xml.replace("1.234", "1.23").replace("PT1M", "P2D");
    let (value, reason) = invalid_value::<Order>(&xml);
    assert_eq!(
        (value.as_str(), reason.as_str()),
        ("P2D", "expected at most P1D (maxInclusive)")
    );
    let xml = xml
        .replace("P2D", "P1D")
        .replace("<Order ", r#"<Order discount="100.01" "#);
    let (value, reason) = invalid_value::<Order>(&xml);
    assert_eq!(
        (value.as_str(), reason.as_str()),
        (
            "100.01",
            "in attribute discount: expected less than 100.005 (maxExclusive)"
        )
    );
}

#[test]
fn white_space_is_normalized_before_the_facets() {
    use whitespace::{Entry, Keyword, Line, Title, Verbatim, Words};
    assert_eq!(
        Words::new("  quick \n brown\tfox ".into()).map(Words::into_inner),
        Ok("quick brown fox".to_owned())
    );
    assert!(
        Words::new("a  b c d e f g h".into()).is_ok(),
        "15 characters once collapsed"
    );
    assert!(Words::new("quick brown foxes".into()).is_err());
    assert_eq!(
        Line::new("a\tb\r\n".into()).map(Line::into_inner),
        Ok("a b  ".to_owned())
    );
    assert_eq!(
        Keyword::new(" \n delta\t".into()).map(Keyword::into_inner),
        Ok("delta".to_owned()),
        "token collapses"
    );
    assert!(Keyword::new("  epsilon1  ".into()).is_ok());
    assert_eq!(
        Title::new("a\nb".into()).map(Title::into_inner),
        Ok("a b".to_owned()),
        "normalizedString replaces"
    );
    assert!(Verbatim::new(" as is ".into()).is_err(), "string preserves");
    let xml = r#"<Entry xmlns="urn:xsdgen:test:whitespace" key=" k "><Words>a
        b</Words><Line>x	y</Line><Keyword> k </Keyword><Title>t</Title><Verbatim>v</Verbatim></Entry>"#;
    let entry: Entry = from_xml(xml).unwrap();
    assert_eq!(entry.words.get(), "a b");
    assert_eq!(entry.line.get(), "x y");
    assert_eq!(entry.keyword[0].get(), "k");
    assert_eq!(entry.key.get(), "k", "attributes too");
    let xml = xml.replace("<Words>a", "<Words>A");
    let (value, reason) = invalid_value::<Entry>(&xml);
    assert!(value.starts_with("A\n"), "{value:?}");
    assert_eq!(
        reason,
        "expected a match for the pattern '[a-z]+( [a-z]+)*'"
    );
}
