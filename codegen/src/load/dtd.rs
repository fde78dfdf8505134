//! External entity declarations are refused before the XML parser sees
//! them: an external entity names a file (`SYSTEM "file:///etc/passwd"`)
//! or a URL whose text would end up in generated code, and nothing is ever
//! read but the files the user gave. Internal entities are real-world
//! schema text (the W3C XML-Signature schema declares `&dsig;`, `%p;` and
//! `%s;`): the XML parser expands them, bounded by its own checks against
//! entity bombs and by the node limit of `xml.rs`.

use std::ops::Range;

/// The byte range of the first external `<!ENTITY ... SYSTEM|PUBLIC ...>`
/// declaration in the internal subset of the document type declaration.
pub(crate) fn external_entity_declaration(text: &str) -> Option<Range<usize>> {
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
            let end = declaration_end(bytes, i);
            if is_external(bytes.get(i..end).unwrap_or_default()) {
                return Some(i..end);
            }
            i = end;
        } else {
            match rest.first()? {
                b'"' | b'\'' => i = after_quoted(bytes, i)?,
                b']' => return None,
                _ => i += 1,
            }
        }
    }
}

/// Whether an entity declaration names an external identifier: the
/// keyword `SYSTEM` or `PUBLIC` before its first quoted literal (an
/// internal entity's literal comes right after its name).
fn is_external(declaration: &[u8]) -> bool {
    let head = declaration
        .get("<!ENTITY".len()..)
        .unwrap_or_default()
        .split(|&b| b == b'"' || b == b'\'')
        .next()
        .unwrap_or_default();
    head.split(|b| b.is_ascii_whitespace())
        .any(|w| w == b"SYSTEM" || w == b"PUBLIC")
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
        external_entity_declaration(text).and_then(|r| text.get(r))
    }

    #[test]
    fn finds_external_entity_declarations_in_the_internal_subset() {
        let text = "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE s [\n  \
                    <!-- <!ENTITY no SYSTEM \"x\"> -->\n  <!ATTLIST s a CDATA \"]>\">\n  \
                    <!ENTITY fine 'SYSTEM'>\n  \
                    <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n<s/>";
        assert_eq!(
            found(text),
            Some("<!ENTITY secret SYSTEM \"file:///etc/passwd\">")
        );
        assert_eq!(
            found("<!DOCTYPE s [<!ENTITY % p PUBLIC 'x' 'a>b'>]><s/>"),
            Some("<!ENTITY % p PUBLIC 'x' 'a>b'>")
        );
    }

    #[test]
    fn internal_entities_are_not_refused() {
        assert_eq!(
            found(
                "<!DOCTYPE schema [ <!ENTITY dsig 'http://www.w3.org/2000/09/xmldsig#'> <!ENTITY % p ''> ]><s/>"
            ),
            None
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
        assert_eq!(
            found("<!DOCTYPE s [<!ENTITY a SYSTEM \"b"),
            Some("<!ENTITY a SYSTEM \"b")
        );
    }
}
