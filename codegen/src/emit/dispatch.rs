//! The children of a struct, read by dispatch: one `match` arm per local
//! name that some particle takes, guarded by the runtime's
//! `xml::Sequence`, which checks the namespace, the order and the
//! occurrence limits (see its docs). Wildcards are tried for the names no
//! arm takes.
//!
//! ```text
//! let next = &mut r.next_child()?;
//! while let Some(child) = next.take() {
//!     match child.local_name() {
//!         "Subject" if seq.at(r, &child, 0)? => subject = Some(xml::text(r, &child)?),
//!         "Message" | ... => { *next = Some(child); ... read_group(r, next)? ...; continue; }
//!         _ => seq.unknown(r, &child)?,
//!     }
//!     *next = r.next_child()?;
//! }
//! ```

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use super::{Cx, ident_tokens};
use crate::plan::rust::{Binding, Field, FieldType, Occurs, ValueKind, XmlName};

/// How a run of children ends.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// An element's content: what no particle takes goes to the policy.
    Element,
    /// `xs:all`.
    All,
    /// A nested group in place: it ends at what it does not take.
    Group,
}

/// One particle of the content model and the field it fills.
struct Slot<'f> {
    field: &'f Field,
    min: u32,
    max: Option<u32>,
}

impl Cx<'_> {
    /// `let mut seq ...; let next ...; while ... { match ... }; seq.finish`
    /// for the content `fields`, in place of `next` (a `&mut Option<Start>`
    /// already set) when `mode` is a group.
    pub(super) fn dispatch(&self, fields: &[&Field], mode: Mode) -> TokenStream {
        let xml = self.xml();
        let slots: Vec<Slot<'_>> = fields
            .iter()
            .filter(|f| {
                matches!(
                    f.binding,
                    Binding::Element { .. } | Binding::Group { .. } | Binding::Any(_)
                )
            })
            .map(|f| {
                let (min, max) = match f.ty.occurs {
                    Occurs::One => (1, Some(1)),
                    Occurs::Optional => (0, Some(1)),
                    Occurs::Many { min, max } => (min, max),
                };
                Slot { field: f, min, max }
            })
            .collect();
        let particles = slots.iter().map(|s| self.particle(s));
        let n = Literal::usize_unsuffixed(slots.len());
        let order = match mode {
            Mode::Element => quote!(#xml::Order::Sequence),
            Mode::All => quote!(#xml::Order::All),
            Mode::Group => quote!(#xml::Order::Group),
        };
        let slots_init = slots.iter().map(|s| {
            let local = ident_tokens(&s.field.local);
            // A particle nothing can start (a head without members) is
            // never filled.
            let fillable = !slot_names(s.field).is_empty()
                || matches!(&s.field.binding, Binding::Any(_))
                || matches!(&s.field.binding, Binding::Group { first } if first.any);
            let mutable = fillable.then(|| quote!(mut));
            match s.field.ty.occurs {
                Occurs::Many { .. } => quote!(let #mutable #local = Vec::new();),
                Occurs::One | Occurs::Optional => quote!(let #mutable #local = None;),
            }
        });
        let other = match mode {
            Mode::Element | Mode::All => quote!(seq.unknown(r, &child)?),
            Mode::Group => quote!({
                *next = Some(child);
                break;
            }),
        };
        let arms = self.arms(&slots, &other);
        let wildcards: Vec<usize> = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| match &s.field.binding {
                Binding::Any(_) => true,
                Binding::Group { first } => first.any,
                _ => false,
            })
            .map(|(i, _)| i)
            .collect();
        let fallback = if wildcards.is_empty() {
            other.clone()
        } else {
            let candidates = wildcards.iter().map(|&i| Literal::usize_unsuffixed(i));
            let picks = wildcards.iter().filter_map(|&i| {
                let slot = slots.get(i)?;
                let action = self.action(slot);
                let i = Literal::usize_unsuffixed(i);
                Some(quote!(Some(#i) => #action,))
            });
            quote! {
                match seq.wildcard(r, &child, &[#(#candidates),*])? {
                    #(#picks)*
                    _ => #other,
                }
            }
        };
        // In a group whose particles are all groups, every arm leaves the
        // loop or goes round again by itself.
        let all_diverge = mode == Mode::Group
            && slots
                .iter()
                .all(|s| matches!(s.field.binding, Binding::Group { .. }));
        let advance = (!all_diverge).then(|| quote!(*next = r.next_child()?;));
        let begin = match mode {
            Mode::Element | Mode::All => quote!(let next = &mut r.next_child()?;),
            Mode::Group => TokenStream::new(),
        };
        let finish = match mode {
            Mode::Group => quote! {
                if !seq.taken() {
                    return Ok(None);
                }
                seq.finish(r, next.as_ref())?;
            },
            Mode::Element | Mode::All => quote!(seq.finish(r, None)?;),
        };
        let required = slots
            .iter()
            .filter(|s| s.field.ty.occurs == Occurs::One)
            .map(|s| {
                let local = ident_tokens(&s.field.local);
                let names = self.names(&slot_names(s.field));
                quote!(let #local = #xml::present(#local, r, #names)?;)
            });
        let particles = if slots.is_empty() {
            quote!(const P: &[#xml::Particle] = &[];)
        } else {
            quote!(const P: &[#xml::Particle] = &[#(#particles),*];)
        };
        // Content of wildcards alone has no names to match.
        let dispatch = if arms.is_empty() {
            quote!(#fallback;)
        } else {
            quote! {
                match child.local_name() {
                    #(#arms)*
                    _ => #fallback,
                }
            }
        };
        quote! {
            #particles
            let mut seq = #xml::Sequence::<#n>::new(P, #order);
            #(#slots_init)*
            #begin
            while let Some(child) = next.take() {
                #dispatch
                #advance
            }
            #finish
            #(#required)*
        }
    }

    /// The arms for the names particles take, in the order they first
    /// appear.
    fn arms(&self, slots: &[Slot<'_>], other: &TokenStream) -> Vec<TokenStream> {
        let mut order: Vec<String> = Vec::new();
        let mut by_local: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, slot) in slots.iter().enumerate() {
            for name in slot_names(slot.field) {
                let list = by_local.entry(name.local.clone()).or_insert_with(|| {
                    order.push(name.local.clone());
                    Vec::new()
                });
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        order
            .into_iter()
            .filter_map(|local| {
                let candidates = by_local.get(&local)?;
                match candidates.as_slice() {
                    [i] => {
                        let slot = slots.get(*i)?;
                        let action = self.action(slot);
                        let i = Literal::usize_unsuffixed(*i);
                        Some(quote!(#local if seq.at(r, &child, #i)? => #action,))
                    }
                    many => {
                        let list = many.iter().map(|&i| Literal::usize_unsuffixed(i));
                        let picks = many.iter().filter_map(|&i| {
                            let action = self.action(slots.get(i)?);
                            let i = Literal::usize_unsuffixed(i);
                            Some(quote!(Some(#i) => #action,))
                        });
                        Some(quote! {
                            #local => match seq.pick(r, &child, &[#(#list),*])? {
                                #(#picks)*
                                _ => #other,
                            },
                        })
                    }
                }
            })
            .collect()
    }

    /// What taking `child` for `slot` does.
    fn action(&self, slot: &Slot<'_>) -> TokenStream {
        let xml = self.xml();
        let local = ident_tokens(&slot.field.local);
        let ty = &slot.field.ty;
        let store = |value: TokenStream| match ty.occurs {
            Occurs::Many { .. } => quote!(#local.push(#value)),
            Occurs::One | Occurs::Optional => quote!(#local = Some(#value)),
        };
        match &slot.field.binding {
            Binding::Group { first } => {
                let group = self.type_expr(&ty.inner);
                let expected = self.names(&first.names);
                let store = store(quote!(v));
                quote!({
                    *next = Some(child);
                    let Some(v) = #group::read_group(r, next)? else {
                        return Err(r.expected_one_of(next.as_ref(), #expected));
                    };
                    #store;
                    continue;
                })
            }
            Binding::Any(_) => store(quote!(#xml::read::<#xml::AnyElement>(r, &child)?)),
            Binding::Element { default, .. } => {
                let value = self.read_child(ty, default.as_deref());
                let value = if ty.boxed {
                    quote!(Box::new(#value))
                } else {
                    value
                };
                store(value)
            }
            _ => TokenStream::new(),
        }
    }

    /// Reads one element value whose start tag is `child`.
    pub(super) fn read_child(&self, ty: &FieldType, default: Option<&str>) -> TokenStream {
        let xml = self.xml();
        match (ty.kind, ty.nillable, default) {
            (ValueKind::Simple, false, Some(default)) => {
                quote!(#xml::text_or(r, &child, #default)?)
            }
            (ValueKind::Simple, false, None) => quote!(#xml::text(r, &child)?),
            (ValueKind::Simple, true, _) => quote!(#xml::Nillable::read_value(r, &child)?),
            _ => {
                let t = self.read_type(ty);
                quote!(<#t as #xml::XmlRead>::read_xml(r, &child)?)
            }
        }
    }

    /// `xml::Particle::new(&[names], min, max)` for a slot.
    fn particle(&self, slot: &Slot<'_>) -> TokenStream {
        let xml = self.xml();
        let min = Literal::u32_unsuffixed(slot.min);
        let max = match slot.max {
            Some(max) => Literal::u32_unsuffixed(max).into_token_stream(),
            None => quote!(u32::MAX),
        };
        let names = self.names(&slot_names(slot.field));
        match &slot.field.binding {
            Binding::Any(ns) => {
                let w = self.wildcard(ns);
                quote!(#xml::Particle::any(#w, #min, #max))
            }
            Binding::Group { first } if first.any => {
                let w = self.wildcard(&crate::plan::rust::Namespaces::Any);
                quote!(#xml::Particle { names: #names, min: #min, max: #max, wildcard: Some(#w) })
            }
            _ => quote!(#xml::Particle::new(#names, #min, #max)),
        }
    }
}

/// The names that start a field's particle.
fn slot_names(field: &Field) -> Vec<XmlName> {
    match &field.binding {
        Binding::Element { name, .. } => vec![name.clone()],
        Binding::Group { first } => first.names.clone(),
        _ => Vec::new(),
    }
}
