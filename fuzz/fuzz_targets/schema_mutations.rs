//! Edits of the project's own schema sets (see `xsdgen_fuzz::mutate`),
//! through the whole generator.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|script: xsdgen_fuzz::mutate::Script| {
    if let Some(mutated) = xsdgen_fuzz::mutate::apply(&script) {
        // Reproducing a crash: the edited files, as `xsdgen generate` can
        // read them.
        if let Some(dir) = std::env::var_os("XSDGEN_FUZZ_DUMP") {
            xsdgen_fuzz::mutate::dump(&mutated, std::path::Path::new(&dir));
        }
        xsdgen_fuzz::generate(&mutated.input, &mutated.files, mutated.all);
    }
});
