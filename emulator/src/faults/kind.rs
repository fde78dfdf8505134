//! The faults the emulator can inject, and their short text form, which the
//! `X-Emulator-Fault` header and the users file use:
//!
//! | text | fault |
//! |---|---|
//! | `busy`, `busy;backoff=200` | [`InjectedFault::ServerBusy`] (milliseconds) |
//! | `unavailable`, `unavailable;retry-after=2` | [`InjectedFault::ServiceUnavailable`] (seconds) |
//! | `html` | [`InjectedFault::HtmlError`] |
//! | `locked` (or `456`) | [`InjectedFault::AccountLocked`] |
//! | `cas;status=500;code=ServerNotFound` | [`InjectedFault::CasError`] (both optional) |
//! | `slow;delay=1500` | [`InjectedFault::Slow`] (milliseconds) |
//! | `truncate` | [`InjectedFault::TruncatedBody`] |
//! | `drop` | [`InjectedFault::DropAfterApply`] |
//!
//! Names and keys are compared ignoring ASCII case; spaces around the parts
//! are ignored.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// `X-CasErrorCode` of a [`InjectedFault::CasError`] whose text names none:
/// the emulator's choice, standing for a front end that could not find the
/// mailbox's back-end server.
pub const DEFAULT_CAS_ERROR_CODE: &str = "ServerNotFound";

/// One way of not answering normally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InjectedFault {
    /// HTTP 500 SOAP fault `ErrorServerBusy`, as EWS throttling answers,
    /// with `BackOffMilliseconds` in `MessageXml` when `back_off` is given.
    /// The operation is not executed.
    ServerBusy { back_off: Option<Duration> },
    /// HTTP 503, with `Retry-After` in whole seconds when given. Not executed.
    ServiceUnavailable { retry_after: Option<Duration> },
    /// HTTP 500 with an HTML error page instead of SOAP. Not executed.
    HtmlError,
    /// HTTP 456, which Exchange's front end answers for an account that
    /// cannot log on as it is (the service reference lists it for a locked
    /// account). Not executed.
    AccountLocked,
    /// An answer of the Client Access front end's proxy, with the
    /// `X-CasErrorCode` header naming why it could not reach the back end
    /// (status 500 by default; 401 and 503 occur too). Not executed.
    CasError { status: u16, code: String },
    /// Executes the operation and answers normally, but only after `delay`.
    Slow { delay: Duration },
    /// Executes the operation, then sends the answer's head with its full
    /// `Content-Length` but only half of the body, and closes the
    /// connection.
    TruncatedBody,
    /// Execute the operation, commit it, then close the TCP connection without
    /// sending any response: the client cannot know the outcome.
    DropAfterApply,
}

impl InjectedFault {
    /// Whether the operation runs before the fault shows.
    pub fn executes(&self) -> bool {
        matches!(
            self,
            Self::Slow { .. } | Self::TruncatedBody | Self::DropAfterApply
        )
    }
}

/// Why a fault's text form cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FaultSpecError {
    #[error("no fault named")]
    Empty,
    #[error(
        "unknown fault {0:?}; expected busy, unavailable, html, locked, cas, slow, truncate or drop"
    )]
    UnknownKind(String),
    #[error("{kind} takes no parameter {key:?}")]
    UnknownKey { kind: &'static str, key: String },
    #[error("parameter {0:?} has no value (expected key=value)")]
    MissingValue(String),
    #[error("{key} must be {expected}")]
    BadValue {
        key: &'static str,
        expected: &'static str,
    },
}

impl FromStr for InjectedFault {
    type Err = FaultSpecError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut parts = text.split(';').map(str::trim);
        let kind = parts.next().unwrap_or_default().to_ascii_lowercase();
        let mut params = Vec::new();
        for part in parts.filter(|p| !p.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| FaultSpecError::MissingValue(part.to_owned()))?;
            params.push((key.trim().to_ascii_lowercase(), value.trim()));
        }
        let mut fault = match kind.as_str() {
            "" => return Err(FaultSpecError::Empty),
            "busy" => Self::ServerBusy { back_off: None },
            "unavailable" | "503" => Self::ServiceUnavailable { retry_after: None },
            "html" => Self::HtmlError,
            "locked" | "456" => Self::AccountLocked,
            "cas" => Self::CasError {
                status: 500,
                code: DEFAULT_CAS_ERROR_CODE.to_owned(),
            },
            "slow" => Self::Slow {
                delay: Duration::from_secs(1),
            },
            "truncate" => Self::TruncatedBody,
            "drop" => Self::DropAfterApply,
            _ => return Err(FaultSpecError::UnknownKind(kind)),
        };
        for (key, value) in params {
            fault.set(&key, value)?;
        }
        Ok(fault)
    }
}

impl InjectedFault {
    fn kind(&self) -> &'static str {
        match self {
            Self::ServerBusy { .. } => "busy",
            Self::ServiceUnavailable { .. } => "unavailable",
            Self::HtmlError => "html",
            Self::AccountLocked => "locked",
            Self::CasError { .. } => "cas",
            Self::Slow { .. } => "slow",
            Self::TruncatedBody => "truncate",
            Self::DropAfterApply => "drop",
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), FaultSpecError> {
        let kind = self.kind();
        match (self, key) {
            (Self::ServerBusy { back_off }, "backoff") => {
                *back_off = Some(millis("backoff", value)?);
            }
            (Self::ServiceUnavailable { retry_after }, "retry-after") => {
                let secs = value.parse::<u64>().map_err(|_| FaultSpecError::BadValue {
                    key: "retry-after",
                    expected: "whole seconds",
                })?;
                *retry_after = Some(Duration::from_secs(secs));
            }
            (Self::CasError { status, .. }, "status") => {
                *status = value
                    .parse::<u16>()
                    .ok()
                    .filter(|s| (400..=599).contains(s))
                    .ok_or(FaultSpecError::BadValue {
                        key: "status",
                        expected: "an HTTP error status (400-599)",
                    })?;
            }
            (Self::CasError { code, .. }, "code") => {
                let token = !value.is_empty()
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if !token {
                    return Err(FaultSpecError::BadValue {
                        key: "code",
                        expected: "letters, digits, '-' or '_'",
                    });
                }
                *code = value.to_owned();
            }
            (Self::Slow { delay }, "delay") => *delay = millis("delay", value)?,
            (_, key) => {
                return Err(FaultSpecError::UnknownKey {
                    kind,
                    key: key.to_owned(),
                });
            }
        }
        Ok(())
    }
}

fn millis(key: &'static str, value: &str) -> Result<Duration, FaultSpecError> {
    value
        .parse::<u64>()
        .map(Duration::from_millis)
        .map_err(|_| FaultSpecError::BadValue {
            key,
            expected: "whole milliseconds",
        })
}

/// The text form, which [`FromStr`] reads back.
impl fmt::Display for InjectedFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind())?;
        match self {
            Self::ServerBusy {
                back_off: Some(back_off),
            } => write!(f, ";backoff={}", back_off.as_millis()),
            Self::ServiceUnavailable {
                retry_after: Some(retry_after),
            } => write!(f, ";retry-after={}", retry_after.as_secs()),
            Self::CasError { status, code } => write!(f, ";status={status};code={code}"),
            Self::Slow { delay } => write!(f, ";delay={}", delay.as_millis()),
            _ => Ok(()),
        }
    }
}
