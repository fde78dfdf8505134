//! FindItem responses of the size users receive, read and written through
//! the generated EWS 2016 types and through serde (`quick_xml::de` and
//! `quick_xml::se` on the hand-written structs of `serde_model.rs`), in
//! the same run, so that each ratio is against a baseline measured on the
//! same machine at the same time.
//!
//! Two sizes: a first page of 9 items (about 20 KB) and a whole folder of
//! 2,380 items (about 5 MB), each item with 26 to 36 properties.
//! `find_item_heap` measures the peak heap of one read, which criterion
//! does not.
//!
//! The read group has a floor: quick-xml's `Reader` over the same bytes,
//! every event read and counted and nothing else, which is less than any
//! reader that builds values can do. (The runtime's own lexer is private
//! to it; `cargo bench -p xsdgen-runtime --bench lexer` compares it with
//! quick-xml's `Reader`.)

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use quick_xml::events::Event;
use quick_xml::reader::Reader;

mod support;

use support::{SIZES, document, generated, serde_model};

/// The number of events in `xml`, read from the borrowed text: no event
/// allocates.
fn tokens(xml: &str) -> usize {
    let mut reader = Reader::from_str(xml);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return events,
            Ok(_) => events += 1,
            Err(e) => panic!("the document is well-formed: {e}"),
        }
    }
}

fn reading(c: &mut Criterion) {
    let mut group = c.benchmark_group("FindItemResponse/read");
    for (label, items) in SIZES {
        let xml = document::find_item_response(items);
        group.throughput(Throughput::Bytes(xml.len() as u64));
        group.bench_with_input(BenchmarkId::new("generated", label), &xml, |b, xml| {
            b.iter(|| generated::read(black_box(xml.as_bytes())))
        });
        group.bench_with_input(BenchmarkId::new("serde", label), &xml, |b, xml| {
            b.iter(|| serde_model::read(black_box(xml)))
        });
        group.bench_with_input(
            BenchmarkId::new("generated_stream", label),
            &xml,
            |b, xml| b.iter(|| generated::stream(black_box(xml.as_bytes()), drop)),
        );
        group.bench_with_input(
            BenchmarkId::new("quick_xml_tokens", label),
            &xml,
            |b, xml| b.iter(|| tokens(black_box(xml))),
        );
    }
    group.finish();
}

fn writing(c: &mut Criterion) {
    let mut group = c.benchmark_group("FindItemResponse/write");
    for (label, items) in SIZES {
        let xml = document::find_item_response(items);
        let ours = generated::read(xml.as_bytes());
        let theirs = serde_model::read(&xml).with_namespaces();
        group.throughput(Throughput::Bytes(xml.len() as u64));
        group.bench_with_input(BenchmarkId::new("generated", label), &ours, |b, value| {
            b.iter(|| generated::write(black_box(value)))
        });
        group.bench_with_input(BenchmarkId::new("serde", label), &theirs, |b, value| {
            b.iter(|| serde_model::write(black_box(value)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // The 5 MB cases take milliseconds each: fewer samples keep the run
    // within minutes on a shared machine.
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = reading, writing
}
criterion_main!(benches);
