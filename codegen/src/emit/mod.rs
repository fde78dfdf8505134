//! Stage `emit`: [`RustCrate`] -> [`TokenStream`], with `quote!`, split by
//! the shape of what is emitted:
//!
//! - `types`: the struct and enum definitions;
//! - `simple`: `SimpleValue` (and `FromStr`/`Display`, constructors) for
//!   enumerations, restricted newtypes, lists and unions;
//! - `writers`: `impl XmlWrite`, and `write_group` for nested groups;
//! - `readers`: `impl XmlRead`, and `read_group` for nested groups;
//! - `elements`: `impl XmlElement` for global elements, and the
//!   read/write impls of element newtypes;
//! - `polymorphic`: read and write of the enums of derived types, by
//!   `xsi:type`;
//! - `operations`: the `operations` module, with `headers`: the
//!   header types of operations.
//!
//! No identifier is chosen here: every name comes from the plan. Generated
//! code names the runtime by the plan's path (`::xsdgen_runtime` unless
//! configured) and uses nothing else from outside but the prelude.

mod constructors;
mod dispatch;
mod elements;
mod faults;
mod headers;
mod operations;
mod polymorphic;
mod ports;
mod readers;
mod servers;
mod simple;
mod types;
mod writers;

use std::cell::RefCell;
use std::collections::BTreeSet;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote};

use crate::plan::RustIdent;
use crate::plan::rust::{
    FieldType, Item, ModuleId, Occurs, Primitive, RustCrate, TypeExpr, TypePath, ValueKind, XmlName,
};

/// Why code could not be emitted: a bug, or a configured runtime path
/// that is not a Rust path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmitError(pub String);

