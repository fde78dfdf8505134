//! Modules and type identifiers, chosen before any type is planned so that
//! every reference can be resolved in one pass.
//!
//! - One module per target namespace when the generated items span more
//!   than one namespace; otherwise everything is at the top level. A
//!   module is named after the last segment of its namespace URI
//!   (`.../2006/messages` -> `messages`), items without a namespace go to
//!   `no_namespace`.
//! - Within a module, global elements claim their names first (they are
//!   the API: request and response types), then named types, then
//!   anonymous types by their hint. Within each kind, names that become
//!   the same identifier (they differ in case or punctuation only) claim
//!   in an order that does not depend on the schema's: the one spelled as
//!   the identifier first, then by spelling. A named or anonymous type
//!   whose name is taken becomes `NameType`, then `NameType2`, ...; an
//!   element whose name is taken becomes `NameElement`; an element whose
//!   name is a prelude type the generated code uses (`String`, `Vec`,
//!   `Option`, `Box`, `Result`, `Ok`, `Err`, `Some`, `None`) becomes
//!   `NameElement`.
//! - A global element whose type is anonymous and complex *is* that type's
//!   struct; any other global element gets a newtype of its own name.

use super::Planner;
use super::names::{self, RustIdent, Scope, Suffix};
use super::rust::{Module, ModuleId, TypePath};
use crate::model::{QName, TypeId, TypeKind, TypeRef};

pub(crate) const OPERATIONS_MODULE: &str = "operations";
/// The module holding a module per WSDL port, with its client.
pub(crate) const PORTS_MODULE: &str = "ports";

/// The order in which names of one kind claim their identifiers: by the
/// identifier they want, a name already spelled that way first (`Snippet`
/// before `snippet`), then by spelling and namespace. Names that differ
/// only in case thus get the same identifiers whatever order the schema
/// declares them in.
fn claim_order(name: &QName) -> (String, bool, String, Option<String>) {
    let wanted = names::type_ident(&name.local).name;
    let exact = wanted == name.local;
    (wanted, !exact, name.local.clone(), name.namespace.clone())
}

/// The last meaningful segment of a namespace URI.
fn uri_segment(uri: &str) -> &str {
    let trimmed = uri.trim_end_matches(['/', '#', ':']);
    let mut segments = trimmed.rsplit(['/', ':', '#']).filter(|s| !s.is_empty());
    let last = segments.next().unwrap_or("");
    // `.../ns/2020` says less than `ns`: prefer a segment with a letter.
    if last.chars().any(|c| c.is_alphabetic()) {
        return last;
    }
    segments
        .find(|s| s.chars().any(|c| c.is_alphabetic()))
        .unwrap_or(last)
}

/// `MESSAGES_NS` for `http://.../2006/messages`.
pub(crate) fn namespace_const(uri: &str) -> RustIdent {
    match uri {
        crate::load::XML_NS => RustIdent::plain("XML_NS"),
        "http://www.w3.org/2001/XMLSchema-instance" => RustIdent::plain("XSI_NS"),
        _ => {
            let base = names::const_ident(uri_segment(uri));
            RustIdent::plain(&format!("{}_NS", base.name.trim_end_matches('_')))
        }
    }
}

