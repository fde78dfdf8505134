//! Arbitrary bytes as one or more schema files (see `xsdgen_fuzz::split`),
//! through the whole generator.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| xsdgen_fuzz::targets::schema_loader(data));
