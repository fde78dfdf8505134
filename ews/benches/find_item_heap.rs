//! Peak heap and allocation count of one read (and one write) of each
//! FindItem document, generated types against serde: criterion measures
//! time only. Run with `cargo bench -p xsdgen-ews --bench find_item_heap`.
//!
//! The document itself is allocated before counting starts; what is
//! reported is the highest number of bytes live at once during the call,
//! above what was live when it began, and how many allocations it made.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

mod support;

use support::{SIZES, document, generated, serde_model};

/// The system allocator, counting. A global allocator is an `unsafe`
/// trait; this one only forwards to `System` and adds up sizes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
    COUNT.fetch_add(1, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            COUNT.fetch_add(1, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes above the start and allocations made while `f` runs; what
/// `f` returns is dropped after the measurement.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let count = COUNT.load(Relaxed);
    let kept = black_box(f());
    let result = (PEAK.load(Relaxed) - base, COUNT.load(Relaxed) - count);
    drop(kept);
    result
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
}
