//! Global elements: `impl XmlElement` with the element's name, and the
//! read/write impls of the newtypes that make an element of a named or
//! built-in type a type of its own.

use proc_macro2::TokenStream;
use quote::quote;

use super::writers::Place;
use super::{Cx, ident_tokens};
use crate::plan::RustIdent;
use crate::plan::rust::{ValueKind, WrapperDef, XmlName};

impl Cx<'_> {
    pub(super) fn element_impl(&self, ident: &RustIdent, element: Option<&XmlName>) -> TokenStream {
        let Some(element) = element else {
            return TokenStream::new();
        };
        let xml = self.xml();
        let ident = ident_tokens(ident);
        let name = self.name(element);
        quote! {
            impl #xml::XmlElement for #ident {
                const NAME: #xml::Name = #name;
            }
        }
    }

    pub(super) fn wrapper_impls(&self, d: &WrapperDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let inner = quote!(self.0);
        let write = self.write_element(&d.inner, &quote!(name), Place::Field(&inner));
        let read = match (d.inner.kind, d.inner.nillable) {
            (ValueKind::Simple, false) => quote!(#xml::text(r, start).map(Self)),
            (ValueKind::Simple, true) => quote!(#xml::Nillable::read_value(r, start).map(Self)),
            _ => {
                let t = self.read_type(&d.inner);
                quote!(<#t as #xml::XmlRead>::read_xml(r, start).map(Self))
            }
        };
        let start = quote!(start);
        let mut out = quote! {
            impl #xml::XmlWrite for #ident {
                fn write_xml(&self, w: &mut #xml::XmlWriter, name: #xml::Name) -> Result<(), #xml::WriteError> {
                    #write
                    Ok(())
                }
            }

            impl #xml::XmlRead for #ident {
                fn read_xml(r: &mut #xml::XmlReader<'_>, #start: &#xml::Start<'_>) -> Result<Self, #xml::ReadError> {
                    #read
                }
            }
        };
        out.extend(self.element_impl(&d.ident, Some(&d.element)));
        out
    }
}
