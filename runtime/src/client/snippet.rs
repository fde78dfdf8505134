//! Short, secret-free excerpts of response bodies for error messages.

use super::redact::{Redactor, redact_secret_elements};

/// The most characters an excerpt keeps.
const SNIPPET_CHARS: usize = 200;

/// How much of a body is looked at for a snippet: an error page says what
/// went wrong near its start, and a large body must not cost time.
const WINDOW_BYTES: usize = 16 * 1024;

/// The first ~200 characters of a body's text: tags stripped, the content
/// of `script`/`style` dropped, whitespace collapsed, a few entities
/// decoded, the request's secrets and the text of elements named for a
/// secret (a PIN, a password) removed. Never cuts a character in two,
/// whatever the body's encoding.
pub(crate) fn body_snippet(body: &[u8], redactor: &Redactor) -> String {
    let window = String::from_utf8_lossy(utf8_prefix(body, WINDOW_BYTES));
    let text = strip_tags(&redact_secret_elements(&window), SNIPPET_CHARS * 2);
    let decoded = decode_entities(&text);
    let collapsed = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    truncate(&redactor.apply_to_piece(&collapsed), SNIPPET_CHARS)
}

/// About 200 characters of line `line` around `column` (both from 1), for
/// decode errors.
pub(crate) fn excerpt(body: &[u8], line: u32, column: u32, redactor: &Redactor) -> String {
    let text = String::from_utf8_lossy(body);
    let index = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
    let Some(line) = text.lines().nth(index) else {
        return String::new();
    };
    let column = usize::try_from(column).unwrap_or(0).saturating_sub(1);
    let from = column.saturating_sub(SNIPPET_CHARS / 2);
    let piece: String = line.chars().skip(from).take(SNIPPET_CHARS).collect();
    redactor.apply_to_piece(&redact_secret_elements(&piece))
}

/// The first `max` bytes of `body` or fewer, ending on a UTF-8 character
/// boundary when the body is UTF-8.
fn utf8_prefix(body: &[u8], max: usize) -> &[u8] {
    let mut end = body.len().min(max);
    // Continuation bytes are 10xxxxxx; back off to the character's start.
    while end > 0 && end < body.len() && body[end] & 0xC0 == 0x80 {
        end -= 1;
    }
    &body[..end]
}

/// The text outside tags, up to about `max_chars` characters.
fn strip_tags(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let mut rest = text;
    while !rest.is_empty() && chars < max_chars {
        match rest.find('<') {
            Some(0) => {
                let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
                let skip_to = if lower.starts_with("<script") {
                    find_ci(rest, "</script>")
                } else if lower.starts_with("<style") {
                    find_ci(rest, "</style>")
                } else {
                    None
                };
                let end = match skip_to {
                    Some(i) => rest[i..].find('>').map(|j| i + j),
                    None => rest.find('>'),
                };
                out.push(' ');
                chars += 1;
                rest = end.map_or("", |e| &rest[e + 1..]);
            }
            Some(i) => {
                let piece = &rest[..i];
                out.push_str(piece);
                chars += piece.chars().count();
                rest = &rest[i..];
            }
            None => {
                out.push_str(rest);
                rest = "";
            }
        }
    }
    out
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(needle)
}

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn truncate(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Secret;

    #[test]
    fn strips_html_and_secrets() {
        let mut r = Redactor::default();
        r.basic("alice", &Secret::new("hunter22"));
        let page = b"<!DOCTYPE html><html><head><title>Server Error</title>\
            <style>body { color: red }</style><script>var x = '<b>';</script></head>\
            <body><h1>500 &amp; more</h1><p>Authorization: hunter22</p>\
            <NewPin>123456</NewPin></body></html>";
        assert_eq!(
            body_snippet(page, &r),
            "Server Error 500 & more Authorization: *** ***"
        );
    }

    #[test]
    fn long_bodies_are_cut() {
        let body = "x".repeat(1000);
        let s = body_snippet(body.as_bytes(), &Redactor::default());
        assert_eq!(s.chars().count(), SNIPPET_CHARS + 1);
    }

    #[test]
    fn characters_are_never_cut_in_two() {
        // 'é' is two bytes: the window ends inside one of them.
        let body = "é".repeat(WINDOW_BYTES);
        let cut = utf8_prefix(body.as_bytes(), WINDOW_BYTES - 1);
        assert!(std::str::from_utf8(cut).is_ok());
        let s = body_snippet(body.as_bytes(), &Redactor::default());
        assert!(!s.contains('\u{FFFD}'), "{s}");
        // Invalid UTF-8 is shown, not a reason to fail.
        let s = body_snippet(b"bad \xFF\xFE bytes", &Redactor::default());
        assert_eq!(s, "bad \u{FFFD}\u{FFFD} bytes");
    }

    #[test]
    fn a_secret_cut_by_the_window_is_masked() {
        let mut r = Redactor::default();
        r.basic("alice", &Secret::new("correct-horse-battery"));
        let mut body = " ".repeat(WINDOW_BYTES - 10).into_bytes();
        body.extend_from_slice(b"pw correct-horse-battery");
        assert_eq!(body_snippet(&body, &r), "pw ***");
    }
}