/// Emits the whole file.
pub fn emit(krate: &RustCrate) -> Result<TokenStream, EmitError> {
    let runtime: syn::Path = syn::parse_str(&krate.runtime).map_err(|e| {
        EmitError(format!(
            "the runtime crate path '{}' is not a Rust path: {e}",
            krate.runtime
        ))
    })?;
    let mut out = TokenStream::new();
    for (uri, ident) in &krate.namespaces {
        let ident = ident_tokens(ident);
        out.extend(quote! { pub const #ident: &str = #uri; });
    }
    for (id, module) in krate.modules.iter().enumerate() {
        let cx = Cx {
            krate,
            module: id,
            rt: runtime.to_token_stream(),
            namespaces_used: RefCell::default(),
        };
        let mut body = TokenStream::new();
        for item in &module.items {
            body.extend(cx.item(item));
        }
        let mut items = TokenStream::new();
        if !module.items.is_empty() {
            items.extend(quote!(use #runtime::xml;));
        }
        items.extend(cx.namespace_imports());
        items.extend(body);
        match (&module.ident, &module.namespace) {
            (None, _) => out.extend(items),
            (Some(ident), ns) => {
                let ident = ident_tokens(ident);
                let doc = match ns {
                    Some(ns) => format!(" Items of the namespace `{ns}`."),
                    None => " Items in no namespace.".to_owned(),
                };
                out.extend(quote! {
                    #[doc = #doc]
                    pub mod #ident { #items }
                });
            }
        }
    }
    if !krate.operations.is_empty() {
        let cx = Cx {
            krate,
            module: OPERATIONS,
            rt: runtime.to_token_stream(),
            namespaces_used: RefCell::default(),
        };
        out.extend(cx.operations());
    }
    if (krate.clients || krate.servers) && !krate.ports.is_empty() {
        let cx = Cx {
            krate,
            module: OPERATIONS,
            rt: runtime.to_token_stream(),
            namespaces_used: RefCell::default(),
        };
        out.extend(cx.ports());
    }
    Ok(out)
}

/// The module id standing for the `operations` module.
const OPERATIONS: ModuleId = usize::MAX;

/// Where code is being emitted, and what it refers to.
pub(crate) struct Cx<'k> {
    krate: &'k RustCrate,
    module: ModuleId,
    rt: TokenStream,
    /// The namespace constants a module other than the root refers to, so
    /// that it imports them (`use super::{TYPES_NS};`) and names them bare:
    /// `super::` on every name would push most generated lines past the
    /// formatter's width.
    namespaces_used: RefCell<BTreeSet<String>>,
}

impl Cx<'_> {
    fn item(&self, item: &Item) -> TokenStream {
        let mut out = self.definition(item);
        out.extend(match item {
            Item::Struct(d) => {
                let mut t = self.struct_methods(d);
                t.extend(self.struct_writer(d));
                t.extend(self.struct_reader(d));
                t.extend(self.element_impl(&d.ident, d.element.as_ref()));
                t
            }
            Item::Choice(d) => {
                let mut t = self.choice_writer(d);
                t.extend(self.choice_reader(d));
                t.extend(self.element_impl(&d.ident, d.element.as_ref()));
                t
            }
            Item::Enum(d) => self.enum_impls(d),
            Item::Restricted(d) => self.restricted_impls(d),
            Item::List(d) => self.list_impls(d),
            Item::Union(d) => self.union_impls(d),
            Item::Wrapper(d) => self.wrapper_impls(d),
            Item::Polymorphic(d) => self.polymorphic_impls(d),
        });
        out
    }

    /// The runtime's `xml` module, imported by name at the top of every
    /// generated module (see [`emit`]): the paths it saves are most of the
    /// width of a generated line.
    pub(crate) fn xml(&self) -> TokenStream {
        quote!(xml)
    }

    /// The path of a namespace constant as seen from here.
    fn namespace(&self, uri: &str) -> TokenStream {
        // The plan registers every namespace it puts in a name.
        let Some(ident) = self.krate.namespaces.get(uri) else {
            return quote!(compile_error!("namespace without a constant"));
        };
        if self.module != 0 {
            self.namespaces_used.borrow_mut().insert(ident.name.clone());
        }
        ident_tokens(ident).to_token_stream()
    }

    /// `use super::{A_NS, B_NS};` for the namespace constants used so far.
    pub(crate) fn namespace_imports(&self) -> TokenStream {
        let used = self.namespaces_used.borrow();
        if used.is_empty() {
            return TokenStream::new();
        }
        let idents = used.iter().map(|i| Ident::new(i, Span::call_site()));
        // Namespace constants are never raw identifiers (they are upper case).
        quote!(use super::{#(#idents),*};)
    }

    /// A `Name` constant expression.
    pub(crate) fn name(&self, name: &XmlName) -> TokenStream {
        let xml = self.xml();
        let local = &name.local;
        match &name.namespace {
            Some(ns) => {
                let ns = self.namespace(ns);
                quote!(#xml::Name::new(#ns, #local))
            }
            None => quote!(#xml::Name::local(#local)),
        }
    }

    /// A name as the namespace constant (`""` for none) and the local
    /// name, the two arguments of the runtime's per-particle helpers.
    pub(crate) fn name_parts(&self, name: &XmlName) -> (TokenStream, String) {
        let ns = match &name.namespace {
            Some(ns) => self.namespace(ns),
            None => quote!(""),
        };
        (ns, name.local.clone())
    }

    /// A wildcard's namespace constraint, `xml::Wildcard::Any`.
    pub(crate) fn wildcard(&self, ns: &crate::plan::rust::Namespaces) -> TokenStream {
        use crate::plan::rust::Namespaces;
        let xml = self.xml();
        match ns {
            Namespaces::Any => quote!(#xml::Wildcard::Any),
            Namespaces::Other(target) => {
                let target = target.as_deref().unwrap_or("");
                quote!(#xml::Wildcard::Other(#target))
            }
            Namespaces::Only(list) => {
                let list = list.iter().map(|n| n.as_deref().unwrap_or(""));
                quote!(#xml::Wildcard::Only(&[#(#list),*]))
            }
        }
    }

    /// The names as a slice expression, `&[a, b]`.
    pub(crate) fn names<'n>(&self, names: impl IntoIterator<Item = &'n XmlName>) -> TokenStream {
        let names = names.into_iter().map(|n| self.name(n));
        quote!(&[#(#names),*])
    }

    /// The path of a generated type as seen from here.
    pub(crate) fn path(&self, path: &TypePath) -> TokenStream {
        let ident = ident_tokens(&path.ident);
        if path.module == self.module {
            return quote!(#ident);
        }
        let module = self
            .krate
            .modules
            .get(path.module)
            .and_then(|m| m.ident.as_ref())
            .map(ident_tokens);
        match (self.module, module) {
            (0, Some(m)) => quote!(#m::#ident),
            (_, Some(m)) => quote!(super::#m::#ident),
            (_, None) => quote!(super::#ident),
        }
    }

    pub(crate) fn type_expr(&self, expr: &TypeExpr) -> TokenStream {
        match expr {
            TypeExpr::Defined(path) => self.path(path),
            TypeExpr::Primitive(p) => match p {
                Primitive::String => quote!(String),
                Primitive::Bool => quote!(bool),
                Primitive::I8 => quote!(i8),
                Primitive::I16 => quote!(i16),
                Primitive::I32 => quote!(i32),
                Primitive::I64 => quote!(i64),
                Primitive::U8 => quote!(u8),
                Primitive::U16 => quote!(u16),
                Primitive::U32 => quote!(u32),
                Primitive::U64 => quote!(u64),
                Primitive::F32 => quote!(f32),
                Primitive::F64 => quote!(f64),
                Primitive::Runtime(name) => {
                    let xml = self.xml();
                    let name = Ident::new(name, Span::call_site());
                    quote!(#xml::#name)
                }
            },
        }
    }

    /// The type of one value: the inner type, nillable, boxed.
    pub(crate) fn value_type(&self, ty: &FieldType) -> TokenStream {
        let mut t = self.type_expr(&ty.inner);
        if ty.nillable {
            let xml = self.xml();
            t = quote!(#xml::Nillable<#t>);
        }
        if ty.boxed {
            t = quote!(Box<#t>);
        }
        t
    }

    /// The type of one value without its box: what a constructor takes.
    pub(crate) fn value_type_unboxed(&self, ty: &FieldType) -> TokenStream {
        let mut t = self.type_expr(&ty.inner);
        if ty.nillable {
            let xml = self.xml();
            t = quote!(#xml::Nillable<#t>);
        }
        t
    }

    /// The type of the field: the value type in `Option` or `Vec`.
    pub(crate) fn field_type(&self, ty: &FieldType) -> TokenStream {
        let t = self.value_type(ty);
        match ty.occurs {
            Occurs::One => t,
            Occurs::Optional => quote!(Option<#t>),
            Occurs::Many { .. } => quote!(Vec<#t>),
        }
    }

    /// The type read by `XmlRead` for a complex value: the inner type,
    /// nillable (without the box).
    pub(crate) fn read_type(&self, ty: &FieldType) -> TokenStream {
        let t = self.type_expr(&ty.inner);
        if ty.nillable && ty.kind == ValueKind::Complex {
            let xml = self.xml();
            quote!(#xml::Nillable<#t>)
        } else {
            t
        }
    }
}

/// The default an empty element takes when read. None for a plain string,
/// whose empty text is a value of its own: kept as read, `<x/>` is written
/// back as `<x/>`, where filling in the default would write a different
/// document. Where empty text is no value of the type, the default is
/// what the element means.
pub(crate) fn read_default<'d>(ty: &FieldType, default: Option<&'d str>) -> Option<&'d str> {
    match ty.inner {
        TypeExpr::Primitive(Primitive::String) => None,
        _ => default,
    }
}

pub(crate) fn ident_tokens(ident: &RustIdent) -> Ident {
    if ident.raw {
        Ident::new_raw(&ident.name, Span::call_site())
    } else {
        Ident::new(&ident.name, Span::call_site())
    }
}

/// `#[doc = "..."]` attributes, one per line.
pub(crate) fn doc_attrs(doc: Option<&str>) -> TokenStream {
    let Some(doc) = doc else {
        return TokenStream::new();
    };
    let lines = doc.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}
