//! The HTTP binding of each version: the media type of a message and where
//! its action travels.
//!
//! - SOAP 1.1 (section 6.1): `Content-Type: text/xml; charset=utf-8` and a
//!   `SOAPAction` header holding the action as a quoted string.
//! - SOAP 1.2 (Part 2, section 7.1.4; RFC 3902):
//!   `Content-Type: application/soap+xml; charset=utf-8; action="..."`,
//!   with no `SOAPAction` header; the `action` parameter is optional and
//!   left out when there is no action.

use super::SoapVersion;

/// The media type of SOAP 1.1 messages.
pub const SOAP11_MEDIA_TYPE: &str = "text/xml";
/// The media type of SOAP 1.2 messages (RFC 3902).
pub const SOAP12_MEDIA_TYPE: &str = "application/soap+xml";

/// Longest part of a refused header value repeated in an error message.
const QUOTED_MAX: usize = 100;

impl SoapVersion {
    /// The media type, without parameters.
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::V11 => SOAP11_MEDIA_TYPE,
            Self::V12 => SOAP12_MEDIA_TYPE,
        }
    }

    /// The `Content-Type` of a message of this version. For SOAP 1.2 a
    /// non-empty `action` is its `action` parameter; SOAP 1.1 carries the
    /// action in [`Self::soap_action_header`] instead, and a response
    /// carries none (pass `""`).
    pub fn content_type(self, action: &str) -> String {
        let base = format!("{}; charset=utf-8", self.media_type());
        match self {
            Self::V12 if !action.is_empty() => format!("{base}; action={}", quoted(action)),
            _ => base,
        }
    }

    /// The `SOAPAction` header of a request: the action as a quoted string
    /// for SOAP 1.1 (quoted even when empty, as .NET sends it and some ASMX
    /// front ends match it), none for SOAP 1.2.
    pub fn soap_action_header(self, action: &str) -> Option<String> {
        match self {
            Self::V11 => Some(quoted(action)),
            Self::V12 => None,
        }
    }
}

/// Why a request's `Content-Type` names no SOAP version. A server answers
/// it with [`Self::http_status`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaTypeError {
    #[error(
        "the request has no Content-Type; SOAP requests are {SOAP11_MEDIA_TYPE} (SOAP 1.1) or {SOAP12_MEDIA_TYPE} (SOAP 1.2)"
    )]
    Missing,
    #[error(
        "unsupported media type {found:?}; SOAP requests are {SOAP11_MEDIA_TYPE} (SOAP 1.1) or {SOAP12_MEDIA_TYPE} (SOAP 1.2)"
    )]
    Unsupported {
        /// The media type as sent, without its parameters (shortened).
        found: String,
    },
    #[error("malformed Content-Type: {reason}")]
    Malformed { reason: String },
}

impl MediaTypeError {
    /// 415 Unsupported Media Type for a missing or foreign media type,
    /// 400 Bad Request for a header that cannot be parsed.
    pub fn http_status(&self) -> u16 {
        match self {
            Self::Missing | Self::Unsupported { .. } => 415,
            Self::Malformed { .. } => 400,
        }
    }
}

/// The SOAP version and the action of a request, from its `Content-Type`
/// and `SOAPAction` headers (either may be absent).
///
/// The action is `None` when the request carries none: no `SOAPAction`
/// header in SOAP 1.1, no `action` parameter in SOAP 1.2 (whose binding
/// has no `SOAPAction` header, so one sent anyway is ignored). An empty
/// `SOAPAction: ""` is `Some("")`: SOAP 1.1 gives it a meaning of its own
/// (the intent is the request URI). Parameter names and the media type are
/// compared without regard to case, as MIME asks; `charset` is left to the
/// XML reader, which knows what it can decode.
///
/// ```
/// # use xsdgen_runtime::soap::{SoapVersion, parse_request_headers};
/// let ct = r#"application/soap+xml; charset=utf-8; action="urn:m/ResetPIN""#;
/// assert_eq!(
///     parse_request_headers(Some(ct), None),
///     Ok((SoapVersion::V12, Some("urn:m/ResetPIN".to_owned())))
/// );
/// ```
pub fn parse_request_headers(
    content_type: Option<&str>,
    soap_action: Option<&str>,
) -> Result<(SoapVersion, Option<String>), MediaTypeError> {
    let Some(content_type) = content_type.filter(|c| !c.trim().is_empty()) else {
        return Err(MediaTypeError::Missing);
    };
    let (essence, params) = parse_media_type(content_type)?;
    if essence.eq_ignore_ascii_case(SOAP11_MEDIA_TYPE) {
        Ok((SoapVersion::V11, soap_action.map(unquote_soap_action)))
    } else if essence.eq_ignore_ascii_case(SOAP12_MEDIA_TYPE) {
        let mut action = None;
        for (name, value) in params {
            if name.eq_ignore_ascii_case("action") {
                if action.is_some() {
                    return Err(malformed("the action parameter is given twice"));
                }
                action = Some(value);
            }
        }
        Ok((SoapVersion::V12, action))
    } else {
        Err(MediaTypeError::Unsupported {
            found: shorten(essence),
        })
    }
}

