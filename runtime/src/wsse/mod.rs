//! WS-Security UsernameToken: the `wsse:Security` header a client sends,
//! and the checks a server makes before it believes it.
//!
//! # The profile
//!
//! OASIS *Web Services Security: UsernameToken Profile* (1.0 and 1.1) puts
//! a user name and a password in a `wsse:Security` SOAP header entry:
//!
//! The header entry, for user `alice` with password `secret`:
//!
//! ```xml
//! <wsse:Security xmlns:wsse="…secext-1.0.xsd" xmlns:wsu="…utility-1.0.xsd">
//!   <wsse:UsernameToken>
//!     <wsse:Username>alice</wsse:Username>
//!     <wsse:Password Type="…#PasswordDigest">7AFvYvBvGMRCODOpYGrH4S9pUp4=</wsse:Password>
//!     <wsse:Nonce EncodingType="…#Base64Binary">AAECAwQFBgcICQoLDA0ODw==</wsse:Nonce>
//!     <wsu:Created>2026-12-03T14:00:00Z</wsu:Created>
//!   </wsse:UsernameToken>
//! </wsse:Security>
//! ```
//!
//! The password is sent either as it is (`#PasswordText`, which needs TLS)
//! or as `Base64(SHA-1(nonce + created + password))` (`#PasswordDigest`),
//! where `nonce` is the decoded bytes of `wsse:Nonce` and `created` the
//! exact text of `wsu:Created`. A digest keeps the password itself off the
//! wire, and binds it to one nonce and one moment, but the server must know
//! the plain password to recompute it: the profile leaves no other choice.
//!
//! # Client side
//!
//! [`UsernameToken::write_header`] writes one header entry into an
//! [`XmlWriter`](crate::xml::XmlWriter) that is inside `soap:Header`;
//! [`UsernameToken::write_header_now`] takes the time from the system clock
//! and 16 nonce bytes from the operating system.
//!
//! # Server side
//!
//! [`read_security`] (an [`XmlReader`](crate::xml::XmlReader) at the
//! `wsse:Security` start tag), [`read_security_xml`] (the entry on its own)
//! or [`find_in_envelope`] (a whole request) give a [`ReceivedToken`];
//! [`UsernameTokenVerifier::verify`] then checks, in this order:
//!
//! 1. the password type is one the verifier accepts (digest always; text
//!    unless [`UsernameTokenVerifier::accept_text`] turned it off);
//! 2. a digest token has both `wsse:Nonce` and `wsu:Created` (so does a
//!    text token when [`UsernameTokenVerifier::require_nonce`] asks);
//! 3. `wsu:Created`, when present, is no older than the freshness window
//!    (5 minutes by default) and no further ahead of the server's clock
//!    than the allowed skew (60 seconds by default); these are the values
//!    Apache WSS4J uses;
//! 4. the password, against the one [`PasswordLookup`] knows for the user:
//!    compared after hashing both sides, in constant time (see
//!    [`digest`]);
//! 5. the nonce has not been seen within its lifetime ([`ReplayCache`]).
//!
//! The result is an [`Identity`] or a [`WsseError`], whose
//! [`WsseError::fault_code`] is the fault code of WS-Security 1.0 SOAP
//! Message Security section 12 to answer with, and whose messages never hold
//! the password, the digest or the user name; [`WsseError::to_fault`] is
//! that fault, in either SOAP version.
//!
//! # The replay cache
//!
//! A nonce is recorded only once the token has authenticated, so that
//! requests without the password cannot fill the cache. It is kept until
//! its `wsu:Created` leaves the freshness window, after which a token with
//! that `Created` is refused as stale anyway; a nonce sent without
//! `Created` is kept for one window from its arrival. The key is the nonce
//! alone, as in WSS4J: the profile asks for a new nonce in every message, and
//! a digest binds the nonce to its `Created`, so the same nonce under another
//! `Created` is a forgery or a client bug, and is refused too.
//!
//! The cache has a fixed capacity. Expired entries are dropped first;
//! when it is still full, the token is **refused** (as
//! [`WsseError::ReplayCacheFull`], a temporary condition) rather than an
//! unexpired nonce forgotten: forgetting one would let exactly that
//! message be replayed, and an attacker who can fill the cache could choose
//! when. Only authenticated requests take room, so filling it needs valid
//! credentials and is bounded by the capacity divided by the window
//! (100 000 per 5 minutes by default). The cache is behind a mutex and
//! shared by every connection through an `Arc`.
//!
//! # Example
//!
//! ```
//! use std::time::{Duration, SystemTime};
//! use xsdgen_runtime::auth::Secret;
//! use xsdgen_runtime::wsse::{UsernameToken, UsernameTokenVerifier, find_in_envelope};
//! use xsdgen_runtime::xml::{Name, XmlWriter, ns};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Client: the header entry, inside soap:Header.
//! let token = UsernameToken::digest("alice", "secret").must_understand(ns::SOAP11);
//! let mut w = XmlWriter::new();
//! w.declare_prefix("soap", ns::SOAP11);
//! w.start(Name::new(ns::SOAP11, "Envelope"));
//! w.start(Name::new(ns::SOAP11, "Header"));
//! token.write_header_now(&mut w)?;
//! w.end()?;
//! w.start(Name::new(ns::SOAP11, "Body"));
//! w.end()?;
//! w.end()?;
//! let request = w.into_string();
//!
//! // Server: one verifier for every connection.
//! let verifier = UsernameTokenVerifier::new(|user: &str| {
//!     (user == "alice").then(|| Secret::new("secret"))
//! })
//! .freshness(Duration::from_secs(120));
//! let received = find_in_envelope(request.as_bytes())?;
//! let identity = verifier.verify(&received, SystemTime::now())?;
//! assert_eq!(identity.username, "alice");
//!
//! // The same request again is a replay.
//! let again = verifier.verify(&received, SystemTime::now()).unwrap_err();
//! assert_eq!(again.fault_code().name().local, "InvalidSecurity");
//! # Ok(())
//! # }
//! ```
//!
//! # Fault codes
//!
//! | situation | fault code |
//! |---|---|
//! | no `wsse:Security`, unreadable XML, no or two `wsse:UsernameToken`, digest without nonce or `Created`, replayed nonce, cache full | `wsse:InvalidSecurity` |
//! | no `wsse:Username`, bad base64 nonce, `Created` that is not a UTC-convertible dateTime | `wsse:InvalidSecurityToken` |
//! | unknown password type or nonce encoding, text password where only digests are accepted | `wsse:UnsupportedSecurityToken` |
//! | unknown user, wrong password, no password | `wsse:FailedAuthentication` |
//! | `Created` too old or too far ahead | `wsu:MessageExpired` |
//!
//! A replayed nonce is `wsse:InvalidSecurity`, as in WSS4J (which reports
//! "A replay attack has been detected" under that code): the header is
//! not acceptable, although the credentials in it are good, which
//! `FailedAuthentication` would deny.

