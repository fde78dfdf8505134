//! Arbitrary bytes as a UM SOAP envelope read through the generated types,
//! and as any XML document (see `xsdgen_fuzz::documents`): what is read
//! must write back and read again the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| xsdgen_fuzz::targets::xml_reader(data));
