//! Exchange Web Services, generated at build time from the public schema
//! sets of Exchange 2016 and Exchange 2010 SP2 with no options: the proof
//! that xsdgen handles a large real-world schema. The round-trip tests
//! read and write hand-written EWS messages through these types.

#[cfg(ews_corpus)]
pub mod ews2016 {
    include!(concat!(env!("OUT_DIR"), "/ews2016/services.rs"));
}

#[cfg(ews_corpus)]
pub mod ews2010_sp2 {
    include!(concat!(env!("OUT_DIR"), "/ews2010_sp2/services.rs"));
}

/// Whether the bindings were generated (the corpus was found).
pub const GENERATED: bool = cfg!(ews_corpus);
