//! `SimpleValue` and friends for the simple types: enumerations (with
//! `as_str`, `Display`, `FromStr`), restricted newtypes (with a checking
//! constructor), lists and unions.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Cx, ident_tokens};
use crate::plan::rust::{Bound, EnumDef, ListDef, Measure, RestrictedDef, UnionDef};

impl Cx<'_> {
    pub(super) fn enum_impls(&self, d: &EnumDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let values: Vec<&str> = d.variants.iter().map(|v| v.value.as_str()).collect();
        let variants: Vec<_> = d.variants.iter().map(|v| ident_tokens(&v.ident)).collect();
        let (as_str_ty, unknown_as_str, unknown_parse) = match &d.unknown {
            Some(u) => {
                let u = ident_tokens(u);
                (
                    quote!(&str),
                    quote!(Self::#u(value) => value,),
                    quote!(other => Ok(Self::#u(other.to_owned())),),
                )
            }
            None => {
                let expected = format!("expected one of: {}", values.join(", "));
                (
                    quote!(&'static str),
                    TokenStream::new(),
                    quote!(_ => Err(#xml::ValueError::new(#expected)),),
                )
            }
        };
        let parse = if d.collapse {
            quote!(#xml::collapse(text).parse())
        } else {
            quote!(text.parse())
        };
        quote! {
            impl #ident {
                /// The value as written in XML.
                pub fn as_str(&self) -> #as_str_ty {
                    match self {
                        #(Self::#variants => #values,)*
                        #unknown_as_str
                    }
                }
            }

            impl ::core::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl ::core::str::FromStr for #ident {
                type Err = #xml::ValueError;

                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    match s {
                        #(#values => Ok(Self::#variants),)*
                        #unknown_parse
                    }
                }
            }

            impl #xml::SimpleValue for #ident {
                fn parse_value(
                    text: &str,
                    _: &dyn #xml::NamespaceContext,
                ) -> Result<Self, #xml::ValueError> {
                    #parse
                }

                fn write_value(&self, sink: &mut #xml::ValueSink<'_>) -> Result<(), #xml::WriteError> {
                    sink.push_str(self.as_str())
                }
            }
        }
    }

    pub(super) fn restricted_impls(&self, d: &RestrictedDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let inner = self.type_expr(&d.inner);
        let checks = self.checks(d);
        quote! {
            impl #ident {
                /// The value, if it satisfies the facets the type's documentation says are checked.
                pub fn new(value: #inner) -> Result<Self, #xml::ValueError> {
                    #checks
                    Ok(Self(value))
                }

                pub fn get(&self) -> &#inner {
                    &self.0
                }

                pub fn into_inner(self) -> #inner {
                    self.0
                }
            }

            impl #xml::SimpleValue for #ident {
                fn parse_value(
                    text: &str,
                    ctx: &dyn #xml::NamespaceContext,
                ) -> Result<Self, #xml::ValueError> {
                    Self::new(<#inner as #xml::SimpleValue>::parse_value(text, ctx)?)
                }

                fn write_value(&self, sink: &mut #xml::ValueSink<'_>) -> Result<(), #xml::WriteError> {
                    #xml::SimpleValue::write_value(&self.0, sink)
                }

                fn declare_namespaces(&self, w: &mut #xml::XmlWriter) {
                    #xml::SimpleValue::declare_namespaces(&self.0, w);
                }
            }
        }
    }

    fn checks(&self, d: &RestrictedDef) -> TokenStream {
        let xml = self.xml();
        let c = &d.checks;
        let mut out = TokenStream::new();
        let fail = |message: String| quote!(return Err(#xml::ValueError::new(#message)););
        if let Some(measure) = c.measure {
            let unit = match measure {
                Measure::Chars => "characters",
                Measure::Len if matches!(d.inner, crate::plan::rust::TypeExpr::Primitive(_)) => {
                    "bytes"
                }
                Measure::Len => "items",
            };
            let mut tests = TokenStream::new();
            if let Some(n) = c.length {
                let n = Literal::u64_unsuffixed(n);
                let f = fail(format!("expected exactly {n} {unit}"));
                tests.extend(quote!(if len != #n { #f }));
            }
            if let Some(n) = c.min_length.filter(|n| *n > 0) {
                let n = Literal::u64_unsuffixed(n);
                let f = fail(format!("expected at least {n} {unit}"));
                tests.extend(quote!(if len < #n { #f }));
            }
            if let Some(n) = c.max_length {
                let n = Literal::u64_unsuffixed(n);
                let f = fail(format!("expected at most {n} {unit}"));
                tests.extend(quote!(if len > #n { #f }));
            }
            if !tests.is_empty() {
                let len = match measure {
                    Measure::Chars => quote!(value.chars().count()),
                    Measure::Len => quote!(value.0.len()),
                };
                out.extend(quote! { let len = #len; #tests });
            }
        }
        let limits = match &d.inner {
            crate::plan::rust::TypeExpr::Primitive(p) => p.integer_range(),
            crate::plan::rust::TypeExpr::Defined(_) => None,
        };
        if let Some(Bound { literal, inclusive }) = &c.min {
            // `value < u8::MIN` would be an absurd comparison.
            let vacuous = *inclusive && limits.is_some_and(|(lo, _)| literal == &lo.to_string());
            if !vacuous {
                // The plan made the literal from a number of the inner type.
                let lit: TokenStream = literal.parse().unwrap_or_default();
                let (test, word) = if *inclusive {
                    (quote!(<), "at least")
                } else {
                    (quote!(<=), "more than")
                };
                let f = fail(format!("expected {word} {literal}"));
                out.extend(quote!(if value #test #lit { #f }));
            }
        }
        if let Some(Bound { literal, inclusive }) = &c.max {
            let vacuous = *inclusive && limits.is_some_and(|(_, hi)| literal == &hi.to_string());
            if !vacuous {
                let lit: TokenStream = literal.parse().unwrap_or_default();
                let (test, word) = if *inclusive {
                    (quote!(>), "at most")
                } else {
                    (quote!(>=), "less than")
                };
                let f = fail(format!("expected {word} {literal}"));
                out.extend(quote!(if value #test #lit { #f }));
            }
        }
        out
    }

    pub(super) fn list_impls(&self, d: &ListDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let item = self.type_expr(&d.item);
        quote! {
            impl #xml::SimpleValue for #ident {
                fn parse_value(
                    text: &str,
                    ctx: &dyn #xml::NamespaceContext,
                ) -> Result<Self, #xml::ValueError> {
                    text.split_ascii_whitespace()
                        .map(|item| <#item as #xml::SimpleValue>::parse_value(item, ctx))
                        .collect::<Result<Vec<_>, _>>()
                        .map(Self)
                }

                fn write_value(&self, sink: &mut #xml::ValueSink<'_>) -> Result<(), #xml::WriteError> {
                    for (i, item) in self.0.iter().enumerate() {
                        if i > 0 {
                            sink.push_plain(" ");
                        }
                        #xml::SimpleValue::write_value(item, sink)?;
                    }
                    Ok(())
                }

                fn declare_namespaces(&self, w: &mut #xml::XmlWriter) {
                    for item in &self.0 {
                        #xml::SimpleValue::declare_namespaces(item, w);
                    }
                }
            }
        }
    }

    pub(super) fn union_impls(&self, d: &UnionDef) -> TokenStream {
        let xml = self.xml();
        let ident = ident_tokens(&d.ident);
        let variants: Vec<_> = d.members.iter().map(|(v, _)| ident_tokens(v)).collect();
        let types: Vec<_> = d.members.iter().map(|(_, t)| self.type_expr(t)).collect();
        let names: Vec<String> = d.members.iter().map(|(v, _)| v.name.clone()).collect();
        let expected = format!(
            "expected a value of one of the member types {}",
            names.join(", ")
        );
        quote! {
            impl #xml::SimpleValue for #ident {
                fn parse_value(
                    text: &str,
                    ctx: &dyn #xml::NamespaceContext,
                ) -> Result<Self, #xml::ValueError> {
                    #(
                        if let Ok(v) = <#types as #xml::SimpleValue>::parse_value(text, ctx) {
                            return Ok(Self::#variants(v));
                        }
                    )*
                    Err(#xml::ValueError::new(#expected))
                }

                fn write_value(&self, sink: &mut #xml::ValueSink<'_>) -> Result<(), #xml::WriteError> {
                    match self {
                        #(Self::#variants(v) => #xml::SimpleValue::write_value(v, sink),)*
                    }
                }

                fn declare_namespaces(&self, w: &mut #xml::XmlWriter) {
                    match self {
                        #(Self::#variants(v) => #xml::SimpleValue::declare_namespaces(v, w),)*
                    }
                }
            }
        }
    }
}
