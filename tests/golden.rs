//! The bindings `build.rs` generates into `OUT_DIR` are byte for byte the
//! checked-in golden `generated/src/um.rs`. Re-bless with
//! `XSDGEN_BLESS=1 cargo test --test golden`.

use std::path::Path;

const BLESS: &str = "XSDGEN_BLESS=1 cargo test --test golden";

#[test]
fn generated_bindings_match_the_golden_copy() {
    let fresh = include_str!(concat!(env!("OUT_DIR"), "/um.rs"));
    let golden_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/src/um.rs");
    if std::env::var_os("XSDGEN_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&golden_path, fresh).expect("write the golden file");
        return;
    }
    let golden = std::fs::read_to_string(&golden_path).unwrap_or_default();
    if golden == fresh {
        return;
    }
    let line = golden
        .lines()
        .zip(fresh.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| golden.lines().count().min(fresh.lines().count()));
    panic!(
        "{} differs from the code build.rs generates, from line {}:\n  golden: {}\n  fresh:  {}\n\
         If the change is intended, run:\n\n    {BLESS}\n",
        golden_path.display(),
        line + 1,
        golden.lines().nth(line).unwrap_or("<end of file>"),
        fresh.lines().nth(line).unwrap_or("<end of file>"),
    );
}
