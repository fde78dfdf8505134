//! `xsdgen`: Rust types and streaming, serde-free readers and writers from XML
//! Schema and WSDL 1.1, generated at build time (like `prost-build`) or by
//! the `xsdgen` CLI. Generated code depends only on `xsdgen-runtime`.
//!
//! ```no_run
//! // In build.rs, `fn main`:
//! let wsdl = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/um.wsdl");
//! if let Err(e) = xsdgen::Config::new().compile(&[wsdl]) {
//!     eprintln!("{e}");
//!     std::process::exit(1);
//! }
//! // src/lib.rs: pub mod um { include!(concat!(env!("OUT_DIR"), "/um.rs")); }
//! ```
//!
//! # Pipeline
//!
//! Each stage is a plain function with one output type; errors are located
//! diagnostics (`schemas/um.xsd:41:7: error: ...`), checked between stages.
//!
//! ```text
//! Config --load--> SourceSet          files read once, include/import closure
//!        --parse-> syntax::SchemaSet  XSD + WSDL syntax trees with spans
//!        --lower-> model::Model       language-neutral, references resolved
//!        --check-> Diagnostics        stop if any error
//!        --passes> model::Model       tree-shake to the roots; Recursion
//!        --plan--> plan::RustCrate    idents, derives, modules, XML bindings
//!        --emit--> TokenStream        quote!: types, XmlWrite, XmlRead, ...
//!        --render> GeneratedFile      prettyplease, `// @generated` header
//! ```
//!
//! [`mapping`] documents how each schema construct becomes Rust.
#![forbid(unsafe_code)]

pub mod check;
mod config;
pub mod diagnostics;
pub mod emit;
pub mod load;
pub mod lower;
pub mod mapping;
pub mod model;
pub mod parse;
pub mod passes;
pub mod pipeline;
pub mod plan;
pub mod render;
pub mod syntax;

pub use config::{Config, Generated, compile};
pub use diagnostics::Error;
pub use render::GeneratedFile;

/// The README's examples, compiled as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
