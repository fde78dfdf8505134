//! Turning an HTTP answer into the operation's response or an [`Error`].

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER, WWW_AUTHENTICATE};

use crate::error::Error;
use crate::soap::{
    Body, BodyReader, Envelope, Fault, SoapVersion, XmlHeaders, read_envelope_with_version,
};
use crate::xml::XmlElement;

use super::redact::Redactor;
use super::retry_after::parse_retry_after;
use super::snippet::{body_snippet, excerpt};

/// Status 456, which Exchange's front end uses for a locked account.
const ACCOUNT_LOCKED: u16 = 456;

/// The status and the headers of an answer that the client keeps, taken
/// before its body is read.
pub(crate) struct AnswerHead {
    pub status: u16,
    pub challenges: Vec<String>,
    pub cas_error_code: Option<String>,
    pub retry_after: Option<Duration>,
}

impl AnswerHead {
    pub(crate) fn new(status: u16, headers: &HeaderMap) -> Self {
        let text = |v: &HeaderValue| v.to_str().ok().map(str::to_owned);
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
        }
    }
}

/// 200 carries the response (or, unusually, a fault); 401 and 456 have
/// their own variants; any other status carries a fault when its body is
/// a SOAP fault (500 as SOAP 1.1 asks, 400 or 500 as SOAP 1.2 does, but
/// also a 503 from a throttling front end) and is an HTTP error otherwise
/// (an HTML error page, a bare 503).
///
/// A fault is a fault in either version (a 1.1 server refuses a 1.2
/// request with a 1.1 `VersionMismatch` fault); a response in another
/// version than the request's `version` is
/// [`Error::UnexpectedSoapVersion`].
pub(crate) fn classify<H: XmlHeaders, T: XmlElement>(
    version: SoapVersion,
    head: AnswerHead,
    body: &[u8],
    redactor: &Redactor,
) -> Result<Envelope<H, T>, Error> {
    match head.status {
        200 => match read_envelope_with_version::<H, T>(body) {
            Ok((found, _)) if found != version => Err(Error::UnexpectedSoapVersion {
                status: head.status,
                expected: version,
                found,
            }),
            Ok((
                _,
                Envelope {
                    headers,
                    body: Body::Content(body),
                },
            )) => Ok(Envelope { headers, body }),
            Ok((
                _,
                Envelope {
                    body: Body::Fault(fault),
                    ..
                },
            )) => Err(fault_error(fault, &head)),
            Err(error) => Err(Error::Decode {
                status: head.status,
                excerpt: excerpt(body, error.line, error.column, redactor),
                error: Box::new(error),
            }),
        },
        401 => Err(Error::Unauthorized {
            challenges: head.challenges,
            cas_error_code: head.cas_error_code,
        }),
        ACCOUNT_LOCKED => Err(Error::AccountLocked {
            cas_error_code: head.cas_error_code,
        }),
        _ => match read_fault(body) {
            Some(fault) => Err(fault_error(Box::new(fault), &head)),
            None => Err(http_error(head, body, redactor)),
        },
    }
}

/// The fault a non-200 answer carries, if its body is one.
fn read_fault(body: &[u8]) -> Option<Fault> {
    if body.is_empty() {
        return None;
    }
    let reader = BodyReader::new(body).ok()?;
    if !reader.is_fault() {
        return None;
    }
    reader.read_fault().ok()
}

fn fault_error(fault: Box<Fault>, head: &AnswerHead) -> Error {
    if fault.is_server_busy() {
        let back_off = match (fault.back_off(), head.retry_after) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        Error::Throttled {
            status: head.status,
            back_off,
            fault,
        }
    } else {
        Error::Fault {
            status: head.status,
            fault,
        }
    }
}

fn http_error(head: AnswerHead, body: &[u8], redactor: &Redactor) -> Error {
    Error::Http {
        status: head.status,
        snippet: body_snippet(body, redactor),
        challenges: head.challenges,
        cas_error_code: head.cas_error_code,
        retry_after: head.retry_after,
    }
}
