//! Turning an HTTP answer into the operation's response or an [`Error`].

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER, WWW_AUTHENTICATE};

use crate::error::Error;
use crate::soap::{Body, Fault, read_envelope};
use crate::xml::XmlElement;

use super::redact::{Redactor, body_snippet, excerpt};
use super::retry_after::parse_retry_after;

/// Status 456, which Exchange's front end uses for a locked account.
const ACCOUNT_LOCKED: u16 = 456;

/// The parts of an HTTP answer the client looks at.
pub(crate) struct Answer {
    pub status: u16,
    pub challenges: Vec<String>,
    pub cas_error_code: Option<String>,
    pub retry_after: Option<Duration>,
    pub body: Vec<u8>,
}

impl Answer {
    pub(crate) fn new(status: u16, headers: &HeaderMap, body: Vec<u8>) -> Self {
        let text = |v: &reqwest::header::HeaderValue| v.to_str().ok().map(str::to_owned);
        Self {
            status,
            challenges: headers
                .get_all(WWW_AUTHENTICATE)
                .iter()
                .filter_map(text)
                .collect(),
            cas_error_code: headers.get("X-CasErrorCode").and_then(text),
            retry_after: headers
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, SystemTime::now())),
            body,
        }
    }
}

/// 200 carries the response (or, unusually, a fault); 500 carries a fault
/// when it is a SOAP message and is an ordinary HTTP error when it is an
/// error page; 401 and 456 have their own variants; everything else is an
/// HTTP error.
pub(crate) fn classify<T: XmlElement>(answer: Answer, redactor: &Redactor) -> Result<T, Error> {
    match answer.status {
        200 => match read_envelope::<T>(&answer.body) {
            Ok(Body::Content(value)) => Ok(value),
            Ok(Body::Fault(fault)) => Err(fault_error(fault)),
            Err(error) => Err(Error::Decode {
                status: answer.status,
                excerpt: excerpt(&answer.body, error.line, error.column, redactor),
                error: Box::new(error),
            }),
        },
        500 => match read_envelope::<T>(&answer.body) {
            Ok(Body::Fault(fault)) => Err(fault_error(fault)),
            _ => Err(http_error(answer, redactor)),
        },
        401 => Err(Error::Unauthorized {
            challenges: answer.challenges,
        }),
        ACCOUNT_LOCKED => Err(Error::AccountLocked {
            cas_error_code: answer.cas_error_code,
        }),
        _ => Err(http_error(answer, redactor)),
    }
}

fn fault_error(fault: Box<Fault>) -> Error {
    if fault.is_server_busy() {
        Error::Throttled {
            back_off: fault.back_off(),
            fault,
        }
    } else {
        Error::Fault(fault)
    }
}

fn http_error(answer: Answer, redactor: &Redactor) -> Error {
    Error::Http {
        status: answer.status,
        snippet: body_snippet(&answer.body, redactor),
        cas_error_code: answer.cas_error_code,
        retry_after: answer.retry_after,
    }
}
