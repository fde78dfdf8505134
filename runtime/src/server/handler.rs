//! An operation's handler behind a type-erased interface: reading the
//! request as the operation's types, running the handler on a task of its
//! own, and writing its answer.

use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use tokio::task::JoinHandle;

use super::answer::Reply;
use super::dialect::{Dialect, RefusalReason, refuse};
use super::{CallContext, Identity};
use crate::Operation;
use crate::soap::{
    BodyReader, Envelope, Fault, HeaderName, NO_EXTRA_HEADERS, SoapVersion, write_envelope_parts,
};
use crate::xml::{Name, ReadError};

/// The handler's task: the response envelope, or the fault to answer with.
pub(super) type Running = JoinHandle<Result<String, Fault>>;

/// What the service hands a handler besides the body.
pub(super) struct Prelude<'a> {
    /// Header entries the authenticators process.
    pub understood: &'a [Name],
    /// Runs the authenticators that read the envelope; called once the
    /// header entries passed the `mustUnderstand` rule.
    pub authenticate: &'a mut dyn FnMut() -> Result<Option<Identity>, Reply>,
    /// How the answer is laid out, and refusals worded.
    pub dialect: &'a dyn Dialect,
    /// The context, but for the identity.
    pub context: CallContext,
}

/// One operation, whatever its types.
pub(super) trait Handle: Send + Sync {
    /// Reads the header entries (the `mustUnderstand` rule), authenticates,
    /// reads the body element, and starts the handler.
    fn start(&self, body: BodyReader<'_>, prelude: Prelude<'_>) -> Result<Running, Reply>;
}

/// The handler of operation `O`.
pub(super) struct Typed<O, F> {
    handler: Arc<F>,
    operation: PhantomData<fn() -> O>,
}

impl<O, F> Typed<O, F> {
    pub fn new(handler: F) -> Self {
        Self {
            handler: Arc::new(handler),
            operation: PhantomData,
        }
    }
}

impl<O, F, Fut> Handle for Typed<O, F>
where
    O: Operation + 'static,
    O::Request: Send + 'static,
    O::InputHeaders: Send + 'static,
    F: Fn(CallContext, Envelope<O::InputHeaders, O::Request>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Envelope<O::OutputHeaders, O::Response>, Fault>> + Send + 'static,
{
    fn start(&self, body: BodyReader<'_>, prelude: Prelude<'_>) -> Result<Running, Reply> {
        let mut context = prelude.context;
        let version = context.version;
        let dialect = prelude.dialect;
        let headers = body
            .headers_understanding::<O::InputHeaders>(prelude.understood)
            .map_err(|e| header_refusal::<O>(dialect, version, &e))?;
        context.identity = (prelude.authenticate)()?;
        let request = body
            .read_body::<O::Request>()
            .map_err(|e| body_refusal::<O>(dialect, version, &e))?;
        let style = dialect.response_style(version);
        let handler = Arc::clone(&self.handler);
        let envelope = Envelope {
            headers,
            body: request,
        };
        Ok(tokio::spawn(async move {
            let answer = handler(context, envelope).await?;
            write_envelope_parts(
                version,
                &style,
                &answer.headers,
                NO_EXTRA_HEADERS,
                &answer.body,
            )
            .map_err(|error| {
                tracing::error!(operation = O::NAME, %error, "the response cannot be written");
                Fault::receiver(version, "The response could not be written.")
            })
        }))
    }
}

/// A header that cannot be read: a `MustUnderstand` fault for an entry
/// marked so that the operation does not declare, else a `Sender` fault.
fn header_refusal<O: Operation>(
    dialect: &dyn Dialect,
    version: SoapVersion,
    error: &ReadError,
) -> Reply {
    let operation = O::NAME;
    let fault = match HeaderName::not_understood_in(error) {
        Some(entry) => {
            tracing::debug!(%entry, "header entry not understood");
            let fault = Fault::must_understand(version, vec![entry.clone()]);
            let reason = RefusalReason::NotUnderstood {
                operation,
                entry: &entry,
            };
            refuse(dialect, reason, fault)
        }
        None => {
            log_unreadable(error);
            let fault = Fault::sender(
                version,
                format!("The request's header cannot be read: {error}"),
            );
            refuse(
                dialect,
                RefusalReason::UnreadableHeader { operation, error },
                fault,
            )
        }
    };
    Reply::fault(fault)
}

/// A body element that is not what the operation's schema says: the
/// reason names where ([`ReadError`]'s path, line and column).
fn body_refusal<O: Operation>(
    dialect: &dyn Dialect,
    version: SoapVersion,
    error: &ReadError,
) -> Reply {
    log_unreadable(error);
    let fault = Fault::sender(version, format!("The request cannot be read: {error}"));
    let reason = RefusalReason::UnreadableRequest {
        operation: O::NAME,
        error,
    };
    Reply::fault(refuse(dialect, reason, fault))
}

/// Where only: the error's text can quote the request, which may hold a
/// secret. The client gets the whole message, about its own request.
fn log_unreadable(error: &ReadError) {
    tracing::debug!(
        path = %error.path,
        line = error.line,
        column = error.column,
        "request unreadable"
    );
}
