//! Peak heap and allocation count of one read (and one write) of each
//! FindItem document, generated types against serde: criterion measures
//! time only. Run with `cargo bench -p xsdgen-ews --bench find_item_heap`.
//!
//! The document itself is allocated before counting starts; what is
//! reported is the highest number of bytes live at once during the call,
//! above what was live when it began, and how many allocations it made.

use std::hint::black_box;

mod support;

use support::{SIZES, document, generated, serde_model};

// dhat's counting allocator: heap peaks without writing an allocator
// (and its `unsafe`) here.
#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

/// Peak bytes and allocations made while `f` runs; what `f` returns is
/// dropped after the measurement. Blocks allocated before (the document)
/// are not counted, as dhat counts from the profiler's start.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize) {
    let profiler = dhat::Profiler::builder().testing().build();
    let kept = black_box(f());
    let stats = dhat::HeapStats::get();
    drop(profiler);
    drop(kept);
    (stats.max_bytes, stats.total_blocks as usize)
}

fn row(what: &str, ours: (usize, usize), theirs: (usize, usize)) {
    println!(
        "{what:<12} generated {:>12} B {:>9} allocs | serde {:>12} B {:>9} allocs | heap ratio {:.2}",
        ours.0,
        ours.1,
        theirs.0,
        theirs.1,
        ours.0 as f64 / theirs.0 as f64
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a filter, as criterion takes one, is
    // accepted and ignored.
    for (label, items) in SIZES {
        let xml = document::find_item_response(items);
        println!("{label}: {items} items, {} bytes", xml.len());
        let read_ours = measure(|| generated::read(xml.as_bytes()));
        let read_theirs = measure(|| serde_model::read(&xml));
        row("read", read_ours, read_theirs);
        let ours = generated::read(xml.as_bytes());
        let theirs = serde_model::read(&xml).with_namespaces();
        row(
            "write",
            measure(|| generated::write(&ours)),
            measure(|| serde_model::write(&theirs)),
        );
    }
    // Streaming item by item: the peak follows one item, not the folder,
    // so ten times the items (about 50 MB) peaks where 5 MB does.
    let mut peaks = Vec::new();
    for (label, items) in [("5MB", SIZES[1].1), ("50MB", SIZES[1].1 * 10)] {
        let xml = document::find_item_response(items);
        let (peak, allocs) = measure(|| generated::stream(xml.as_bytes(), drop));
        println!(
            "stream {label:<5} {items} items, {} bytes: peak {peak:>9} B {allocs:>9} allocs | {:.3} of the input",
            xml.len(),
            peak as f64 / xml.len() as f64
        );
        peaks.push(peak);
    }
    if let [small, large] = peaks[..] {
        println!("stream peak 50MB / 5MB: {:.2}", large as f64 / small as f64);
    }
}
