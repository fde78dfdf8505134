//! Generates the UM bindings from `schemas/` into `OUT_DIR`, through
//! xsdgen's public API, as any downstream crate would.

fn main() {
    let wsdl = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/um.wsdl");
    if let Err(e) = xsdgen::Config::new().compile(&[wsdl]) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