pub mod digest;
mod error;
mod fault;
mod read;
mod replay;
mod time;
mod token;
mod verify;

pub use error::{FaultCode, WsseError};
pub use read::{
    ReceivedPassword, ReceivedToken, find_in_envelope, read_security, read_security_xml,
};
pub use replay::{ReplayCache, ReplayRefusal};
pub use time::{TimeError, format_date_time, parse_date_time};
pub use token::{NONCE_LEN, PasswordKind, UsernameToken};
pub use verify::{Identity, PasswordLookup, UsernameTokenVerifier};

use crate::xml::Name;

/// The WS-Security 1.0 extension namespace (`wsse:`).
pub const WSSE_NS: &str =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
/// The WS-Security 1.0 utility namespace (`wsu:`).
pub const WSU_NS: &str =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
/// The SOAP 1.2 envelope namespace, for `mustUnderstand` on a 1.2 message.
pub const SOAP12_NS: &str = "http://www.w3.org/2003/05/soap-envelope";

/// `wsse:Password/@Type` of a password sent as it is.
pub const PASSWORD_TEXT: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
/// `wsse:Password/@Type` of a password sent as a digest.
pub const PASSWORD_DIGEST: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
/// `wsse:Nonce/@EncodingType`: the only encoding the profile defines.
pub const BASE64_BINARY: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

pub const SECURITY: Name = Name::new(WSSE_NS, "Security");
pub const USERNAME_TOKEN: Name = Name::new(WSSE_NS, "UsernameToken");
pub const USERNAME: Name = Name::new(WSSE_NS, "Username");
pub const PASSWORD: Name = Name::new(WSSE_NS, "Password");
pub const NONCE: Name = Name::new(WSSE_NS, "Nonce");
pub const CREATED: Name = Name::new(WSU_NS, "Created");
