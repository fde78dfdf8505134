//! An operation's handler behind a type-erased interface: reading the
//! request as the operation's types, running the handler on a task of its
//! own, and writing its answer.

use std::borrow::Cow;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use tokio::task::JoinHandle;

use super::answer::Reply;
use super::dialect::{Dialect, RefusalReason, refuse};
use super::{CallContext, Identity};
use crate::Operation;
use crate::soap::{
    BodyReader, Envelope, Fault, HeaderName, NO_EXTRA_HEADERS, SoapVersion, XmlHeaders,
    write_envelope_parts,
};
use crate::xml::{Name, ReadError, WriteError};

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
        let dialect = prelude.dialect;
        let (context, envelope) = open::<O::InputHeaders, _>(
            O::NAME,
            body,
            prelude,
            &[],
            BodyReader::read_body::<O::Request>,
        )?;
        let version = context.version;
        let style = dialect.response_style(version);
        let handler = Arc::clone(&self.handler);
        Ok(spawn(
            O::NAME,
            version,
            async move { handler(context, envelope).await },
            move |answer| {
                write_envelope_parts(
                    version,
                    &style,
                    &answer.headers,
                    NO_EXTRA_HEADERS,
                    &answer.body,
                )
            },
        ))
    }
}

/// What every operation does before its handler, whatever its types:
/// reads the header entries as `H` (entries in `declared` are taken as
/// understood too, besides the authenticators' ones), authenticates,
/// and reads the body element with `read_body`. The context then holds
/// the identity.
pub(super) fn open<'i, H: XmlHeaders, B>(
    operation: &'static str,
    body: BodyReader<'i>,
    prelude: Prelude<'_>,
    declared: &[Name],
    read_body: impl FnOnce(BodyReader<'i>) -> Result<B, ReadError>,
) -> Result<(CallContext, Envelope<H, B>), Reply> {
    let mut context = prelude.context;
    let version = context.version;
    let dialect = prelude.dialect;
    let understood: Cow<'_, [Name]> = if declared.is_empty() {
        Cow::Borrowed(prelude.understood)
    } else {
        Cow::Owned([prelude.understood, declared].concat())
    };
    let headers = body
        .headers_understanding::<H>(&understood)
        .map_err(|e| header_refusal(dialect, operation, version, &e))?;
    context.identity = (prelude.authenticate)()?;
    let request = read_body(body).map_err(|e| body_refusal(dialect, operation, version, &e))?;
    Ok((
        context,
        Envelope {
            headers,
            body: request,
        },
    ))
}

/// Runs `answer` on a task of its own and writes what it answers with
/// `write`; a response that cannot be written is a `Receiver` fault (and
/// an error in the log, naming `operation`).
pub(super) fn spawn<T, A, W>(
    operation: &'static str,
    version: SoapVersion,
    answer: A,
    write: W,
) -> Running
where
    A: Future<Output = Result<T, Fault>> + Send + 'static,
    W: FnOnce(T) -> Result<String, WriteError> + Send + 'static,
    T: 'static,
{
    tokio::spawn(async move {
        let answer = answer.await?;
        write(answer).map_err(|error| {
            tracing::error!(operation, %error, "the response cannot be written");
            Fault::receiver(version, "The response could not be written.")
        })
    })
}

/// A header that cannot be read: a `MustUnderstand` fault for an entry
/// marked so that the operation does not declare, else a `Sender` fault.
fn header_refusal(
    dialect: &dyn Dialect,
    operation: &'static str,
    version: SoapVersion,
    error: &ReadError,
) -> Reply {
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
fn body_refusal(
    dialect: &dyn Dialect,
    operation: &'static str,
    version: SoapVersion,
    error: &ReadError,
) -> Reply {
    log_unreadable(error);
    let fault = Fault::sender(version, format!("The request cannot be read: {error}"));
    let reason = RefusalReason::UnreadableRequest { operation, error };
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
