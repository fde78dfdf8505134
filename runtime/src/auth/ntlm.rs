//! NTLM for on-premises Exchange: credentials, the three messages of
//! [MS-NLMP], and the NTLMv2 computation.
//!
//! # The handshake
//!
//! ```text
//! client                                        server
//!   POST + Authorization: NTLM <NEGOTIATE>  -->
//!                                          <--  401 + WWW-Authenticate: NTLM <CHALLENGE>
//!   POST + Authorization: NTLM <AUTHENTICATE> -->
//!                                          <--  200 (the answer)
//! ```
//!
//! `Negotiate` works the same with the raw NTLMSSP tokens, as Windows
//! sends them when Kerberos is not available. Only NTLMv2 is spoken: no
//! LM, no NTLMv1, no signing or sealing (HTTP does not use them). Neither
//! a MIC nor channel bindings are sent, so a server that requires
//! Extended Protection for Authentication refuses the handshake.
//!
//! The request body goes with both legs: the server refuses the first one
//! without running it (a 401 is a definite "not executed"), and a server
//! that does not want authentication at all answers the first leg, which
//! then is the one and only execution.
//!
//! # One connection per identity
//!
//! NTLM authenticates the TCP connection, not the request: the
//! AUTHENTICATE message must travel on the connection that received the
//! CHALLENGE. reqwest (hyper-util's pool underneath) does not let a caller
//! choose a connection, so a client with NTLM credentials:
//!
//! 1. has its own connection pool, holding at most one idle connection;
//! 2. runs one call at a time: calls made through one client (and its
//!    clones) wait for each other until the previous answer has been
//!    read, so no other request can take the connection between the legs;
//! 3. holds back new connections while a handshake is under way: a
//!    connector layer keeps any connection attempt waiting until the
//!    handshake is over and then fails it, and drops a connection that
//!    completes meanwhile; for a moment (50 ms) after a call it also lets
//!    the connection that call used get back to the pool before a new one
//!    may be opened. hyper's pool starts a connection attempt whenever no
//!    idle connection is ready at once, even while the one about to become
//!    idle is still finishing its previous answer; held back, the attempt
//!    loses the race and the next leg gets that connection;
//! 4. checks the local address of the connection each leg travelled on
//!    and starts the handshake over (once) when they differ.
//!
//! Without the gate, hyper's pool on loopback sends about one AUTHENTICATE
//! in a hundred over another connection and opens connections freely;
//! with it, hundreds of calls (concurrent ones included) share a single
//! connection.
//!
//! Limits: calls of one identity do not run in parallel (use one client
//! per identity for parallel work on different mailboxes); a server that
//! closes the connection after its challenge (or between the legs, twice)
//! makes the call fail with
//! [`Error::AuthHandshake`](crate::Error::AuthHandshake), the second case
//! after about two seconds of waiting for the connection to come back;
//! every call performs the handshake, so it costs two round trips, and
//! sends its body twice.
//!
//! [MS-NLMP]: https://learn.microsoft.com/openspecs/windows_protocols/ms-nlmp/

#[cfg(feature = "ntlm")]
mod av_pairs;
#[cfg(feature = "ntlm")]
mod compute;
#[cfg(feature = "ntlm")]
mod flags;
#[cfg(feature = "ntlm")]
mod initiator;
#[cfg(feature = "ntlm")]
mod message;
#[cfg(feature = "ntlm")]
mod wire;

#[cfg(all(test, feature = "ntlm"))]
mod tests;

use std::fmt;

use super::Secret;

#[cfg(feature = "ntlm")]
pub use av_pairs::{AvId, AvPair, TargetInfo};
#[cfg(feature = "ntlm")]
pub use compute::{
    NtHash, ResponseKey, SessionBaseKey, filetime_now, lmv2_response, ntlmv2_response,
    verify_ntlmv2,
};
#[cfg(feature = "ntlm")]
pub use flags::NegotiateFlags;
#[cfg(feature = "ntlm")]
pub use initiator::Initiator;
#[cfg(feature = "ntlm")]
pub use message::{
    AuthenticateMessage, ChallengeMessage, NTLMSSP_SIGNATURE, NegotiateMessage, Version, is_ntlmssp,
};

