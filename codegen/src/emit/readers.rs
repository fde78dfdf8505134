//! `impl XmlRead`: attributes first, then the children in one pass with
//! one element of lookahead (`next`), each particle taking the lookahead
//! or leaving it to the next; nested groups get a `read_group` that reads
//! their children in place and answers `None` when the lookahead does not
//! start them. No allocation but the values, no dynamic dispatch.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Cx, ident_tokens};
use crate::plan::rust::{
    Binding, ChoiceDef, ContentKind, Field, FieldType, FirstSet, Occurs, Role, StructDef,
    ValueKind, XmlName,
};

impl Cx<'_> {
    pub(super) fn struct_reader(&self, d: &StructDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let (attributes, content): (Vec<&Field>, Vec<&Field>) = d
            .fields
            .iter()
            .partition(|f| matches!(f.binding, Binding::Attribute { .. }));
        let attribute_reads = attributes.iter().map(|f| self.read_attribute(f));
        let construct = construct(&d.fields);
        match d.role {
            Role::Type => {
                let body = match d.content {
                    ContentKind::Empty => quote!(r.end()?;),
                    ContentKind::Simple => {
                        let reads = content.iter().map(|f| {
                            let local = ident_tokens(&f.local);
                            quote!(let #local = r.read_value()?;)
                        });
                        quote!(#(#reads)*)
                    }
                    ContentKind::Sequence => {
                        let reads = content
                            .iter()
                            .map(|f| self.read_field(f.ty.clone(), &f.binding, &f.local));
                        let known = self.names(known_names(&content));
                        quote! {
                            let next = &mut r.next_child()?;
                            #(#reads)*
                            r.end_content(next.take(), #known)?;
                        }
                    }
                    ContentKind::All => self.read_all(&content),
                };
                let start = if attributes.is_empty() {
                    quote!(_start)
                } else {
                    quote!(start)
                };
                quote! {
                    impl #xml::XmlRead for #ident {
                        fn read_xml(r: &mut #xml::XmlReader<'_>, #start: &#xml::Start<'_>) -> Result<Self, #xml::ReadError> {
                            #(#attribute_reads)*
                            #body
                            Ok(#construct)
                        }
                    }
                }
            }
            Role::Group => {
                let starts = self.starts(&d.first);
                let reads = content
                    .iter()
                    .map(|f| self.read_field(f.ty.clone(), &f.binding, &f.local));
                quote! {
                    impl #ident {
                        fn read_group<'i>(
                            r: &mut #xml::XmlReader<'i>,
                            next: &mut Option<#xml::Start<'i>>,
                        ) -> Result<Option<Self>, #xml::ReadError> {
                            if !(#starts) {
                                return Ok(None);
                            }
                            #(#reads)*
                            Ok(Some(#construct))
                        }
                    }
                }
            }
        }
    }

    pub(super) fn choice_reader(&self, d: &ChoiceDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let v = crate::plan::RustIdent::plain("v");
        let branches = d.variants.iter().map(|variant| {
            let starts = self.starts(&variant.binding.first());
            let read = self.read_field(variant.ty.clone(), &variant.binding, &v);
            let name = ident_tokens(&variant.ident);
            quote! {
                if #starts {
                    #read
                    return Ok(Some(Self::#name(v)));
                }
            }
        });
        let mut out = quote! {
            impl #ident {
                fn read_group<'i>(
                    r: &mut #xml::XmlReader<'i>,
                    next: &mut Option<#xml::Start<'i>>,
                ) -> Result<Option<Self>, #xml::ReadError> {
                    #(#branches)*
                    Ok(None)
                }
            }
        };
        if d.role == Role::Type {
            let first = self.names(&d.first.names);
            out.extend(quote! {
                impl #xml::XmlRead for #ident {
                    fn read_xml(r: &mut #xml::XmlReader<'_>, _start: &#xml::Start<'_>) -> Result<Self, #xml::ReadError> {
                        let next = &mut r.next_child()?;
                        let Some(value) = Self::read_group(r, next)? else {
                            return Err(r.expected_one_of(next.as_ref(), #first));
                        };
                        r.end_content(next.take(), #first)?;
                        Ok(value)
                    }
                }
            });
        }
        out
    }

    fn read_attribute(&self, f: &Field) -> TokenStream {
        let local = ident_tokens(&f.local);
        let Binding::Attribute {
            name,
            required,
            default,
        } = &f.binding
        else {
            return TokenStream::new();
        };
        let name = self.name(name);
        match (default, required) {
            (Some(default), _) => quote!(let #local = r.attribute_or(start, #name, #default)?;),
            (None, true) => quote!(let #local = r.required_attribute(start, #name)?;),
            (None, false) => quote!(let #local = r.attribute_value(start, #name)?;),
        }
    }

    /// An expression: whether the lookahead can start `first`.
    fn starts(&self, first: &FirstSet) -> TokenStream {
        if first.any {
            return quote!(next.is_some());
        }
        let names = first.names.iter().map(|n| self.name(n));
        quote!(next.as_ref().is_some_and(|s| #(r.is(s, #names))||*))
    }

    /// `let local = ...;` reading a field or variant among the children.
    fn read_field(
        &self,
        ty: FieldType,
        binding: &Binding,
        local: &crate::plan::RustIdent,
    ) -> TokenStream {
        let local = ident_tokens(local);
        let (take, first) = match binding {
            Binding::Element { name } => {
                let name = self.name(name);
                (
                    quote!(r.take(next, #name)),
                    FirstSet {
                        names: vec![],
                        any: false,
                    },
                )
            }
            Binding::Any => (
                quote!(next.take()),
                FirstSet {
                    names: vec![],
                    any: true,
                },
            ),
            Binding::Group { first } => return self.read_group_field(&ty, first, &local),
            Binding::Attribute { .. } | Binding::Text => return TokenStream::new(),
        };
        let expected = match binding {
            Binding::Element { name } => self.names([name]),
            _ => self.names(&first.names),
        };
        let one = self.read_one(&ty);
        // Simple values are read from the text alone: no start tag needed.
        let text_only = ty.kind == ValueKind::Simple && !ty.nillable;
        let s = if text_only { quote!(_) } else { quote!(s) };
        match ty.occurs {
            Occurs::One => {
                let take_required = match binding {
                    Binding::Element { name } if text_only => {
                        let name = self.name(name);
                        quote!(r.take_required(next, #name)?;)
                    }
                    Binding::Element { name } => {
                        let name = self.name(name);
                        quote!(let s = r.take_required(next, #name)?;)
                    }
                    _ => quote! {
                        let Some(#s) = next.take() else {
                            return Err(r.expected_one_of(None, &[]));
                        };
                    },
                };
                quote! {
                    let #local = {
                        #take_required
                        let v = #one;
                        *next = r.next_child()?;
                        v
                    };
                }
            }
            Occurs::Optional => quote! {
                let #local = match #take {
                    Some(#s) => {
                        let v = #one;
                        *next = r.next_child()?;
                        Some(v)
                    }
                    None => None,
                };
            },
            Occurs::Many { min, max } => {
                let limit = max.map(|max| {
                    let max = Literal::u32_unsuffixed(max);
                    quote!(if #local.len() == #max { break; })
                });
                let check = min_check(&local, min, &expected);
                let more = if text_only {
                    quote!(#take.is_some())
                } else {
                    quote!(let Some(s) = #take)
                };
                quote! {
                    let mut #local = Vec::new();
                    while #more {
                        #local.push(#one);
                        *next = r.next_child()?;
                        #limit
                    }
                    #check
                }
            }
        }
    }

    fn read_group_field(
        &self,
        ty: &FieldType,
        first: &FirstSet,
        local: &proc_macro2::Ident,
    ) -> TokenStream {
        let group = self.type_expr(&ty.inner);
        let expected = self.names(&first.names);
        match ty.occurs {
            Occurs::One => quote! {
                let Some(#local) = #group::read_group(r, next)? else {
                    return Err(r.expected_one_of(next.as_ref(), #expected));
                };
            },
            Occurs::Optional => quote!(let #local = #group::read_group(r, next)?;),
            Occurs::Many { min, max } => {
                let limit = max.map(|max| {
                    let max = Literal::u32_unsuffixed(max);
                    quote!(if #local.len() == #max { break; })
                });
                let check = min_check(local, min, &expected);
                quote! {
                    let mut #local = Vec::new();
                    while let Some(v) = #group::read_group(r, next)? {
                        #local.push(v);
                        #limit
                    }
                    #check
                }
            }
        }
    }

    /// Reads one element value whose start tag is `s`.
    fn read_one(&self, ty: &FieldType) -> TokenStream {
        let xml = self.xml();
        let value = match (ty.kind, ty.nillable) {
            (ValueKind::Simple, false) => quote!(r.read_value()?),
            (ValueKind::Simple, true) => quote!(#xml::Nillable::read_value(r, &s)?),
            _ => {
                let t = self.read_type(ty);
                quote!(<#t as #xml::XmlRead>::read_xml(r, &s)?)
            }
        };
        if ty.boxed {
            quote!(Box::new(#value))
        } else {
            value
        }
    }

    /// `xs:all`: children in any order, each at most once.
    fn read_all(&self, fields: &[&Field]) -> TokenStream {
        let slots = fields.iter().map(|f| {
            let local = ident_tokens(&f.local);
            quote!(let mut #local = None;)
        });
        let arms = fields.iter().filter_map(|f| {
            let Binding::Element { name } = &f.binding else {
                return None;
            };
            let local = ident_tokens(&f.local);
            let name = self.name(name);
            let one = self.read_one(&f.ty);
            Some(quote! {
                if r.is(&s, #name) {
                    if #local.is_some() {
                        return Err(r.duplicate(&s));
                    }
                    #local = Some(#one);
                } else
            })
        });
        let required = fields
            .iter()
            .filter(|f| f.ty.occurs == Occurs::One)
            .filter_map(|f| {
                let Binding::Element { name } = &f.binding else {
                    return None;
                };
                let local = ident_tokens(&f.local);
                let name = self.name(name);
                Some(quote!(let Some(#local) = #local else { return Err(r.missing(#name)); };))
            });
        let known = self.names(known_names(fields));
        quote! {
            #(#slots)*
            let next = &mut r.next_child()?;
            while let Some(s) = next.take() {
                #(#arms)* {
                    r.end_content(Some(s), #known)?;
                }
                *next = r.next_child()?;
            }
            #(#required)*
        }
    }
}

/// `Self { a, b: b_, .. }`.
fn construct(fields: &[Field]) -> TokenStream {
    let inits = fields.iter().map(|f| {
        let ident = ident_tokens(&f.ident);
        let local = ident_tokens(&f.local);
        if f.ident == f.local {
            quote!(#ident)
        } else {
            quote!(#ident: #local)
        }
    });
    quote!(Self { #(#inits),* })
}

fn min_check(local: &proc_macro2::Ident, min: u32, expected: &TokenStream) -> TokenStream {
    let test = match min {
        0 => return TokenStream::new(),
        1 => quote!(#local.is_empty()),
        n => {
            let n = Literal::u32_unsuffixed(n);
            quote!(#local.len() < #n)
        }
    };
    quote! {
        if #test {
            return Err(r.expected_one_of(next.as_ref(), #expected));
        }
    }
}

/// The element names of content fields, for messages about leftovers.
fn known_names<'f>(fields: &[&'f Field]) -> Vec<&'f XmlName> {
    let mut out: Vec<&XmlName> = Vec::new();
    for f in fields {
        let names: Vec<&XmlName> = match &f.binding {
            Binding::Element { name } => vec![name],
            Binding::Group { first } => first.names.iter().collect(),
            _ => Vec::new(),
        };
        for n in names {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}
