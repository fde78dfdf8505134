//! `exchange-um`: call the Exchange UM web service, or serve its emulator.
//!
//! Without `--url`, every operation runs against the emulator started
//! in-process on loopback with its demo users, so that the whole path
//! (generated bindings, HTTP, the service, the mailbox) can be watched on a
//! machine with no Exchange server.
#![forbid(unsafe_code)]

mod args;
mod hint;
mod mailbox;
mod operations;
mod output;
mod reset;
mod serve;
mod target;

use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.verbose);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let url = cli.target.url.clone();
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve(args) => serve::run(args).await,
            Command::Operation(op) => operations::run(&cli.target, op, cli.json).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            if let Some(hint) = e
                .downcast_ref::<xsdgen_runtime::Error>()
                .and_then(|e| hint::hint(e, url.as_deref()))
            {
                eprintln!("hint: {hint}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr, so that stdout carries only the results, in colour
/// only where [`colour`] says. Request and
/// response bodies are never logged unless asked for with `-vvv`.
fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(colour(std::io::stderr().is_terminal()))
        .try_init();
}

/// Colour only on a terminal, and never when `NO_COLOR` is set to
/// anything (<https://no-color.org>): escape codes in a file or a pipe
/// are noise.
fn colour(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
