//! The service a router becomes: one request from HTTP to an answer.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http::header::{ALLOW, CONTENT_TYPE, HeaderName, HeaderValue, WWW_AUTHENTICATE};
use http::{HeaderMap, Method, Request, Response, StatusCode, Uri};
use http_body::Body;
use tokio::time::Instant;

use super::answer::{Reply, ResponseBody};
use super::auth::{AuthError, AuthRequest, Authenticate};
use super::body::{BodyError, read_limited};
use super::dialect::{Dialect, RefusalReason, refuse};
use super::dispatch::Table;
use super::handler::Prelude;
use super::{CallContext, Identity, Limits, RemoteAddr};
use crate::soap::{BodyReader, Fault, SoapVersion, parse_request_headers};
use crate::xml::{Name, ReadError, ReadErrorKind};

/// A SOAP endpoint as a [`tower::Service`]: `http::Request<B>` for any
/// body `B`, answered with `http::Response<`[`ResponseBody`]`>`, never an
/// error (every failure is an HTTP answer). Cheap to clone.
///
/// It serves every path alike. With hyper, wrap it in
/// `hyper_util::service::TowerToHyperService`, or let [`serve`](super::serve)
/// run the connections. It must be called within a tokio runtime: each
/// handler runs on a task.
#[derive(Clone)]
pub struct SoapService {
    shared: Arc<Shared>,
}

struct Shared {
    table: Table,
    wsdl: Option<Arc<str>>,
    /// Authenticators that run before the body is read.
    early: Vec<Arc<dyn Authenticate>>,
    /// Those that need the envelope.
    late: Vec<Arc<dyn Authenticate>>,
    /// What the latter understand of the header.
    understood: Vec<Name>,
    limits: Limits,
    dialect: Arc<dyn Dialect>,
}

impl SoapService {
    pub(super) fn new(
        table: Table,
        wsdl: Option<Arc<str>>,
        authenticators: Vec<Arc<dyn Authenticate>>,
        limits: Limits,
        dialect: Arc<dyn Dialect>,
    ) -> Self {
        let (late, early): (Vec<_>, Vec<_>) =
            authenticators.into_iter().partition(|a| a.needs_envelope());
        let understood = late
            .iter()
            .flat_map(|a| a.understands().iter().copied())
            .collect();
        Self {
            shared: Arc::new(Shared {
                table,
                wsdl,
                early,
                late,
                understood,
                limits,
                dialect,
            }),
        }
    }

    pub fn limits(&self) -> &Limits {
        &self.shared.limits
    }

    /// Answers one request.
    pub async fn handle<B>(&self, request: Request<B>) -> Response<ResponseBody>
    where
        B: Body,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let started = Instant::now();
        let mut operation = None;
        let reply = self.shared.process(request, &mut operation).await;
        tracing::debug!(
            operation = operation.unwrap_or("-"),
            status = reply.http_status(),
            elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            "SOAP request answered"
        );
        reply.into_response(&*self.shared.dialect)
    }
}

impl<B> tower::Service<Request<B>> for SoapService
where
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = Response<ResponseBody>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let service = self.clone();
        Box::pin(async move { Ok(service.handle(request).await) })
    }
}

impl Shared {
    async fn process<B>(&self, request: Request<B>, operation: &mut Option<&'static str>) -> Reply
    where
        B: Body,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let (mut parts, body) = request.into_parts();
        if parts.method == Method::GET && is_wsdl_query(&parts.uri) {
            return match &self.wsdl {
                Some(wsdl) => Reply::Wsdl(Arc::clone(wsdl)),
                None => Reply::status(StatusCode::NOT_FOUND, "This service publishes no WSDL."),
            };
        }
        if parts.method != Method::POST {
            return self.method_not_allowed();
        }
        let headers = &parts.headers;
        let (version, action) = match binding(headers) {
            Ok(binding) => binding,
            Err(reply) => return reply,
        };
        if !self.table.serves(version) {
            return self.unsupported_version(version);
        }
        let remote = parts.extensions.get::<RemoteAddr>().map(|r| r.0);
        let before_body = run(
            &self.early,
            &AuthRequest::new(version, action.as_deref(), headers, remote, None),
            version,
        );
        let mut identity = match before_body {
            Ok(identity) => identity,
            Err(reply) => return reply,
        };

        let limits = &self.limits;
        let bytes = match read_limited(
            headers,
            body,
            limits.max_body_bytes,
            limits.body_read_timeout,
        )
        .await
        {
            Ok(bytes) => bytes,
            Err(error) => return body_refusal(error, limits.max_body_bytes),
        };
        let dialect = &*self.dialect;
        let reader = match BodyReader::new(&bytes) {
            Ok(reader) => reader,
            Err(error) => {
                let (reason, fault) = envelope_refusal(version, &error);
                return Reply::fault(refuse(dialect, reason, fault));
            }
        };
        if reader.version() != version {
            let fault = mismatch(version, reader.version());
            return Reply::fault(refuse(dialect, RefusalReason::VersionMismatch, fault));
        }
        let entry = match self.table.select(
            version,
            action.as_deref(),
            reader.namespace(),
            reader.local_name(),
        ) {
            Ok(entry) => Arc::clone(entry),
            Err(fault) => {
                let reason = RefusalReason::NoOperation {
                    action: action.as_deref(),
                    namespace: reader.namespace(),
                    local: reader.local_name(),
                };
                return Reply::fault(refuse(dialect, reason, *fault));
            }
        };
        *operation = Some(entry.name);

        let context = CallContext {
            operation: entry.name,
            version,
            soap_action: action.clone(),
            identity: None,
            remote_addr: remote,
            headers: headers.clone(),
            extensions: std::mem::take(&mut parts.extensions),
        };
        let started = {
            let mut authenticate = || {
                let request =
                    AuthRequest::new(version, action.as_deref(), headers, remote, Some(&bytes));
                let later = run(&self.late, &request, version)?;
                Ok(identity.take().or(later))
            };
            entry.handler.start(
                reader,
                Prelude {
                    understood: &self.understood,
                    authenticate: &mut authenticate,
                    dialect,
                    context,
                },
            )
        };
        let running = match started {
            Ok(running) => running,
            Err(reply) => return reply,
        };
        match running.await {
            Ok(Ok(xml)) => Reply::Envelope { version, xml },
            Ok(Err(fault)) => Reply::fault(fault.with_version(version)),
            Err(error) => {
                tracing::error!(operation = entry.name, %error, "the operation's handler failed");
                Reply::fault(Fault::receiver(version, "The operation failed."))
            }
        }
    }

