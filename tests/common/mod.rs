//! Helpers shared by the root package's integration tests.
#![allow(dead_code)]

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

/// The XML infoset that matters for comparing messages: expanded element
/// names, attributes other than namespace declarations (sorted), and text
/// with whitespace-only runs between elements dropped. Prefixes, attribute
/// order, indentation and the XML declaration do not matter.
pub fn canonical(xml: &str) -> Vec<String> {
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut out = Vec::new();
    loop {
        let (ns, event) = reader
            .read_resolved_event()
            .unwrap_or_else(|e| panic!("not well-formed: {e}\n{xml}"));
        let ns = match ns {
            ResolveResult::Bound(ns) => ns.0.to_owned(),
            _ => String::new(),
        };
        match event {
            Event::Start(e) => {
                let mut attrs: Vec<String> = e
                    .attributes()
                    .map(|a| a.expect("well-formed attribute"))
                    .filter(|a| {
                        let key = a.key.0;
                        key != "xmlns" && !key.starts_with("xmlns:")
                    })
                    .map(|a| format!("{}={}", a.key.0, a.value))
                    .collect();
                attrs.sort();
                out.push(format!(
                    "<{{{ns}}}{} {}>",
                    e.local_name().as_ref(),
                    attrs.join(" ")
                ));
            }
            Event::End(_) => out.push("</>".to_owned()),
            Event::Text(t) => {
                let text = t.xml10_content();
                if !text.trim().is_empty() {
                    out.push(text.into_owned());
                }
            }
            Event::GeneralRef(r) => out.push(format!("&{};", r.xml10_content())),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The code blocks fenced as XML in a Markdown page, in order.
pub fn xml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim_start().eq_ignore_ascii_case("```xml") => {
                current = Some(String::new());
            }
            Some(block) if line.trim_start().starts_with("```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

pub fn manifest_path(relative: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

pub fn read(relative: &str) -> String {
    let path = manifest_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
