//! Real documents: every example is accepted and reads exactly as
//! quick-xml reads it; every truncation and many mutations of them are
//! handled without a panic.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use crate::xml::lexer::{
    LexError, Lexer, Token, attributes, decode_attr, decode_text, has_xmlns, normalize_newlines,
};

/// The UM examples and schemas from the repository and, where it is
/// present, one large EWS schema. A byte order mark is the caller's to
/// strip, so it is stripped here.
fn documents() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in [
        "../schemas",
        "../schemas/examples",
        "../schemas/examples/faults",
    ] {
        let mut found: Vec<PathBuf> = fs::read_dir(root.join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e == "xml" || e == "xsd" || e == "wsdl")
            })
            .collect();
        found.sort();
        paths.extend(found);
    }
    assert!(paths.len() >= 25, "examples not found: {paths:?}");
    let big = root.join("../../shared/corpus/ews/Exchange2016/messages.xsd");
    if big.exists() {
        paths.push(big);
    } else {
        eprintln!("skipped: {} is not there", big.display());
    }
    let mut documents: Vec<_> = paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_owned();
            (path.display().to_string(), text)
        })
        .collect();
    documents.push(("every construct".into(), EVERY_CONSTRUCT.into()));
    documents
}

/// What the real documents lack: a DTD, CDATA, references, CR LF line
/// ends, single quotes, non-ASCII names and text.
const EVERY_CONSTRUCT: &str = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n\
    <!DOCTYPE r [\r\n  <!ELEMENT r ANY>\r\n  <!-- subset -->\r\n]>\r\n\
    <?app some data?>\r\n\
    <r xmlns='urn:r' xmlns:p=\"urn:p\" p:a='1 &amp; 2' b=\"&#x9;tab&#10;\r\nline\">\r\n\
    \t<p:été p:ñ='ü'>caf&#xE9; &lt;ok&gt; &quot;q&quot; &apos;a&apos;</p:été>\r\n\
    \t<c><![CDATA[<raw> & ]] ]>\r\n\r]]></c><e/><e a='x'/>\r\n\
    \t<!-- a - comment -->text\rwith\r\nbreaks<?pi?>\r\n\
    </r>\r\n<!-- after -->\r\n";

/// What both lexers must agree on. Adjacent text, references and CDATA are
/// one `Text`, as a reader sees them.
#[derive(Debug, PartialEq)]
enum Item {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
    Comment(String),
    Pi(String, String),
    Decl,
    DocType,
}

fn flush(items: &mut Vec<Item>, text: &mut String) {
    if !text.is_empty() {
        items.push(Item::Text(std::mem::take(text)));
    }
}

fn ours(doc: &str) -> Result<Vec<Item>, LexError> {
    let mut lexer = Lexer::new(doc);
    let mut items = Vec::new();
    let mut text = String::new();
    loop {
        let token = lexer.next_token()?;
        let item = match token {
            Token::Text { raw, clean, .. } => {
                let decoded = decode_text(raw)?;
                assert_eq!(clean, matches!(decoded, Cow::Borrowed(_)), "{raw:?}");
                text.push_str(&decoded);
                continue;
            }
            Token::CData { text: t, .. } => {
                text.push_str(&normalize_newlines(t));
                continue;
            }
            Token::Start { qname, attrs, .. } => {
                assert_eq!(has_xmlns(attrs), attrs.contains("xmlns"));
                let attrs = attributes(attrs)
                    .map(|(k, v)| Ok((k.to_owned(), decode_attr(v)?.into_owned())))
                    .collect::<Result<_, LexError>>()?;
                Item::Start(qname.to_owned(), attrs)
            }
            Token::End { qname, .. } => Item::End(qname.to_owned()),
            Token::Comment { text, .. } => Item::Comment(text.to_owned()),
            Token::Pi {
                target, content, ..
            } => Item::Pi(target.to_owned(), content.to_owned()),
            Token::Decl { .. } => Item::Decl,
            Token::DocType { .. } => Item::DocType,
            Token::Eof => {
                flush(&mut items, &mut text);
                return Ok(items);
            }
        };
        flush(&mut items, &mut text);
        items.push(item);
    }
}

fn theirs(doc: &str) -> Result<Vec<Item>, String> {
    let mut reader = Reader::from_str(doc);
    reader.config_mut().expand_empty_elements = true;
    let mut items = Vec::new();
    let mut text = String::new();
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let item = match event {
            Event::Text(t) => {
                text.push_str(&t.xml10_content());
                continue;
            }
            Event::CData(t) => {
                text.push_str(&t.xml10_content());
                continue;
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c,
                    None => match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        other => return Err(format!("undefined entity {other}")),
                    },
                };
                text.push(c);
                continue;
            }
            Event::Start(s) => {
                let mut attrs = Vec::new();
                for attr in s.attributes() {
                    let attr = attr.map_err(|e| e.to_string())?;
                    let value = attr
                        .normalized_value(XmlVersion::Implicit1_0)
                        .map_err(|e| e.to_string())?;
                    attrs.push((attr.key.0.to_owned(), value.into_owned()));
                }
                Item::Start(s.name().0.to_owned(), attrs)
            }
            Event::End(e) => Item::End(e.name().0.to_owned()),
            Event::Comment(c) => Item::Comment((*c).to_owned()),
            Event::PI(p) => {
                let content = p.content().trim_start_matches([' ', '\t', '\n', '\r']);
                Item::Pi(p.target().to_owned(), content.to_owned())
            }
            Event::Decl(_) => Item::Decl,
            Event::DocType(_) => Item::DocType,
            Event::Empty(_) => return Err("empty element not expanded".into()),
            Event::Eof => {
                flush(&mut items, &mut text);
                return Ok(items);
            }
        };
        flush(&mut items, &mut text);
        items.push(item);
    }
}