/// The HTTP scheme that carries the NTLM tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NtlmScheme {
    /// `Authorization: NTLM <token>`.
    #[default]
    Ntlm,
    /// `Authorization: Negotiate <token>` with raw NTLMSSP tokens.
    Negotiate,
}

impl NtlmScheme {
    /// The scheme's name in `Authorization` and `WWW-Authenticate`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ntlm => "NTLM",
            Self::Negotiate => "Negotiate",
        }
    }
}

impl fmt::Display for NtlmScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An account and its password for NTLM.
#[derive(Clone)]
pub struct NtlmCredentials {
    user: String,
    domain: String,
    password: Secret,
    workstation: String,
    scheme: NtlmScheme,
}

impl NtlmCredentials {
    /// `account` in one of the forms Windows accepts:
    /// - `DOMAIN\user`: user `user` in domain `DOMAIN`;
    /// - `user@domain` (a UPN or an e-mail address): sent whole as the
    ///   user name with an empty domain, as Windows does for UPNs; the
    ///   server resolves it;
    /// - `user`: the server's own domain.
    pub fn new(account: &str, password: impl Into<Secret>) -> Self {
        let (domain, user) = match account.split_once('\\') {
            Some((domain, user)) => (domain.to_owned(), user.to_owned()),
            None => (String::new(), account.to_owned()),
        };
        Self {
            user,
            domain,
            password: password.into(),
            workstation: String::new(),
            scheme: NtlmScheme::Ntlm,
        }
    }

    /// The workstation name sent in the AUTHENTICATE message (empty by
    /// default). Servers log it; none that we know of checks it.
    pub fn workstation(mut self, name: impl Into<String>) -> Self {
        self.workstation = name.into();
        self
    }

    /// `NTLM` (the default) or `Negotiate`.
    pub fn scheme(mut self, scheme: NtlmScheme) -> Self {
        self.scheme = scheme;
        self
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    pub fn domain(&self) -> &str {
        &self.domain
    }

    pub fn workstation_name(&self) -> &str {
        &self.workstation
    }

    pub fn http_scheme(&self) -> NtlmScheme {
        self.scheme
    }

    /// The password; call only to derive the NT hash from it.
    pub fn password(&self) -> &Secret {
        &self.password
    }
}

impl fmt::Debug for NtlmCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NtlmCredentials")
            .field("domain", &self.domain)
            .field("user", &self.user)
            .field("workstation", &self.workstation)
            .field("scheme", &self.scheme)
            .field("password", &"***")
            .finish()
    }
}

/// Why an NTLM message cannot be read or a response does not verify.
/// Messages name fields and sizes only, never their content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NtlmError {
    #[error("the token is not an NTLMSSP message")]
    NotNtlmssp,
    #[error("the NTLM message is truncated: {needed} bytes needed, {len} present")]
    Truncated { needed: usize, len: usize },
    #[error("expected an NTLM message of type {expected}, found type {found}")]
    MessageType { expected: u32, found: u32 },
    #[error("the NTLM field {field} points outside the message")]
    OutOfBounds { field: &'static str },
    #[error("the NTLM field {field} is not valid UTF-16")]
    BadUnicode { field: &'static str },
    #[error("the NTLM field {field} is too long to encode")]
    TooLong { field: &'static str },
    #[error("the NTLM target information is malformed")]
    BadTargetInfo,
    #[error("the server's challenge does not offer what NTLMv2 needs: {0}")]
    Unsupported(&'static str),
    #[error("the response is not an NTLMv2 response")]
    NotNtlmV2,
    #[error("the NTLMv2 response does not match")]
    Mismatch,
    #[error("the operating system's random number generator failed")]
    Random,
}
