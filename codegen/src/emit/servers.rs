//! The server side of a port's module: a `Server` trait with one async
//! method per operation of the port's binding, and `router`, which
//! registers each operation with the runtime's dispatcher so that it
//! reaches the method with the request read by the generated readers.
//!
//! Every method has a default answer, a `Receiver` fault saying the
//! operation is not implemented: a service of a hundred operations can be
//! served (or mocked) one operation at a time, as CXF's and gSOAP's
//! skeletons cannot.
//!
//! A method takes the bare request and returns the bare response when
//! the binding declares no header entries in either direction, and the
//! whole envelope otherwise, so that headers are never silently dropped.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident_tokens};
use crate::plan::rust::{HeadersDef, OperationDef, PortDef, PortOperation};

impl Cx<'_> {
    pub(super) fn port_server(&self, port: &PortDef, version: &str) -> TokenStream {
        let rt = &self.rt;
        let ops: Vec<_> = port
            .operations
            .iter()
            .filter_map(|m| Some((m, self.krate.operations.get(m.operation)?)))
            .collect();
        let methods = ops.iter().map(|(m, op)| self.server_method(m, op));
        let routes = ops.iter().map(|(m, op)| self.server_route(m, op));
        let doc = format!(
            " The port `{}` as a service to implement: one method per operation, each answered as {version}.",
            port.name
        );
        // Every route names `Envelope`; an empty port has no route to give
        // `server` to.
        let envelope = (!ops.is_empty()).then(|| quote!(use #rt::soap::Envelope;));
        let unused = ops.is_empty().then(|| quote!(let _ = &server;));
        quote! {
            use #rt::server::{CallContext, Reply, unimplemented};
            #envelope

            #[doc = #doc]
            ///
            /// A method that is not implemented answers a `Receiver`
            /// fault that says so. Serve an implementation with
            /// [`router`].
            pub trait Server: Send + Sync + 'static {
                #(#methods)*
            }

            /// A dispatcher of the port's operations to `server`: each
            /// request is matched to its operation by its action and its
            /// body's element, read, and answered with what the method
            /// returns.
            pub fn router<S: Server>(server: ::std::sync::Arc<S>) -> #rt::server::Router {
                #unused
                #rt::server::Router::new() #(#routes)*
            }
        }
    }

    /// Whether the method sees the envelope rather than the body alone.
    fn with_envelope(op: &OperationDef) -> bool {
        !matches!(op.input_headers, HeadersDef::None)
            || !matches!(op.output_headers, HeadersDef::None)
    }

    fn server_method(&self, m: &PortOperation, op: &OperationDef) -> TokenStream {
        let method = ident_tokens(&m.method);
        let mut request = self.path_from_port(&op.request);
        let mut response = self.path_from_port(&op.response);
        if Self::with_envelope(op) {
            let input = self.port_headers_type(&op.input_headers);
            let output = self.port_headers_type(&op.output_headers);
            request = quote!(Envelope<#input, #request>);
            response = quote!(Envelope<#output, #response>);
        }
        let doc = match op.doc.as_deref() {
            Some(doc) => doc_attrs(Some(doc)),
            None => {
                let line = format!(" The operation `{}`.", op.name);
                quote!(#[doc = #line])
            }
        };
        let name = &op.name;
        quote! {
            #doc
            fn #method(&self, cx: CallContext, request: #request) -> impl Reply<#response> {
                let _ = (cx, request);
                unimplemented(#name)
            }
        }
    }

    fn server_route(&self, m: &PortOperation, op: &OperationDef) -> TokenStream {
        let method = ident_tokens(&m.method);
        let marker = self.marker_from_port(op);
        let call = if Self::with_envelope(op) {
            quote!(s.#method(cx, r).await)
        } else {
            quote!(s.#method(cx, r.body).await.map(Envelope::new))
        };
        quote! {
            .route(#marker, &server, |s, cx, r| async move { #call })
        }
    }
}
