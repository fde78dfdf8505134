//! Rendering: `path:line:col: severity: message`, the source line and a
//! caret line, like rustc and roxmltree. Paths are shown as the user gave
//! them (inputs) or joined onto them (included files), never made absolute,
//! so the text is the same on every machine.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;

use super::{Diagnostic, FileId, Note, Severity, Span};
use crate::load::SourceSet;

/// Longest source line shown in full; longer ones are cut around the span.
const MAX_LINE_CHARS: usize = 120;

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset);
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Renders the diagnostics in the given order, separated by blank lines.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceSet) -> String {
    let mut lines = LineIndex::default();
    let mut out = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_into(&mut out, d, sources, &mut lines);
    }
    out
}

pub fn render_one(diagnostic: &Diagnostic, sources: &SourceSet) -> String {
    let mut out = String::new();
    render_into(&mut out, diagnostic, sources, &mut LineIndex::default());
    out
}

fn render_into(out: &mut String, d: &Diagnostic, sources: &SourceSet, lines: &mut LineIndex) {
    located(out, d.severity, d.span, &d.message, sources, lines);
    for Note { span, message } in &d.notes {
        match span {
            Some(_) => located(out, Severity::Note, *span, message, sources, lines),
            None => {
                let _ = writeln!(out, "  = note: {message}");
            }
        }
    }
}

fn located(
    out: &mut String,
    severity: Severity,
    span: Option<Span>,
    message: &str,
    sources: &SourceSet,
    lines: &mut LineIndex,
) {
    let file = span.and_then(|s| sources.file(s.file).map(|f| (s, f)));
    let Some((span, file)) = file else {
        let _ = writeln!(out, "{severity}: {message}");
        return;
    };
    let text = file.text.as_str();
    let start = floor_char_boundary(text, span.start as usize);
    let (line_no, line_start) = lines.locate(file.id, text, start);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let col = text[line_start..start].chars().count() + 1;
    let _ = writeln!(
        out,
        "{}:{line_no}:{col}: {severity}: {message}",
        file.path.display()
    );

    let end = floor_char_boundary(text, (span.end as usize).clamp(start, line_end));
    let width = text[start..end].chars().count().max(1);
    let (shown, caret_at) = window(line, col - 1);
    let gutter = line_no.to_string();
    let pad = " ".repeat(gutter.len());
    let _ = writeln!(out, "{gutter} | {}", shown.trim_end());
    let prefix: String = shown
        .chars()
        .take(caret_at)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let width = width.min(shown.chars().count().saturating_sub(caret_at).max(1));
    let _ = writeln!(out, "{pad} | {prefix}{}", "^".repeat(width));
}

/// The part of a long line around character `col0`, and where `col0` falls
/// in that part.
fn window(line: &str, col0: usize) -> (String, usize) {
    let total = line.chars().count();
    if total <= MAX_LINE_CHARS {
        return (line.to_owned(), col0);
    }
    let from = col0.saturating_sub(40);
    let to = (from + MAX_LINE_CHARS).min(total);
    let mut shown = String::new();
    let mut caret_at = col0 - from;
    if from > 0 {
        shown.push_str("...");
        caret_at += 3;
    }
    shown.extend(line.chars().skip(from).take(to - from));
    if to < total {
        shown.push_str("...");
    }
    (shown, caret_at)
}

/// Line starts of each file, computed once per file and rendering.
#[derive(Default)]
struct LineIndex {
    starts: BTreeMap<FileId, Vec<usize>>,
}

impl LineIndex {
    /// 1-based line number and byte offset of the line start.
    fn locate(&mut self, file: FileId, text: &str, offset: usize) -> (usize, usize) {
        let starts = self.starts.entry(file).or_insert_with(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset).max(1);
        (line, starts.get(line - 1).copied().unwrap_or(0))
    }
}

pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A short, platform-independent reason for an I/O failure.
pub(crate) fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    fn span(start: u32, end: u32) -> Span {
        Span {
            file: FileId(0),
            start,
            end,
        }
    }

    #[test]
    fn caret_under_the_first_line_of_the_span() {
        let text = "<a>\n\t<b x=\"1\">\n</b></a>\n";
        let sources = SourceSet::from_text("s.xsd", text);
        let start = text.find("x=").unwrap_or(0) as u32;
        let d = Diagnostic::error(span(start, text.len() as u32), "bad").with_help("why");
        assert_eq!(
            render_one(&d, &sources),
            "s.xsd:2:5: error: bad\n2 | \t<b x=\"1\">\n  | \t   ^^^^^^\n  = note: why\n"
        );
        assert_eq!(line_col(text, start as usize), (2, 5));
    }

    #[test]
    fn empty_span_at_the_end_still_gets_a_caret() {
        let sources = SourceSet::from_text("s.xsd", "<a>");
        let d = Diagnostic::error(span(3, 3), "unexpected end");
        assert_eq!(
            render_one(&d, &sources),
            "s.xsd:1:4: error: unexpected end\n1 | <a>\n  |    ^\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let text = format!("{}<bad/>{}", "x".repeat(500), "y".repeat(500));
        let sources = SourceSet::from_text("s.xsd", &text);
        let rendered = render_one(&Diagnostic::error(span(500, 506), "here"), &sources);
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(lines[0], "s.xsd:1:501: error: here");
        assert!(lines[1].len() < 140, "{}", lines[1]);
        let caret = lines[2].find('^').unwrap_or(0);
        assert_eq!(&lines[1][caret..caret + 6], "<bad/>");
    }

    #[test]
    fn spans_outside_the_text_do_not_panic() {
        let sources = SourceSet::from_text("s.xsd", "<é/>");
        let d = Diagnostic::error(span(2, 99), "odd");
        assert!(render_one(&d, &sources).starts_with("s.xsd:1:2: error: odd"));
        let missing = Diagnostic::error(
            Span {
                file: FileId(7),
                start: 0,
                end: 0,
            },
            "nowhere",
        );
        assert_eq!(render_one(&missing, &sources), "error: nowhere\n");
    }
}
