//! An emulator of the Exchange Unified Messaging (UM) web service, over real
//! HTTP on loopback, with its state in SQLite.
//!
//! ```text
//!  HTTP ──> server (routes, NTLM/Negotiate/Basic/Bearer auth, fault injection)
//!             └─> xsdgen-runtime's SOAP dispatcher (the generated UM port)
//!                   └─> soap::UmRequest ──> service ──> store (SQLite)
//!             <── the dispatcher, in Exchange's layout <── soap::UmResponse / ServiceError
//! ```
//!
//! - [`store`]: users, PIN policy, hashed PIN and history, UM properties,
//!   mailbox, calls; a PIN reset and its e-mail are one transaction.
//! - [`call`]: call ids, the emulated phone network, and the call state
//!   machine over an injectable clock.
//! - [`policy`], [`pin`], [`hash`]: the PIN rules, PIN generation, Argon2id.
//! - [`users`], [`demo`]: the TOML users file (users, dial plan, phones,
//!   call timings) and the demo users.
//! - [`auth`]: HTTP authentication as Exchange's IIS does it: NTLM and
//!   Negotiate (NTLMv2 verified per TCP connection), Basic, Bearer.
//! - [`soap`], [`service`]: operations as Rust values and what they do; the
//!   generated port's `Server` trait serves them through the runtime's
//!   dispatcher, which answers as Exchange does (both UM fault shapes).
//! - [`faults`]: switches with which tests make the server misbehave,
//!   per request (a header), per user, or for all requests.
//! - [`tls`]: HTTPS with a certificate made at start, or one given.
//! - [`server`]: the HTTP server and its handle.

#![forbid(unsafe_code)]

pub mod auth;
pub mod call;
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
pub mod tls;
pub mod users;

pub use faults::{FaultInjection, FaultRule, InjectedFault};
pub use secret::Secret;
pub use server::{Emulator, EmulatorConfig, RunningEmulator, ServerError};
pub use store::{Store, StoreError};
pub use tls::{TlsConfig, TlsError};
pub use users::UserSpec;
