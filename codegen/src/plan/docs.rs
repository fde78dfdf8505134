//! `xs:documentation` -> rustdoc text.
//!
//! Schema documentation is prose written for people reading XML, so it is
//! made safe to read as Markdown: lines are trimmed (an indented line would
//! otherwise become a code block, and rustdoc would run it as a doctest),
//! runs of blank lines become one, and characters Markdown or rustdoc would
//! interpret (`[`, `]`, `<`, `>`, `` ` ``, `*`, `_` at word edges) are
//! escaped.

/// The documentation as rustdoc lines joined by `\n`; None when empty.
pub(crate) fn doc(text: Option<&str>) -> Option<String> {
    let text = text?;
    let mut lines: Vec<String> = Vec::new();
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !lines.is_empty();
            continue;
        }
        if blank {
            lines.push(String::new());
            blank = false;
        }
        lines.push(escape(line));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Joins the schema's documentation and notes of the plan (Markdown,
/// with schema text quoted by [`code`]) into one text.
pub(crate) fn with_notes(doc: Option<String>, notes: &[String]) -> Option<String> {
    if notes.is_empty() {
        return doc;
    }
    let list: Vec<String> = notes.iter().map(|n| format!("- {n}")).collect();
    Some(match doc {
        None => list.join("\n"),
        Some(doc) => format!("{doc}\n\n{}", list.join("\n")),
    })
}

/// Schema text as a Markdown code span.
pub(crate) fn code(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for (i, c) in line.char_indices() {
        match c {
            '[' | ']' | '<' | '>' | '`' | '*' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                // A heading, list item or setext underline at line start.
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_joins() {
        let text = "\n    First line.\n        Indented.\n\n\n    Second paragraph.\n  ";
        assert_eq!(
            doc(Some(text)).as_deref(),
            Some("First line.\nIndented.\n\nSecond paragraph.")
        );
        assert_eq!(doc(Some("  \n ")), None);
        assert_eq!(doc(None), None);
    }

    #[test]
    fn escapes_markdown() {
        assert_eq!(
            doc(Some("see [1] <b>x</b>")).as_deref(),
            Some("see \\[1\\] \\<b\\>x\\</b\\>")
        );
        assert_eq!(
            doc(Some("# not a heading")).as_deref(),
            Some("\\# not a heading")
        );
        assert_eq!(doc(Some("```rust")).as_deref(), Some("\\`\\`\\`rust"));
    }

    #[test]
    fn notes_follow_the_documentation() {
        let notes = vec![format!("Not checked: pattern {}.", code("[0-9]+"))];
        assert_eq!(
            with_notes(Some("Doc.".into()), &notes).as_deref(),
            Some("Doc.\n\n- Not checked: pattern `[0-9]+`.")
        );
        assert_eq!(code("a`b"), "`` a`b ``");
    }
}
