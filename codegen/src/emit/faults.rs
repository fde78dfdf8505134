//! `<Operation>Fault`: an enum of the faults an operation declares, each
//! variant the element its `wsdl:fault` message carries as the fault's
//! detail entry. A client takes it out of a received fault; a server puts
//! it in the fault it answers with.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, ident_tokens};
use crate::plan::rust::OperationDef;

impl Cx<'_> {
    pub(super) fn faults_item(&self, op: &OperationDef) -> TokenStream {
        let Some(faults) = &op.faults else {
            return TokenStream::new();
        };
        let rt = &self.rt;
        let ident = ident_tokens(&faults.ident);
        let doc = format!(" The faults `{}` declares, by their detail entry.", op.name);
        let variants = faults.variants.iter().map(|v| {
            let variant = ident_tokens(&v.ident);
            let element = self.path(&v.element);
            let doc = format!(" The fault `{}`.", v.name);
            quote!(#[doc = #doc] #variant(#element),)
        });
        let reads = faults.variants.iter().map(|v| {
            let variant = ident_tokens(&v.ident);
            let element = self.path(&v.element);
            quote! {
                if let Some(entry) = fault.detail.entry::<#element>() {
                    return Some(entry.map(Self::#variant));
                }
            }
        });
        let writes = faults.variants.iter().map(|v| {
            let variant = ident_tokens(&v.ident);
            quote!(Self::#variant(entry) => fault.with_entry(entry),)
        });
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq)]
            pub enum #ident {
                #(#variants)*
            }

            impl #ident {
                /// The declared fault whose entry `fault`'s detail holds:
                /// None when it holds none, an error when the entry is
                /// not valid.
                pub fn from_fault(fault: &#rt::soap::Fault) -> Option<Result<Self, #rt::xml::ReadError>> {
                    #(#reads)*
                    None
                }

                /// `fault` with this entry as its detail.
                pub fn to_fault(&self, fault: #rt::soap::Fault) -> Result<#rt::soap::Fault, #rt::xml::WriteError> {
                    match self {
                        #(#writes)*
                    }
                }
            }
        }
    }
}
