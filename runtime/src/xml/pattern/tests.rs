use super::*;

fn matches(pattern: &str, value: &str) -> bool {
    let re = compile(&[pattern]).unwrap_or_else(|e| panic!("{e}"));
    re.is_match(value)
}

fn rejects(pattern: &str) -> PatternError {
    match validate(&[pattern]) {
        Err(e) => e,
        Ok(()) => panic!("{pattern:?} was accepted"),
    }
}

#[test]
fn the_whole_value_must_match() {
    assert!(matches("[0-9]+", "123"));
    assert!(!matches("[0-9]+", "a123"));
    assert!(!matches("[0-9]+", "123a"));
    assert!(!matches("a|b", "ab"));
    assert!(matches("a|b", "b"));
    assert!(matches("", ""));
    assert!(!matches("", "x"));
}

#[test]
fn anchors_are_ordinary_characters() {
    assert!(matches("^a$", "^a$"));
    assert!(!matches("^a$", "a"));
    assert!(matches("[$^]+", "$^$"));
    assert!(matches("a^b", "a^b"));
}

#[test]
fn characters_special_to_regex_only_are_literal() {
    for (pattern, value) in [
        ("#", "#"),
        ("a&&b", "a&&b"),
        ("[a&&b]+", "a&b"),
        ("[a~~b]+", "~ab"),
        (r"[a\-\-b]", "-"),
        (" x ", " x "),
        ("(?i)", "i"),
    ] {
        let result = validate(&[pattern]);
        if pattern == "(?i)" {
            assert!(result.is_err(), "{pattern}");
            continue;
        }
        assert!(matches(pattern, value), "{pattern} on {value}");
    }
    assert!(!matches("[a&&b]+", "x"));
}

#[test]
fn class_subtraction() {
    assert!(matches("[a-z-[aeiou]]+", "bcd"));
    assert!(!matches("[a-z-[aeiou]]+", "bad"));
    assert!(matches("[a-z-[aeiou-[e]]]", "e"));
    assert!(!matches("[a-z-[aeiou-[e]]]", "a"));
    assert!(matches("[^a-z-[0-9]]", "A"));
    assert!(!matches("[^a-z-[0-9]]", "5"));
    assert!(!matches("[^a-z-[0-9]]", "q"));
    assert!(matches(r"[\p{L}-[\p{Lu}]]+", "abcé"));
    assert!(!matches(r"[\p{L}-[\p{Lu}]]+", "aB"));
}

#[test]
fn dashes_in_classes() {
    assert!(matches("[-+]?[0-9]+", "-1"));
    assert!(matches("[+-]?[0-9]+", "+1"));
    assert!(matches("[a-]", "-"));
    assert!(matches(r"[a\-z]", "-"));
    assert!(!matches(r"[a\-z]", "b"));
    assert!(matches("[^-]", "a"));
    assert!(!matches("[^-]", "-"));
    assert!(matches("[!--]", ","), "a range ending in '-'");
    rejects("[a-c-e]");
}

#[test]
fn multi_character_escapes() {
    assert!(matches(r"\d+", "0123٣"), "\\d is any decimal digit");
    assert!(!matches(r"\d", "a"));
    assert!(matches(r"\D", "a"));
    assert!(matches(r"\s*", " \t\r\n"));
    assert!(!matches(r"\s", "\u{A0}"), "only the four XML spaces");
    assert!(matches(r"\S", "\u{A0}"));
    assert!(matches(r"\w+", "aZ9é"));
    assert!(!matches(r"\w", "_"), "'_' is punctuation in Unicode");
    assert!(!matches(r"\w", " "));
    assert!(!matches(r"\w", "."));
    assert!(matches(r"\W", "-"));
    assert!(matches(r"\i\c*", "xs:element-name.2"));
    assert!(matches(r"\i\c*", "_x"));
    assert!(!matches(r"\i\c*", "2x"));
    assert!(!matches(r"\i\c*", "-x"));
    assert!(matches(r"\I", "-"));
    assert!(matches(r"\C", " "));
    assert!(!matches(r"\C", "a"));
    assert!(matches(r"[\d\s]+", "1 2"));
    assert!(matches(r"[^\d]", "a"));
    assert!(!matches(r"[^\d]", "1"));
}

#[test]
fn the_dot_is_any_character_but_line_ends() {
    assert!(matches(".", "é"));
    assert!(matches(".", "\t"));
    assert!(!matches(".", "\n"));
    assert!(!matches(".", "\r"));
}

#[test]
fn single_character_escapes() {
    for (pattern, value) in [
        (r"\n", "\n"),
        (r"\r", "\r"),
        (r"\t", "\t"),
        (r"\\", "\\"),
        (r"\|", "|"),
        (r"\.", "."),
        (r"\?", "?"),
        (r"\*", "*"),
        (r"\+", "+"),
        (r"\(\)", "()"),
        (r"\{\}", "{}"),
        (r"\[\]", "[]"),
        (r"\^", "^"),
        (r"\-", "-"),
        (r"[\[\]\\]+", "[]\\"),
    ] {
        assert!(matches(pattern, value), "{pattern}");
    }
}

