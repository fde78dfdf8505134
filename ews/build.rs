//! Generates Exchange Web Services 2016 and 2010 SP2 from the corpus,
//! with no options, as a downstream crate would. The corpus is not part
//! of this repository: its folder comes from `XSDGEN_EWS_CORPUS`, by
//! default `../../shared/corpus/ews`. Without it the crate builds empty
//! (and its tests say so loudly), except under CI, where that is an error.

use std::path::{Path, PathBuf};

const VERSIONS: [(&str, &str); 2] = [
    ("ews2016", "Exchange2016"),
    ("ews2010_sp2", "Exchange2010_SP2"),
];

fn main() {
    println!("cargo:rerun-if-env-changed=XSDGEN_EWS_CORPUS");
    println!("cargo:rustc-check-cfg=cfg(ews_corpus)");
    let corpus = std::env::var_os("XSDGEN_EWS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/ews"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if !corpus.join("Exchange2016/services.wsdl").is_file() {
        if std::env::var_os("CI").is_some() {
            eprintln!(
                "the EWS corpus is missing at {} (set XSDGEN_EWS_CORPUS)",
                corpus.display()
            );
            std::process::exit(1);
        }
        println!(
            "cargo:warning=SKIPPED: no EWS corpus at {}; xsdgen-ews is built empty (set XSDGEN_EWS_CORPUS)",
            corpus.display()
        );
        return;
    }
    println!("cargo:rustc-cfg=ews_corpus");
    for (module, folder) in VERSIONS {
        let result = xsdgen::Config::new()
            .out_dir(out.join(module))
            .compile(&[corpus.join(folder).join("services.wsdl")]);
        if let Err(e) = result {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
