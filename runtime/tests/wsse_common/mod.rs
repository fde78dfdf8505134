//! What the WS-Security tests share: a fixed moment and nonce, a user,
//! and envelopes written the way a client writes them.
// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use xsdgen_runtime::auth::Secret;
use xsdgen_runtime::wsse::{
    PasswordKind, ReceivedToken, UsernameToken, UsernameTokenVerifier, WSSE_NS, WSU_NS, WsseError,
    find_in_envelope, read_security_xml,
};
use xsdgen_runtime::xml::{Name, XmlWriter, ns};

/// 2026-12-03T14:00:00Z (python3: `calendar.timegm((2026, 12, 3, 14, 0, 0))`).
pub const CREATED_SECS: u64 = 1_796_306_400;
pub const NONCE: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
/// Distinctive, so that a leak is found by a substring search.
pub const PASSWORD: &str = "hunter2-Correct-Horse";

pub fn created() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(CREATED_SECS)
}

pub fn after(secs: u64) -> SystemTime {
    created() + Duration::from_secs(secs)
}

pub fn lookup(user: &str) -> Option<Secret> {
    match user {
        "alice" => Some(Secret::new(PASSWORD)),
        "zeep" => Some(Secret::new("secret")),
        _ => None,
    }
}

pub fn verifier() -> UsernameTokenVerifier<fn(&str) -> Option<Secret>> {
    UsernameTokenVerifier::new(lookup as fn(&str) -> Option<Secret>)
}

/// A SOAP envelope whose header is the token, as a client sends it.
pub fn envelope(
    token: &UsernameToken,
    envelope_ns: &'static str,
    now: SystemTime,
    nonce: &[u8],
) -> String {
    let mut w = XmlWriter::new();
    w.declare_prefix("soap", envelope_ns);
    w.start(Name::new(envelope_ns, "Envelope"));
    w.start(Name::new(envelope_ns, "Header"));
    token
        .write_header(&mut w, now, nonce)
        .expect("the token is writable");
    w.end().expect("balanced");
    w.start(Name::new(envelope_ns, "Body"));
    w.end().expect("balanced");
    w.end().expect("balanced");
    w.into_string()
}

pub fn alice(kind: PasswordKind) -> UsernameToken {
    UsernameToken::new("alice", PASSWORD, kind)
}

pub fn received(kind: PasswordKind, nonce: &[u8]) -> ReceivedToken {
    let xml = envelope(&alice(kind), ns::SOAP11, created(), nonce);
    find_in_envelope(xml.as_bytes()).expect("the token reads back")
}

/// A `wsse:Security` entry on its own, with the given token children.
pub fn security(children: &str) -> String {
    format!(
        r#"<wsse:Security xmlns:wsse="{WSSE_NS}" xmlns:wsu="{WSU_NS}"><wsse:UsernameToken>{children}</wsse:UsernameToken></wsse:Security>"#
    )
}

pub const DIGEST_TYPE: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

pub fn refusal(xml: &str, at: SystemTime) -> WsseError {
    match read_security_xml(xml.as_bytes()) {
        Ok(token) => verifier().verify(&token, at).expect_err("refused"),
        Err(e) => e,
    }
}
