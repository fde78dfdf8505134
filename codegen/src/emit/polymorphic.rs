//! `impl XmlRead`/`XmlWrite` for the enum of a type and its derived types:
//! the variant is chosen by `xsi:type` on read, and `xsi:type` is written
//! for every variant but the declared type's own.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Cx, ident_tokens};
use crate::plan::rust::PolymorphicDef;

impl Cx<'_> {
    pub(super) fn polymorphic_impls(&self, d: &PolymorphicDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let base = self.name(&d.base);
        // The declared type is read when there is no `xsi:type`.
        let own = d.variants.iter().position(|v| v.type_name == d.base);
        let write_arms = d.variants.iter().enumerate().map(|(i, v)| {
            let variant = ident_tokens(&v.ident);
            let tag = (Some(i) != own).then(|| {
                let t = self.name(&v.type_name);
                quote!(w.xsi_type(#t);)
            });
            quote!(Self::#variant(v) => { #tag #xml::XmlWrite::write_xml(v, w, name) })
        });
        let write_body = if d.variants.is_empty() {
            quote!(match *self {})
        } else {
            quote!(match self { #(#write_arms)* })
        };
        let names = d.variants.iter().map(|v| self.name(&v.type_name));
        let default = match own {
            Some(i) => {
                let i = Literal::usize_unsuffixed(i);
                quote!(Some(#i))
            }
            None => quote!(None),
        };
        let count = d.variants.len();
        let read_arms = d.variants.iter().enumerate().map(|(i, v)| {
            let variant = ident_tokens(&v.ident);
            // A boxed variant's `Box` reads as its value.
            let read = quote!(#xml::read(r, start).map(Self::#variant));
            // The index is always one of the candidates: the last arm
            // takes what is left.
            if i + 1 == count {
                quote!(_ => #read,)
            } else {
                let i = Literal::usize_unsuffixed(i);
                quote!(#i => #read,)
            }
        });
        let read_body = if d.variants.is_empty() {
            quote! {
                r.xsi_type(start, #base, &[], None)?;
                Err(r.expected_one_of(None, &[]))
            }
        } else if let [only] = d.variants.as_slice() {
            // One concrete type: `xsi:type` is still checked, but there is
            // nothing to choose (a one-arm match is what clippy flags).
            let variant = ident_tokens(&only.ident);
            let read = quote!(#xml::read(r, start).map(Self::#variant));
            quote! {
                r.xsi_type(start, #base, &[#(#names),*], #default)?;
                #read
            }
        } else {
            quote! {
                match r.xsi_type(start, #base, &[#(#names),*], #default)? {
                    #(#read_arms)*
                }
            }
        };
        quote! {
            impl #xml::XmlWrite for #ident {
                fn write_xml(&self, w: &mut #xml::XmlWriter, name: #xml::Name) -> Result<(), #xml::WriteError> {
                    #write_body
                }
            }

            impl #xml::XmlRead for #ident {
                fn read_xml(r: &mut #xml::XmlReader<'_>, start: &#xml::Start<'_>) -> Result<Self, #xml::ReadError> {
                    #read_body
                }
            }
        }
    }
}
