//! The builder of a service: its operations, WSDL, authenticators and
//! limits.

use std::future::Future;
use std::sync::Arc;

use super::auth::Authenticate;
use super::dialect::{self, Dialect};
use super::dispatch::{Entry, Table};
use super::handler::Typed;
use super::service::SoapService;
use super::{CallContext, Limits};
use crate::Operation;
use crate::soap::{Envelope, Fault};
use crate::xml::XmlElement;

/// The operations of a SOAP service and what stands before them; a
/// [`SoapService`] once built with [`Self::into_service`]. The
/// [module docs](super) have an example. Cheap to clone: the handlers and
/// authenticators are shared.
#[derive(Clone, Default)]
pub struct Router {
    table: Table,
    wsdl: Option<Arc<str>>,
    authenticators: Vec<Arc<dyn Authenticate>>,
    limits: Limits,
    dialect: Option<Arc<dyn Dialect>>,
}

impl Router {
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers one operation: requests its action and request element
    /// select (see [`dispatch`](super#dispatch)) are read as its request
    /// and header types and handed to `handler` with the call's context;
    /// its answer is written in the request's version, a fault with the
    /// status its version gives it.
    ///
    /// The handler runs on a task of its own: a panic in it is answered
    /// with a `Receiver` fault and takes nothing else down, and once
    /// started it runs to its end even if the client goes away (so that
    /// an operation is not cut off halfway).
    ///
    /// An operation bound to both versions is two `Operation` types (with
    /// another [`Operation::VERSION`]), registered one by one.
    ///
    /// # Panics
    ///
    /// When an operation of the same version, action and request element
    /// is registered already.
    pub fn operation<O, F, Fut>(self, handler: F) -> Self
    where
        O: Operation + 'static,
        O::Request: Send + 'static,
        O::InputHeaders: Send + 'static,
        F: Fn(CallContext, Envelope<O::InputHeaders, O::Request>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Envelope<O::OutputHeaders, O::Response>, Fault>>
            + Send
            + 'static,
    {
        self.entry(Entry {
            name: O::NAME,
            action: O::SOAP_ACTION,
            version: O::VERSION,
            request: <O::Request as XmlElement>::NAME,
            handler: Arc::new(Typed::<O, F>::new(handler)),
        })
    }

    /// Registers an operation of any kind (typed, or
    /// [raw](Self::raw_operation)).
    pub(super) fn entry(mut self, entry: Entry) -> Self {
        self.table.add(entry);
        self
    }

    /// The WSDL, served as `text/xml` on `GET` of any path with the query
    /// `?wsdl` (or `?WSDL`), as ASMX services serve theirs.
    pub fn wsdl(mut self, text: impl Into<String>) -> Self {
        self.wsdl = Some(Arc::from(text.into()));
        self
    }

    /// Adds an authenticator after those added before (see
    /// [`auth`](super::auth) for how their answers combine).
    pub fn authenticate(mut self, layer: impl Authenticate) -> Self {
        self.authenticators.push(Arc::new(layer));
        self
    }

    /// Answers in `dialect`: its envelope layout, and its faults for the
    /// requests the service refuses (see [`Dialect`]). The runtime's own
    /// until then; a second call replaces the first.
    pub fn dialect(mut self, dialect: impl Dialect) -> Self {
        self.dialect = Some(Arc::new(dialect));
        self
    }

    /// Replaces the [`Limits`] (the defaults until then).
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    pub fn into_service(self) -> SoapService {
        SoapService::new(
            self.table,
            self.wsdl,
            self.authenticators,
            self.limits,
            dialect::or_standard(self.dialect),
        )
    }
}
