//! Typed bindings for the Exchange Unified Messaging (UM) web service.
//!
//! [`um`] holds the request and response types generated from
//! `schemas/um.wsdl` at build time, and [`um::operations`] one type per
//! operation.
#![forbid(unsafe_code)]

/// Types generated from `schemas/um.wsdl` (the messages namespace
/// `http://schemas.microsoft.com/exchange/services/2006/messages`).
pub mod um {
    include!(concat!(env!("OUT_DIR"), "/um.rs"));
}

#[cfg(feature = "blocking")]
pub mod blocking;
mod builder;
mod client;

pub use builder::UmClientBuilder;
pub use client::UmClient;
