//! Escaping for text and attribute values, with the check that the value
//! can be written as XML 1.0 at all.

/// Why a string cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidChar(pub char);

/// Characters that XML 1.0 cannot carry even as a character reference.
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Appends `s` escaped for element content. `\r` becomes `&#xD;` so that it
/// survives the reader's end-of-line normalization.
pub fn escape_text(out: &mut String, s: &str) -> Result<(), InvalidChar> {
    escape_with(out, s, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '\r' => Some("&#xD;"),
        _ => None,
    })
}

/// Appends `s` escaped for a double-quoted attribute value; whitespace other
/// than space is written as a character reference because attribute value
/// normalization would otherwise turn it into spaces.
pub fn escape_attr(out: &mut String, s: &str) -> Result<(), InvalidChar> {
    escape_with(out, s, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '"' => Some("&quot;"),
        '\t' => Some("&#x9;"),
        '\n' => Some("&#xA;"),
        '\r' => Some("&#xD;"),
        _ => None,
    })
}

fn escape_with(
    out: &mut String,
    s: &str,
    replacement: impl Fn(char) -> Option<&'static str>,
) -> Result<(), InvalidChar> {
    // Copy unescaped runs in one go: most values need no escaping at all.
    let mut run_start = 0;
    for (i, c) in s.char_indices() {
        if is_forbidden(c) {
            return Err(InvalidChar(c));
        }
        if let Some(rep) = replacement(c) {
            out.push_str(&s[run_start..i]);
            out.push_str(rep);
            run_start = i + c.len_utf8();
        }
    }
    out.push_str(&s[run_start..]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_the_rest() {
        let mut out = String::new();
        escape_text(&mut out, "a<b & c>d\r\n\"é\"").unwrap();
        assert_eq!(out, "a&lt;b &amp; c&gt;d&#xD;\n\"é\"");
        let mut out = String::new();
        escape_attr(&mut out, "say \"hi\"\t<&>").unwrap();
        assert_eq!(out, "say &quot;hi&quot;&#x9;&lt;&amp;>");
    }

    #[test]
    fn refuses_characters_xml_cannot_carry() {
        let mut out = String::new();
        assert_eq!(escape_text(&mut out, "ok\u{1}"), Err(InvalidChar('\u{1}')));
    }
}
