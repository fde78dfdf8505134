//! `SimpleValue` and friends for the simple types: enumerations (with
//! `as_str`, `Display`, `FromStr`), restricted newtypes (with a checking
//! constructor), lists and unions.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Cx, ident_tokens};
use crate::model::WhiteSpace;
use crate::plan::rust::{
    Bound, Checks, EnumDef, ListDef, Measure, PatternInput, RestrictedDef, TypeExpr, UnionDef,
};

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
        let on_text = d.checks.pattern_input == PatternInput::Text;
        let text_pattern = match self.pattern_static(&d.checks) {
            Some(pattern) if on_text => quote! {
                #pattern
                #xml::facets::pattern_text(&PATTERN, text)?;
            },
            _ => TokenStream::new(),
        };
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
                    #text_pattern
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

    /// `static PATTERN`, compiled on first use, when there are patterns.
    fn pattern_static(&self, c: &Checks) -> Option<TokenStream> {
        let xml = self.xml();
        let step = |step: &Vec<String>| step.iter().map(|p| raw_str(p)).collect::<Vec<_>>();
        let pattern = match c.patterns.as_slice() {
            [] => return None,
            [one] => {
                let one = step(one);
                quote!(#xml::Pattern::new(&[#(#one),*]))
            }
            steps => {
                let steps = steps.iter().map(|s| {
                    let s = step(s);
                    quote!(&[#(#s),*])
                });
                quote!(#xml::Pattern::all(&[#(#steps),*]))
            }
        };
        Some(quote!(static PATTERN: #xml::Pattern = #pattern;))
    }

    /// One runtime call per facet, in the constructor.
    fn checks(&self, d: &RestrictedDef) -> TokenStream {
        let xml = self.xml();
        let facets = quote!(#xml::facets);
        let c = &d.checks;
        let mut out = TokenStream::new();
        let pattern = self.pattern_static(c);
        if c.pattern_input != PatternInput::Text {
            out.extend(pattern.clone());
        }
        match c.white_space {
            Some(WhiteSpace::Replace) => out.extend(quote!(let value = #facets::replace(value);)),
            Some(WhiteSpace::Collapse) => out.extend(quote!(let value = #facets::collapse(value);)),
            Some(WhiteSpace::Preserve) | None => {}
        }
        // Lists are measured by their items, the rest by the value itself.
        let measured = match (c.measure, &d.inner) {
            (Some(Measure::Len), TypeExpr::Defined(_)) => quote!(&value.0),
            _ => quote!(&value),
        };
        for (n, f) in [
            (c.length, quote!(length)),
            (c.min_length, quote!(min_length)),
            (c.max_length, quote!(max_length)),
        ] {
            if let Some(n) = n {
                let n = Literal::u64_unsuffixed(n);
                out.extend(quote!(#facets::#f(#measured, #n)?;));
            }
        }
        if pattern.is_some() {
            match c.pattern_input {
                PatternInput::Value => out.extend(quote!(PATTERN.check(&value)?;)),
                PatternInput::AsStr => out.extend(quote!(PATTERN.check(value.as_str())?;)),
                PatternInput::Text => {}
            }
        }
        for (bound, inclusive, exclusive) in [
            (&c.min, quote!(min_inclusive), quote!(min_exclusive)),
            (&c.max, quote!(max_inclusive), quote!(max_exclusive)),
        ] {
            if let Some(Bound {
                literal,
                inclusive: yes,
            }) = bound
            {
                let f = if *yes { inclusive } else { exclusive };
                out.extend(quote!(#facets::#f(&value, #literal)?;));
            }
        }
        for (n, f) in [
            (c.total_digits, quote!(total_digits)),
            (c.fraction_digits, quote!(fraction_digits)),
        ] {
            if let Some(n) = n {
                let n = Literal::u64_unsuffixed(n);
                out.extend(quote!(#facets::#f(&value, #n)?;));
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

/// A string literal, raw when that spares escaping backslashes: patterns
/// read as they are written in the schema.
fn raw_str(s: &str) -> TokenStream {
    let plain = quote!(#s);
    if !s.contains('\\') {
        return plain;
    }
    let hashes = "#".repeat(
        (0..)
            .find(|n| !s.contains(&format!("\"{}", "#".repeat(*n))))
            .unwrap_or(0),
    );
    format!("r{hashes}\"{s}\"{hashes}").parse().unwrap_or(plain)
}
