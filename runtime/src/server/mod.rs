//! A SOAP server: a [`Router`] of typed operation handlers that becomes a
//! [`SoapService`] (a `tower::Service` over `http` requests), and
//! [`serve`], an HTTP/1.1 accept loop on hyper. Feature `server`.
//!
//! Generated code registers each WSDL operation's [`Operation`] type
//! ([`Router::raw_operation`] registers one by its names alone, for a
//! WSDL known only at run time); the application gives the handler:
//!
//! ```no_run
//! use xsdgen_runtime::server::{CallContext, Router, UsernameTokenAuth, serve};
//! use xsdgen_runtime::soap::{Envelope, Fault, NoHeaders};
//! use xsdgen_runtime::wsse::UsernameTokenVerifier;
//! use xsdgen_runtime::auth::Secret;
//! # use xsdgen_runtime::xml::*;
//! # #[derive(Default)] struct Ping; #[derive(Default)] struct Pong;
//! # impl XmlWrite for Ping { fn write_xml(&self, w: &mut XmlWriter, n: Name) -> Result<(), WriteError> { w.start(n); w.end() } }
//! # impl XmlRead for Ping { fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> { r.end()?; Ok(Ping) } }
//! # impl XmlElement for Ping { const NAME: Name = Name::new("urn:p", "Ping"); }
//! # impl XmlWrite for Pong { fn write_xml(&self, w: &mut XmlWriter, n: Name) -> Result<(), WriteError> { w.start(n); w.end() } }
//! # impl XmlRead for Pong { fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> { r.end()?; Ok(Pong) } }
//! # impl XmlElement for Pong { const NAME: Name = Name::new("urn:p", "Pong"); }
//! # struct PingOp;
//! # impl xsdgen_runtime::Operation for PingOp {
//! #     type Request = Ping; type Response = Pong;
//! #     type InputHeaders = NoHeaders; type OutputHeaders = NoHeaders;
//! #     const NAME: &'static str = "Ping"; const SOAP_ACTION: &'static str = "urn:p/Ping";
//! #     const SAFE_TO_RETRY: bool = true;
//! # }
//!
//! async fn ping(ctx: CallContext, request: Envelope<NoHeaders, Ping>) -> Result<Envelope<NoHeaders, Pong>, Fault> {
//!     let _user = ctx.identity().map(|who| who.username.as_str());
//!     Ok(Envelope { headers: NoHeaders, body: Pong })
//! }
//!
//! # async fn run() -> std::io::Result<()> {
//! let verifier = UsernameTokenVerifier::new(|user: &str| (user == "alice").then(|| Secret::new("s3cret")));
//! let service = Router::new()
//!     .operation::<PingOp, _, _>(ping)
//!     .authenticate(UsernameTokenAuth::new(verifier).required())
//!     .into_service();
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! serve(listener, service, async { let _ = tokio::signal::ctrl_c().await; }).await
//! # }
//! ```
//!
//! # A request's way
//!
//! 1. `GET …?wsdl` is answered with the WSDL given to [`Router::wsdl`]
//!    (404 without one); any method but `POST` with 405.
//! 2. The `Content-Type` gives the version: `text/xml` is SOAP 1.1,
//!    `application/soap+xml` SOAP 1.2, anything else 415 (a malformed one
//!    400). A version no registered operation speaks is 415 too.
//! 3. Authenticators that do not read the envelope (HTTP Basic) run.
//! 4. The body is read, up to [`Limits::max_body_bytes`] (413 beyond,
//!    before reading when `Content-Length` says so) and within
//!    [`Limits::body_read_timeout`] (408).
//! 5. The envelope is opened. A document type declaration is refused (the
//!    XML reader refuses every DTD: no entity expansion can happen), as
//!    is anything that is not an envelope (`Sender` fault). An envelope
//!    of no SOAP namespace, or of the other version than the content
//!    type's, is answered with a `VersionMismatch` fault in the content
//!    type's version, with the `Upgrade` header listing both.
//! 6. The operation is chosen by the action and the body element (see
//!    [Dispatch](#dispatch) below).
//! 7. Header entries: those the operation declares are read into its
//!    `InputHeaders`; an undeclared one marked `mustUnderstand` for this
//!    node is answered with a `MustUnderstand` fault (with
//!    `NotUnderstood` in SOAP 1.2), unless an authenticator processes it
//!    ([`Authenticate::understands`]: `wsse:Security` for
//!    [`UsernameTokenAuth`]).
//! 8. The other authenticators run (see [`auth`] for how several
//!    combine).
//! 9. The body element is read as the operation's request; a mismatch is
//!    a `Sender` fault whose reason gives the element path, line and
//!    column of the error.
//! 10. The handler runs on its own task. `Ok` is written as a response
//!     envelope in the request's version (200); `Err(fault)` is converted
//!     to the request's version ([`Fault::with_version`](crate::soap::Fault::with_version))
//!     and sent with its status ([`Fault::http_status`](crate::soap::Fault::http_status):
//!     500 in 1.1, 400 for `Sender` and 500 otherwise in 1.2). A panic is
//!     a `Receiver` fault saying only that the operation failed.
//!
//! # Dispatch
//!
//! The rules are those of the [`dispatch`] module; in short: an action
//! names the operation and the body element must be its request (else a
//! `Sender` fault names both); without an action, the body element must
//! name one operation of the request's version. SOAP 1.2's
//! `soapActionRequired` is not enforced: a request without the action is
//! dispatched by its body element when that is unambiguous.
//!
//! # Dialect
//!
//! Envelopes are written compact, and the refusals of steps 5 to 9 are
//! the runtime's own `VersionMismatch`, `MustUnderstand` and `Sender`
//! faults. A service that must answer as another one does (an emulator
//! of an existing service) gives a [`Dialect`]: the layout of its
//! responses and faults, and the fault each refusal becomes. Handlers
//! that need what the application's own HTTP layers found (a caller
//! authenticated there, a connection's state) read it from
//! [`CallContext::extensions`].
//!
//! # Logs
//!
//! Each request is logged at `debug` with its operation, status and
//! duration. Bodies are never logged, nor header values; a refused
//! request's log names where it was unreadable, not what it said.

mod answer;
pub mod auth;
mod body;
mod connection;
mod context;
mod dialect;
pub mod dispatch;
mod handler;
mod identity;
mod limits;
mod port;
mod raw;
mod router;
mod serve;
mod service;

pub use answer::ResponseBody;
pub use auth::{AuthError, AuthRequest, Authenticate, BasicAuth, HeaderEntry, UsernameTokenAuth};
pub use context::{CallContext, RemoteAddr};
pub use dialect::{Dialect, Refusal, RefusalReason};
pub use identity::{AuthMethod, Identity};
pub use limits::Limits;
pub use port::{Reply, unimplemented};
pub use raw::{RawElement, RawOperation, RawRequest, RawResponse};
pub use router::Router;
pub use serve::serve;
pub use service::SoapService;

#[cfg(doc)]
use crate::Operation;
