//! The size budget: a field or variant whose value would make its owner
//! larger than [`super::PlanOptions::size_budget`] bytes is boxed.
//!
//! Real schemas have types of a hundred optional fields (EWS's
//! `CalendarItemType` is 4.8 KB inline) and choices between them. Inline,
//! every enum of them is as large as its largest branch, every `Option` of
//! them is paid for when absent, every read moves kilobytes, and a debug
//! build's reader frames (one slot per temporary) overflow a 2 MB stack a
//! dozen elements deep. Boxed, an absent field costs 8 bytes and a present
//! one a single allocation. This is clippy's `large_enum_variant` and
//! `box_collection` advice, decided once here for every type.
//!
//! An enum of a type and the types derived from it (`AnyB`) costs what a
//! `B` does, plus its tag: a derived variant larger than the base's own
//! (and than a quarter of the budget) is boxed, whatever the budget. Elements of such a type nearly always hold
//! the base type itself, so the rare derived value pays for its size, not
//! every field and list element of the enum. Where the base is boxed
//! (`AnyMessageType`), the enum is two words, and its users hold it
//! inline rather than boxing a box.
//!
//! A wide struct (EWS's `MessageType` has 92 optional fields) holds only
//! a few of its fields in any one message: where its fields take more than
//! four budgets inline, its optional fields over a quarter of the budget
//! are boxed too, so that an absent one costs a word rather than its size.
//! Narrow structs keep their optional fields inline.
//!
//! Sizes are estimated for a 64-bit target from the plan alone; the
//! estimate only has to be good enough to pick the large values, and a
//! test pins the real `size_of` of the EWS types under the budget.

use std::collections::BTreeMap;

use super::rust::{
    Binding, FieldType, Item, Occurs, PolymorphicDef, Primitive, RustCrate, StructDef, TypeExpr,
    TypePath,
};

/// Boxes every element field and branch whose value is larger than
/// `budget` bytes.
pub(super) fn apply_budget(krate: &mut RustCrate, budget: usize) {
    let mut sizes = Sizes::new(krate, budget);
    let mut decisions = Vec::new();
    for (m, module) in krate.modules.iter().enumerate() {
        for (i, item) in module.items.iter().enumerate() {
            let boxes = match item {
                Item::Polymorphic(d) => sizes.variant_boxes(d),
                Item::Struct(d) => sizes.field_boxes(d),
                _ => {
                    let slots = boxable(item);
                    slots.into_iter().map(|ty| sizes.should_box(ty)).collect()
                }
            };
            let slots = boxable(item);
            decisions.extend(
                (0..slots.len())
                    .filter(|&v| boxes.get(v).copied().unwrap_or(false) && !slots[v].boxed)
                    .map(|v| (m, i, v)),
            );
        }
    }
    for (m, i, slot) in decisions {
        if let Some(ty) = boxable_mut(&mut krate.modules[m].items[i])
            .into_iter()
            .nth(slot)
        {
            ty.boxed = true;
        }
    }
}

/// The values of an item that may be boxed, in a fixed order: element
/// fields of structs, element branches of choices, derived types of a
/// polymorphic enum. Text, attribute and group positions hold small values
/// or are sized by their own items.
fn boxable(item: &Item) -> Vec<&FieldType> {
    match item {
        Item::Struct(d) => d
            .fields
            .iter()
            .filter(|f| matches!(f.binding, Binding::Element { .. }))
            .map(|f| &f.ty)
            .collect(),
        Item::Choice(d) => d
            .variants
            .iter()
            .filter(|v| matches!(v.binding, Binding::Element { .. }))
            .map(|v| &v.ty)
            .collect(),
        Item::Polymorphic(d) => d.variants.iter().map(|v| &v.ty).collect(),
        _ => Vec::new(),
    }
}

fn boxable_mut(item: &mut Item) -> Vec<&mut FieldType> {
    match item {
        Item::Struct(d) => d
            .fields
            .iter_mut()
            .filter(|f| matches!(f.binding, Binding::Element { .. }))
            .map(|f| &mut f.ty)
            .collect(),
        Item::Choice(d) => d
            .variants
            .iter_mut()
            .filter(|v| matches!(v.binding, Binding::Element { .. }))
            .map(|v| &mut v.ty)
            .collect(),
        Item::Polymorphic(d) => d.variants.iter_mut().map(|v| &mut v.ty).collect(),
        _ => Vec::new(),
    }
}

/// Memoised size estimates of the crate's items, with the budget's boxing
/// already applied inside them.
struct Sizes<'k> {
    krate: &'k RustCrate,
    budget: usize,
    index: BTreeMap<(usize, &'k str), (usize, usize)>,
    memo: BTreeMap<(usize, usize), usize>,
}

/// A struct is wide when its fields take more than this many budgets
/// inline.
const WIDE: usize = 4;
/// In a wide struct, an optional value is boxed above this share of the
/// budget; so is a derived variant larger than its base's.
const OPTIONAL_SHARE: usize = 4;

/// A pointer's size, and the alignment every struct is rounded to.
const WORD: usize = 8;
/// `String`, `Vec` and the runtime's owned values.
const HEAP: usize = 3 * WORD;

impl<'k> Sizes<'k> {
    fn new(krate: &'k RustCrate, budget: usize) -> Self {
        let mut index = BTreeMap::new();
        for (m, module) in krate.modules.iter().enumerate() {
            for (i, item) in module.items.iter().enumerate() {
                index.insert((m, item.ident().name.as_str()), (m, i));
            }
        }
        Self {
            krate,
            budget,
            index,
            memo: BTreeMap::new(),
        }
    }

