//! `xsdgen`: generate Rust from XML Schema and WSDL, or check that
//! checked-in generated code is up to date.
//!
//! ```text
//! xsdgen generate schemas/um.wsdl -o generated/src
//! xsdgen check schemas/um.wsdl -o generated/src
//! xsdgen explain ArrayOfResponseMessagesType services.wsdl --operation ConvertId
//! xsdgen mock services.wsdl --bind 127.0.0.1:8080 --respond GetLevel=level.xml
//! ```
//!
//! Exit status: 0 on success (and, for `check`, when every file is up to
//! date), 1 when `check` finds stale or missing files, 2 when the schemas
//! have errors, a file cannot be read or written, or `explain` is given a
//! name it cannot explain; `mock` serves until interrupted, and exits
//! with 2 when the WSDL or a canned answer is wrong.

// Beside this file rather than in src/bin/, where Cargo would take it
// for a binary of its own.
#[path = "xsdgen/mock/mod.rs"]
mod mock;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use xsdgen::{Config, Generated, GeneratedFile};

#[derive(Parser)]
#[command(
    name = "xsdgen",
    version,
    about = "Rust types and XML readers/writers from XSD and WSDL 1.1"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes the generated files into the output directory.
    Generate(Options),
    /// Regenerates in memory and compares with the output directory:
    /// exits with 1 and lists the stale or missing files when they differ.
    Check(Options),
    /// Prints why an element or type is generated: the chain of
    /// references from a root to it, with the position of each.
    Explain(ExplainOptions),
    /// Serves a mock of the WSDL's SOAP 1.1 and 1.2 operations over HTTP,
    /// dispatching requests as generated servers do (by action and body
    /// element), with canned answers.
    ///
    /// Prints the URL, then each operation served (name, version, action,
    /// answer), and logs each request's operation and status on stderr.
    /// An operation with neither --respond nor --fault answers with a
    /// Receiver fault "no canned response for OP" (no sample is built
    /// from the schema). The WSDL is served at ?wsdl.
    Mock(mock::MockOptions),
}