impl Planner<'_> {
    pub(super) fn assign_idents(&mut self) {
        self.assign_modules();
        let model = self.model;

        // Global elements first, then named types, each in an order of their
        // own (see `claim_order`) so that declaration order does not decide
        // who keeps a name.
        let mut elements: Vec<_> = model.element_ids().collect();
        elements.sort_by_cached_key(|&id| claim_order(&model.element(id).name));
        for id in elements {
            let decl = model.element(id);
            let module = self.module_for(decl.name.namespace.as_deref());
            let ident = match self.renamed("element", &decl.name, decl.span) {
                Some(ident) => self.claim_type(module, ident, None),
                None => {
                    self.claim_type(module, names::type_ident(&decl.name.local), Some("Element"))
                }
            };
            let path = TypePath { module, ident };
            if let TypeRef::Defined(t) = decl.type_ref {
                let def = model.ty(t);
                let anonymous_complex =
                    def.name.is_none() && matches!(def.kind, TypeKind::Complex(_));
                if anonymous_complex && !decl.nillable && !self.element_structs.contains_key(&t) {
                    self.element_structs.insert(t, id);
                    self.struct_elements.insert(id);
                    self.type_paths[t.index()] = Some(path.clone());
                }
            }
            self.element_paths[id.index()] = Some(path);
        }

        // Then named types, then anonymous ones.
        let mut named_types: Vec<_> = model
            .type_ids()
            .filter(|&id| model.ty(id).name.is_some())
            .collect();
        named_types.sort_by_cached_key(|&id| model.ty(id).name.as_ref().map(claim_order));
        let anonymous = model.type_ids().filter(|&id| model.ty(id).name.is_none());
        for ids in [named_types, anonymous.collect()] {
            for id in ids {
                let def = model.ty(id);
                if self.type_paths[id.index()].is_some() {
                    continue;
                }
                let module = self.module_for(def.namespace.as_deref());
                let raw = def
                    .name
                    .as_ref()
                    .map_or(def.name_hint.as_str(), |n| &n.local);
                let renamed = def
                    .name
                    .as_ref()
                    .and_then(|n| self.renamed("type", n, def.span));
                let ident = match renamed {
                    Some(ident) => self.claim_type(module, ident, None),
                    None => self.claim_type(module, names::type_ident(raw), Some("Type")),
                };
                self.type_paths[id.index()] = Some(TypePath { module, ident });
            }
        }
    }

    /// The identifier the user chose for an element or type, if any.
    fn renamed(
        &mut self,
        kind: &str,
        name: &QName,
        span: crate::diagnostics::Span,
    ) -> Option<RustIdent> {
        let renames = &self.options.renames;
        let keys = user_keys(name, kind);
        let expanded = keys[2].clone();
        let (key, chosen) = keys
            .into_iter()
            .find_map(|key| renames.get(&key).map(|ident| (key, ident.clone())))?;
        self.used_renames.insert(key);
        match syn::parse_str::<syn::Ident>(&chosen) {
            Ok(_) if !chosen.starts_with("r#") => Some(RustIdent::plain(&chosen)),
            _ => {
                self.error(
                    span,
                    format!(
                        "the name '{chosen}' given to {kind} '{expanded}' is not a Rust identifier"
                    ),
                );
                None
            }
        }
    }

    /// The name a field of `owner` for the element or attribute `local`
    /// is derived from: the user's choice (`Type/local`, with the type as
    /// `{uri}Name`, `Name`, or for an anonymous type its element's name),
    /// else `local` itself.
    pub(crate) fn field_name(&mut self, owner: TypeId, local: &str) -> String {
        let renames = &self.options.renames;
        if renames.is_empty() {
            return local.to_owned();
        }
        let def = self.model.ty(owner);
        let mut keys = Vec::with_capacity(2);
        match &def.name {
            Some(name) => {
                if let Some(ns) = &name.namespace {
                    keys.push(format!("{{{ns}}}{}/{local}", name.local));
                }
                keys.push(format!("{}/{local}", name.local));
            }
            None => keys.push(format!("{}/{local}", def.name_hint)),
        }
        match keys.into_iter().find(|k| renames.contains_key(k)) {
            Some(key) => {
                let chosen = renames.get(&key).cloned().unwrap_or_default();
                self.used_renames.insert(key);
                chosen
            }
            None => local.to_owned(),
        }
    }

    /// Claims a type identifier in `module`.
    pub(crate) fn claim_type(
        &mut self,
        module: ModuleId,
        ident: RustIdent,
        alternative: Option<&str>,
    ) -> RustIdent {
        let scope = &mut self.scopes[module];
        match alternative {
            Some(alt) => scope.claim_or(ident, alt, Suffix::Camel),
            None => scope.claim(ident, Suffix::Camel),
        }
    }

    pub(crate) fn module_for(&self, namespace: Option<&str>) -> ModuleId {
        self.module_of
            .get(&namespace.map(str::to_owned))
            .copied()
            .unwrap_or(0)
    }

    /// The module of a type's items.
    pub(crate) fn module_of_type(&self, id: TypeId) -> ModuleId {
        self.type_paths
            .get(id.index())
            .and_then(|p| p.as_ref())
            .map_or(0, |p| p.module)
    }

    fn assign_modules(&mut self) {
        let model = self.model;
        let mut namespaces: Vec<Option<String>> = model
            .elements
            .iter()
            .map(|e| e.name.namespace.clone())
            .chain(model.types.iter().map(|t| t.namespace.clone()))
            .collect();
        namespaces.sort();
        namespaces.dedup();

        self.modules.push(Module {
            ident: None,
            namespace: None,
            items: Vec::new(),
        });
        self.scopes.push(Scope::with_reserved(names::PRELUDE_TYPES));
        if namespaces.len() < 2 {
            return;
        }
        let mut module_names = Scope::with_reserved(&[OPERATIONS_MODULE, PORTS_MODULE]);
        for ns in namespaces {
            let raw = ns.as_deref().map_or("no_namespace", uri_segment);
            let ident = module_names.claim(names::module_ident(raw), Suffix::Snake);
            self.module_of.insert(ns.clone(), self.modules.len());
            self.modules.push(Module {
                ident: Some(ident),
                namespace: ns,
                items: Vec::new(),
            });
            self.scopes.push(Scope::with_reserved(names::PRELUDE_TYPES));
        }
    }
}

/// The names a user gives a type or element by (`kind` is `type` or
/// `element`), most specific first: `kind:{uri}local`, `kind:local`,
/// `{uri}local`, `local`.
pub(super) fn user_keys(name: &QName, kind: &str) -> [String; 4] {
    let expanded = match &name.namespace {
        Some(ns) => format!("{{{ns}}}{}", name.local),
        None => name.local.clone(),
    };
    [
        format!("{kind}:{expanded}"),
        format!("{kind}:{}", name.local),
        expanded,
        name.local.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_constants_and_segments() {
        let um = "http://schemas.microsoft.com/exchange/services/2006/messages";
        assert_eq!(namespace_const(um).name, "MESSAGES_NS");
        assert_eq!(namespace_const("urn:example:orders").name, "ORDERS_NS");
        assert_eq!(namespace_const("http://example.com/ns/2020/").name, "NS_NS");
        assert_eq!(
            namespace_const("http://example.com/").name,
            "EXAMPLE_COM_NS"
        );
        assert_eq!(uri_segment("http://www.w3.org/2001/XMLSchema"), "XMLSchema");
        assert_eq!(namespace_const(crate::load::XML_NS).name, "XML_NS");
    }
}
