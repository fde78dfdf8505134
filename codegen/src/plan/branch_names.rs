//! The variant names of branches that are global elements: a choice's
//! `ref=` branches and a substitution group's members.
//!
//! Such a variant is named exactly as the element's own type, so that
//! `P::Snippet` holds what `Snippet` reads and `P::SnippetElement` what
//! `SnippetElement` reads. Two branches from different namespaces may
//! still want one name (`kml:altitudeMode`, `gx:altitudeMode`): the one in
//! the enum's own namespace keeps it and the others take their module's
//! name as a prefix (`GxAltitudeMode`), decided over all branches at once
//! so that their order does not matter. Only when that too is taken does
//! the enum's scope number them.

use std::collections::BTreeMap;

use super::Planner;
use super::names::{self, RustIdent};
use super::rust::ModuleId;
use crate::model::{ElementId, MaxOccurs, Particle, Term};

impl Planner<'_> {
    /// The variant name for each element of `elements`, branches of an
    /// enum in `module`.
    pub(super) fn branch_idents(
        &self,
        module: ModuleId,
        elements: &[ElementId],
    ) -> BTreeMap<ElementId, RustIdent> {
        let mut wanted: BTreeMap<String, Vec<(ElementId, ModuleId)>> = BTreeMap::new();
        let mut out = BTreeMap::new();
        for &id in elements {
            let Some(path) = self.element_paths.get(id.index()).and_then(Option::as_ref) else {
                continue;
            };
            out.insert(id, path.ident.clone());
            let claimants = wanted.entry(path.ident.name.clone()).or_default();
            if !claimants.iter().any(|(e, _)| *e == id) {
                claimants.push((id, path.module));
            }
        }
        for claimants in wanted.values() {
            if claimants.len() < 2 {
                continue;
            }
            let home = claimants.iter().any(|(_, m)| *m == module);
            for &(id, m) in claimants {
                if home && m == module {
                    continue;
                }
                let Some(ident) = out.get(&id) else { continue };
                let prefix = self
                    .modules
                    .get(m)
                    .and_then(|m| m.ident.as_ref())
                    .map(|i| names::type_ident(&i.name).name)
                    .unwrap_or_default();
                let prefixed = names::type_ident(&format!("{prefix}{}", ident.name));
                out.insert(id, prefixed);
            }
        }
        out
    }
}

/// The global elements that are branches of a choice of `branches`,
/// looking through nested choices that occur once (their branches become
/// the enum's own).
pub(super) fn element_branches(branches: &[Particle], out: &mut Vec<ElementId>) {
    for b in branches {
        let b = super::complex::unwrap(b);
        match &b.term {
            Term::Element(e) => out.extend(e.global),
            Term::Choice(inner) if b.max_occurs == MaxOccurs::Bounded(1) => {
                element_branches(inner, out)
            }
            _ => {}
        }
    }
}