#[test]
fn accepts_every_example_as_quick_xml_reads_it() {
    for (name, doc) in documents() {
        let ours = ours(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        let theirs = theirs(&doc).unwrap_or_else(|e| panic!("{name}: quick-xml: {e}"));
        assert!(ours.len() > 10, "{name}");
        assert_eq!(ours, theirs, "{name}");
    }
}

/// Offsets of the root's `<` and just past its end tag.
fn root_span(doc: &str) -> (usize, usize) {
    let mut lexer = Lexer::new(doc);
    let mut start = None;
    loop {
        match lexer.next_token().unwrap() {
            Token::Start { pos, .. } if start.is_none() => start = Some(pos),
            Token::End { .. } if lexer.depth() == 0 => return (start.unwrap(), lexer.offset()),
            Token::Eof => panic!("no root"),
            _ => {}
        }
    }
}

#[test]
fn truncated_documents_are_errors_not_panics() {
    for (name, doc) in documents() {
        let (root_start, root_end) = root_span(&doc);
        // Every prefix of the small documents; a sample of the large one.
        let step = if doc.len() > 20_000 { 997 } else { 1 };
        for end in (0..=doc.len()).step_by(step) {
            let Some(prefix) = doc.get(..end) else {
                continue;
            };
            match lex_checked(prefix) {
                Some(_) => {}
                None => assert!(
                    end <= root_start || end >= root_end,
                    "{name}[..{end}] accepted"
                ),
            }
        }
    }
}

/// Runs the lexer over `doc` and returns its error, if any, after checking
/// that offsets only grow, that an error is within the input and that an
/// error consumed nothing: asking again gives it again.
fn lex_checked(doc: &str) -> Option<LexError> {
    let mut lexer = Lexer::new(doc);
    let mut last = 0;
    loop {
        match lexer.next_token() {
            Ok(Token::Eof) => return None,
            Ok(_) => {
                assert!(lexer.offset() >= last && lexer.offset() <= doc.len());
                last = lexer.offset();
            }
            Err(e) => {
                assert!(e.pos <= doc.len(), "{e}");
                assert_eq!(lexer.next_token(), Err(e));
                return Some(e);
            }
        }
    }
}

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as usize % n.max(1)
    }
}

const PIECES: &[&str] = &[
    "<",
    ">",
    "/",
    "?",
    "!",
    "-",
    "[",
    "]",
    "&",
    ";",
    "#",
    "x",
    ":",
    "=",
    "\"",
    "'",
    " ",
    "\t",
    "\r",
    "\n",
    "\0",
    "\u{1}",
    "a",
    "9",
    ".",
    "é",
    "\u{301}",
    "\u{FFFE}",
    "\u{FEFF}",
    "]]>",
    "--",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?",
    "?>",
    "&#0;",
    "&#x41;",
    "&amp;",
    "&foo;",
    "/>",
    "</",
    "xmlns",
    "<!DOCTYPE a [",
    "<?xml version='1.0'?>",
];

fn mutate(rng: &mut Rng, doc: &str) -> Vec<u8> {
    let mut bytes = doc.as_bytes().to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        let piece = PIECES[rng.below(PIECES.len())].as_bytes();
        match rng.below(4) {
            0 if at < bytes.len() => {
                bytes.splice(at..at + 1, piece.iter().copied());
            }
            1 => {
                bytes.splice(at..at, piece.iter().copied());
            }
            2 if at < bytes.len() => {
                let len = (1 + rng.below(8)).min(bytes.len() - at);
                bytes.drain(at..at + len);
            }
            _ => {
                let from = rng.below(bytes.len());
                let len = (1 + rng.below(24)).min(bytes.len() - from);
                let copy = bytes[from..from + len].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
    bytes
}

#[test]
fn mutated_documents_never_panic_and_agree_with_quick_xml_when_accepted() {
    let mut rng = Rng(0x5EED_F00D_1E75);
    let (mut accepted, mut rejected) = (0, 0);
    for (name, doc) in documents() {
        let rounds = if doc.len() > 20_000 { 60 } else { 400 };
        for round in 0..rounds {
            let Ok(mutant) = String::from_utf8(mutate(&mut rng, &doc)) else {
                continue;
            };
            match ours(&mutant) {
                Ok(items) => {
                    accepted += 1;
                    // quick-xml drops a leading byte order mark; for the
                    // lexer that is the caller's job, so it is text here.
                    if mutant.starts_with('\u{FEFF}') {
                        continue;
                    }
                    // quick-xml checks less, so it accepts whatever we do.
                    let theirs = theirs(&mutant)
                        .unwrap_or_else(|e| panic!("{name} #{round}: quick-xml: {e}\n{mutant}"));
                    assert_eq!(items, theirs, "{name} #{round}\n{mutant}");
                }
                Err(e) => {
                    rejected += 1;
                    // The lexer's own error, unless only decoding failed.
                    if let Some(lexed) = lex_checked(&mutant) {
                        assert_eq!(lexed, e, "{name} #{round}");
                    }
                }
            }
        }
    }
    eprintln!("mutants: {accepted} accepted, {rejected} rejected");
    assert!(accepted > 100 && rejected > 100);
}
