//! `exchange-um serve`: the emulator as a standalone server.

use std::sync::Arc;

use exchange_um_emulator::call::CallConfig;
use exchange_um_emulator::users::load_users_file;
use exchange_um_emulator::{Emulator, EmulatorConfig, FaultInjection, Store, TlsConfig, demo};

use crate::args::ServeArgs;

pub async fn run(args: ServeArgs) -> Result<(), Box<dyn std::error::Error>> {
    let faults = Arc::new(FaultInjection::new());
    let (users, calls) = match &args.users {
        Some(path) => {
            let file = load_users_file(path)?;
            file.install_faults(&faults);
            let calls = file.call_config();
            (file.users, calls)
        }
        None => (demo::demo_users(), CallConfig::default()),
    };
    let tls = match (&args.cert, &args.key) {
        (Some(cert), Some(key)) => Some(TlsConfig::from_files(cert, key)?),
        _ if args.tls => Some(TlsConfig::Generated),
        _ => None,
    };
    let names: Vec<String> = users.iter().map(|u| u.name.clone()).collect();
    let db = args.db.clone();
    // SQLite and Argon2 block; keep them off the async workers.
    let store = tokio::task::spawn_blocking(
        move || -> Result<Store, Box<dyn std::error::Error + Send + Sync>> {
            let store = match &db {
                Some(path) => Store::open(path)?,
                None => Store::open_in_memory()?,
            };
            // A database file keeps its users; only new names are added.
            store.add_missing_users(&users)?;
            Ok(store)
        },
    )
    .await?
    .map_err(|e| e.to_string())?;
    let config = EmulatorConfig {
        bind: args.addr,
        calls,
        tls,
        faults,
        fault_header: args.fault_header,
        ..EmulatorConfig::default()
    };
    let emulator = Emulator::start(store, config).await?;
    if let (Some(path), Some(pem)) = (&args.ca_out, emulator.tls_root_pem()) {
        std::fs::write(path, pem)
            .map_err(|e| format!("cannot write --ca-out {}: {e}", path.display()))?;
    }
    println!("UM emulator listening");
    println!("  Exchange 2010-2016 endpoint: {}", emulator.ews_url());
    println!("  Exchange 2007 endpoint:      {}", emulator.legacy_url());
    println!("  WSDL:                        {}?wsdl", emulator.ews_url());
    println!("  mailbox (GET, Basic auth):   {}", emulator.mailbox_url());
    match &args.users {
        Some(path) => println!("  users from {}: {}", path.display(), names.join(", ")),
        None => println!(
            "  demo users: {} / {}, {} (not UM-enabled), {}",
            demo::ALICE,
            demo::ALICE_PASSWORD,
            demo::BOB,
            demo::CAROL
        ),
    }
    if args.fault_header {
        println!("  faults on request: the X-Emulator-Fault header is honoured");
    }
    if let Some(pem) = emulator.tls_root_pem() {
        match &args.ca_out {
            Some(path) => println!("  clients trust (--ca-cert): {}", path.display()),
            None => println!("  clients trust (--ca-cert) this certificate:\n{pem}"),
        }
    }
    tokio::signal::ctrl_c().await?;
    emulator.shutdown().await?;
    Ok(())
}
