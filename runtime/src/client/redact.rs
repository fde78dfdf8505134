//! Keeping secrets out of error messages and logs.
//!
//! A misbehaving proxy may echo the request's headers into its error page,
//! so everything kept of an answer has the secrets of the current attempt
//! (the password, the Basic header value, the bearer token) replaced
//! before it is kept. Bodies written to the log also have the text of
//! elements that hold secrets by their name (a PIN, a password, a token)
//! replaced.

use std::fmt;

use base64::Engine as _;

use crate::auth::Secret;

const MASK: &str = "***";

/// Very short secrets would blank out ordinary words; they are too weak to
/// be worth hiding from an error page anyway. Also the shortest piece of a
/// cut secret that is masked.
const MIN_SECRET_LEN: usize = 4;

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

    /// `text` with every secret replaced.
    pub(crate) fn apply(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in self.secrets() {
            if out.contains(secret) {
                out = out.replace(secret, MASK);
            }
        }
        out
    }

    /// [`Self::apply`] for a piece cut out of a longer text: a secret cut
    /// in two at either end is masked as well, from its fourth character.
    pub(crate) fn apply_to_piece(&self, piece: &str) -> String {
        let mut out = self.apply(piece);
        for secret in self.secrets() {
            if let Some(cut) = trailing_cut(&out, secret) {
                out.truncate(cut);
                out.push_str(MASK);
            }
            if let Some(cut) = leading_cut(&out, secret) {
                out.replace_range(..cut, MASK);
            }
        }
        out
    }

    fn secrets(&self) -> impl Iterator<Item = &str> {
        self.secrets
            .iter()
            .map(Secret::expose_secret)
            .filter(|s| s.len() >= MIN_SECRET_LEN)
    }
}

/// Where `text` ends with the start of `secret`, if it does.
fn trailing_cut(text: &str, secret: &str) -> Option<usize> {
    (MIN_SECRET_LEN..secret.len())
        .rev()
        .filter_map(|n| secret.get(..n))
        .find(|head| text.ends_with(head))
        .map(|head| text.len() - head.len())
}

/// Where `text`'s first part, which is the end of `secret`, ends.
fn leading_cut(text: &str, secret: &str) -> Option<usize> {
    (MIN_SECRET_LEN..secret.len())
        .rev()
        .filter_map(|n| secret.get(secret.len() - n..))
        .find(|tail| text.starts_with(tail))
        .map(str::len)
}

/// `xml` with the text of every element whose local name says it holds a
/// secret replaced by `***`, for logging a message body.
pub(crate) fn redact_secret_elements(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let Some(tag_len) = start_tag_len(&rest[open..]) else {
            out.push_str(rest);
            return out;
        };
        let tag_end = open + tag_len;
        out.push_str(&rest[..tag_end]);
        let tag = &rest[open..tag_end];
        rest = &rest[tag_end..];
        if !tag.ends_with("/>") && holds_secret(tag_name(tag)) {
            let text_len = rest.find('<').unwrap_or(rest.len());
            if !rest[..text_len].trim().is_empty() {
                out.push_str(MASK);
            }
            rest = &rest[text_len..];
        }
    }
    out.push_str(rest);
    out
}

/// The length of the markup at the start of `s` up to its `>`, skipping
/// `>` inside quoted attribute values.
fn start_tag_len(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The local name of the element a start tag opens; `""` for end tags,
/// comments and other markup.
fn tag_name(tag: &str) -> &str {
    let name = tag
        .strip_prefix('<')
        .filter(|t| !t.starts_with(['/', '!', '?']))
        .unwrap_or_default();
    let end = name
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(name.len());
    let qname = &name[..end];
    qname.rsplit(':').next().unwrap_or(qname)
}

fn holds_secret(local_name: &str) -> bool {
    let name = local_name.to_ascii_lowercase();
    name.ends_with("pin")
        || ["password", "passcode", "token", "secret", "credential"]
            .iter()
            .any(|word| name.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor() -> Redactor {
        let mut r = Redactor::default();
        r.basic("alice", &Secret::new("hunter22"));
        r
    }

    #[test]
    fn secrets_and_their_cut_ends_are_masked() {
        let r = redactor();
        assert_eq!(r.apply("pw=hunter22."), "pw=***.");
        assert_eq!(
            r.apply_to_piece("the password is hunt"),
            "the password is ***"
        );
        assert_eq!(r.apply_to_piece("ter22 was it"), "*** was it");
        assert_eq!(r.apply_to_piece("hun"), "hun", "too short to tell");
        // base64("alice:hunter22"), cut.
        assert_eq!(r.apply_to_piece("Basic YWxpY2U6aH"), "Basic ***");
    }

    #[test]
    fn secret_elements_are_masked_in_logged_bodies() {
        let xml = r#"<s:Envelope xmlns:s="x"><s:Body><m:SetPin a=">"><m:NewPIN>123456</m:NewPIN><m:Password>pw</m:Password><m:Token/><m:dialString>555</m:dialString></m:SetPin></s:Body></s:Envelope>"#;
        assert_eq!(
            redact_secret_elements(xml),
            r#"<s:Envelope xmlns:s="x"><s:Body><m:SetPin a=">"><m:NewPIN>***</m:NewPIN><m:Password>***</m:Password><m:Token/><m:dialString>555</m:dialString></m:SetPin></s:Body></s:Envelope>"#
        );
        assert_eq!(redact_secret_elements("<a>x"), "<a>x");
        assert_eq!(redact_secret_elements("text < more"), "text < more");
    }
}
