//! What a generated port server stands on: the `Server` trait of each
//! WSDL port has a method per operation returning [`Reply`], which
//! answers [`unimplemented`] until the application gives its own, and the
//! port's `router` registers each method with [`Router::route`].

use std::future::{Future, Ready, ready};
use std::sync::Arc;

use super::{CallContext, Router};
use crate::Operation;
use crate::soap::{Envelope, Fault, SoapVersion};

/// The future an operation's method returns: its answer or a fault. An
/// `async fn` in an implementation is one.
pub trait Reply<T>: Future<Output = Result<T, Fault>> + Send {}

impl<T, F: Future<Output = Result<T, Fault>> + Send> Reply<T> for F {}

/// The answer of an operation the application does not implement: a
/// `Receiver` fault naming it (the version is the request's; the router
/// converts).
pub fn unimplemented<T>(operation: &str) -> Ready<Result<T, Fault>> {
    ready(Err(Fault::receiver(
        SoapVersion::V11,
        format!("the operation '{operation}' is not implemented by this server"),
    )))
}

impl Router {
    /// [`Self::operation`] for a method of a shared `server`: `handler`
    /// gets its own handle on it per call. `operation` is the marker
    /// value, which names the operation without a turbofish.
    pub fn route<O, S, F, Fut>(self, operation: O, server: &Arc<S>, handler: F) -> Self
    where
        O: Operation + 'static,
        O::Request: Send + 'static,
        O::InputHeaders: Send + 'static,
        S: Send + Sync + 'static,
        F: Fn(Arc<S>, CallContext, Envelope<O::InputHeaders, O::Request>) -> Fut
            + Send
            + Sync
            + 'static,
        Fut: Future<Output = Result<Envelope<O::OutputHeaders, O::Response>, Fault>>
            + Send
            + 'static,
    {
        let _ = operation;
        let server = Arc::clone(server);
        self.operation::<O, _, _>(move |cx, request| handler(Arc::clone(&server), cx, request))
    }
}
