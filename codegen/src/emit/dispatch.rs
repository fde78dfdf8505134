//! The children of a struct, read by dispatch: one `match` arm per local
//! name that some particle takes, guarded by the runtime's
//! `xml::Sequence`, which checks the namespace, the order and the
//! occurrence limits (see its docs). Wildcards are tried for the names no
//! arm takes.
//!
//! ```text
//! let next = &mut r.next_child()?;
//! while let Some(c) = next.take() {
//!     match c.local_name() {
//!         "Subject" if seq.at(r, &c, 0)? => subject = Some(xml::text(r, &c)?),
//!         "Message" | ... => { *next = Some(c); ... read_group(r, next)? ...; continue; }
//!         _ => seq.unknown(r, &c)?,
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
    /// Where the value goes: the field's local, or `out.field`.
    place: TokenStream,
    /// The particle's index in the table `P`.
    index: usize,
}

/// Where the children's values are put while they are read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Into {
    /// A local per field, assembled into the value at the end.
    Locals,
    /// The fields of `out`, a default value made beforehand: for types
    /// whose particles are all optional, it saves a local and an
    /// initialiser per field.
    Out,
}

impl Cx<'_> {
    /// `let mut seq ...; let next ...; while ... { match ... }; seq.finish`
    /// for the content `fields`, in place of `next` (a `&mut Option<Start>`
    /// already set) when `mode` is a group.
    pub(super) fn dispatch(&self, fields: &[&Field], mode: Mode, into: Into) -> TokenStream {
        let xml = self.xml();
        let slots: Vec<Slot<'_>> = fields
            .iter()
            .filter(|f| {
                matches!(
                    f.binding,
                    Binding::Element { .. } | Binding::Group { .. } | Binding::Any(_)
                )
            })
            .enumerate()
            .map(|(index, f)| {
                let (min, max) = match f.ty.occurs {
                    Occurs::One => (1, Some(1)),
                    Occurs::Optional => (0, Some(1)),
                    Occurs::Many { min, max } => (min, max),
                };
                let place = match into {
                    Into::Locals => ident_tokens(&f.local).into_token_stream(),
                    Into::Out => {
                        let ident = ident_tokens(&f.ident);
                        quote!(out.#ident)
                    }
                };
                Slot {
                    field: f,
                    min,
                    max,
                    place,
                    index,
                }
            })
            .collect();
        let particles = slots.iter().map(|s| self.particle(s));
        let n = Literal::usize_unsuffixed(slots.len());
        let order = match mode {
            Mode::Element => quote!(#xml::Order::Sequence),
            Mode::All => quote!(#xml::Order::All),
            Mode::Group => quote!(#xml::Order::Group),
        };
        let slots_init = slots.iter().filter(|_| into == Into::Locals).map(|s| {
            let local = ident_tokens(&s.field.local);
            let mutable = fillable(s.field).then(|| quote!(mut));
            match s.field.ty.occurs {
                Occurs::Many { .. } => quote!(let #mutable #local = Vec::new();),
                Occurs::One | Occurs::Optional => quote!(let #mutable #local = None;),
            }
        });
        let other = match mode {
            Mode::Element | Mode::All => quote!(seq.unknown(r, &c)?),
            Mode::Group => quote!({
                *next = Some(c);
                break;
            }),
        };
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
        // Where a name no particle takes here goes straight to the policy,
        // an arm is one call; otherwise it is a guard that falls through.
        let compact = mode != Mode::Group && wildcards.is_empty();
        let arms = self.arms(&slots, &other, compact);
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
                match seq.wildcard(r, &c, &[#(#candidates),*])? {
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
            .enumerate()
            .filter(|(_, s)| s.field.ty.occurs == Occurs::One)
            .map(|(i, s)| {
                let local = ident_tokens(&s.field.local);
                let i = Literal::usize_unsuffixed(i);
                quote!(let #local = #xml::present(#local, r, &P[#i])?;)
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
                match c.local_name() {
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
            while let Some(c) = next.take() {
                #dispatch
                #advance
            }
            #finish
            #(#required)*
        }
    }

    /// The arms for the names particles take, in the order they first
    /// appear.
    fn arms(&self, slots: &[Slot<'_>], other: &TokenStream, compact: bool) -> Vec<TokenStream> {
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
        // The names only one particle takes, by particle: a group's first
        // set is one arm.
        let mut arms: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
        for local in order {
            let Some(candidates) = by_local.get(&local) else {
                continue;
            };
            let same = arms
                .iter_mut()
                .find(|(_, c)| c.len() == 1 && c == candidates);
            match same {
                Some((locals, _)) => locals.push(local),
                None => arms.push((vec![local], candidates.clone())),
            }
        }
        arms.into_iter()
            .filter_map(|(locals, candidates)| {
                let local = quote!(#(#locals)|*);
                match candidates.as_slice() {
                    [i] => {
                        let slot = slots.get(*i)?;
                        let index = Literal::usize_unsuffixed(*i);
                        if compact && let Some(call) = self.take_call(slot, &index) {
                            return Some(quote!(#local => #call,));
                        }
                        let action = self.action(slot);
                        Some(quote!(#local if seq.at(r, &c, #index)? => #action,))
                    }
                    many => {
                        let list = many.iter().map(|&i| Literal::usize_unsuffixed(i));
                        let picks = many.iter().filter_map(|&i| {
                            let action = self.action(slots.get(i)?);
                            let i = Literal::usize_unsuffixed(i);
                            Some(quote!(Some(#i) => #action,))
                        });
                        Some(quote! {
                            #local => match seq.pick(r, &c, &[#(#list),*])? {
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
        let local = &slot.place;
        let ty = &slot.field.ty;
        let store = |value: TokenStream| match ty.occurs {
            Occurs::Many { .. } => quote!(#local.push(#value)),
            Occurs::One | Occurs::Optional => quote!(#local = Some(#value)),
        };
        match &slot.field.binding {
            Binding::Group { .. } => {
                let group = self.type_expr(&ty.inner);
                let i = Literal::usize_unsuffixed(slot.index);
                let store = store(quote!(#xml::group(r, next, &P[#i], #group::read_group)?));
                quote!({
                    *next = Some(c);
                    #store;
                    continue;
                })
            }
            Binding::Any(_) => store(quote!(#xml::read::<#xml::AnyElement>(r, &c)?)),
            Binding::Element { default, .. } => {
                let value = self.read_child(ty, default.as_deref());
                let value = if boxed_by_hand(ty) {
                    quote!(Box::new(#value))
                } else {
                    value
                };
                store(value)
            }
            _ => TokenStream::new(),
        }
    }

    /// `seq.take(r, &c, i, &mut field, read)?`: an element slot's whole arm.
    fn take_call(&self, slot: &Slot<'_>, i: &Literal) -> Option<TokenStream> {
        let Binding::Element { default, .. } = &slot.field.binding else {
            return None;
        };
        let ty = &slot.field.ty;
        let local = &slot.place;
        let read = self.read_fn(ty, default.as_deref());
        let read = if boxed_by_hand(ty) {
            quote!(|r, s| #read(r, s).map(Box::new))
        } else {
            read
        };
        Some(match ty.occurs {
            Occurs::Many { .. } => quote!(seq.push(r, &c, #i, &mut #local, #read)?),
            Occurs::One | Occurs::Optional => quote!(seq.take(r, &c, #i, &mut #local, #read)?),
        })
    }

    /// Reads one element value whose start tag is `child`.
    pub(super) fn read_child(&self, ty: &FieldType, default: Option<&str>) -> TokenStream {
        let xml = self.xml();
        match (ty.kind, ty.nillable, super::read_default(ty, default)) {
            (ValueKind::Simple, false, Some(default)) => {
                quote!(#xml::text_or(r, &c, #default)?)
            }
            (ValueKind::Simple, false, None) => quote!(#xml::text(r, &c)?),
            (ValueKind::Simple, true, _) => quote!(#xml::Nillable::read_value(r, &c)?),
            // The field's type says which reader.
            _ => quote!(#xml::read(r, &c)?),
        }
    }

    /// `xml::Particle::el(ns, local, min, max)` for an element's slot.
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
                quote!(#xml::Particle::group_any(#names, #w, #min, #max))
            }
            Binding::Element { name, .. } => {
                let (ns, local) = self.name_parts(name);
                quote!(#xml::Particle::el(#ns, #local, #min, #max))
            }
            _ => quote!(#xml::Particle::new(#names, #min, #max)),
        }
    }
}

/// Whether a boxed value is boxed by the generated reader: a complex one
/// is read as a `Box` by the runtime's `XmlRead` for it.
pub(super) fn boxed_by_hand(ty: &FieldType) -> bool {
    ty.boxed && ty.kind == ValueKind::Simple
}

/// Whether a content field's particle can be filled: not one nothing can
/// start (a head without members).
pub(super) fn fillable(field: &Field) -> bool {
    !slot_names(field).is_empty()
        || matches!(&field.binding, Binding::Any(_))
        || matches!(&field.binding, Binding::Group { first } if first.any)
}

/// Whether `content` is read into a default value ([`Into::Out`]): every
/// field of the type has a default, and every particle is optional, so
/// that nothing is checked at the end.
pub(super) fn into_for(default: bool, content: &[&Field]) -> Into {
    let particle = |f: &&&Field| {
        matches!(
            f.binding,
            Binding::Element { .. } | Binding::Group { .. } | Binding::Any(_)
        )
    };
    let only_particles = content.iter().all(|f| particle(&f));
    let optional = content.iter().all(|f| f.ty.occurs != Occurs::One);
    let filled = content.iter().any(|f| fillable(f));
    if default && only_particles && optional && filled {
        Into::Out
    } else {
        Into::Locals
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