#[derive(Args)]
struct ExplainOptions {
    /// The element or type: `{uri}local` or a local name, optionally
    /// after `type:` or `element:`.
    name: String,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct Options {
    /// Output directory.
    #[arg(short = 'o', long = "out-dir")]
    out_dir: PathBuf,
    #[command(flatten)]
    common: Common,
}

/// The inputs and every option of generation.
#[derive(Args)]
struct Common {
    /// Schema (.xsd) and WSDL (.wsdl) files; includes and imports are
    /// followed.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Name of the generated file (default: the first input's stem + .rs).
    #[arg(long)]
    file_name: Option<String>,
    /// Marks an operation as safe to retry (`OP`, or `OP=false` to mark it
    /// unsafe), overriding the WSDL's xg:safeToRetry.
    #[arg(long = "safe-to-retry", value_name = "OP[=BOOL]")]
    safe_to_retry: Vec<String>,
    /// Generates this global element ({uri}local or local name) instead of
    /// the default roots; may be repeated.
    #[arg(long = "root", value_name = "ELEMENT")]
    roots: Vec<String>,
    /// Generates this named type ({uri}local or local name); may be repeated.
    #[arg(long = "root-type", value_name = "TYPE")]
    root_types: Vec<String>,
    /// Generates this WSDL operation only (with other roots, too); may be
    /// repeated.
    #[arg(long = "operation", value_name = "NAME")]
    operations: Vec<String>,
    /// In the choices of the complex type TYPE, keeps only the element
    /// branches named (comma-separated); may be repeated.
    #[arg(long = "only-branches", value_name = "TYPE=BRANCH,...")]
    only_branches: Vec<String>,
    /// Names the Rust item of a schema type or element (`{uri}local` or a
    /// local name) `IDENT`; may be repeated.
    #[arg(long = "rename", value_name = "NAME=IDENT")]
    renames: Vec<String>,
    /// Generates every type and element, reachable or not.
    #[arg(long)]
    all: bool,
    /// Path of the runtime crate in generated code.
    #[arg(long, value_name = "PATH")]
    runtime_crate: Option<String>,
    /// Adds an `Unknown(String)` variant to every enumeration.
    #[arg(long)]
    enum_unknown_variant: bool,
    /// Boxes element values larger than BYTES (default 256).
    #[arg(long, value_name = "BYTES")]
    size_budget: Option<usize>,
    /// Reads FILE wherever a schema names LOCATION (a URL that is never
    /// fetched, or a path where the file is not); may be repeated.
    #[arg(long = "map-location", value_name = "LOCATION=FILE")]
    map_locations: Vec<String>,
    /// Resolves locations through this OASIS XML catalog; may be repeated.
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
}

impl Common {
    fn config(&self) -> Result<Config, String> {
        let mut config = Config::new();
        config.emit_rerun_if_changed(false);
        config.generate_all(self.all);
        config.enum_unknown_variant(self.enum_unknown_variant);
        if let Some(bytes) = self.size_budget {
            config.size_budget(bytes);
        }
        if let Some(name) = &self.file_name {
            config.file_name(name);
        }
        if let Some(path) = &self.runtime_crate {
            config.runtime_crate(path);
        }
        for root in &self.roots {
            config.root_element(root);
        }
        for root in &self.root_types {
            config.root_type(root);
        }
        for op in &self.operations {
            config.root_operation(op);
        }
        for spec in &self.only_branches {
            let Some((ty, branches)) = spec.split_once('=') else {
                return Err(format!("--only-branches {spec}: expected TYPE=BRANCH,..."));
            };
            config.only_branches(ty, branches.split(',').filter(|b| !b.is_empty()));
        }
        for spec in &self.map_locations {
            let Some((location, file)) = spec.rsplit_once('=') else {
                return Err(format!("--map-location {spec}: expected LOCATION=FILE"));
            };
            config.map_location(location, file);
        }
        for catalog in &self.catalogs {
            config.catalog(catalog);
        }
        for spec in &self.renames {
            let Some((name, ident)) = spec.split_once('=') else {
                return Err(format!("--rename {spec}: expected NAME=IDENT"));
            };
            config.rename(name, ident);
        }
        for spec in &self.safe_to_retry {
            let (op, safe) = match spec.split_once('=') {
                None => (spec.as_str(), true),
                Some((op, "true")) => (op, true),
                Some((op, "false")) => (op, false),
                Some(_) => {
                    return Err(format!(
                        "--safe-to-retry {spec}: expected OP, OP=true or OP=false"
                    ));
                }
            };
            config.safe_to_retry(op, safe);
        }
        Ok(config)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = match &cli.command {
        Command::Generate(options) | Command::Check(options) => options,
        Command::Explain(explain) => return run_explain(explain),
        Command::Mock(options) => return mock::run(options),
    };
    let generated = match options
        .common
        .config()
        .and_then(|c| c.build(&options.common.inputs).map_err(|e| e.to_string()))
    {
        Ok(generated) => generated,
        Err(message) => {
            eprint!("{}", with_newline(&message));
            return ExitCode::from(2);
        }
    };
    eprint!("{}", generated.warnings);
    match cli.command {
        Command::Check(_) => check(&options.out_dir, &generated),
        _ => generate(&options.out_dir, &generated),
    }
}

/// Prints the chain to stdout; errors go to stderr with status 2.
fn run_explain(explain: &ExplainOptions) -> ExitCode {
    let chain = explain.common.config().and_then(|c| {
        c.explain(&explain.common.inputs, &explain.name)
            .map_err(|e| e.to_string())
    });
    match chain {
        Ok(chain) => {
            print!("{chain}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprint!("{}", with_newline(&message));
            ExitCode::from(2)
        }
    }
}

fn generate(dir: &Path, generated: &Generated) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot create '{}': {e}", dir.display());
        return ExitCode::from(2);
    }
    for file in &generated.files {
        let path = dir.join(&file.path);
        let unchanged = std::fs::read(&path).is_ok_and(|old| old == file.contents.as_bytes());
        if unchanged {
            continue;
        }
        if let Err(e) = std::fs::write(&path, &file.contents) {
            eprintln!("error: cannot write '{}': {e}", path.display());
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

fn check(dir: &Path, generated: &Generated) -> ExitCode {
    let mut stale = 0;
    for file in &generated.files {
        let path = dir.join(&file.path);
        match std::fs::read_to_string(&path) {
            Ok(old) if old == file.contents => {}
            Ok(old) => {
                stale += 1;
                eprintln!("stale: {}", path.display());
                eprint!("{}", first_difference(&old, file));
            }
            Err(_) => {
                stale += 1;
                eprintln!("missing: {}", path.display());
            }
        }
    }
    if stale == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "{stale} generated file(s) out of date; run `xsdgen generate` with the same arguments"
    );
    ExitCode::from(1)
}

/// The first line that differs, as `  line N:` with both versions.
fn first_difference(old: &str, new: &GeneratedFile) -> String {
    let mut old_lines = old.lines();
    let mut new_lines = new.contents.lines();
    for n in 1.. {
        match (old_lines.next(), new_lines.next()) {
            (None, None) => break,
            (a, b) if a == b => {}
            (a, b) => {
                return format!(
                    "  line {n}:\n    checked in: {}\n    generated:  {}\n",
                    a.unwrap_or("<end of file>"),
                    b.unwrap_or("<end of file>")
                );
            }
        }
    }
    "  (line ends differ)\n".to_owned()
}

fn with_newline(s: &str) -> String {
    if s.ends_with('\n') {
        s.to_owned()
    } else {
        format!("{s}\n")
    }
}