    fn method_not_allowed(&self) -> Reply {
        let allow = if self.wsdl.is_some() {
            "GET, POST"
        } else {
            "POST"
        };
        Reply::Status {
            status: StatusCode::METHOD_NOT_ALLOWED,
            headers: vec![(ALLOW, HeaderValue::from_static(allow))],
            text: "SOAP requests are sent with POST (and the WSDL fetched with GET ?wsdl).".into(),
        }
    }

    fn unsupported_version(&self, version: SoapVersion) -> Reply {
        let spoken: Vec<String> = self
            .table
            .versions()
            .iter()
            .map(|v| format!("{v} ({})", v.media_type()))
            .collect();
        Reply::status(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "This service has no {version} operation; it speaks {}.",
                if spoken.is_empty() {
                    "nothing yet".to_owned()
                } else {
                    spoken.join(" and ")
                }
            ),
        )
    }
}

/// The version and action of a request, from its headers.
fn binding(headers: &HeaderMap) -> Result<(SoapVersion, Option<String>), Reply> {
    let text = |name: &str| match headers.get(name).map(HeaderValue::to_str) {
        None => Ok(None),
        Some(Ok(value)) => Ok(Some(value)),
        Some(Err(_)) => Err(Reply::status(
            StatusCode::BAD_REQUEST,
            format!("The {name} header is not plain ASCII text."),
        )),
    };
    let content_type = text(CONTENT_TYPE.as_str())?;
    let soap_action = text("soapaction")?;
    parse_request_headers(content_type, soap_action).map_err(|error| {
        let status = StatusCode::from_u16(error.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
        Reply::status(status, error.to_string())
    })
}

/// Runs `layers` in order: the first identity, or the first refusal.
fn run(
    layers: &[Arc<dyn Authenticate>],
    request: &AuthRequest<'_>,
    version: SoapVersion,
) -> Result<Option<Identity>, Reply> {
    let mut identity = None;
    for layer in layers {
        match layer.authenticate(request) {
            Ok(Some(found)) => {
                identity.get_or_insert(found);
            }
            Ok(None) => {}
            Err(error) => return Err(auth_refusal(error, version)),
        }
    }
    Ok(identity)
}

fn auth_refusal(error: AuthError, version: SoapVersion) -> Reply {
    match error {
        AuthError::Fault(fault) => Reply::fault(fault.with_version(version)),
        AuthError::Unauthorized { challenges } => Reply::Status {
            status: StatusCode::UNAUTHORIZED,
            headers: challenges
                .iter()
                .filter_map(|c| HeaderValue::try_from(c.as_str()).ok())
                .map(|value| (WWW_AUTHENTICATE, value))
                .collect::<Vec<(HeaderName, HeaderValue)>>(),
            text: "Authentication is required.".into(),
        },
        AuthError::Unavailable { retry_after } => Reply::unavailable(retry_after),
    }
}

fn body_refusal(error: BodyError, limit: usize) -> Reply {
    match error {
        BodyError::TooLarge => Reply::closing(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("The request body is larger than {limit} bytes."),
        ),
        BodyError::TimedOut => Reply::closing(
            StatusCode::REQUEST_TIMEOUT,
            "The request body did not arrive in time.",
        ),
        BodyError::Read(error) => {
            tracing::debug!(%error, "request body not read");
            Reply::closing(
                StatusCode::BAD_REQUEST,
                "The request body could not be read.",
            )
        }
    }
}

/// A body that is no envelope of either version, or not XML.
fn envelope_refusal(version: SoapVersion, error: &ReadError) -> (RefusalReason<'_>, Fault) {
    match &error.kind {
        ReadErrorKind::VersionMismatch { .. } => {
            let mut fault = Fault::version_mismatch(version);
            fault.string = error.kind.to_string();
            (RefusalReason::VersionMismatch, fault)
        }
        _ => {
            tracing::debug!(path = %error.path, line = error.line, column = error.column, "not an envelope");
            let fault = Fault::sender(
                version,
                format!("The request is not a SOAP envelope that can be read: {error}"),
            );
            (RefusalReason::NotAnEnvelope(error), fault)
        }
    }
}

/// An envelope of the other version than the content type's: the
/// `VersionMismatch` fault of the content type's version, whose `Upgrade`
/// header lists both.
fn mismatch(version: SoapVersion, envelope: SoapVersion) -> Fault {
    let mut fault = Fault::version_mismatch(version);
    fault.string = format!(
        "The envelope is {envelope}, but the content type {} is that of {version}.",
        version.media_type()
    );
    fault
}

fn is_wsdl_query(uri: &Uri) -> bool {
    uri.query().is_some_and(|q| q.eq_ignore_ascii_case("wsdl"))
}