    /// Whether a value of `ty` goes behind a `Box`.
    fn should_box(&mut self, ty: &FieldType) -> bool {
        self.over(ty, self.budget)
    }

    /// Whether `ty` is neither boxed nor a `Vec` and its value is larger
    /// than `limit`.
    fn over(&mut self, ty: &FieldType, limit: usize) -> bool {
        !ty.boxed && !matches!(ty.occurs, Occurs::Many { .. }) && self.expr(&ty.inner) > limit
    }

    /// Which element fields of a struct are boxed: those the budget boxes,
    /// and in a wide struct the optional ones above a share of it.
    fn field_boxes(&mut self, d: &StructDef) -> Vec<bool> {
        let elements: Vec<&FieldType> = d
            .fields
            .iter()
            .filter(|f| matches!(f.binding, Binding::Element { .. }))
            .map(|f| &f.ty)
            .collect();
        let inline: usize = d.fields.iter().map(|f| self.field(&f.ty)).sum();
        let wide = inline > self.budget.saturating_mul(WIDE);
        let share = self.budget / OPTIONAL_SHARE;
        elements
            .into_iter()
            .map(|ty| {
                let optional = ty.occurs == Occurs::Optional || ty.nillable;
                ty.boxed || self.should_box(ty) || (wide && optional && self.over(ty, share))
            })
            .collect()
    }

    /// Which variants of a polymorphic enum are boxed: those the budget
    /// boxes, and the derived ones larger than the base's own variant.
    fn variant_boxes(&mut self, d: &PolymorphicDef) -> Vec<bool> {
        let sizes: Vec<usize> = d.variants.iter().map(|v| self.field(&v.ty)).collect();
        let base = d
            .variants
            .iter()
            .position(|v| !d.is_abstract && v.type_name == d.base);
        let keep = base.and_then(|b| sizes.get(b).copied());
        let share = self.budget / OPTIONAL_SHARE;
        d.variants
            .iter()
            .zip(&sizes)
            .enumerate()
            .map(|(i, (v, &size))| {
                let larger = keep.is_some_and(|keep| size > keep.max(share));
                v.ty.boxed || self.should_box(&v.ty) || (Some(i) != base && larger)
            })
            .collect()
    }

    /// The size of a field of type `ty`.
    fn field(&mut self, ty: &FieldType) -> usize {
        if matches!(ty.occurs, Occurs::Many { .. }) {
            return HEAP;
        }
        if ty.boxed || self.should_box(ty) {
            return WORD;
        }
        let inner = self.expr(&ty.inner);
        // An `Option` of a value without a niche (a number) takes a word
        // more; strings, vectors and the structs and enums holding them
        // have one.
        let niche = !matches!(&ty.inner, TypeExpr::Primitive(p) if p.is_integer() || p.is_float() || matches!(p, Primitive::Bool));
        let optional = ty.occurs == Occurs::Optional || ty.nillable;
        if optional && !niche {
            inner + inner.min(WORD)
        } else {
            inner
        }
    }

    fn expr(&mut self, e: &TypeExpr) -> usize {
        match e {
            TypeExpr::Primitive(p) => primitive(*p),
            TypeExpr::Defined(path) => self.item(path),
        }
    }

    fn item(&mut self, path: &TypePath) -> usize {
        let Some(&key) = self.index.get(&(path.module, path.ident.name.as_str())) else {
            return WORD;
        };
        if let Some(&size) = self.memo.get(&key) {
            return size;
        }
        // A containment cycle is boxed by the plan already; the guard only
        // keeps a malformed plan from recursing forever.
        self.memo.insert(key, WORD);
        let krate = self.krate;
        let size = match &krate.modules[key.0].items[key.1] {
            Item::Struct(d) => {
                let mut boxes = self.field_boxes(d).into_iter();
                let mut sum = 0;
                for f in &d.fields {
                    let boxed = matches!(f.binding, Binding::Element { .. })
                        && boxes.next().unwrap_or(false);
                    sum += if boxed { WORD } else { self.field(&f.ty) };
                }
                round_up(sum.max(1))
            }
            Item::Choice(d) => {
                let max = d.variants.iter().map(|v| self.field(&v.ty)).max();
                round_up(max.unwrap_or(0)) + WORD
            }
            Item::Polymorphic(d) => {
                let boxes = self.variant_boxes(d);
                let mut max = 0;
                for (v, boxed) in d.variants.iter().zip(boxes) {
                    max = max.max(if boxed { WORD } else { self.field(&v.ty) });
                }
                round_up(max) + WORD
            }
            Item::Enum(d) if d.unknown.is_some() => HEAP,
            Item::Enum(_) => 1,
            Item::Restricted(d) => self.expr(&d.inner),
            Item::List(_) => HEAP,
            Item::Union(d) => {
                let max = d.members.iter().map(|(_, e)| self.expr(e)).max();
                round_up(max.unwrap_or(0)) + WORD
            }
            Item::Wrapper(d) => self.field(&d.inner),
        };
        self.memo.insert(key, size);
        size
    }
}

fn primitive(p: Primitive) -> usize {
    match p {
        Primitive::Bool | Primitive::I8 | Primitive::U8 => 1,
        Primitive::I16 | Primitive::U16 => 2,
        Primitive::I32 | Primitive::U32 | Primitive::F32 => 4,
        Primitive::I64 | Primitive::U64 | Primitive::F64 => 8,
        Primitive::String => HEAP,
        Primitive::Runtime("QNameValue") => 3 * HEAP,
        Primitive::Runtime(_) => HEAP,
    }
}

fn round_up(n: usize) -> usize {
    n.div_ceil(WORD) * WORD
}
