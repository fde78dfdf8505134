//! Fields for elements of one local name from different namespaces
//! (`kml:altitudeMode` beside `gx:altitudeMode` in one sequence).
//!
//! The field scope numbers such names in the order it meets them
//! (`altitude_mode`, `altitude_mode_2`), which says nothing about which is
//! which and changes when the schema reorders them. Once a struct's fields
//! are known, the element in the struct's own namespace (or in none) keeps
//! the plain name and each other one is prefixed with its module's name
//! (`gx_altitude_mode`). A prefixed name that is taken keeps the number.

use std::collections::{BTreeMap, BTreeSet};

use super::names::{self, RustIdent};
use super::rust::{Binding, Field, Item, RustCrate};

pub(super) fn prefix_foreign(krate: &mut RustCrate) {
    let prefixes: BTreeMap<Option<String>, String> = krate
        .modules
        .iter()
        .map(|m| {
            let prefix = m.ident.as_ref().map(|i| i.name.clone()).unwrap_or_default();
            (m.namespace.clone(), prefix)
        })
        .collect();
    for module in &mut krate.modules {
        let home = module.namespace.clone();
        for item in &mut module.items {
            if let Item::Struct(d) = item {
                rename(&mut d.fields, home.as_deref(), &prefixes);
            }
        }
    }
}

fn rename(fields: &mut [Field], home: Option<&str>, prefixes: &BTreeMap<Option<String>, String>) {
    // Element fields by the plain name their local name gives.
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, f) in fields.iter().enumerate() {
        if let Binding::Element { name, .. } = &f.binding {
            by_name
                .entry(names::field_ident(&name.local).name)
                .or_default()
                .push(i);
        }
    }
    let mut taken: BTreeSet<String> = fields.iter().map(|f| f.ident.name.clone()).collect();
    for (plain, group) in by_name {
        // A field the user renamed keeps the user's name.
        if group
            .iter()
            .any(|&i| !fields[i].ident.name.starts_with(plain.as_str()))
        {
            continue;
        }
        let namespaces: BTreeSet<Option<&str>> = group
            .iter()
            .filter_map(|&i| match &fields[i].binding {
                Binding::Element { name, .. } => Some(name.namespace.as_deref()),
                _ => None,
            })
            .collect();
        if namespaces.len() < 2 {
            continue;
        }
        let mut wanted: Vec<(usize, RustIdent)> = Vec::new();
        for &i in &group {
            let Binding::Element { name, .. } = &fields[i].binding else {
                continue;
            };
            let ns = name.namespace.as_deref();
            let ident = if ns.is_none() || ns == home {
                names::field_ident(&name.local)
            } else {
                let prefix = prefixes
                    .get(&name.namespace)
                    .map(String::as_str)
                    .unwrap_or_default();
                names::field_ident(&format!("{prefix}_{}", name.local))
            };
            wanted.push((i, ident));
        }
        // Only rename when every field of the group gets a distinct free
        // name; otherwise the scope's numbers stay.
        for (i, _) in &wanted {
            taken.remove(&fields[*i].ident.name);
        }
        let distinct: BTreeSet<&str> = wanted.iter().map(|(_, id)| id.name.as_str()).collect();
        let free = distinct.len() == wanted.len()
            && wanted.iter().all(|(_, id)| !taken.contains(&id.name));
        for (i, ident) in wanted {
            let f = &mut fields[i];
            if free {
                f.local = names::local_ident(&ident);
                f.ident = ident;
            }
            taken.insert(f.ident.name.clone());
        }
    }
}
