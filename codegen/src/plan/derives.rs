//! Which traits each item derives besides `Debug`, `Clone`, `PartialEq`:
//!
//! - `Eq` and `Hash` unless a float is reachable through its fields;
//! - `Default` when every field has one (`Option`, `Vec`, strings,
//!   numbers, booleans, binary data), never for enums and checked
//!   newtypes, whose default would be an arbitrary or invalid value;
//! - `Copy` for enumerations without an `Unknown(String)` variant.
//!
//! Types refer to each other in cycles, so this is a fixpoint: start from
//! "yes" everywhere and withdraw until nothing changes.

use std::collections::BTreeMap;

use super::rust::{FieldType, Item, Occurs, RustCrate, TypeExpr, TypePath};

#[derive(Clone, Copy)]
struct Traits {
    eq_hash: bool,
    default: bool,
}

pub(super) fn compute(krate: &mut RustCrate) {
    let mut index: BTreeMap<(usize, String), (usize, usize)> = BTreeMap::new();
    for (m, module) in krate.modules.iter().enumerate() {
        for (i, item) in module.items.iter().enumerate() {
            index.insert((m, item.ident().name.clone()), (m, i));
        }
    }
    let mut traits: BTreeMap<(usize, usize), Traits> = index
        .values()
        .map(|&k| {
            (
                k,
                Traits {
                    eq_hash: true,
                    default: true,
                },
            )
        })
        .collect();

    loop {
        let mut changed = false;
        for (m, module) in krate.modules.iter().enumerate() {
            for (i, item) in module.items.iter().enumerate() {
                let now = item_traits(item, &|p| lookup(&index, &traits, p));
                let Some(slot) = traits.get_mut(&(m, i)) else {
                    continue;
                };
                let next = Traits {
                    eq_hash: slot.eq_hash && now.eq_hash,
                    default: slot.default && now.default,
                };
                if next.eq_hash != slot.eq_hash || next.default != slot.default {
                    *slot = next;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    for (m, module) in krate.modules.iter_mut().enumerate() {
        for (i, item) in module.items.iter_mut().enumerate() {
            let t = traits.get(&(m, i)).copied().unwrap_or(Traits {
                eq_hash: false,
                default: false,
            });
            let derives = match item {
                Item::Struct(d) => &mut d.derives,
                Item::Choice(d) => &mut d.derives,
                Item::Enum(d) => {
                    d.derives.copy = d.unknown.is_none();
                    &mut d.derives
                }
                Item::Restricted(d) => &mut d.derives,
                Item::List(d) => &mut d.derives,
                Item::Union(d) => &mut d.derives,
                Item::Wrapper(d) => &mut d.derives,
                Item::Polymorphic(d) => &mut d.derives,
            };
            derives.eq_hash = t.eq_hash;
            derives.default = t.default;
        }
    }
}

fn lookup(
    index: &BTreeMap<(usize, String), (usize, usize)>,
    traits: &BTreeMap<(usize, usize), Traits>,
    path: &TypePath,
) -> Traits {
    index
        .get(&(path.module, path.ident.name.clone()))
        .and_then(|k| traits.get(k))
        .copied()
        .unwrap_or(Traits {
            eq_hash: false,
            default: false,
        })
}

fn expr_traits(expr: &TypeExpr, of: &dyn Fn(&TypePath) -> Traits) -> Traits {
    match expr {
        TypeExpr::Primitive(p) => Traits {
            eq_hash: !p.is_float(),
            default: p.has_default(),
        },
        TypeExpr::Defined(path) => of(path),
    }
}

fn field_traits(ty: &FieldType, of: &dyn Fn(&TypePath) -> Traits) -> Traits {
    let inner = expr_traits(&ty.inner, of);
    Traits {
        eq_hash: inner.eq_hash,
        default: match ty.occurs {
            Occurs::Optional | Occurs::Many { .. } => true,
            Occurs::One => !ty.nillable && inner.default,
        },
    }
}

fn all<'a>(types: impl Iterator<Item = &'a FieldType>, of: &dyn Fn(&TypePath) -> Traits) -> Traits {
    let mut t = Traits {
        eq_hash: true,
        default: true,
    };
    for ty in types {
        let f = field_traits(ty, of);
        t.eq_hash &= f.eq_hash;
        t.default &= f.default;
    }
    t
}

fn item_traits(item: &Item, of: &dyn Fn(&TypePath) -> Traits) -> Traits {
    let no_default = |t: Traits| Traits {
        default: false,
        ..t
    };
    match item {
        Item::Struct(d) => all(d.fields.iter().map(|f| &f.ty), of),
        Item::Choice(d) => no_default(all(d.variants.iter().map(|v| &v.ty), of)),
        Item::Enum(_) => Traits {
            eq_hash: true,
            default: false,
        },
        Item::Restricted(d) => no_default(expr_traits(&d.inner, of)),
        Item::List(d) => Traits {
            eq_hash: expr_traits(&d.item, of).eq_hash,
            default: true,
        },
        Item::Union(d) => Traits {
            eq_hash: d.members.iter().all(|(_, e)| expr_traits(e, of).eq_hash),
            default: false,
        },
        Item::Wrapper(d) => all(std::iter::once(&d.inner), of),
        Item::Polymorphic(d) => no_default(all(d.variants.iter().map(|v| &v.ty), of)),
    }
}
