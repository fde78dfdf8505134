//! The answers a request can get, and how each becomes an HTTP response.

use std::sync::Arc;
use std::time::Duration;

use http::header::{self, HeaderName, HeaderValue};
use http::{Response, StatusCode};
use http_body_util::Full;
use hyper::body::Bytes;

use super::dialect::Dialect;
use crate::soap::{EnvelopeStyle, Fault, SoapVersion};

/// The body of every response of a [`SoapService`](super::SoapService).
pub type ResponseBody = Full<Bytes>;

/// What a request is answered with.
pub(super) enum Reply {
    /// A response envelope, written in `version`.
    Envelope { version: SoapVersion, xml: String },
    /// A SOAP fault, written in its own version with its status.
    Fault(Box<Fault>),
    /// An answer of HTTP alone, with a line of text for people.
    Status {
        status: StatusCode,
        headers: Vec<(HeaderName, HeaderValue)>,
        text: String,
    },
    /// The service's WSDL.
    Wsdl(Arc<str>),
}

impl Reply {
    pub(super) fn fault(fault: Fault) -> Self {
        Self::Fault(Box::new(fault))
    }

    pub(super) fn status(status: StatusCode, text: impl Into<String>) -> Self {
        Self::Status {
            status,
            headers: Vec::new(),
            text: text.into(),
        }
    }

    /// A status after which the connection is not reused: the body was
    /// not read to its end, or the client is too slow to wait for.
    pub(super) fn closing(status: StatusCode, text: impl Into<String>) -> Self {
        Self::Status {
            status,
            headers: vec![(header::CONNECTION, HeaderValue::from_static("close"))],
            text: text.into(),
        }
    }

    pub(super) fn unavailable(retry_after: Option<Duration>) -> Self {
        let headers = retry_after
            .and_then(|after| HeaderValue::try_from(after.as_secs().max(1).to_string()).ok())
            .map(|value| vec![(header::RETRY_AFTER, value)])
            .unwrap_or_default();
        Self::Status {
            status: StatusCode::SERVICE_UNAVAILABLE,
            headers,
            text: "The credentials cannot be checked now; try again later.".into(),
        }
    }

    /// The response; a fault laid out as `dialect` says.
    pub(super) fn into_response(self, dialect: &dyn Dialect) -> Response<ResponseBody> {
        match self {
            Self::Envelope { version, xml } => soap(StatusCode::OK, version, xml),
            Self::Fault(fault) => fault_response(&fault, &dialect.fault_style(&fault)),
            Self::Status {
                status,
                headers,
                text,
            } => {
                let mut response = plain(status, text);
                for (name, value) in headers {
                    response.headers_mut().append(name, value);
                }
                response
            }
            Self::Wsdl(wsdl) => {
                let mut response = Response::new(Full::new(Bytes::from(wsdl.as_bytes().to_vec())));
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/xml; charset=utf-8"),
                );
                response
            }
        }
    }

    /// The HTTP status the reply is sent with, for the log.
    pub(super) fn http_status(&self) -> u16 {
        match self {
            Self::Envelope { .. } | Self::Wsdl(_) => 200,
            Self::Fault(fault) => fault.http_status(),
            Self::Status { status, .. } => status.as_u16(),
        }
    }
}

fn fault_response(fault: &Fault, style: &EnvelopeStyle) -> Response<ResponseBody> {
    let status =
        StatusCode::from_u16(fault.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match fault.to_envelope(style) {
        Ok(xml) => soap(status, fault.version, xml),
        Err(error) => {
            // A handler's fault text with a character XML cannot carry:
            // the client still gets a fault, without that text.
            tracing::error!(%error, "the fault cannot be written; sending a generic one");
            let generic = Fault::receiver(fault.version, "The operation failed.");
            match generic.to_envelope(&EnvelopeStyle::COMPACT) {
                Ok(xml) => soap(StatusCode::INTERNAL_SERVER_ERROR, fault.version, xml),
                Err(_) => plain(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "The operation failed.".into(),
                ),
            }
        }
    }
}

fn soap(status: StatusCode, version: SoapVersion, xml: String) -> Response<ResponseBody> {
    let mut response = Response::new(Full::new(Bytes::from(xml)));
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::try_from(version.content_type("")) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
}

fn plain(status: StatusCode, text: String) -> Response<ResponseBody> {
    let mut response = Response::new(Full::new(Bytes::from(text + "\n")));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
