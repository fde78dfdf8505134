//! The generated readers on broken input: every truncation and thousands of
//! deterministic byte mutations of each documented example must give a
//! value or a located error, never a panic.

mod common;

use exchange_um::um;
use xsdgen_runtime::soap::{read_envelope, read_request};
use xsdgen_runtime::xml::XmlElement;

/// xorshift64*: deterministic, so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b"<",
    b">",
    b"/",
    b"&",
    b"&amp;",
    b"&#0;",
    b"\"",
    b":",
    b"xmlns=\"\"",
    b"xmlns:a=\"x\"",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"\xff",
    b"\xc3",
    b"\r",
    b"\0",
    b"a:",
    b"<x>",
    b"</x>",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(out.len() + 1);
        match rng.below(4) {
            0 if at < out.len() => {
                out.remove(at);
            }
            1 if at < out.len() => out[at] = rng.next() as u8,
            2 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                out.splice(at..at, piece.iter().copied());
            }
            _ => {
                let len = rng.below(16).min(out.len() - at.min(out.len()));
                let copy: Vec<u8> = out[at.min(out.len())..at.min(out.len()) + len].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
        }
    }
    out
}

fn survive<T: XmlElement>(file: &str, request: bool) {
    let xml = common::read(&format!("schemas/examples/{file}")).into_bytes();
    let read = |bytes: &[u8]| {
        if request {
            let _ = read_request::<T>(bytes);
        } else {
            let _ = read_envelope::<T>(bytes);
        }
    };
    for cut in 0..xml.len() {
        read(&xml[..cut]);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ xml.len() as u64);
    for _ in 0..3000 {
        read(&mutate(&mut rng, &xml));
    }
}

#[test]
fn generated_readers_never_panic_on_broken_messages() {
    survive::<um::GetUmPropertiesResponse>("GetUMProperties.response.xml", false);
    survive::<um::GetCallInfoResponse>("GetCallInfo.response.xml", false);
    survive::<um::PlayOnPhoneGreeting>("PlayOnPhoneGreeting.request.xml", true);
    survive::<um::PlayOnPhone>("PlayOnPhone.request.xml", true);
    survive::<um::ResetPinResponse>("ResetPIN.response.xml", false);
    survive::<um::IsUmEnabledResponse>("IsUMEnabled.response.xml", false);
}

#[test]
fn a_fault_reader_never_panics_either() {
    for file in ["invalid-request.xml", "exception.xml", "server-busy.xml"] {
        survive::<um::ResetPinResponse>(&format!("faults/{file}"), false);
    }
}
