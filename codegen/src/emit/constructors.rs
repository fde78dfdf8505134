//! The inherent methods of a struct: `new` with the required fields, so
//! that a schema's new optional element does not break a caller (together
//! with `Default` where every field has one), and an accessor per attribute
//! with a default (or fixed) value, which applies it.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Cx, doc_attrs, ident_tokens};
use crate::plan::rust::{
    Binding, EnumDef, Field, Item, Occurs, Primitive, StructDef, TypeExpr, TypePath,
};

/// More parameters than clippy's `too_many_arguments` allows.
const MANY_ARGUMENTS: usize = 7;

impl Cx<'_> {
    pub(super) fn struct_methods(&self, d: &StructDef) -> TokenStream {
        let ident = ident_tokens(&d.ident);
        let required: Vec<&Field> = d.fields.iter().filter(|f| is_required(f)).collect();
        let params = required.iter().map(|f| {
            let ident = ident_tokens(&f.ident);
            let ty = self.value_type_unboxed(&f.ty);
            quote!(#ident: #ty)
        });
        let inits = d.fields.iter().map(|f| {
            let ident = ident_tokens(&f.ident);
            match (is_required(f), f.ty.boxed) {
                (true, true) => quote!(#ident: Box::new(#ident)),
                (true, false) => quote!(#ident),
                (false, _) => quote!(#ident: Default::default()),
            }
        });
        let body = if required.is_empty() && d.derives.default {
            quote!(Self::default())
        } else {
            quote!(Self { #(#inits),* })
        };
        let allow =
            (required.len() > MANY_ARGUMENTS).then(|| quote!(#[allow(clippy::too_many_arguments)]));
        let accessors = d.fields.iter().filter_map(|f| self.default_accessor(f));
        quote! {
            impl #ident {
                /// A value with the required fields given and the optional
                /// ones absent.
                #allow
                pub fn new(#(#params),*) -> Self {
                    #body
                }

                #(#accessors)*
            }
        }
    }

    /// `fn name(&self) -> T`: an optional attribute with its default.
    fn default_accessor(&self, f: &Field) -> Option<TokenStream> {
        let Binding::Attribute {
            name,
            required: false,
            default: Some(default),
        } = &f.binding
        else {
            return None;
        };
        if f.ident.name == "new" {
            return None;
        }
        let xml = self.xml();
        let ident = ident_tokens(&f.ident);
        let doc = doc_attrs(Some(&format!(
            "The `{}` attribute, or the schema's value `{}` when it is absent.",
            name.local,
            default.replace('`', "'")
        )));
        let text = default.trim();
        let inner = self.type_expr(&f.ty.inner);
        let mut copy = true;
        let constant = match &f.ty.inner {
            TypeExpr::Primitive(Primitive::String) => {
                return Some(quote! {
                    #doc
                    pub fn #ident(&self) -> &str {
                        self.#ident.as_deref().unwrap_or(#default)
                    }
                });
            }
            TypeExpr::Primitive(Primitive::Bool) => match text {
                "true" | "1" => Some(quote!(true)),
                "false" | "0" => Some(quote!(false)),
                _ => None,
            },
            TypeExpr::Primitive(p) if p.is_integer() => {
                let digits = text.strip_prefix('+').unwrap_or(text);
                digits.parse::<i128>().ok().map(|v| {
                    let abs = Literal::u128_unsuffixed(v.unsigned_abs());
                    if v < 0 { quote!(-#abs) } else { quote!(#abs) }
                })
            }
            TypeExpr::Primitive(p) if p.is_float() => {
                let t = if *p == Primitive::F32 {
                    quote!(f32)
                } else {
                    quote!(f64)
                };
                match text {
                    "INF" | "+INF" => Some(quote!(#t::INFINITY)),
                    "-INF" => Some(quote!(#t::NEG_INFINITY)),
                    "NaN" => Some(quote!(#t::NAN)),
                    _ => text.parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| {
                        let abs = Literal::f64_unsuffixed(v.abs());
                        if v < 0.0 { quote!(-#abs) } else { quote!(#abs) }
                    }),
                }
            }
            TypeExpr::Defined(path) => self.enum_def(path).and_then(|e| {
                copy = e.derives.copy;
                let variant = e.variants.iter().find(|v| {
                    let value = if e.collapse {
                        v.value.trim()
                    } else {
                        v.value.as_str()
                    };
                    value == if e.collapse { text } else { default.as_str() }
                })?;
                let variant = ident_tokens(&variant.ident);
                Some(quote!(#inner::#variant))
            }),
            TypeExpr::Primitive(_) => None,
        };
        let field = if copy {
            quote!(self.#ident)
        } else {
            quote!(self.#ident.clone())
        };
        Some(match constant {
            Some(value) => quote! {
                #doc
                pub fn #ident(&self) -> #inner {
                    #field.unwrap_or(#value)
                }
            },
            // The value was checked against its type when the code was
            // generated, but no Rust constant spells it: it is parsed.
            None => quote! {
                #doc
                pub fn #ident(&self) -> Result<#inner, #xml::ValueError> {
                    match &self.#ident {
                        Some(v) => Ok(v.clone()),
                        None => #xml::parse_value(#default),
                    }
                }
            },
        })
    }

    /// The enumeration `path` names, if it is one.
    fn enum_def(&self, path: &TypePath) -> Option<&EnumDef> {
        self.krate
            .modules
            .get(path.module)?
            .items
            .iter()
            .find_map(|item| match item {
                Item::Enum(e) if e.ident == path.ident => Some(e),
                _ => None,
            })
    }
}

/// A field `new` takes: one that must be there. Other attributes and mixed
/// text start empty.
fn is_required(f: &Field) -> bool {
    f.ty.occurs == Occurs::One && !matches!(f.binding, Binding::AnyAttributes(_) | Binding::Mixed)
}
