//! Reading a file into the text every later stage works on: UTF-8 without
//! byte-order mark, with CRLF and lone CR turned into LF. Each line break
//! stays one line break, so line numbers match what an editor shows.

use std::io;
use std::path::Path;

pub(crate) enum ReadError {
    Io(io::Error),
    /// Not UTF-8: the text decoded lossily (for showing the line) and the
    /// byte offset of the first bad sequence.
    Encoding {
        text: String,
        offset: usize,
        what: &'static str,
    },
}

pub(crate) fn read_source(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    decode(bytes)
}

pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Encoding {
            text: String::new(),
            offset: 0,
            what: "UTF-16 is not supported; convert the file to UTF-8",
        });
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(normalize_newlines(text)),
        Err(e) => Err(ReadError::Encoding {
            text: normalize_newlines(&String::from_utf8_lossy(body)),
            offset: e.valid_up_to(),
            what: "the file is not valid UTF-8",
        }),
    }
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
    fn invalid_utf8_is_located() {
        match decode(b"<a>\n\xFF</a>".to_vec()) {
            Err(ReadError::Encoding { offset, .. }) => assert_eq!(offset, 4),
            _ => panic!("expected an encoding error"),
        }
    }
}
