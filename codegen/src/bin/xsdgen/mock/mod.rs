//! `xsdgen mock`: serves a mock of a WSDL's SOAP operations, on the
//! runtime's dispatcher, with canned answers.

mod canned;
mod operations;
mod serve;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use xsdgen::Config;
use xsdgen::diagnostics::render;

/// The options of `xsdgen mock`.
#[derive(Args)]
pub struct MockOptions {
    /// The WSDL file; its schemas are read as `generate` reads them.
    wsdl: PathBuf,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Answers operation OP with the body element in FILE, which must be
    /// the operation's output element; may be repeated.
    #[arg(long = "respond", value_name = "OP=FILE")]
    respond: Vec<String>,
    /// Answers operation OP with a fault in the request's version: FILE
    /// holds the detail entry of one of the operation's wsdl:faults (a
    /// Receiver fault whose reason is the fault's name); `sender:TEXT` and
    /// `receiver:TEXT` give a fault without detail. May be repeated.
    #[arg(long = "fault", value_name = "OP=FILE|OP=sender:TEXT|OP=receiver:TEXT")]
    faults: Vec<String>,
    /// Reads FILE wherever a schema names LOCATION; may be repeated.
    #[arg(long = "map-location", value_name = "LOCATION=FILE")]
    map_locations: Vec<String>,
    /// Resolves locations through this OASIS XML catalog; may be repeated.
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
}

/// Exit status 2 when the WSDL has errors, a canned file is not what its
/// operation answers with, or the address cannot be bound.
pub fn run(options: &MockOptions) -> ExitCode {
    match mock(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprint!("{}", crate::with_newline(&message));
            ExitCode::from(2)
        }
    }
}

fn mock(options: &MockOptions) -> Result<(), String> {
    let mut config = Config::new();
    config.emit_rerun_if_changed(false);
    for spec in &options.map_locations {
        let Some((location, file)) = spec.rsplit_once('=') else {
            return Err(format!(
                "error: --map-location {spec}: expected LOCATION=FILE"
            ));
        };
        config.map_location(location, file);
    }
    for catalog in &options.catalogs {
        config.catalog(catalog);
    }
    let front = config
        .front(std::slice::from_ref(&options.wsdl))
        .map_err(|e| e.to_string())?;
    let warnings = front.warnings();
    if !warnings.is_empty() {
        eprint!(
            "{}",
            crate::with_newline(&render(&warnings, &front.sources))
        );
    }
    let (served, left_out) = operations::served(&front.model);
    for line in &left_out {
        eprintln!("warning: {line}");
    }
    if served.is_empty() {
        return Err(format!(
            "{}: error: no SOAP 1.1 or 1.2 operation to serve",
            options.wsdl.display()
        ));
    }
    let answers = canned::answers(&served, &options.respond, &options.faults)?;
    let wsdl = std::fs::read(&options.wsdl)
        .map_err(|e| format!("error: cannot read '{}': {e}", options.wsdl.display()))?;
    let wsdl = String::from_utf8_lossy(&wsdl);
    let wsdl = wsdl.strip_prefix('\u{feff}').unwrap_or(&wsdl).to_owned();
    let router = serve::router(&served, &answers, wsdl);
    let path = address_path(&front.model);

    init_log();
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| format!("error: cannot start the async runtime: {e}"))?;
    runtime.block_on(serve::run(options.bind, &path, &served, &answers, router))
}

/// The path of the first port's address (`/stock` of
/// `http://localhost/stock`), so that the URL printed is the WSDL's; `/`
/// without one. The dispatcher serves every path alike.
fn address_path(model: &xsdgen::model::Model) -> String {
    let address = model
        .services
        .iter()
        .flat_map(|s| &s.ports)
        .find_map(|p| p.address.as_deref());
    let path = address
        .and_then(|a| a.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        .map(|p| p.split(['?', '#']).next().unwrap_or(""))
        .filter(|p| !p.is_empty());
    path.unwrap_or("/").to_owned()
}

/// Each request is logged on stderr with its operation and status (the
/// dispatcher's line, never a body); `RUST_LOG` overrides the filter.
fn init_log() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,xsdgen_runtime::server=debug"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init();
}