#[test]
fn categories_and_blocks() {
    assert!(matches(r"\p{Lu}\p{Ll}+", "Hello"));
    assert!(!matches(r"\p{Lu}", "h"));
    assert!(matches(r"\P{Lu}", "h"));
    assert!(matches(r"\p{L}+", "Ωmega"));
    assert!(matches(r"\p{N}", "½"));
    assert!(matches(r"\p{IsBasicLatin}+", "abc~"));
    assert!(!matches(r"\p{IsBasicLatin}", "é"));
    assert!(matches(r"\P{IsBasicLatin}", "é"));
    assert!(matches(r"\p{IsLatin-1Supplement}", "é"));
    assert!(matches(r"\p{IsGreek}+", "αβγ"));
    assert!(matches(r"[\p{IsBasicLatin}-[a-z]]", "A"));
    assert!(!matches(r"[\p{IsBasicLatin}-[a-z]]", "a"));
    assert!(matches(r"\p{IsPrivateUse}", "\u{E000}"));
    assert!(matches(r"\p{IsPrivateUse}", "\u{100000}"));
    assert!(!matches(r"\p{IsHighSurrogates}", "a"));
    assert!(matches(r"\P{IsLowSurrogates}", "a"));
    assert!(matches(r"[\p{IsHighSurrogates}a]", "a"));
}

#[test]
fn quantifiers() {
    assert!(matches("a{3}", "aaa"));
    assert!(!matches("a{3}", "aa"));
    assert!(matches("a{2,}", "aaaa"));
    assert!(matches("a{0,2}", ""));
    assert!(!matches("a{0,2}", "aaa"));
    assert!(matches("(ab)?c*d+", "abddd"));
    assert!(matches("x{0}", ""));
}

#[test]
fn the_patterns_of_exchange_web_services() {
    // Every pattern of the EWS 2016 types.xsd and messages.xsd.
    for (pattern, good, bad) in [
        ("[a-zA-Z0-9]+_[a-zA-Z0-9]+", "abc_123", "abc-123"),
        (
            r"[0-9]{1,4}\.[0-9]{1,4}(\.[0-9]{1,4}(\.[0-9]{1,4})?)?",
            "15.0.1178.4",
            "15",
        ),
        (
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
            "0123abcd-0000-1111-2222-0123456789AB",
            "{0123abcd-0000-1111-2222-0123456789AB}",
        ),
        ("(0x|0X)[0-9A-Fa-f]{1,4}", "0x1F", "0x12345"),
        ("((0x|0X)[0-9A-Fa-f]*)|([0-9]*)", "0X", "12a"),
    ] {
        assert!(matches(pattern, good), "{pattern} on {good}");
        assert!(!matches(pattern, bad), "{pattern} on {bad}");
    }
}

#[test]
fn invalid_patterns_are_errors() {
    for (pattern, offset) in [
        ("(", 1),
        ("a)", 1),
        ("[a", 2),
        ("[]", 1),
        ("[^]", 2),
        ("*a", 0),
        ("a**", 2),
        ("a*?", 2),
        ("a{", 2),
        ("a{2", 3),
        ("a{3,2}", 6),
        ("a{,2}", 2),
        ("a{99999999999}", 2),
        (r"\", 1),
        (r"\x41", 1),
        (r"\b", 1),
        (r"\1", 1),
        (r"\p{Xx}", 3),
        (r"\p{IsKlingon}", 3),
        (r"\pL", 2),
        (r"\p{L", 4),
        ("[b-a]", 4),
        (r"[a-\d]", 5),
        ("[a[b]]", 2),
        ("[a-z-[b]x]", 8),
        ("a]", 1),
        ("a}", 1),
        ("[a-c-e]", 4),
    ] {
        let e = rejects(pattern);
        assert_eq!(e.offset, offset, "{pattern}: {e}");
        assert_eq!(e.pattern, pattern);
    }
}

#[test]
fn nesting_is_bounded_not_a_stack_overflow() {
    let deep = "(".repeat(10_000) + &")".repeat(10_000);
    assert!(rejects(&deep).message.contains("nested too deeply"));
    let classes = "[a-[".repeat(10_000);
    assert!(validate(&[&classes]).is_err());
}

#[test]
fn arbitrary_input_never_panics() {
    let alphabet: Vec<char> = r"ab()[]{}\-^$|?*+.,0123pPIsdwicC{}éL-".chars().collect();
    let mut seed: u32 = 12345;
    for _ in 0..20_000 {
        let len = (seed % 9) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            s.push(alphabet[(seed >> 8) as usize % alphabet.len()]);
        }
        let _ = validate(&[&s]);
    }
}

#[test]
fn too_large_is_an_error() {
    let e = rejects(r"(\c{1000}){1000}");
    assert!(e.message.contains("too large"), "{e}");
}

#[test]
fn patterns_of_one_step_are_alternatives_and_steps_all_apply() {
    static ONE: Pattern = Pattern::new(&["[0-9]+", "[a-z]+"]);
    assert!(ONE.check("123").is_ok());
    assert!(ONE.check("abc").is_ok());
    let e = ONE.check("a1").unwrap_err();
    assert_eq!(
        e.reason,
        "expected a match for one of the patterns '[0-9]+', '[a-z]+'"
    );
    static STEPS: Pattern = Pattern::all(&[&["[0-9]+", "[a-z]+"], &["...."]]);
    assert!(STEPS.check("1234").is_ok());
    assert_eq!(
        STEPS.check("123").unwrap_err().reason,
        "expected a match for the pattern '....'"
    );
    static BROKEN: Pattern = Pattern::new(&["[a"]);
    let e = BROKEN.check("a").unwrap_err();
    assert!(e.reason.starts_with("invalid pattern '[a'"), "{e}");
    assert!(BROKEN.check("a").is_err(), "the failure is remembered");
}

#[test]
fn translations_read_well() {
    assert_eq!(translate("[a-z-[aeiou]]").unwrap(), "[[a-z]--[aeiou]]");
    assert_eq!(translate("a.b").unwrap(), r"a[^\n\r]b");
    assert_eq!(translate("(a|b){2,3}").unwrap(), "(?:a|b){2,3}");
    assert_eq!(translate("^").unwrap(), r"\x{5E}");
}
