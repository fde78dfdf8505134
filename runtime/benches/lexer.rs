//! The lexer against quick-xml's `Reader` doing the same work in the same
//! run: every event read and every text decoded, on one SOAP response and
//! on a document of about 1 MB made of many copies of its body.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quick_xml::events::Event;
use quick_xml::reader::Reader;

// The lexer is private to the runtime; compiled here from its source, as
// the same module tree, so that it can be measured on its own.
#[allow(dead_code, unused_imports)]
#[path = "../src/xml"]
mod xml {
    mod bytes;
    pub mod lexer;
}

use xml::lexer::{Lexer, Token, decode_text, normalize_newlines};

const RESPONSE: &str = include_str!("../../schemas/examples/GetUMProperties.response.xml");

/// The response with its inner `GetUMPropertiesResponse` element repeated
/// until the document is about 1 MB.
fn large() -> String {
    const OPEN: &str = "<GetUMPropertiesResponse>";
    const CLOSE: &str = "</GetUMPropertiesResponse>";
    let start = RESPONSE.find(OPEN).expect("inner element");
    let end = RESPONSE[start..].find(CLOSE).expect("its end") + start + CLOSE.len();
    let body = &RESPONSE[start..end];
    let copies = (1 << 20) / body.len() + 1;
    let mut doc = String::with_capacity(RESPONSE.len() + copies * (body.len() + 7));
    doc.push_str(&RESPONSE[..start]);
    for _ in 0..copies {
        doc.push_str(body);
        doc.push_str("\n      ");
    }
    doc.push_str(&RESPONSE[end..]);
    doc
}

/// Reads every token and decodes all text; returns a checksum of what was
/// read so that the work cannot be optimized away. `CHECK_CLEAN` is how the
/// reader decodes: the lexer has already seen whether a text has anything
/// to decode. Without it, every text is scanned again, as quick-xml does.
fn lexer<const CHECK_CLEAN: bool>(doc: &str) -> usize {
    let mut lexer = Lexer::new(doc);
    let mut sum = 0;
    loop {
        match lexer.next_token().expect("well-formed") {
            Token::Start { qname, .. } | Token::End { qname, .. } => sum += qname.len(),
            Token::Text { raw, clean, .. } => {
                sum += if CHECK_CLEAN && clean {
                    raw.len()
                } else {
                    decode_text(raw).expect("decodes").len()
                }
            }
            Token::CData { text, .. } => sum += normalize_newlines(text).len(),
            Token::Eof => return sum,
            _ => sum += 1,
        }
    }
}

fn quick_xml(doc: &str) -> usize {
    let mut reader = Reader::from_str(doc);
    // As the runtime's reader is configured.
    reader.config_mut().expand_empty_elements = true;
    let mut sum = 0;
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(s) => sum += s.name().0.len(),
            Event::End(e) => sum += e.name().0.len(),
            Event::Text(t) => sum += t.xml10_content().len(),
            Event::CData(t) => sum += t.xml10_content().len(),
            Event::GeneralRef(r) => sum += r.len(),
            Event::Eof => return sum,
            _ => sum += 1,
        }
    }
}

fn compare(c: &mut Criterion, name: &str, doc: &str) {
    let expected = quick_xml(doc);
    assert_eq!(lexer::<true>(doc), expected, "both read the same");
    assert_eq!(lexer::<false>(doc), expected, "both read the same");
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(doc.len() as u64));
    group.bench_function("lexer", |b| b.iter(|| lexer::<true>(black_box(doc))));
    group.bench_function("lexer, rescanning text", |b| {
        b.iter(|| lexer::<false>(black_box(doc)))
    });
    group.bench_function("quick-xml", |b| b.iter(|| quick_xml(black_box(doc))));
    group.finish();
}

fn benches(c: &mut Criterion) {
    compare(c, "GetUMProperties response", RESPONSE);
    compare(c, "1 MB of UMProperties", &large());
}

criterion_group!(lexer_benches, benches);
criterion_main!(lexer_benches);