/// `"value"`, with `"` and `\` escaped as a MIME quoted-string asks.
fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The header's value without the quotes SOAP 1.1 puts around it (an
/// HTTP quoted-string, so with its escapes undone); some clients leave
/// them out, and a value that is not one quoted string is taken as sent.
fn unquote_soap_action(value: &str) -> String {
    let value = value.trim();
    value
        .strip_prefix('"')
        .and_then(|quoted| parse_quoted(quoted, "SOAPAction").ok())
        .filter(|(_, tail)| tail.trim().is_empty())
        .map_or_else(|| value.to_owned(), |(unquoted, _)| unquoted)
}

/// A parameter's name and its value, unquoted.
type Parameter = (String, String);

/// `type/subtype` and the parameters.
fn parse_media_type(value: &str) -> Result<(&str, Vec<Parameter>), MediaTypeError> {
    let (essence, mut rest) = value.split_once(';').unwrap_or((value, ""));
    let essence = essence.trim();
    let well_formed = essence
        .split_once('/')
        .is_some_and(|(t, s)| is_token(t) && is_token(s));
    if !well_formed {
        return Err(malformed(&format!(
            "{:?} is not a media type (type/subtype)",
            shorten(essence)
        )));
    }
    let mut params = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c == ';' || c.is_ascii_whitespace());
        if rest.is_empty() {
            break;
        }
        let Some((name, after)) = rest.split_once('=') else {
            return Err(malformed(&format!(
                "parameter {:?} has no value",
                shorten(rest)
            )));
        };
        let name = name.trim();
        if !is_token(name) {
            return Err(malformed(&format!(
                "{:?} is not a parameter name",
                shorten(name)
            )));
        }
        let after = after.trim_start();
        let (value, tail) = match after.strip_prefix('"') {
            Some(quoted) => parse_quoted(quoted, name)?,
            None => {
                let end = after.find(';').unwrap_or(after.len());
                let (token, tail) = after.split_at(end);
                let token = token.trim_end();
                // Stricter MIME would quote any URI (`:` and `/` are not
                // token characters); senders that do not are common and
                // unambiguous.
                if token.is_empty() || token.contains(|c: char| c.is_whitespace() || c == '"') {
                    return Err(malformed(&format!(
                        "the value of parameter {name} is neither a quoted string nor one word"
                    )));
                }
                (token.to_owned(), tail)
            }
        };
        let tail = tail.trim_start();
        if !(tail.is_empty() || tail.starts_with(';')) {
            return Err(malformed(&format!(
                "text after the value of parameter {name}"
            )));
        }
        params.push((name.to_owned(), value));
        rest = tail;
    }
    Ok((essence, params))
}

/// The rest of a quoted string whose opening quote has been read: its
/// unescaped content and what follows the closing quote.
fn parse_quoted<'a>(input: &'a str, name: &str) -> Result<(String, &'a str), MediaTypeError> {
    let mut value = String::new();
    let mut chars = input.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((value, &input[i + 1..])),
            '\\' => match chars.next() {
                Some((_, escaped)) => value.push(escaped),
                None => break,
            },
            c => value.push(c),
        }
    }
    Err(malformed(&format!(
        "the quoted value of parameter {name} is not closed"
    )))
}

/// An RFC 9110 token: visible ASCII but for the separators.
fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
            b.is_ascii_graphic()
                && !matches!(b, b'(' | b')' | b',' | b'/' | b':' | b';' | b'<')
                && !matches!(
                    b,
                    b'=' | b'>' | b'?' | b'@' | b'[' | b'\\' | b']' | b'{' | b'}' | b'"'
                )
        })
}

