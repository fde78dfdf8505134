//! Struct and enum definitions.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident_tokens};
use crate::plan::names::RustIdent;
use crate::plan::rust::{Binding, Derives, Field, FieldType, Item, Occurs, TypeExpr, ValueKind};

impl Cx<'_> {
    pub(super) fn definition(&self, item: &Item) -> TokenStream {
        match item {
            Item::Struct(d) => {
                let attrs = self.header(d.doc.as_deref(), d.derives, &d.ident);
                let ident = ident_tokens(&d.ident);
                let fields = d.fields.iter().map(|f| {
                    let doc = doc_attrs(f.doc.as_deref());
                    let user = self.field_attributes(&d.ident, f);
                    let ident = ident_tokens(&f.ident);
                    let ty = self.field_type(&f.ty);
                    quote! { #doc #user pub #ident: #ty, }
                });
                quote! { #attrs pub struct #ident { #(#fields)* } }
            }
            Item::Choice(d) => {
                let mut attrs = self.header(d.doc.as_deref(), d.derives, &d.ident);
                if d.variants.len() > 1 && d.variants.iter().any(|v| may_be_large(&v.ty)) {
                    // Variant sizes depend on the schema; boxing them all
                    // would cost an allocation for every small one.
                    attrs.extend(quote!(#[allow(clippy::large_enum_variant)]));
                }
                let ident = ident_tokens(&d.ident);
                let variants = d.variants.iter().map(|v| {
                    let doc = doc_attrs(v.doc.as_deref());
                    let ident = ident_tokens(&v.ident);
                    let ty = self.field_type(&v.ty);
                    quote! { #doc #ident(#ty), }
                });
                quote! { #attrs pub enum #ident { #(#variants)* } }
            }
            Item::Polymorphic(d) => {
                let mut attrs = self.header(d.doc.as_deref(), d.derives, &d.ident);
                if d.variants.len() > 1 && d.variants.iter().any(|v| may_be_large(&v.ty)) {
                    attrs.extend(quote!(#[allow(clippy::large_enum_variant)]));
                }
                let ident = ident_tokens(&d.ident);
                let variants = d.variants.iter().map(|v| {
                    let ident = ident_tokens(&v.ident);
                    let ty = self.field_type(&v.ty);
                    quote! { #ident(#ty), }
                });
                quote! { #attrs pub enum #ident { #(#variants)* } }
            }
            Item::Enum(d) => {
                let attrs = self.header(d.doc.as_deref(), d.derives, &d.ident);
                let ident = ident_tokens(&d.ident);
                let mut variants: Vec<TokenStream> = d
                    .variants
                    .iter()
                    .map(|v| {
                        // The value when the name does not say it already.
                        let doc = match &v.doc {
                            Some(doc) => doc_attrs(Some(doc)),
                            None if v.ident.name == v.value => TokenStream::new(),
                            None => doc_attrs(Some(&format!("`{}`", v.value.replace('`', "'")))),
                        };
                        let ident = ident_tokens(&v.ident);
                        quote! { #doc #ident, }
                    })
                    .collect();
                if let Some(unknown) = &d.unknown {
                    let unknown = ident_tokens(unknown);
                    variants.push(quote! {
                        /// A value the schema does not list, as it was read.
                        #unknown(String),
                    });
                }
                let allow = enum_variant_names_allow(d);
                quote! { #attrs #allow pub enum #ident { #(#variants)* } }
            }
            Item::Restricted(d) => {
                let attrs = self.header(d.doc.as_deref(), d.derives, &d.ident);
                let ident = ident_tokens(&d.ident);
                let inner = self.type_expr(&d.inner);
                quote! { #attrs pub struct #ident(#inner); }
            }
            Item::List(d) => {
                let attrs = self.header(d.doc.as_deref(), d.derives, &d.ident);
                let ident = ident_tokens(&d.ident);
                let item = self.type_expr(&d.item);
                quote! { #attrs pub struct #ident(pub Vec<#item>); }
            }
            Item::Union(d) => {
                let attrs = self.header(d.doc.as_deref(), d.derives, &d.ident);
                let ident = ident_tokens(&d.ident);
                let members = d.members.iter().map(|(v, t)| {
                    let v = ident_tokens(v);
                    let t = self.type_expr(t);
                    quote! { #v(#t), }
                });
                quote! { #attrs pub enum #ident { #(#members)* } }
            }
            Item::Wrapper(d) => {
                let attrs = self.header(d.doc.as_deref(), d.derives, &d.ident);
                let ident = ident_tokens(&d.ident);
                let inner = self.field_type(&d.inner);
                quote! { #attrs pub struct #ident(pub #inner); }
            }
        }
    }
}

impl Cx<'_> {
    /// Documentation, derives, then the attributes the user gives the
    /// type (after the derives, which introduce their helper attributes).
    fn header(&self, doc: Option<&str>, d: Derives, ident: &RustIdent) -> TokenStream {
        let doc = doc_attrs(doc);
        let mut derives = vec![quote!(Debug), quote!(Clone)];
        if d.copy {
            derives.push(quote!(Copy));
        }
        derives.push(quote!(PartialEq));
        if d.eq_hash {
            derives.push(quote!(Eq));
            derives.push(quote!(Hash));
        }
        if d.default {
            derives.push(quote!(Default));
        }
        let user = self
            .krate
            .attributes
            .for_type(self.module, &ident.name)
            .map(parse_attribute);
        quote! {
            #doc
            #[derive(#(#derives),*)]
            #(#user)*
        }
    }

    /// The attributes the user gives a field, by its XML name.
    fn field_attributes(&self, owner: &RustIdent, field: &Field) -> TokenStream {
        let local = match &field.binding {
            Binding::Element { name, .. } | Binding::Attribute { name, .. } => {
                Some(name.local.as_str())
            }
            _ => None,
        };
        let user = self
            .krate
            .attributes
            .for_field(self.module, &owner.name, local)
            .map(parse_attribute);
        quote!(#(#user)*)
    }
}

/// An attribute the plan checked parses (`plan/attributes.rs`).
fn parse_attribute(text: &str) -> TokenStream {
    text.parse().unwrap_or_default()
}

/// A variant payload that may be much larger than others.
fn may_be_large(ty: &FieldType) -> bool {
    !ty.boxed
        && !matches!(ty.occurs, Occurs::Many { .. })
        && (ty.kind != ValueKind::Simple || matches!(ty.inner, TypeExpr::Defined(_)))
}

/// Clippy's `enum_variant_names` objects to variants that all share a
/// word at the start or the end, or that repeat the enum's name; values of
/// an enumeration are what the schema says, so it is allowed where it
/// would fire.
fn enum_variant_names_allow(d: &crate::plan::rust::EnumDef) -> TokenStream {
    let names: Vec<&str> = d.variants.iter().map(|v| v.ident.name.as_str()).collect();
    if names.len() < 3 {
        return TokenStream::new();
    }
    let words: Vec<Vec<String>> = names.iter().map(|n| camel_words(n)).collect();
    let shared = |pick: fn(&Vec<String>) -> Option<&String>| {
        let first = words.first().and_then(pick);
        first.is_some() && words.iter().all(|w| pick(w) == first)
    };
    let enum_name = d.ident.name.as_str();
    let repeats = names
        .iter()
        .any(|n| n.starts_with(enum_name) || n.ends_with(enum_name));
    if shared(|w| w.first()) || shared(|w| w.last()) || repeats {
        quote!(#[allow(clippy::enum_variant_names)])
    } else {
        TokenStream::new()
    }
}

fn camel_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for c in name.chars() {
        match words.last_mut() {
            Some(w) if !c.is_uppercase() => w.push(c),
            _ => words.push(c.to_string()),
        }
    }
    words
}
