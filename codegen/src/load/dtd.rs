//! Entity declarations are refused before the XML parser sees them. A
//! schema has no use for them, and they are how XML attacks a reader: an
//! external entity names a local file (`SYSTEM "file:///etc/passwd"`) whose
//! text would end up in generated code, and nested internal entities
//! expand far beyond the size of the file. A DOCTYPE without entities
//! (old W3C schemas carry one) stays harmless and is accepted.

use std::ops::Range;

/// The byte range of the first `<!ENTITY ...>` declaration in the internal
/// subset of the document type declaration, if there is one.
pub(crate) fn entity_declaration(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = doctype_start(bytes)? + "<!DOCTYPE".len();
    // The external ID, up to the internal subset or the end of the DOCTYPE.
    loop {
        match bytes.get(i)? {
            b'"' | b'\'' => i = after_quoted(bytes, i)?,
            b'[' => break,
            b'>' => return None,
            _ => i += 1,
        }
    }
    i += 1;
    loop {
        let rest = bytes.get(i..)?;
        if rest.starts_with(b"<!--") {
            i = after(bytes, i + 4, b"-->")?;
        } else if rest.starts_with(b"<?") {
            i = after(bytes, i + 2, b"?>")?;
        } else if rest.starts_with(b"<!ENTITY") {
            return Some(i..declaration_end(bytes, i));
        } else {
            match rest.first()? {
                b'"' | b'\'' => i = after_quoted(bytes, i)?,
                b']' => return None,
                _ => i += 1,
            }
        }
    }
}

/// Where `<!DOCTYPE` starts, when it comes before the first element (only
/// the XML declaration, processing instructions, comments and white space
/// may precede it).
fn doctype_start(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    loop {
        let rest = bytes.get(i..)?;
        if rest.starts_with(b"<!DOCTYPE") {
            return Some(i);
        } else if rest.starts_with(b"<?") {
            i = after(bytes, i + 2, b"?>")?;
        } else if rest.starts_with(b"<!--") {
            i = after(bytes, i + 4, b"-->")?;
        } else if rest.first()?.is_ascii_whitespace() {
            i += 1;
        } else {
            return None;
        }
    }
}

/// The offset just past the next `end` at or after `from`.
fn after(bytes: &[u8], from: usize, end: &[u8]) -> Option<usize> {
    let found = bytes
        .get(from..)?
        .windows(end.len())
        .position(|w| w == end)?;
    Some(from + found + end.len())
}

/// The offset just past the quoted string that starts at `at`.
fn after_quoted(bytes: &[u8], at: usize) -> Option<usize> {
    let quote = *bytes.get(at)?;
    let len = bytes.get(at + 1..)?.iter().position(|&b| b == quote)?;
    Some(at + 1 + len + 1)
}

/// The offset past the `>` that closes the declaration at `start`, or the
/// end of the text when it is not closed.
fn declaration_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\'' => match after_quoted(bytes, i) {
                Some(next) => i = next,
                None => return bytes.len(),
            },
            b'>' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<&str> {
        entity_declaration(text).and_then(|r| text.get(r))
    }

    #[test]
    fn finds_entity_declarations_in_the_internal_subset() {
        let text = "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE s [\n  \
                    <!-- <!ENTITY no \"x\"> -->\n  <!ATTLIST s a CDATA \"]>\">\n  \
                    <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n<s/>";
        assert_eq!(
            found(text),
            Some("<!ENTITY secret SYSTEM \"file:///etc/passwd\">")
        );
        assert_eq!(
            found("<!DOCTYPE s [<!ENTITY % p 'a>b'>]><s/>"),
            Some("<!ENTITY % p 'a>b'>")
        );
    }

    #[test]
    fn accepts_documents_without_entity_declarations() {
        assert_eq!(found("<s/>"), None);
        assert_eq!(found("<s><!DOCTYPE x [<!ENTITY a 'b'>]></s>"), None);
        assert_eq!(
            found("<!DOCTYPE s PUBLIC \"-//W3C//DTD XMLSCHEMA 200102//EN\" \"XMLSchema.dtd\"><s/>"),
            None
        );
        assert_eq!(
            found("<!DOCTYPE s [<!ATTLIST s a CDATA '<!ENTITY'>]><s/>"),
            None
        );
        // Unterminated constructs end the search rather than the reader.
        assert_eq!(found("<!DOCTYPE s [<!-- "), None);
        assert_eq!(found("<!DOCTYPE s \"unterminated"), None);
        assert_eq!(found("<!DOCTYPE s [<!ENTITY a \"b"), Some("<!ENTITY a \"b"));
    }
}
