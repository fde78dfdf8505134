//! The client's UsernameToken and the `wsse:Security` entry it writes.

use std::time::SystemTime;

use base64::Engine as _;

use super::digest::password_digest;
use super::time::format_date_time;
use super::{
    BASE64_BINARY, CREATED, NONCE, PASSWORD, PASSWORD_DIGEST, PASSWORD_TEXT, SECURITY, USERNAME,
    USERNAME_TOKEN, WSSE_NS, WSU_NS,
};
use crate::auth::Secret;
use crate::xml::{Name, WriteError, XmlWriter};

/// Bytes of nonce [`UsernameToken::write_header_now`] draws: 128 bits, as
/// WSS4J and zeep send.
pub const NONCE_LEN: usize = 16;

/// How the password goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PasswordKind {
    /// `#PasswordText`: the password itself. Only over TLS.
    Text,
    /// `#PasswordDigest`: `Base64(SHA-1(nonce + created + password))`.
    Digest,
}

impl PasswordKind {
    /// The `wsse:Password/@Type` URI.
    pub const fn type_uri(self) -> &'static str {
        match self {
            Self::Text => PASSWORD_TEXT,
            Self::Digest => PASSWORD_DIGEST,
        }
    }

    /// The kind a `Type` URI names; an absent `Type` means text (profile
    /// section 3.1).
    pub fn from_type_uri(uri: Option<&str>) -> Option<Self> {
        match uri.map(str::trim) {
            None => Some(Self::Text),
            Some(PASSWORD_TEXT) => Some(Self::Text),
            Some(PASSWORD_DIGEST) => Some(Self::Digest),
            Some(_) => None,
        }
    }
}

/// A user name and password to send in a `wsse:Security` header. Its
/// `Debug` shows the password as `***` ([`Secret`]).
#[derive(Debug, Clone)]
pub struct UsernameToken {
    pub username: String,
    pub password: Secret,
    pub kind: PasswordKind,
    /// The SOAP envelope namespace to mark the entry
    /// `mustUnderstand="1"` in ([`crate::xml::ns::SOAP11`] or
    /// [`super::SOAP12_NS`]); `None` leaves it unmarked.
    pub must_understand: Option<&'static str>,
}

impl UsernameToken {
    pub fn new(
        username: impl Into<String>,
        password: impl Into<Secret>,
        kind: PasswordKind,
    ) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
            kind,
            must_understand: None,
        }
    }

    /// A token that sends the password as a digest.
    pub fn digest(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self::new(username, password, PasswordKind::Digest)
    }

    /// A token that sends the password as it is.
    pub fn text(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self::new(username, password, PasswordKind::Text)
    }

    /// Marks the entry `mustUnderstand="1"` for the envelope namespace
    /// `envelope_ns` (SOAP 1.1 or 1.2; `"1"` is valid in both).
    pub fn must_understand(mut self, envelope_ns: &'static str) -> Self {
        self.must_understand = Some(envelope_ns);
        self
    }

    /// Writes one `wsse:Security` header entry holding the token, with
    /// `nonce` as `wsse:Nonce` and `now` as `wsu:Created`, both sent for
    /// either kind so that the server can refuse a replay. `w` must be
    /// inside `soap:Header`. The nonce must be fresh for every message:
    /// the server refuses a nonce it has seen.
    pub fn write_header(
        &self,
        w: &mut XmlWriter,
        now: SystemTime,
        nonce: &[u8],
    ) -> Result<(), WriteError> {
        let created = format_date_time(now).map_err(|e| WriteError::InvalidValue {
            name: CREATED.to_string(),
            reason: e.to_string(),
        })?;
        w.declare_prefix("wsse", WSSE_NS);
        w.declare_prefix("wsu", WSU_NS);
        w.start(SECURITY);
        if let Some(envelope) = self.must_understand {
            w.attribute_str(Name::new(envelope, "mustUnderstand"), "1")?;
        }
        w.start(USERNAME_TOKEN);
        w.start(USERNAME);
        w.text(&self.username)?;
        w.end()?;
        w.start(PASSWORD);
        w.attribute_str(Name::local("Type"), self.kind.type_uri())?;
        match self.kind {
            PasswordKind::Text => w.text(self.password.expose_secret())?,
            PasswordKind::Digest => w.text(&password_digest(nonce, &created, &self.password))?,
        }
        w.end()?;
        w.start(NONCE);
        w.attribute_str(Name::local("EncodingType"), BASE64_BINARY)?;
        w.text(&base64::engine::general_purpose::STANDARD.encode(nonce))?;
        w.end()?;
        w.start(CREATED);
        w.text(&created)?;
        w.end()?;
        w.end()?;
        w.end()
    }

    /// [`UsernameToken::write_header`] at the system clock's time, with
    /// [`NONCE_LEN`] bytes from the operating system's random source.
    pub fn write_header_now(&self, w: &mut XmlWriter) -> Result<(), WriteError> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|e| WriteError::InvalidValue {
            name: NONCE.to_string(),
            reason: format!("no random bytes for the nonce: {e}"),
        })?;
        self.write_header(w, SystemTime::now(), &nonce)
    }
}
