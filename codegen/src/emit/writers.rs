//! `impl XmlWrite`: start tag, attributes, then the content in schema
//! order; nested groups get a `write_group` that writes their children in
//! place.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use super::readers::is_attribute;
use super::{Cx, ident_tokens};
use crate::plan::rust::{Binding, ChoiceDef, Field, FieldType, Occurs, Role, StructDef, ValueKind};

/// Where the value being written is.
#[derive(Clone, Copy)]
pub(crate) enum Place<'a> {
    /// `self.field` (or `self.0`), holding the field's type.
    Field(&'a TokenStream),
    /// A variable holding a reference to one value (`v`).
    Var,
}

impl Cx<'_> {
    pub(super) fn struct_writer(&self, d: &StructDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let declared: Vec<&crate::plan::rust::XmlName> = d
            .fields
            .iter()
            .filter_map(|f| match &f.binding {
                Binding::Attribute { name, .. } => Some(name),
                _ => None,
            })
            .collect();
        let attributes = d
            .fields
            .iter()
            .filter(|f| is_attribute(&f.binding))
            .map(|f| self.write_field(f, &declared));
        let content = d
            .fields
            .iter()
            .filter(|f| !is_attribute(&f.binding))
            .map(|f| self.write_field(f, &declared));
        match d.role {
            Role::Type => quote! {
                impl #xml::XmlWrite for #ident {
                    fn write_xml(&self, w: &mut #xml::XmlWriter, name: #xml::Name) -> Result<(), #xml::WriteError> {
                        w.start(name);
                        #(#attributes)*
                        #(#content)*
                        w.end()
                    }
                }
            },
            Role::Group => quote! {
                impl #ident {
                    pub(crate) fn write_group(&self, w: &mut #xml::XmlWriter) -> Result<(), #xml::WriteError> {
                        #(#content)*
                        Ok(())
                    }
                }
            },
        }
    }

    pub(super) fn choice_writer(&self, d: &ChoiceDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let arms = d.variants.iter().map(|v| {
            let variant = ident_tokens(&v.ident);
            let body = match v.ty.occurs {
                Occurs::Many { .. } => {
                    let one = self.write_one(&v.ty, &v.binding, Place::Var);
                    quote!(for v in v { #one })
                }
                Occurs::One | Occurs::Optional => self.write_one(&v.ty, &v.binding, Place::Var),
            };
            quote!(Self::#variant(v) => { #body })
        });
        let (w, group_body) = if d.variants.is_empty() {
            (quote!(_w), quote!(match *self {}))
        } else {
            let body = quote! {
                match self { #(#arms)* }
                Ok(())
            };
            (quote!(w), body)
        };
        let mut out = quote! {
            impl #ident {
                pub(crate) fn write_group(&self, #w: &mut #xml::XmlWriter) -> Result<(), #xml::WriteError> {
                    #group_body
                }
            }
        };
        if d.role == Role::Type {
            out.extend(quote! {
                impl #xml::XmlWrite for #ident {
                    fn write_xml(&self, w: &mut #xml::XmlWriter, name: #xml::Name) -> Result<(), #xml::WriteError> {
                        w.start(name);
                        self.write_group(w)?;
                        w.end()
                    }
                }
            });
        }
        out
    }

    fn write_field(&self, f: &Field, declared: &[&crate::plan::rust::XmlName]) -> TokenStream {
        let ident = ident_tokens(&f.ident);
        let place = quote!(self.#ident);
        if let Binding::AnyAttributes(ns) = &f.binding {
            let names = self.names(declared.iter().copied());
            let wildcard = match ns {
                Some(ns) => {
                    let w = self.wildcard(ns);
                    quote!(Some(#w))
                }
                None => quote!(None),
            };
            return quote!(w.other_attributes(&self.#ident, #names, #wildcard)?;);
        }
        if let Binding::Mixed = &f.binding {
            return quote!(w.begin_mixed(&self.#ident););
        }
        if let Binding::Attribute { name, .. } = &f.binding {
            let name = self.name(name);
            return match f.ty.occurs {
                Occurs::Optional => quote! {
                    if let Some(v) = &self.#ident {
                        w.attribute(#name, v)?;
                    }
                },
                _ => quote!(w.attribute(#name, &self.#ident)?;),
            };
        }
        if let Some(line) = self.write_particle(f, &place) {
            return line;
        }
        match f.ty.occurs {
            Occurs::One => self.write_one(&f.ty, &f.binding, Place::Field(&place)),
            Occurs::Optional => {
                let one = self.write_one(&f.ty, &f.binding, Place::Var);
                quote!(if let Some(v) = &#place { #one })
            }
            Occurs::Many { .. } => {
                let one = self.write_one(&f.ty, &f.binding, Place::Var);
                quote!(for v in &#place { #one })
            }
        }
    }

    /// An element field in one call, whatever its occurrence:
    /// `w.elements(NS, "Local", &self.f)?;`. None for the shapes that
    /// need more (nillable, boxed simple values).
    fn write_particle(&self, f: &Field, place: &TokenStream) -> Option<TokenStream> {
        let Binding::Element { name, .. } = &f.binding else {
            return None;
        };
        if f.ty.nillable || (f.ty.boxed && f.ty.kind == ValueKind::Simple) {
            return None;
        }
        let (ns, local) = self.name_parts(name);
        let simple = f.ty.kind == ValueKind::Simple;
        Some(match (f.ty.occurs, simple) {
            (Occurs::One, true) => {
                let name = self.name(name);
                quote!(w.simple_element(#name, &#place)?;)
            }
            (Occurs::One, false) => quote!(w.element(#ns, #local, &#place)?;),
            (occurs, simple) => {
                // A bound the reader enforces is checked before writing.
                let check = match occurs {
                    Occurs::Many { min, max } if min > 0 || max.is_some() => {
                        let min = Literal::u32_unsuffixed(min);
                        let max = match max {
                            Some(max) => Literal::u32_unsuffixed(max).into_token_stream(),
                            None => quote!(u32::MAX),
                        };
                        Some(quote!(w.occurs(#ns, #local, #place.len(), #min, #max)?;))
                    }
                    _ => None,
                };
                let write = if simple {
                    quote!(w.simple_elements(#ns, #local, &#place)?;)
                } else {
                    quote!(w.elements(#ns, #local, &#place)?;)
                };
                quote!(#check #write)
            }
        })
    }

    /// Writes one value bound as `binding`.
    fn write_one(&self, ty: &FieldType, binding: &Binding, place: Place<'_>) -> TokenStream {
        match binding {
            Binding::Element { name, .. } => self.write_element(ty, &self.name(name), place),
            Binding::Text => {
                let value = reference(ty, place);
                quote!(w.value(#value)?;)
            }
            Binding::Group { .. } => {
                let receiver = receiver(place);
                quote!(#receiver.write_group(w)?;)
            }
            Binding::Any(_) => {
                let receiver = receiver(place);
                quote!(w.raw_element(#receiver.as_str());)
            }
            Binding::Attribute { .. } | Binding::AnyAttributes(_) | Binding::Mixed => {
                TokenStream::new()
            }
        }
    }

    /// Writes one value as the element `name` (an expression).
    pub(crate) fn write_element(
        &self,
        ty: &FieldType,
        name: &TokenStream,
        place: Place<'_>,
    ) -> TokenStream {
        let xml = self.xml();
        let value = reference(ty, place);
        match (ty.kind, ty.nillable) {
            (ValueKind::Simple, false) => quote!(w.simple_element(#name, #value)?;),
            (ValueKind::Simple, true) => quote!(#xml::Nillable::write_value(#value, w, #name)?;),
            _ => quote!(#xml::XmlWrite::write_xml(#value, w, #name)?;),
        }
    }
}

/// A reference to the (unboxed) value.
fn reference(ty: &FieldType, place: Place<'_>) -> TokenStream {
    match (place, ty.boxed) {
        (Place::Field(p), false) => quote!(&#p),
        (Place::Field(p), true) => quote!(&*#p),
        (Place::Var, false) => quote!(v),
        (Place::Var, true) => quote!(&**v),
    }
}

/// The value as a method receiver.
fn receiver(place: Place<'_>) -> TokenStream {
    match place {
        Place::Field(p) => p.clone(),
        Place::Var => quote!(v),
    }
}
