//! Generates every schema set of the corpus but EWS (which `xsdgen-ews`
//! builds) with no options, as a downstream crate would: one module per
//! set, named in `src/lib.rs`. The corpus is not part of this repository:
//! its folder comes from `XSDGEN_CORPUS`, by default `../../shared/corpus`.
//! Without it the crate builds empty (and its tests say so loudly), except
//! under CI, where that is an error.

use std::path::{Path, PathBuf};

/// The module of each set and its entry points, relative to the corpus.
/// A module's file is named after its first entry point.
const SETS: &[(&str, &[&str])] = &[
    ("gpx11", &["gpx11/schema/gpx.xsd"]),
    (
        "maven_pom400",
        &["maven-pom400/schema/content/resources/xsd/maven-4.0.0.xsd"],
    ),
    ("hpxml", &["hpxml/schema/schemas/HPXML.xsd"]),
    ("bpmn20", &["bpmn20/schema/resources/bpmn/xsd/BPMN20.xsd"]),
    // One set, so that the cac/cbc modules both documents share are
    // generated once.
    (
        "ubl21",
        &[
            "ubl21/schema/xsd/maindoc/UBL-Invoice-2.1.xsd",
            "ubl21/schema/xsd/maindoc/UBL-CreditNote-2.1.xsd",
        ],
    ),
    // The NF-e payload schemas, one set per layout file they include:
    // the layouts redefine the same types (`TProtNFe`, `TVerNFe`, ...) in
    // one namespace, so they cannot be loaded together.
    (
        "nfe_v4",
        &[
            "nfe/schema/nfelib/nfe/schemas/v4_0/nfe_v4.00.xsd",
            "nfe/schema/nfelib/nfe/schemas/v4_0/procNFe_v4.00.xsd",
            "nfe/schema/nfelib/nfe/schemas/v4_0/enviNFe_v4.00.xsd",
            "nfe/schema/nfelib/nfe/schemas/v4_0/retEnviNFe_v4.00.xsd",
            "nfe/schema/nfelib/nfe/schemas/v4_0/consReciNFe_v4.00.xsd",
            "nfe/schema/nfelib/nfe/schemas/v4_0/retConsReciNFe_v4.00.xsd",
        ],
    ),
    (
        "nfe_inut",
        &[
            "nfe/schema/nfelib/nfe/schemas/v4_0/inutNFe_v4.00.xsd",
            "nfe/schema/nfelib/nfe/schemas/v4_0/retInutNFe_v4.00.xsd",
        ],
    ),
    (
        "nfe_cons_sit",
        &[
            "nfe/schema/nfelib/nfe/schemas/v4_0/consSitNFe_v4.00.xsd",
            "nfe/schema/nfelib/nfe/schemas/v4_0/retConsSitNFe_v4.00.xsd",
        ],
    ),
    (
        "nfe_cons_stat_serv",
        &[
            "nfe/schema/nfelib/nfe/schemas/v4_0/consStatServ_v4.00.xsd",
            "nfe/schema/nfelib/nfe/schemas/v4_0/retConsStatServ_v4.00.xsd",
        ],
    ),
    (
        "nfe_services",
        &[
            "nfe/schema/nfelib/nfe/wsdl/v4_0/nfeautorizacao4.wsdl",
            "nfe/schema/nfelib/nfe/wsdl/v4_0/nfeconsulta4.wsdl",
            "nfe/schema/nfelib/nfe/wsdl/v4_0/nfedistribuicaodfe.wsdl",
            "nfe/schema/nfelib/nfe/wsdl/v4_0/nfeinutilizacao4.wsdl",
            "nfe/schema/nfelib/nfe/wsdl/v4_0/nferetautorizacao4.wsdl",
            "nfe/schema/nfelib/nfe/wsdl/v4_0/nfestatusservico4.wsdl",
            "nfe/schema/nfelib/nfe/wsdl/v4_0/recepcaoevento4.wsdl",
        ],
    ),
];

fn main() {
    println!("cargo:rerun-if-env-changed=XSDGEN_CORPUS");
    println!("cargo:rustc-check-cfg=cfg(corpus)");
    let corpus = std::env::var_os("XSDGEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set: run this build script through cargo");
        std::process::exit(1);
    };
    let missing: Vec<&str> = SETS
        .iter()
        .flat_map(|(_, entries)| entries.iter().copied())
        .filter(|entry| !corpus.join(entry).is_file())
        .collect();
    if !missing.is_empty() {
        if std::env::var_os("CI").is_some() {
            eprintln!(
                "the corpus is incomplete at {} (set XSDGEN_CORPUS): missing {}",
                corpus.display(),
                missing.join(", ")
            );
            std::process::exit(1);
        }
        println!(
            "cargo:warning=SKIPPED: no corpus at {}; xsdgen-corpus is built empty (set XSDGEN_CORPUS)",
            corpus.display()
        );
        return;
    }
    println!("cargo:rustc-cfg=corpus");
    for (module, entries) in SETS {
        let inputs: Vec<PathBuf> = entries.iter().map(|entry| corpus.join(entry)).collect();
        if let Err(e) = xsdgen::Config::new()
            .out_dir(out.join(module))
            .compile(&inputs)
        {
            eprintln!("{module}: {e}");
            std::process::exit(1);
        }
    }
}
