//! Arbitrary bytes as one or more schema files (see `xsdgen_fuzz::split`),
//! through the whole generator.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(split) = xsdgen_fuzz::split::split(data) {
        xsdgen_fuzz::generate(&split.inputs[0], &split.files, split.all);
    }
});