fn malformed(reason: &str) -> MediaTypeError {
    MediaTypeError::Malformed {
        reason: reason.to_owned(),
    }
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(QUOTED_MAX) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTION: &str = "http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN";

    #[test]
    fn each_version_writes_its_binding() {
        let v11 = SoapVersion::V11;
        assert_eq!(v11.content_type(ACTION), "text/xml; charset=utf-8");
        assert_eq!(
            v11.soap_action_header(ACTION),
            Some(format!("\"{ACTION}\""))
        );
        assert_eq!(v11.soap_action_header(""), Some("\"\"".to_owned()));
        let v12 = SoapVersion::V12;
        assert_eq!(
            v12.content_type(ACTION),
            format!("application/soap+xml; charset=utf-8; action=\"{ACTION}\"")
        );
        assert_eq!(v12.content_type(""), "application/soap+xml; charset=utf-8");
        assert_eq!(v12.soap_action_header(ACTION), None);
        assert_eq!(
            v12.content_type(r#"urn:a"b\c"#),
            r#"application/soap+xml; charset=utf-8; action="urn:a\"b\\c""#
        );
    }

    #[test]
    fn what_is_written_is_parsed_back() {
        for version in SoapVersion::ALL {
            for action in [ACTION, "", r#"urn:a"b\c; d"#] {
                let content_type = version.content_type(action);
                let soap_action = version.soap_action_header(action);
                let parsed = parse_request_headers(Some(&content_type), soap_action.as_deref());
                let expected = match (version, action) {
                    (SoapVersion::V12, "") => None,
                    _ => Some(action.to_owned()),
                };
                assert_eq!(parsed, Ok((version, expected)), "{content_type}");
            }
        }
    }

    #[test]
    fn soap_11_requests() {
        let parse = parse_request_headers;
        let v11 = |a: Option<&str>| Ok((SoapVersion::V11, a.map(str::to_owned)));
        assert_eq!(
            parse(Some("text/xml; charset=utf-8"), Some("\"urn:a\"")),
            v11(Some("urn:a"))
        );
        assert_eq!(parse(Some("text/xml"), Some(" urn:a ")), v11(Some("urn:a")));
        assert_eq!(
            parse(Some("TEXT/XML;charset=UTF-8"), Some("\"\"")),
            v11(Some(""))
        );
        assert_eq!(parse(Some("text/xml"), None), v11(None));
        // 1.1 reads no action parameter.
        assert_eq!(parse(Some("text/xml; action=\"urn:a\""), None), v11(None));
    }

    #[test]
    fn soap_12_requests() {
        let parse = |ct| parse_request_headers(Some(ct), None);
        let v12 = |a: Option<&str>| Ok((SoapVersion::V12, a.map(str::to_owned)));
        assert_eq!(
            parse(r#"application/soap+xml; charset=utf-8; action="urn:a/b""#),
            v12(Some("urn:a/b"))
        );
        assert_eq!(
            parse("application/soap+xml;action=urn:a/b;charset=utf-8"),
            v12(Some("urn:a/b"))
        );
        assert_eq!(
            parse(r#"Application/SOAP+XML; ACTION = "urn:a""#),
            v12(Some("urn:a"))
        );
        assert_eq!(parse("application/soap+xml; charset=utf-8"), v12(None));
        assert_eq!(parse("application/soap+xml"), v12(None));
        assert_eq!(
            parse(r#"application/soap+xml; action="a;b""#),
            v12(Some("a;b"))
        );
        // The 1.2 binding has no SOAPAction header.
        assert_eq!(
            parse_request_headers(Some("application/soap+xml"), Some("\"urn:x\"")),
            v12(None)
        );
    }

    #[test]
    fn other_media_types_are_refused() {
        let parse = |ct| parse_request_headers(ct, Some("\"urn:a\""));
        assert_eq!(parse(None), Err(MediaTypeError::Missing));
        assert_eq!(parse(Some("  ")), Err(MediaTypeError::Missing));
        let err = parse(Some("application/json; charset=utf-8")).unwrap_err();
        assert_eq!(
            err,
            MediaTypeError::Unsupported {
                found: "application/json".into()
            }
        );
        assert_eq!(err.http_status(), 415);
        assert_eq!(
            err.to_string(),
            "unsupported media type \"application/json\"; SOAP requests are text/xml \
             (SOAP 1.1) or application/soap+xml (SOAP 1.2)"
        );
        assert_eq!(parse(None).unwrap_err().http_status(), 415);
        for malformed in [
            "text",
            "/xml",
            "text/xml; charset",
            r#"application/soap+xml; action="urn:a"#,
            r#"application/soap+xml; action="urn:a" x"#,
            "application/soap+xml; action=a b",
            "application/soap+xml; action=",
            r#"application/soap+xml; action="a"; action="b""#,
        ] {
            let err = parse(Some(malformed)).unwrap_err();
            assert!(
                matches!(err, MediaTypeError::Malformed { .. }),
                "{malformed}: {err:?}"
            );
            assert_eq!(err.http_status(), 400);
        }
    }
}
