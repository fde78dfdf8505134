//! `Config::type_attribute` and `field_attribute`: the user's paths
//! resolved to the generated items they name, with the same names
//! `Config::rename` takes, and each attribute checked to be Rust
//! attribute syntax so that a typo is a diagnostic, not a compile error
//! in generated code.

use std::collections::{BTreeMap, BTreeSet};

use syn::parse::Parser;

use super::Planner;
use super::idents::user_keys;
use super::rust::{ModuleId, TypePath};
use crate::diagnostics::{Diagnostic, Severity};

/// Attributes the user adds to generated types and fields, as checked
/// Rust attribute text, by the item they go on.
#[derive(Debug, Clone, Default)]
pub struct Attributes {
    /// On every type (path `.`).
    pub every_type: Vec<String>,
    /// By module and type identifier.
    pub types: BTreeMap<(ModuleId, String), Vec<String>>,
    /// On every field (path `.`).
    pub every_field: Vec<String>,
    /// By module, type identifier and the XML local name of the field's
    /// element or attribute.
    pub fields: BTreeMap<(ModuleId, String, String), Vec<String>>,
}

impl Attributes {
    pub fn for_type(&self, module: ModuleId, ident: &str) -> impl Iterator<Item = &str> {
        let own = self.types.get(&(module, ident.to_owned()));
        self.every_type
            .iter()
            .chain(own.into_iter().flatten())
            .map(String::as_str)
    }

    pub fn for_field(
        &self,
        module: ModuleId,
        owner: &str,
        local: Option<&str>,
    ) -> impl Iterator<Item = &str> {
        let own = local.and_then(|l| self.fields.get(&(module, owner.to_owned(), l.to_owned())));
        self.every_field
            .iter()
            .chain(own.into_iter().flatten())
            .map(String::as_str)
    }
}

/// The path that names every type or every field.
const EVERY: &str = ".";

impl Planner<'_> {
    pub(super) fn plan_attributes(&mut self) -> Attributes {
        let mut out = Attributes::default();
        for (path, attribute) in &self.options.type_attributes {
            if !self.checked("type_attribute", path, attribute) {
                continue;
            }
            if path == EVERY {
                out.every_type.push(attribute.clone());
                continue;
            }
            let targets = self.named_types(path);
            if targets.is_empty() {
                self.unmatched("type_attribute", path);
            }
            for t in targets {
                out.types
                    .entry((t.module, t.ident.name))
                    .or_default()
                    .push(attribute.clone());
            }
        }
        for (path, attribute) in &self.options.field_attributes {
            if !self.checked("field_attribute", path, attribute) {
                continue;
            }
            if path == EVERY {
                out.every_field.push(attribute.clone());
                continue;
            }
            let Some((owner, local)) = path.rsplit_once('/') else {
                self.diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    None,
                    format!("field_attribute path '{path}' is not '.' or 'Type/local'"),
                ));
                continue;
            };
            let owners = if owner == EVERY {
                self.all_types()
            } else {
                self.named_types(owner)
            };
            if owners.is_empty() {
                self.unmatched("field_attribute", path);
            }
            for t in owners {
                out.fields
                    .entry((t.module, t.ident.name, local.to_owned()))
                    .or_default()
                    .push(attribute.clone());
            }
        }
        out
    }

    /// Whether `attribute` is one or more outer attributes; a diagnostic
    /// when not.
    fn checked(&mut self, method: &str, path: &str, attribute: &str) -> bool {
        let parsed = syn::Attribute::parse_outer.parse_str(attribute);
        match parsed {
            Ok(attrs) if !attrs.is_empty() => true,
            _ => {
                self.diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    None,
                    format!(
                        "{method}('{path}', ...): '{attribute}' is not a Rust attribute such as #[derive(Hash)]"
                    ),
                ));
                false
            }
        }
    }

    fn unmatched(&mut self, method: &str, path: &str) {
        self.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            None,
            format!("{method} '{path}' names nothing that is generated"),
        ));
    }

    /// The Rust types of the named types and global elements `path` names.
    fn named_types(&self, path: &str) -> Vec<TypePath> {
        let types = self.model.types.iter().enumerate().filter_map(|(i, def)| {
            let name = def.name.as_ref()?;
            user_keys(name, "type")
                .iter()
                .any(|k| k == path)
                .then(|| self.type_paths.get(i).cloned().flatten())
                .flatten()
        });
        let elements = self
            .model
            .elements
            .iter()
            .enumerate()
            .filter_map(|(i, decl)| {
                user_keys(&decl.name, "element")
                    .iter()
                    .any(|k| k == path)
                    .then(|| self.element_paths.get(i).cloned().flatten())
                    .flatten()
            });
        dedup(types.chain(elements))
    }

    fn all_types(&self) -> Vec<TypePath> {
        let types = self.type_paths.iter().flatten().cloned();
        dedup(types.chain(self.element_paths.iter().flatten().cloned()))
    }
}

fn dedup(paths: impl Iterator<Item = TypePath>) -> Vec<TypePath> {
    let mut seen = BTreeSet::new();
    paths
        .filter(|p| seen.insert((p.module, p.ident.name.clone())))
        .collect()
}
