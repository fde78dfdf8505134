//! Reading a file into the text every later stage works on: UTF-8 without
//! byte-order mark, with CRLF and lone CR turned into LF. Each line break
//! stays one line break, so line numbers match what an editor shows.

use std::io;
use std::path::Path;

use super::files::Files;

pub(crate) enum ReadError {
    Io(io::Error),
    /// Not UTF-8: the text decoded lossily (for showing the line) and the
    /// byte offset of the first bad sequence.
    Encoding {
        text: String,
        offset: usize,
        what: String,
    },
}

pub(crate) fn read_source(files: &dyn Files, canonical: &Path) -> Result<String, ReadError> {
    let bytes = files.read(canonical).map_err(ReadError::Io)?;
    decode(bytes)
}

pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Encoding {
            text: String::new(),
            offset: 0,
            what: "UTF-16 is not supported; convert the file to UTF-8".to_owned(),
        });
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(normalize_newlines(text)),
        Err(e) => Err(ReadError::Encoding {
            text: normalize_newlines(&String::from_utf8_lossy(body)),
            offset: e.valid_up_to(),
            what: match declared_encoding(body) {
                Some(encoding) if !encoding.eq_ignore_ascii_case("utf-8") => format!(
                    "the file is not valid UTF-8: it declares encoding '{encoding}', \
                     which is not supported; convert the file to UTF-8"
                ),
                _ => "the file is not valid UTF-8".to_owned(),
            },
        }),
    }
}

/// The `encoding` of the XML declaration, which is ASCII in every encoding
/// we could be given once UTF-16 is ruled out.
fn declared_encoding(bytes: &[u8]) -> Option<&str> {
    let declaration = bytes.strip_prefix(b"<?xml")?;
    let end = declaration.windows(2).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(&declaration[..end]).ok()?;
    let (_, rest) = declaration.split_once("encoding")?;
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let (value, _) = rest[1..].split_once(quote)?;
    Some(value.trim())
}

/// CRLF and lone CR become LF.
pub(crate) fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_line_ends() {
        let text = decode(b"\xEF\xBB\xBF<a>\r\n<b/>\r<c/>\n</a>".to_vec()).ok();
        assert_eq!(text.as_deref(), Some("<a>\n<b/>\n<c/>\n</a>"));
    }

    #[test]
    fn a_declared_encoding_is_named() {
        let latin1 = b"<?xml version='1.0' encoding = 'ISO-8859-1'?>\n<a>\xE9</a>";
        match decode(latin1.to_vec()) {
            Err(ReadError::Encoding { offset, what, .. }) => {
                assert_eq!(offset, 49);
                assert!(what.contains("'ISO-8859-1'"), "{what}");
            }
            _ => panic!("expected an encoding error"),
        }
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?><a/>"), None);
        assert_eq!(declared_encoding(b"<a encoding='x'/>"), None);
    }

    #[test]
    fn invalid_utf8_is_located() {
        match decode(b"<a>\n\xFF</a>".to_vec()) {
            Err(ReadError::Encoding { offset, .. }) => assert_eq!(offset, 4),
            _ => panic!("expected an encoding error"),
        }
    }
}
