//! `impl XmlRead`: attributes first, then the children in one pass with
//! one element of lookahead (`next`), each particle taking the lookahead
//! or leaving it to the next; nested groups get a `read_group` that reads
//! their children in place and answers `None` when the lookahead does not
//! start them. No allocation but the values, no dynamic dispatch.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use super::{Cx, ident_tokens};
use crate::plan::rust::{
    Binding, ChoiceDef, ContentKind, Field, FieldType, FirstSet, Namespaces, Occurs, Role,
    StructDef, ValueKind, XmlName,
};

impl Cx<'_> {
    pub(super) fn struct_reader(&self, d: &StructDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let (attributes, content): (Vec<&Field>, Vec<&Field>) = d.fields.iter().partition(|f| {
            matches!(
                f.binding,
                Binding::Attribute { .. } | Binding::AnyAttributes(_)
            )
        });
        let declared: Vec<&XmlName> = attributes
            .iter()
            .filter_map(|f| match &f.binding {
                Binding::Attribute { name, .. } => Some(name),
                _ => None,
            })
            .collect();
        let attribute_reads = attributes.iter().map(|f| self.read_attribute(f, &declared));
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
                        let mixed = content.iter().find(|f| f.binding == Binding::Mixed);
                        let begin = mixed.map(|_| quote!(r.begin_mixed();));
                        let end = mixed.map(|f| {
                            let local = ident_tokens(&f.local);
                            quote!(let #local = r.end_mixed();)
                        });
                        quote! {
                            #begin
                            let next = &mut r.next_child()?;
                            #(#reads)*
                            r.end_content(next.take())?;
                            #end
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
                        r.end_content(next.take())?;
                        Ok(value)
                    }
                }
            });
        }
        out
    }

    fn read_attribute(&self, f: &Field, declared: &[&XmlName]) -> TokenStream {
        let local = ident_tokens(&f.local);
        if let Binding::AnyAttributes(ns) = &f.binding {
            let declared = self.names(declared.iter().copied());
            let wildcard = self.wildcard(ns);
            return quote!(let #local = r.other_attributes(start, #declared, #wildcard)?;);
        }
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
        if first.names.is_empty() {
            // Nothing can start it: an empty choice, which matches nothing.
            return quote!(false);
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
        match binding {
            Binding::Element { name, default } => {
                self.read_element_field(&ty, &self.name(name), default.as_deref(), &local)
            }
            Binding::Any(ns) => self.read_any_field(&ty, ns, &local),
            Binding::Group { first } => self.read_group_field(&ty, first, &local),
            Binding::Attribute { .. }
            | Binding::AnyAttributes(_)
            | Binding::Mixed
            | Binding::Text => TokenStream::new(),
        }
    }

    /// One call of the runtime's particle readers.
    fn read_element_field(
        &self,
        ty: &FieldType,
        name: &TokenStream,
        default: Option<&str>,
        local: &proc_macro2::Ident,
    ) -> TokenStream {
        let read = match default {
            Some(default) if ty.kind == ValueKind::Simple && !ty.nillable => {
                quote!(|r, _| r.read_value_or(#default))
            }
            _ => self.read_fn(ty),
        };
        // Vec already breaks a cycle, so only single values are boxed.
        match (ty.occurs, ty.boxed) {
            (Occurs::One, false) => quote!(let #local = r.required(next, #name, #read)?;),
            (Occurs::One, true) => {
                quote!(let #local = Box::new(r.required(next, #name, #read)?);)
            }
            (Occurs::Optional, false) => quote!(let #local = r.optional(next, #name, #read)?;),
            (Occurs::Optional, true) => {
                quote!(let #local = r.optional(next, #name, #read)?.map(Box::new);)
            }
            (Occurs::Many { min, max }, boxed) => {
                let min = Literal::u32_unsuffixed(min);
                let max = match max {
                    Some(max) => Literal::u32_unsuffixed(max).into_token_stream(),
                    None => quote!(u32::MAX),
                };
                let read = if boxed {
                    quote!(|r, s| #read(r, s).map(Box::new))
                } else {
                    read
                };
                quote!(let #local = r.repeated(next, #name, #min, #max, #read)?;)
            }
        }
    }

    /// The function reading one value once its start tag is taken.
    fn read_fn(&self, ty: &FieldType) -> TokenStream {
        let xml = self.xml();
        match (ty.kind, ty.nillable) {
            (ValueKind::Simple, false) => quote!(#xml::text),
            (ValueKind::Simple, true) => quote!(#xml::Nillable::read_value),
            _ => quote!(#xml::read),
        }
    }

    /// A wildcard particle: whatever element comes next.
    fn read_any_field(
        &self,
        ty: &FieldType,
        ns: &Namespaces,
        local: &proc_macro2::Ident,
    ) -> TokenStream {
        let one = self.read_one(ty);
        let wildcard = self.wildcard(ns);
        match ty.occurs {
            Occurs::One => quote! {
                let Some(s) = r.take_any(next, #wildcard) else {
                    return Err(r.expected_one_of(next.as_ref(), &[]));
                };
                let #local = #one;
                *next = r.next_child()?;
            },
            Occurs::Optional => quote! {
                let #local = match r.take_any(next, #wildcard) {
                    Some(s) => {
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
                let check = min_check(local, min, &quote!(&[]));
                quote! {
                    let mut #local = Vec::new();
                    while let Some(s) = r.take_any(next, #wildcard) {
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
            let Binding::Element { name, .. } = &f.binding else {
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
                let Binding::Element { name, .. } = &f.binding else {
                    return None;
                };
                let local = ident_tokens(&f.local);
                let name = self.name(name);
                Some(quote!(let Some(#local) = #local else { return Err(r.missing(#name)); };))
            });
        quote! {
            #(#slots)*
            let next = &mut r.next_child()?;
            while let Some(s) = next.take() {
                #(#arms)* {
                    r.end_content(Some(s))?;
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
