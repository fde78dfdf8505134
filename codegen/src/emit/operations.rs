//! The `operations` module: a unit struct per WSDL operation implementing
//! `Operation`, and `OPERATIONS`, the same facts as a table.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident_tokens};

impl Cx<'_> {
    pub(super) fn operations(&self) -> TokenStream {
        let rt = &self.rt;
        let xml = self.xml();
        let module = ident_tokens(&self.krate.operations_module);
        let mut items = TokenStream::new();
        let mut infos = Vec::new();
        for op in &self.krate.operations {
            let ident = ident_tokens(&op.ident);
            let doc = doc_attrs(op.doc.as_deref());
            let request = self.path(&op.request);
            let response = self.path(&op.response);
            let name = &op.name;
            let action = &op.soap_action;
            let safe = op.safe_to_retry;
            items.extend(quote! {
                #doc
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
                pub struct #ident;

                impl #rt::Operation for #ident {
                    type Request = #request;
                    type Response = #response;
                    const NAME: &'static str = #name;
                    const SOAP_ACTION: &'static str = #action;
                    const SAFE_TO_RETRY: bool = #safe;
                }
            });
            infos.push(quote! {
                #rt::OperationInfo {
                    name: #name,
                    soap_action: #action,
                    request: <#request as #xml::XmlElement>::NAME,
                    response: <#response as #xml::XmlElement>::NAME,
                    safe_to_retry: #safe,
                }
            });
        }
        quote! {
            /// One type per WSDL operation, implementing `Operation`.
            pub mod #module {
                #items

                /// Every operation, in the order of the WSDL.
                pub const OPERATIONS: &[#rt::OperationInfo] = &[#(#infos),*];
            }
        }
    }
}
