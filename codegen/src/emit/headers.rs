//! The header types of operations: a struct per distinct set of header
//! elements implementing `XmlHeaders`, and the aliases naming it for the
//! other operations with that set (see `plan/headers.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident_tokens};
use crate::plan::rust::{HeaderStructDef, HeadersDef};

impl Cx<'_> {
    /// The type an operation's `InputHeaders`/`OutputHeaders` names.
    pub(super) fn headers_type(&self, def: &HeadersDef) -> TokenStream {
        let rt = &self.rt;
        match def.ident() {
            Some(ident) => {
                let ident = ident_tokens(ident);
                quote!(#ident)
            }
            None => quote!(#rt::soap::NoHeaders),
        }
    }

    /// The header elements, for `OperationInfo`.
    pub(super) fn headers_names(&self, def: &HeadersDef) -> TokenStream {
        let rt = &self.rt;
        match def.ident() {
            Some(ident) => {
                let ident = ident_tokens(ident);
                quote!(<#ident as #rt::soap::XmlHeaders>::NAMES)
            }
            None => quote!(&[]),
        }
    }

    /// The struct or alias `def` defines, if any.
    pub(super) fn headers_item(&self, def: &HeadersDef) -> TokenStream {
        match def {
            HeadersDef::None => TokenStream::new(),
            HeadersDef::Struct(d) => self.headers_struct(d),
            HeadersDef::Alias { ident, target, doc } => {
                let ident = ident_tokens(ident);
                let target = ident_tokens(target);
                let doc = doc_attrs(doc.as_deref());
                quote! {
                    #doc
                    pub type #ident = #target;
                }
            }
        }
    }

    fn headers_struct(&self, d: &HeaderStructDef) -> TokenStream {
        let rt = &self.rt;
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let doc = doc_attrs(d.doc.as_deref());
        let fields: Vec<_> = d.fields.iter().map(|f| ident_tokens(&f.ident)).collect();
        let types: Vec<_> = d.fields.iter().map(|f| self.path(&f.element)).collect();
        let is_empty = if fields.is_empty() {
            quote!(true)
        } else {
            quote!(#(self.#fields.is_none())&&*)
        };
        // `Ok(x?)` alone is a lint in the generated code.
        let read = match fields.as_slice() {
            [] => quote!(Ok(false)),
            [field] => quote!(#rt::soap::read_header(&mut self.#field, r, start)),
            _ => quote!(Ok(#(#rt::soap::read_header(&mut self.#fields, r, start)?)||*)),
        };
        quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, Default)]
            pub struct #ident {
                #(pub #fields: Option<#types>,)*
            }

            impl #rt::soap::XmlHeaders for #ident {
                const NAMES: &'static [#xml::Name] = &[
                    #(<#types as #xml::XmlElement>::NAME),*
                ];

                fn is_empty(&self) -> bool {
                    #is_empty
                }

                fn write_headers(&self, w: &mut #xml::XmlWriter) -> Result<(), #xml::WriteError> {
                    #(#rt::soap::write_header(&self.#fields, w)?;)*
                    Ok(())
                }

                fn read_header(
                    &mut self,
                    r: &mut #xml::XmlReader<'_>,
                    start: &#xml::Start<'_>,
                ) -> Result<bool, #xml::ReadError> {
                    #read
                }
            }
        }
    }
}
