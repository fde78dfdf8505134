//! `impl XmlRead`: the attributes in one pass over the start tag, then the
//! children by dispatch (see `dispatch.rs`); nested groups get a
//! `read_group` that reads their children in place and answers `None` when
//! the lookahead does not start them. No allocation but the values, no
//! dynamic dispatch.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use super::dispatch::{Into, Mode, into_for};
use super::{Cx, ident_tokens};
use crate::plan::rust::{
    Binding, ChoiceDef, ContentKind, Field, FieldType, Occurs, Role, StructDef, ValueKind, Variant,
    XmlName,
};

impl Cx<'_> {
    pub(super) fn struct_reader(&self, d: &StructDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let (attributes, content): (Vec<&Field>, Vec<&Field>) =
            d.fields.iter().partition(|f| is_attribute(&f.binding));
        let into = into_for(d.derives.default, &content);
        let (begin, construct) = match into {
            Into::Locals => (TokenStream::new(), construct(&d.fields)),
            Into::Out => (quote!(let mut out = Self::default();), quote!(out)),
        };
        match d.role {
            Role::Type => {
                let attribute_reads = self.read_attributes(&attributes, into);
                let body = match d.content {
                    ContentKind::Empty => quote!(r.end_empty()?;),
                    ContentKind::Simple => {
                        let reads = content.iter().map(|f| {
                            let local = ident_tokens(&f.local);
                            quote!(let #local = r.read_value()?;)
                        });
                        quote!(#(#reads)*)
                    }
                    ContentKind::Sequence | ContentKind::All => {
                        let mode = if d.content == ContentKind::All {
                            Mode::All
                        } else {
                            Mode::Element
                        };
                        let dispatch = self.dispatch(&content, mode, into);
                        let mixed = content.iter().find(|f| f.binding == Binding::Mixed);
                        let begin = mixed.map(|_| quote!(r.begin_mixed();));
                        let end = mixed.map(|f| {
                            let local = ident_tokens(&f.local);
                            quote!(let #local = r.end_mixed();)
                        });
                        quote! {
                            #begin
                            #dispatch
                            #end
                        }
                    }
                };
                quote! {
                    impl #xml::XmlRead for #ident {
                        fn read_xml(r: &mut #xml::XmlReader<'_>, start: &#xml::Start<'_>) -> Result<Self, #xml::ReadError> {
                            #begin
                            #attribute_reads
                            #body
                            Ok(#construct)
                        }
                    }
                }
            }
            Role::Group => {
                let dispatch = self.dispatch(&content, Mode::Group, into);
                quote! {
                    impl #ident {
                        pub(crate) fn read_group<'i>(
                            r: &mut #xml::XmlReader<'i>,
                            next: &mut Option<#xml::Start<'i>>,
                        ) -> Result<Option<Self>, #xml::ReadError> {
                            #begin
                            #dispatch
                            Ok(Some(#construct))
                        }
                    }
                }
            }
        }
    }

    /// The attributes of a struct of an element's type: one pass over the
    /// start tag, then each declared one parsed.
    fn read_attributes(&self, attributes: &[&Field], into: Into) -> TokenStream {
        let xml = self.xml();
        let declared: Vec<&XmlName> = attributes
            .iter()
            .filter_map(|f| match &f.binding {
                Binding::Attribute { name, .. } => Some(name),
                _ => None,
            })
            .collect();
        let others = attributes.iter().find_map(|f| match &f.binding {
            Binding::AnyAttributes(ns) => Some((ident_tokens(&f.local), ns)),
            _ => None,
        });
        let (other_local, wildcard) = match others {
            Some((local, Some(ns))) => {
                let w = self.wildcard(ns);
                (local.into_token_stream(), quote!(Some(#w)))
            }
            Some((local, None)) => (local.into_token_stream(), quote!(None)),
            // Every struct of an element's type has the field.
            None => (quote!(other_attributes), quote!(None)),
        };
        let (other_init, other_place) = match into {
            Into::Locals => (
                quote!(let mut #other_local = #xml::AnyAttributes::new();),
                other_local,
            ),
            Into::Out => {
                let field = attributes
                    .iter()
                    .find(|f| matches!(f.binding, Binding::AnyAttributes(_)))
                    .map(|f| ident_tokens(&f.ident).into_token_stream())
                    .unwrap_or_else(|| quote!(other_attributes));
                (TokenStream::new(), quote!(out.#field))
            }
        };
        let raws: Vec<TokenStream> = attributes
            .iter()
            .filter(|f| matches!(f.binding, Binding::Attribute { .. }))
            .map(|f| ident_tokens(&f.local).into_token_stream())
            .collect();
        let names = self.names(declared.iter().copied());
        let parses = attributes.iter().filter_map(|f| {
            let Binding::Attribute { name, required, .. } = &f.binding else {
                return None;
            };
            let local = ident_tokens(&f.local);
            let place = match into {
                Into::Locals => quote!(let #local),
                Into::Out => {
                    let ident = ident_tokens(&f.ident);
                    quote!(out.#ident)
                }
            };
            let name = self.name(name);
            Some(if *required {
                quote!(#place = r.required_attribute_of(#local, #name)?;)
            } else {
                quote!(#place = r.attribute_of(#local, #name)?;)
            })
        });
        quote! {
            #other_init
            let [#(#raws),*] = r.attributes(start, #names, #wildcard, &mut #other_place)?;
            #(#parses)*
        }
    }

    pub(super) fn choice_reader(&self, d: &ChoiceDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let mut arms = Vec::new();
        let mut wildcards = Vec::new();
        for (i, variant) in d.variants.iter().enumerate() {
            let i = Literal::usize_unsuffixed(i);
            let first = variant.binding.first();
            for name in &first.names {
                let local = &name.local;
                let name = self.name(name);
                arms.push(quote!(#local if r.is(child, #name) => #i,));
            }
            if first.any {
                let w = match &variant.binding {
                    Binding::Any(ns) => self.wildcard(ns),
                    _ => quote!(#xml::Wildcard::Any),
                };
                wildcards.push(quote!(_ if #w.matches(r.namespace_of(child)) => #i,));
            }
        }
        let reads = d.variants.iter().enumerate().map(|(i, v)| {
            let i = Literal::usize_unsuffixed(i);
            let name = ident_tokens(&v.ident);
            let read = self.read_variant(v);
            quote!(#i => Self::#name(#read),)
        });
        // A choice without branches (a head no element stands for) reads
        // nothing, and must not leave its parameters unused.
        let group_body = if d.variants.is_empty() {
            quote!(Ok(None))
        } else {
            quote! {
                let Some(child) = next.as_ref() else {
                    return Ok(None);
                };
                let branch = match child.local_name() {
                    #(#arms)*
                    #(#wildcards)*
                    _ => return Ok(None),
                };
                Ok(Some(match branch {
                    #(#reads)*
                    _ => return Ok(None),
                }))
            }
        };
        let (r, next) = if d.variants.is_empty() {
            (quote!(_r), quote!(_next))
        } else {
            (quote!(r), quote!(next))
        };
        let mut out = quote! {
            impl #ident {
                pub(crate) fn read_group<'i>(
                    #r: &mut #xml::XmlReader<'i>,
                    #next: &mut Option<#xml::Start<'i>>,
                ) -> Result<Option<Self>, #xml::ReadError> {
                    #group_body
                }
            }
        };
        if d.role == Role::Type {
            let first = self.names(&d.first.names);
            out.extend(quote! {
                impl #xml::XmlRead for #ident {
                    fn read_xml(r: &mut #xml::XmlReader<'_>, start: &#xml::Start<'_>) -> Result<Self, #xml::ReadError> {
                        r.no_attributes(start)?;
                        let next = &mut r.next_child()?;
                        let Some(value) = Self::read_group(r, next)? else {
                            return Err(r.expected_one_of(next.as_ref(), #first));
                        };
                        r.end_content(next.take())?;
                        Ok(value)
                    }
                }
            });
        }
        out
    }

    /// The value of a branch whose first element is the lookahead.
    fn read_variant(&self, v: &Variant) -> TokenStream {
        let xml = self.xml();
        let ty = &v.ty;
        match &v.binding {
            Binding::Element { name, default } => {
                let name = self.name(name);
                let read = self.read_fn(ty, default.as_deref());
                match (ty.occurs, ty.boxed) {
                    (Occurs::Many { min, max }, boxed) => {
                        let min = Literal::u32_unsuffixed(min);
                        let max = match max {
                            Some(max) => Literal::u32_unsuffixed(max).into_token_stream(),
                            None => quote!(u32::MAX),
                        };
                        let read = if boxed && ty.kind == ValueKind::Simple {
                            quote!(|r, s| #read(r, s).map(Box::new))
                        } else {
                            read
                        };
                        quote!(r.repeated(next, #name, #min, #max, #read)?)
                    }
                    (_, true) if ty.kind == ValueKind::Simple => {
                        quote!(Box::new(r.required(next, #name, #read)?))
                    }
                    _ => quote!(r.required(next, #name, #read)?),
                }
            }
            Binding::Group { first } => {
                let group = self.type_expr(&ty.inner);
                let expected = self.names(&first.names);
                let one = quote! {
                    match #group::read_group(r, next)? {
                        Some(v) => v,
                        None => return Err(r.expected_one_of(next.as_ref(), #expected)),
                    }
                };
                match ty.occurs {
                    Occurs::Many { min, max } => {
                        let limit = max.map(|max| {
                            let max = Literal::u32_unsuffixed(max);
                            quote!(if item.len() == #max { break; })
                        });
                        let too_few = match min {
                            0 => None,
                            1 => Some(quote!(item.is_empty())),
                            _ => {
                                let min = Literal::usize_unsuffixed(min as usize);
                                Some(quote!(item.len() < #min))
                            }
                        };
                        let check = too_few.map(|too_few| {
                            quote! {
                                if #too_few {
                                    return Err(r.expected_one_of(next.as_ref(), #expected));
                                }
                            }
                        });
                        quote!({
                            let mut item = Vec::new();
                            while let Some(v) = #group::read_group(r, next)? {
                                item.push(v);
                                #limit
                            }
                            #check
                            item
                        })
                    }
                    Occurs::One | Occurs::Optional => one,
                }
            }
            Binding::Any(ns) => {
                let w = self.wildcard(ns);
                let one = quote!({
                    let Some(child) = r.take_any(next, #w) else {
                        return Err(r.expected_one_of(next.as_ref(), &[]));
                    };
                    let v = #xml::read::<#xml::AnyElement>(r, &child)?;
                    *next = r.next_child()?;
                    v
                });
                match ty.occurs {
                    Occurs::Many { .. } => quote!({
                        let mut item = Vec::new();
                        while let Some(child) = r.take_any(next, #w) {
                            item.push(#xml::read::<#xml::AnyElement>(r, &child)?);
                            *next = r.next_child()?;
                        }
                        item
                    }),
                    Occurs::One | Occurs::Optional => one,
                }
            }
            Binding::Attribute { .. }
            | Binding::AnyAttributes(_)
            | Binding::Mixed
            | Binding::Text => quote!(return Ok(None)),
        }
    }

    /// The function reading one value once its start tag is taken.
    pub(super) fn read_fn(&self, ty: &FieldType, default: Option<&str>) -> TokenStream {
        let xml = self.xml();
        match (ty.kind, ty.nillable, super::read_default(ty, default)) {
            (ValueKind::Simple, false, Some(default)) => {
                quote!(|r, s| #xml::text_or(r, s, #default))
            }
            (ValueKind::Simple, false, None) => quote!(#xml::text),
            (ValueKind::Simple, true, _) => quote!(#xml::Nillable::read_value),
            _ => quote!(#xml::read),
        }
    }
}

pub(super) fn is_attribute(binding: &Binding) -> bool {
    matches!(
        binding,
        Binding::Attribute { .. } | Binding::AnyAttributes(_)
    )
}

/// `Self { a, b: b_, .. }`.
fn construct(fields: &[Field]) -> TokenStream {
    let inits = fields.iter().map(init);
    quote!(Self { #(#inits),* })
}

/// `a`, or `b: b_` where the local is not the field's name.
fn init(f: &Field) -> TokenStream {
    let ident = ident_tokens(&f.ident);
    let local = ident_tokens(&f.local);
    if f.ident == f.local {
        quote!(#ident)
    } else {
        quote!(#ident: #local)
    }
}
