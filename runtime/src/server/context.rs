//! What a handler learns about the call besides its request.

use std::fmt;
use std::net::SocketAddr;

use http::{Extensions, HeaderMap};

use super::Identity;
use crate::soap::SoapVersion;

/// The peer address of a request's connection, as a request extension.
/// [`serve`](super::serve) adds it to every request; an application that
/// runs its own accept loop adds it itself for
/// [`CallContext::remote_addr`] to be known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RemoteAddr(pub SocketAddr);

/// The call an operation handler is answering: the version and action it
/// came with, who sent it, from where, its HTTP headers, and what the
/// application's own layers in front of the service attached to it.
#[derive(Clone)]
pub struct CallContext {
    pub(super) operation: &'static str,
    pub(super) version: SoapVersion,
    pub(super) soap_action: Option<String>,
    pub(super) identity: Option<Identity>,
    pub(super) remote_addr: Option<SocketAddr>,
    pub(super) headers: HeaderMap,
    pub(super) extensions: Extensions,
}

impl CallContext {
    /// The WSDL name of the operation ([`Operation::NAME`](crate::Operation::NAME)).
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The SOAP version of the request, which the answer is written in.
    pub fn version(&self) -> SoapVersion {
        self.version
    }

    /// The action as the request carried it (`SOAPAction` in SOAP 1.1,
    /// the `action` parameter in SOAP 1.2), `None` when it carried none.
    pub fn soap_action(&self) -> Option<&str> {
        self.soap_action.as_deref()
    }

    /// The caller, when an authenticator proved who it is; `None` for an
    /// anonymous call (allowed unless an authenticator is `required`).
    pub fn identity(&self) -> Option<&Identity> {
        self.identity.as_ref()
    }

    /// The peer of the connection (see [`RemoteAddr`]).
    pub fn remote_addr(&self) -> Option<SocketAddr> {
        self.remote_addr
    }

    /// The request's HTTP headers, credentials included: read them, do not
    /// log them.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The request's HTTP extensions, as the layers in front of the
    /// service left them: how an application that authenticates, or keeps
    /// per-connection state, in its own HTTP stack hands a handler what it
    /// found (insert a value of its own type on the `http::Request`
    /// before calling the [`SoapService`](super::SoapService), read it here
    /// with `get`). [`RemoteAddr`] is one of them.
    pub fn extensions(&self) -> &Extensions {
        &self.extensions
    }
}

impl fmt::Debug for CallContext {
    /// Header names only: `Authorization` and cookies have no place in a
    /// log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.keys().map(|k| k.as_str()).collect();
        f.debug_struct("CallContext")
            .field("operation", &self.operation)
            .field("version", &self.version)
            .field("soap_action", &self.soap_action)
            .field("identity", &self.identity)
            .field("remote_addr", &self.remote_addr)
            .field("headers", &names)
            .field("extensions", &self.extensions.len())
            .finish()
    }
}
