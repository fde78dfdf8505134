//! Text and attribute value decoding.

use std::borrow::Cow;

use crate::xml::lexer::{LexErrorKind, decode_attr, decode_text, normalize_newlines};

fn owned(cow: Cow<'_, str>) -> Option<String> {
    match cow {
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => Some(s),
    }
}

#[test]
fn text_without_references_or_cr_is_borrowed() {
    for raw in ["", "plain", "tab\tand\nlf", "> ' \" ]]", "ünïcødé €"] {
        assert!(matches!(decode_text(raw), Ok(Cow::Borrowed(s)) if s == raw));
    }
}

#[test]
fn predefined_entities_and_character_references() {
    let decoded = decode_text("&lt;a&gt; &amp;&apos;&quot; &#65;&#x42;&#x00063; &#x1F600;&#233;")
        .map(owned)
        .unwrap();
    assert_eq!(decoded.as_deref(), Some("<a> &'\" ABc 😀é"));
    // References produce characters that are not re-read as markup.
    assert_eq!(decode_text("&amp;lt;").unwrap(), "&lt;");
    // Character references to whitespace survive as written.
    assert_eq!(decode_text("&#13;&#xA;&#9;").unwrap(), "\r\n\t");
}

#[test]
fn line_ends_are_normalized() {
    assert_eq!(
        decode_text("a\r\nb\rc\n\rd\r\r\n").unwrap(),
        "a\nb\nc\n\nd\n\n"
    );
    assert_eq!(decode_text("\r").unwrap(), "\n");
    assert_eq!(decode_text("x&amp;\r\n").unwrap(), "x&\n");
}

#[test]
fn invalid_references_are_errors_at_their_offset() {
    let cases = [
        ("&#0;", LexErrorKind::InvalidCharRef, 0),
        ("ab&#xD800;", LexErrorKind::InvalidCharRef, 2),
        ("&#x1;", LexErrorKind::InvalidCharRef, 0),
        ("&#xFFFF;", LexErrorKind::InvalidCharRef, 0),
        ("x &foo;", LexErrorKind::UndefinedEntity, 2),
        ("&", LexErrorKind::InvalidReference, 0),
        ("a & b", LexErrorKind::InvalidReference, 2),
        ("&amp", LexErrorKind::InvalidReference, 0),
        ("&#;", LexErrorKind::InvalidReference, 0),
        ("&#x;", LexErrorKind::InvalidReference, 0),
        ("&#-1;", LexErrorKind::InvalidReference, 0),
        ("ok\r\n&#x110000;", LexErrorKind::InvalidCharRef, 4),
    ];
    for (raw, kind, pos) in cases {
        assert_eq!(decode_text(raw), Err(kind.at(pos)), "{raw:?}");
        assert_eq!(decode_attr(raw), Err(kind.at(pos)), "{raw:?}");
    }
}

#[test]
fn attribute_values_normalize_whitespace() {
    for raw in ["", "plain", "urn:a b", "ünïcødé > ' \""] {
        assert!(matches!(decode_attr(raw), Ok(Cow::Borrowed(s)) if s == raw));
    }
    assert_eq!(decode_attr("a\tb\nc\rd\r\ne").unwrap(), "a b c d e");
    // Written as references, whitespace is kept.
    assert_eq!(
        decode_attr("&#9;&#10;&#13;&#xD;&#xA;").unwrap(),
        "\t\n\r\r\n"
    );
    assert_eq!(
        decode_attr("&quot;x&quot; &lt; &amp;").unwrap(),
        "\"x\" < &"
    );
    assert_eq!(
        decode_attr("a<b"),
        Err(LexErrorKind::LtInAttributeValue.at(1))
    );
    assert_eq!(
        decode_attr("&nbsp;"),
        Err(LexErrorKind::UndefinedEntity.at(0))
    );
}

#[test]
fn cdata_newlines() {
    assert!(matches!(
        normalize_newlines("a\nb&amp;<"),
        Cow::Borrowed("a\nb&amp;<")
    ));
    assert_eq!(normalize_newlines("a\r\nb\rc\r"), "a\nb\nc\n");
    assert_eq!(normalize_newlines("\r\r\n\n"), "\n\n\n");
}
