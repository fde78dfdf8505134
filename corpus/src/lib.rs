//! Bindings generated at build time from the real-world schema sets of the
//! corpus (GPX 1.1, Maven POM 4.0.0, HPXML 4.2, BPMN 2.0, UBL 2.1 and the
//! NF-e 4.00 payload schemas and service WSDLs) with no options. The
//! round-trip tests read each set's published instance documents through
//! these types and write them back.
//!
//! Generated code must compile without a single warning: one is a
//! generator defect, not something to allow here.

#![deny(warnings)]

/// `set!(module, "file.rs")`: the generated file of a set as a module.
macro_rules! set {
    ($module:ident, $file:literal) => {
        #[cfg(corpus)]
        pub mod $module {
            include!(concat!(
                env!("OUT_DIR"),
                "/",
                stringify!($module),
                "/",
                $file
            ));
        }
    };
}

set!(gpx11, "gpx.rs");
set!(maven_pom400, "maven-4.0.0.rs");
set!(hpxml, "HPXML.rs");
set!(bpmn20, "BPMN20.rs");
set!(ubl21, "UBL-Invoice-2.1.rs");
set!(nfe_v4, "nfe_v4.00.rs");
set!(nfe_inut, "inutNFe_v4.00.rs");
set!(nfe_cons_sit, "consSitNFe_v4.00.rs");
set!(nfe_cons_stat_serv, "consStatServ_v4.00.rs");
set!(nfe_services, "nfeautorizacao4.rs");

/// Whether the bindings were generated (the corpus was found).
pub const GENERATED: bool = cfg!(corpus);
