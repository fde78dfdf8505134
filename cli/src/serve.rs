//! `exchange-um serve`: the emulator as a standalone server.

use exchange_um_emulator::call::CallConfig;
use exchange_um_emulator::users::load_users_file;
use exchange_um_emulator::{Emulator, EmulatorConfig, Store, demo};

use crate::args::ServeArgs;

pub async fn run(args: ServeArgs) -> Result<(), Box<dyn std::error::Error>> {
    let (users, calls) = match &args.users {
        Some(path) => {
            let file = load_users_file(path)?;
            let calls = file.call_config();
            (file.users, calls)
        }
        None => (demo::demo_users(), CallConfig::default()),
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
        ..EmulatorConfig::default()
    };
    let emulator = Emulator::start(store, config).await?;
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
    tokio::signal::ctrl_c().await?;
    emulator.shutdown().await?;
    Ok(())
}
