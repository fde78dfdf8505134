//! The `operations` module: a unit struct per WSDL operation implementing
//! `Operation`, its header types ([`super::headers`]), and `OPERATIONS`,
//! the same facts as a table.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident_tokens};
use crate::model::SoapVersion;

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
            let version = (op.version == SoapVersion::V12).then(
                || quote!(const VERSION: #rt::soap::SoapVersion = #rt::soap::SoapVersion::V12;),
            );
            let action_optional = (!op.soap_action_required).then(|| {
                quote!(
                    const SOAP_ACTION_REQUIRED: bool = false;
                )
            });
            let input_headers = self.headers_type(&op.input_headers);
            let output_headers = self.headers_type(&op.output_headers);
            items.extend(quote! {
                #doc
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
                pub struct #ident;

                impl #rt::Operation for #ident {
                    type Request = #request;
                    type Response = #response;
                    type InputHeaders = #input_headers;
                    type OutputHeaders = #output_headers;
                    const NAME: &'static str = #name;
                    const SOAP_ACTION: &'static str = #action;
                    const SAFE_TO_RETRY: bool = #safe;
                    #version
                    #action_optional
                }
            });
            items.extend(self.headers_item(&op.input_headers));
            items.extend(self.headers_item(&op.output_headers));
            items.extend(self.faults_item(op));
            let input_names = self.headers_names(&op.input_headers);
            let output_names = self.headers_names(&op.output_headers);
            infos.push(quote! {
                #rt::OperationInfo {
                    name: #name,
                    soap_action: #action,
                    request: <#request as #xml::XmlElement>::NAME,
                    response: <#response as #xml::XmlElement>::NAME,
                    input_headers: #input_names,
                    output_headers: #output_names,
                    safe_to_retry: #safe,
                }
            });
        }
        let imports = self.namespace_imports();
        quote! {
            /// One type per WSDL operation, implementing `Operation`, and
            /// the types of their `soap:Header` entries.
            pub mod #module {
                use #rt::xml;
                #imports

                #items

                /// Every operation, in the order of the WSDL.
                pub const OPERATIONS: &[#rt::OperationInfo] = &[#(#infos),*];
            }
        }
    }
}
