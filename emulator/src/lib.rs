//! An emulator of the Exchange Unified Messaging (UM) web service, over real
//! HTTP on loopback, with its state in SQLite.
//!
//! ```text
//!  HTTP ──> server (routes, Basic auth, fault injection)
//!             └─> wire::decode ──> soap::UmRequest ──> service ──> store (SQLite)
//!             <── wire::encode <── soap::UmResponse / ServiceError
//! ```
//!
//! - [`store`]: users, PIN policy, hashed PIN and history, mailbox, calls; a
//!   PIN reset and its e-mail are one transaction.
//! - [`policy`], [`pin`], [`hash`]: the PIN rules, PIN generation, Argon2id.
//! - [`users`], [`demo`]: the users file and the demo users.
//! - [`auth`]: HTTP Basic authentication against the store.
//! - [`soap`], [`service`], [`wire`]: operations as Rust values, what they do,
//!   and how they look on the wire (including both UM fault shapes).
//! - [`faults`]: switches with which tests make the server misbehave.
//! - [`server`]: the HTTP server and its handle.

#![forbid(unsafe_code)]

pub mod auth;
pub mod demo;
pub mod faults;
pub mod hash;
pub mod pin;
pub mod policy;
pub mod secret;
pub mod server;
pub mod service;
pub mod soap;
pub mod store;
pub mod users;
pub mod wire;

pub use faults::{FaultInjection, InjectedFault};
pub use secret::Secret;
pub use server::{Emulator, EmulatorConfig, RunningEmulator, ServerError};
pub use store::{Store, StoreError};
pub use users::UserSpec;
