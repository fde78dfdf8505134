//! The `ports` module: per WSDL port, a module with the port's address,
//! a typed `Client` whose async methods are the operations of the port's
//! binding, each a call of the runtime's client with the operation's
//! marker type (so every rule of the runtime's client holds: retries,
//! limits, TLS, authentication), and the server side (`servers.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident_tokens};
use crate::model::SoapVersion;
use crate::plan::rust::{HeadersDef, OperationDef, PortDef, PortOperation, TypePath};

impl Cx<'_> {
    pub(super) fn ports(&self) -> TokenStream {
        let module = ident_tokens(&self.krate.ports_module);
        let ports = self.krate.ports.iter().map(|p| self.port(p));
        quote! {
            /// One module per WSDL port: its address and a typed client.
            pub mod #module {
                #(#ports)*
            }
        }
    }

    fn port(&self, port: &PortDef) -> TokenStream {
        let ident = ident_tokens(&port.ident);
        let version = match port.version {
            SoapVersion::V11 => "SOAP 1.1",
            SoapVersion::V12 => "SOAP 1.2",
        };
        let doc = format!(
            " The port `{}` of the service `{}` ({version}).",
            port.name, port.service
        );
        let address = port.address.as_ref().map(|a| {
            quote! {
                /// The port's address in the WSDL.
                pub const ADDRESS: &str = #a;
            }
        });
        // Marker and header types are named from here as `ops::...`.
        let ops = (!port.operations.is_empty()).then(|| {
            let module = ident_tokens(&self.krate.operations_module);
            quote!(use super::super::#module as ops;)
        });
        let client = self.krate.clients.then(|| self.port_client(port, version));
        let server = self.krate.servers.then(|| self.port_server(port, version));
        quote! {
            #[doc = #doc]
            pub mod #ident {
                #address
                #ops
                #client
                #server
            }
        }
    }

    fn port_client(&self, port: &PortDef, version: &str) -> TokenStream {
        let rt = &self.rt;
        let methods = port
            .operations
            .iter()
            .filter_map(|m| Some(self.port_method(m, self.krate.operations.get(m.operation)?)));
        let client_doc = format!(
            " A client of the port `{}`: one method per operation, each sent as {version}.",
            port.name
        );
        quote! {
            #[doc = #client_doc]
            ///
            /// Built from the runtime's client, whose rules it keeps:
            /// an operation that may have run is never sent again,
            /// answers are bounded, TLS is verified, and credentials
            /// stay out of logs.
            #[derive(Debug, Clone)]
            pub struct Client {
                inner: #rt::client::Client,
            }

            impl Client {
                pub fn new(inner: #rt::client::Client) -> Self {
                    Self { inner }
                }

                /// The runtime's builder for `endpoint`; give what it
                /// builds to [`Client::new`].
                pub fn builder(endpoint: impl Into<String>) -> #rt::client::ClientBuilder {
                    #rt::client::Client::builder(endpoint)
                }

                /// The runtime's client underneath.
                pub fn inner(&self) -> &#rt::client::Client {
                    &self.inner
                }

                #(#methods)*
            }

            impl From<#rt::client::Client> for Client {
                fn from(inner: #rt::client::Client) -> Self {
                    Self::new(inner)
                }
            }
        }
    }

    fn port_method(&self, m: &PortOperation, op: &OperationDef) -> TokenStream {
        let rt = &self.rt;
        let method = ident_tokens(&m.method);
        let marker = self.marker_from_port(op);
        let request = self.path_from_port(&op.request);
        let response = self.path_from_port(&op.response);
        let doc = doc_attrs(op.doc.as_deref());
        let mut out = quote! {
            #doc
            pub async fn #method(&self, request: &#request) -> Result<#response, #rt::Error> {
                self.inner.call::<#marker>(request).await
            }
        };
        let has_headers = !matches!(op.input_headers, HeadersDef::None)
            || !matches!(op.output_headers, HeadersDef::None);
        if has_headers {
            let with = ident_tokens(&m.method_with_headers);
            let doc = format!(
                " [`Self::{}`] with the request's header entries, returning the response's with its body.",
                m.method.name
            );
            let input = self.port_headers_type(&op.input_headers);
            let output = self.port_headers_type(&op.output_headers);
            out.extend(quote! {
                #[doc = #doc]
                pub async fn #with(
                    &self,
                    headers: &#input,
                    request: &#request,
                ) -> Result<#rt::soap::Envelope<#output, #response>, #rt::Error> {
                    self.inner.call_with_headers::<#marker>(headers, request).await
                }
            });
        }
        out
    }

    /// An operation's marker type as seen from a port's module.
    pub(super) fn marker_from_port(&self, op: &OperationDef) -> TokenStream {
        let ident = ident_tokens(&op.ident);
        quote!(ops::#ident)
    }

    /// A header type of the `operations` module as seen from a port's module.
    pub(super) fn port_headers_type(&self, def: &HeadersDef) -> TokenStream {
        let rt = &self.rt;
        match def.ident() {
            Some(ident) => {
                let ident = ident_tokens(ident);
                quote!(ops::#ident)
            }
            None => quote!(#rt::soap::NoHeaders),
        }
    }

    /// A generated type as seen from a port's module, two levels down.
    pub(super) fn path_from_port(&self, path: &TypePath) -> TokenStream {
        let ident = ident_tokens(&path.ident);
        let module = self
            .krate
            .modules
            .get(path.module)
            .and_then(|m| m.ident.as_ref())
            .map(ident_tokens);
        match module {
            Some(m) => quote!(super::super::#m::#ident),
            None => quote!(super::super::#ident),
        }
    }
}
