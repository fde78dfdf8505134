//! What a `wsse:Security` header can be refused for, and the fault code
//! of WS-Security 1.0 (SOAP Message Security, section 12) for each.

use std::fmt;

use super::{WSSE_NS, WSU_NS};
use crate::xml::Name;

/// The fault codes of WS-Security 1.0 section 12. In a SOAP 1.1 fault the
/// code is the `faultcode` itself; in SOAP 1.2 it is the `Subcode` of an
/// `env:Sender` fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaultCode {
    UnsupportedSecurityToken,
    UnsupportedAlgorithm,
    InvalidSecurity,
    InvalidSecurityToken,
    FailedAuthentication,
    FailedCheck,
    SecurityTokenUnavailable,
    /// `wsu:MessageExpired`, the one code in the utility namespace.
    MessageExpired,
}

impl FaultCode {
    /// The code's QName.
    pub const fn name(self) -> Name {
        match self {
            Self::UnsupportedSecurityToken => Name::new(WSSE_NS, "UnsupportedSecurityToken"),
            Self::UnsupportedAlgorithm => Name::new(WSSE_NS, "UnsupportedAlgorithm"),
            Self::InvalidSecurity => Name::new(WSSE_NS, "InvalidSecurity"),
            Self::InvalidSecurityToken => Name::new(WSSE_NS, "InvalidSecurityToken"),
            Self::FailedAuthentication => Name::new(WSSE_NS, "FailedAuthentication"),
            Self::FailedCheck => Name::new(WSSE_NS, "FailedCheck"),
            Self::SecurityTokenUnavailable => Name::new(WSSE_NS, "SecurityTokenUnavailable"),
            Self::MessageExpired => Name::new(WSU_NS, "MessageExpired"),
        }
    }

    /// The prefix the specification writes the code with (`wsse` or `wsu`).
    pub const fn prefix(self) -> &'static str {
        match self {
            Self::MessageExpired => "wsu",
            _ => "wsse",
        }
    }

    /// The fault string the specification gives for the code. It says
    /// nothing about the message beyond the code: the specification warns
    /// that detailed security faults help an attacker.
    pub const fn fault_string(self) -> &'static str {
        match self {
            Self::UnsupportedSecurityToken => "An unsupported token was provided",
            Self::UnsupportedAlgorithm => {
                "An unsupported signature or encryption algorithm was used"
            }
            Self::InvalidSecurity => {
                "An error was discovered processing the <wsse:Security> header."
            }
            Self::InvalidSecurityToken => "An invalid security token was provided",
            Self::FailedAuthentication => {
                "The security token could not be authenticated or authorized"
            }
            Self::FailedCheck => "The signature or decryption was invalid",
            Self::SecurityTokenUnavailable => "Referenced security token could not be retrieved",
            Self::MessageExpired => "Security semantics are expired.",
        }
    }
}

impl fmt::Display for FaultCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.prefix(), self.name().local)
    }
}

/// Why a UsernameToken was not accepted. The messages are for the
/// server's log: they never hold the password, its digest, the nonce or
/// the user name (a user name field sometimes holds a mistyped password).
/// What goes back to the client is [`WsseError::fault_code`] and its
/// [`FaultCode::fault_string`], which do not say which check failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WsseError {
    /// The request has no `wsse:Security` header entry for this node.
    #[error("no wsse:Security header entry for this node")]
    NoSecurityHeader,
    /// Two `wsse:Security` entries for this node.
    #[error("more than one wsse:Security header entry for this node")]
    DuplicateSecurityHeader,
    /// The XML of the header (or the envelope around it) is not readable.
    #[error("unreadable wsse:Security header: {0}")]
    Malformed(String),
    /// `wsse:Security` holds no `wsse:UsernameToken`.
    #[error("the wsse:Security header has no wsse:UsernameToken")]
    NoToken,
    /// More than one `wsse:UsernameToken`.
    #[error("the wsse:Security header has more than one wsse:UsernameToken")]
    DuplicateToken,
    /// The token's content is not what the profile allows.
    #[error("invalid wsse:UsernameToken: {0}")]
    InvalidToken(&'static str),
    /// A `wsse:Password/@Type` the verifier does not accept.
    #[error("unsupported password type '{0}'")]
    UnsupportedPasswordType(String),
    /// A `wsse:Nonce/@EncodingType` other than Base64Binary.
    #[error("unsupported nonce encoding '{0}'")]
    UnsupportedNonceEncoding(String),
    /// A token without the nonce or `Created` that its password type (or
    /// the verifier's policy) requires.
    #[error("the wsse:UsernameToken has no {0}, which is required here")]
    MissingFreshness(&'static str),
    /// No `wsse:Password`.
    #[error("the wsse:UsernameToken has no password")]
    NoPassword,
    /// The user is not known, or the password is wrong. One variant for
    /// both, so that not even the log tells an account's existence apart.
    #[error("wrong user name or password")]
    WrongCredentials,
    /// The nonce was seen before, within its lifetime.
    #[error("the nonce was used before: the message is a replay")]
    Replayed,
    /// `wsu:Created` is older than the freshness window.
    #[error("wsu:Created ({created}) is {age_secs} s old, past the {window_secs} s window")]
    Expired {
        created: String,
        age_secs: u64,
        window_secs: u64,
    },
    /// `wsu:Created` is ahead of the server's clock by more than the
    /// allowed skew.
    #[error("wsu:Created ({created}) is {ahead_secs} s in the future, past the {skew_secs} s skew")]
    CreatedInFuture {
        created: String,
        ahead_secs: u64,
        skew_secs: u64,
    },
    /// The replay cache is full of unexpired nonces. Temporary: the token
    /// may well be good, and can be sent again once entries expire (see
    /// the module's documentation for why it is refused).
    #[error("the replay cache is full; the token is refused rather than left unrecorded")]
    ReplayCacheFull,
}

impl WsseError {
    /// The fault code to answer with (see the table in the module docs).
    pub fn fault_code(&self) -> FaultCode {
        match self {
            Self::NoSecurityHeader
            | Self::DuplicateSecurityHeader
            | Self::Malformed(_)
            | Self::NoToken
            | Self::DuplicateToken
            | Self::MissingFreshness(_)
            | Self::Replayed
            | Self::ReplayCacheFull => FaultCode::InvalidSecurity,
            Self::InvalidToken(_) => FaultCode::InvalidSecurityToken,
            Self::UnsupportedPasswordType(_) | Self::UnsupportedNonceEncoding(_) => {
                FaultCode::UnsupportedSecurityToken
            }
            Self::NoPassword | Self::WrongCredentials => FaultCode::FailedAuthentication,
            Self::Expired { .. } | Self::CreatedInFuture { .. } => FaultCode::MessageExpired,
        }
    }

    /// The fault string to answer with: the specification's text for the
    /// code, which holds nothing from the request.
    pub fn fault_string(&self) -> &'static str {
        self.fault_code().fault_string()
    }

    /// Whether the same token may succeed later without change: only when
    /// the replay cache was full. A server may answer that with a
    /// "try later" (HTTP 503) instead of a security fault.
    pub fn is_temporary(&self) -> bool {
        matches!(self, Self::ReplayCacheFull)
    }
}
