//! Short, secret-free excerpts of response bodies for error messages and
//! logs.
//!
//! A misbehaving proxy may echo the request's headers into its error page,
//! so every excerpt has the secrets of the current attempt (the password,
//! the Basic header value, the bearer token) replaced before it is kept.

use std::fmt;

use base64::Engine as _;

use crate::auth::Secret;

/// The secrets sent with one attempt, to be removed from what is kept of
/// the answer.
#[derive(Default)]
pub(crate) struct Redactor {
    secrets: Vec<Secret>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redactor({} secrets)", self.secrets.len())
    }
}

impl Redactor {
    pub(crate) fn basic(&mut self, user: &str, password: &Secret) {
        let header = base64::engine::general_purpose::STANDARD
            .encode(format!("{user}:{}", password.expose_secret()));
        self.secrets.push(Secret::new(header));
        self.secrets.push(password.clone());
    }

    pub(crate) fn token(&mut self, token: &Secret) {
        self.secrets.push(token.clone());
    }

    pub(crate) fn apply(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.secrets {
            // Very short secrets would blank out ordinary words; they are
            // too weak to be worth hiding from an error page anyway.
            if secret.expose_secret().len() >= 4 {
                out = out.replace(secret.expose_secret(), "***");
            }
        }
        out
    }
}

const SNIPPET_CHARS: usize = 200;

/// The first ~200 characters of a body's text: tags stripped, the content
/// of `script`/`style` dropped, whitespace collapsed, a few entities
/// decoded.
pub(crate) fn body_snippet(body: &[u8], redactor: &Redactor) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out = String::new();
    let mut rest: &str = &text;
    while !rest.is_empty() && out.chars().count() < SNIPPET_CHARS * 2 {
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
                rest = end.map_or("", |e| &rest[e + 1..]);
            }
            Some(i) => {
                out.push_str(&rest[..i]);
                rest = &rest[i..];
            }
            None => {
                out.push_str(rest);
                rest = "";
            }
        }
    }
    let decoded = decode_entities(&out);
    let collapsed = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    truncate(&redactor.apply(&collapsed), SNIPPET_CHARS)
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
    redactor.apply(&piece)
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

    #[test]
    fn strips_html_and_secrets() {
        let mut r = Redactor::default();
        r.basic("alice", &Secret::new("hunter22"));
        let page = b"<!DOCTYPE html><html><head><title>Server Error</title>\
            <style>body { color: red }</style><script>var x = '<b>';</script></head>\
            <body><h1>500 &amp; more</h1><p>Authorization: hunter22</p></body></html>";
        assert_eq!(
            body_snippet(page, &r),
            "Server Error 500 & more Authorization: ***"
        );
    }

    #[test]
    fn long_bodies_are_cut() {
        let body = "x".repeat(1000);
        let s = body_snippet(body.as_bytes(), &Redactor::default());
        assert_eq!(s.chars().count(), SNIPPET_CHARS + 1);
    }
}
