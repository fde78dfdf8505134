//! Stage `plan`: [`Model`] -> [`RustCrate`], the only stage that knows
//! Rust: identifiers, modules, derives, `Option`/`Vec`/`Box`, and how each
//! field is bound to XML.
//!
//! ```text
//! model::Model + passes::Recursion --plan--> rust::RustCrate --emit--> tokens
//! ```
//!
//! The mapping itself is documented (with a table) in the crate docs. The
//! plan walks the model in arena order and sorts each module's items by
//! their place in the schemas, so the output follows the source.

pub(crate) mod attributes;
mod branch_names;
mod builtins;
mod complex;
mod derives;
mod docs;
mod elements;
mod field_names;
mod headers;
mod idents;
mod layout;
pub mod names;
pub(crate) mod operations;
mod particles;
mod polymorphic;
pub mod rust;
mod simple;

use std::collections::{BTreeMap, BTreeSet};

pub use names::RustIdent;
pub use rust::RustCrate;

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::model::{ElementId, Model, QName, TypeId, TypeKind, TypeRef};
use crate::passes::{Analysis, Polymorphism, Recursion};
use names::Scope;
use rust::{FieldType, Item, Module, ModuleId, Occurs, TypeExpr, TypePath, ValueKind, XmlName};

/// The size in bytes above which a field's value is boxed, unless the
/// user chooses another with [`crate::Config::size_budget`].
pub const DEFAULT_SIZE_BUDGET: usize = 256;

/// The choices a [`crate::Config`] passes down to the plan.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// Path of the runtime crate in generated code.
    pub runtime: String,
    /// Give every enumeration an `Unknown(String)` variant.
    pub enum_unknown_variant: bool,
    /// Values larger than this many bytes are boxed (see `layout.rs`).
    pub size_budget: usize,
    /// Whether ports get a client (see [`crate::Config::clients`]).
    pub clients: bool,
    /// Whether ports get a server trait (see [`crate::Config::servers`]).
    pub servers: bool,
    /// `(path, attribute)` of [`crate::Config::type_attribute`], in order.
    pub type_attributes: Vec<(String, String)>,
    /// `(path, attribute)` of [`crate::Config::field_attribute`], in order.
    pub field_attributes: Vec<(String, String)>,
    /// Overrides of `xg:safeToRetry`, by operation name.
    pub safe_to_retry: BTreeMap<String, bool>,
    /// Rust names chosen by the user, by `[element:|type:]{uri}local` or
    /// local name (see [`crate::Config::rename`]).
    pub renames: BTreeMap<String, String>,
}

impl Default for PlanOptions {
    fn default() -> Self {
        Self {
            runtime: "::xsdgen_runtime".to_owned(),
            enum_unknown_variant: false,
            size_budget: DEFAULT_SIZE_BUDGET,
            clients: true,
            servers: true,
            type_attributes: Vec::new(),
            field_attributes: Vec::new(),
            safe_to_retry: BTreeMap::new(),
            renames: BTreeMap::new(),
        }
    }
}

/// Plans the Rust code for `model`. Problems go to `diagnostics`; the
/// result is only meaningful when no error was pushed.
pub fn plan(
    model: &Model,
    analysis: &Analysis,
    options: &PlanOptions,
    diagnostics: &mut Diagnostics,
) -> RustCrate {
    let mut planner = Planner::new(model, analysis, options);
    planner.assign_idents();
    planner.assign_polymorphic_idents();
    for id in model.type_ids() {
        planner.plan_type(id);
    }
    for id in model.element_ids() {
        planner.plan_element(id);
    }
    planner.plan_polymorphic();
    let (operations, ports) = planner.plan_operations();
    let (mut krate, found) = planner.finish(operations, ports);
    field_names::prefix_foreign(&mut krate);
    layout::apply_budget(&mut krate, options.size_budget);
    derives::compute(&mut krate);
    diagnostics.extend(found);
    krate
}

/// Planning state: the identifiers chosen so far and the items made.
pub(crate) struct Planner<'m> {
    model: &'m Model,
    recursion: &'m Recursion,
    poly: &'m Polymorphism,
    options: &'m PlanOptions,
    modules: Vec<Module>,
    module_of: BTreeMap<Option<String>, ModuleId>,
    /// Type identifiers taken in each module.
    scopes: Vec<Scope>,
    /// Rust type of each model type, by [`TypeId`] index.
    type_paths: Vec<Option<TypePath>>,
    /// The type implementing `XmlElement` for each global element.
    element_paths: Vec<Option<TypePath>>,
    /// Anonymous complex types that are their global element's struct.
    element_structs: BTreeMap<TypeId, ElementId>,
    /// The elements of `element_structs`.
    struct_elements: BTreeSet<ElementId>,
    /// The enum of each polymorphic type (see [`crate::passes::Polymorphism`]).
    poly_paths: BTreeMap<TypeId, TypePath>,
    /// The enum of each substitution group head, with the names that start it.
    substitution_paths: BTreeMap<ElementId, (TypePath, rust::FirstSet)>,
    /// Items with their sort key: (span, creation order).
    items: Vec<(ModuleId, Span, usize, Item)>,
    next_seq: usize,
    namespaces: BTreeMap<String, RustIdent>,
    /// The keys of [`PlanOptions::renames`] that named something.
    used_renames: BTreeSet<String>,
    diagnostics: Vec<Diagnostic>,
}

impl<'m> Planner<'m> {
    fn new(model: &'m Model, analysis: &'m Analysis, options: &'m PlanOptions) -> Self {
        Self {
            model,
            recursion: &analysis.recursion,
            poly: &analysis.polymorphism,
            options,
            poly_paths: BTreeMap::new(),
            substitution_paths: BTreeMap::new(),
            modules: Vec::new(),
            module_of: BTreeMap::new(),
            scopes: Vec::new(),
            type_paths: vec![None; model.types.len()],
            element_paths: vec![None; model.elements.len()],
            element_structs: BTreeMap::new(),
            struct_elements: BTreeSet::new(),
            items: Vec::new(),
            next_seq: 0,
            namespaces: BTreeMap::new(),
            used_renames: BTreeSet::new(),
            diagnostics: Vec::new(),
        }
    }

    pub(crate) fn seq(&mut self) -> usize {
        self.next_seq += 1;
        self.next_seq
    }

    pub(crate) fn push_item(&mut self, module: ModuleId, seq: usize, item: Item) {
        let span = item.span();
        self.items.push((module, span, seq, item));
    }

    pub(crate) fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::error(span, message));
    }

    /// The wire name, noting its namespace for a constant.
    pub(crate) fn xml_name(&mut self, name: &QName) -> XmlName {
        if let Some(ns) = &name.namespace {
            if !self.namespaces.contains_key(ns) {
                // Identifiers are chosen in `finish`, once all are known.
                self.namespaces.insert(ns.clone(), RustIdent::plain(""));
            }
        }
        XmlName {
            namespace: name.namespace.clone(),
            local: name.local.clone(),
        }
    }

    /// The Rust type for a model type reference, and how it is read.
    pub(crate) fn type_expr(&self, t: TypeRef) -> Option<(TypeExpr, ValueKind)> {
        match t {
            TypeRef::Builtin(b) => {
                let (p, kind) = builtins::primitive(b);
                Some((TypeExpr::Primitive(p), kind))
            }
            TypeRef::Defined(id) => {
                let path = self.type_paths.get(id.index())?.clone()?;
                let kind = match self.model.ty(id).kind {
                    TypeKind::Simple(_) => ValueKind::Simple,
                    TypeKind::Complex(_) => ValueKind::Complex,
                };
                Some((TypeExpr::Defined(path), kind))
            }
        }
    }

    /// The field type of an element of type `t` held by `owner`.
    pub(crate) fn element_type(
        &mut self,
        owner: TypeId,
        t: TypeRef,
        nillable: bool,
        occurs: Occurs,
        span: Span,
    ) -> Option<FieldType> {
        let Some((inner, kind, polymorphic)) = self.element_type_expr(t) else {
            self.error(span, "internal error: type of this element was not planned");
            return None;
        };
        let boxed = match (t, occurs) {
            // Vec has a size; a polymorphic enum boxes its own variants.
            (_, Occurs::Many { .. }) => false,
            _ if polymorphic => false,
            (TypeRef::Defined(target), _) => self.recursion.needs_box(owner, target),
            (TypeRef::Builtin(_), _) => false,
        };
        Some(FieldType {
            inner,
            kind,
            nillable,
            boxed,
            occurs,
        })
    }

    fn finish(
        mut self,
        operations: Vec<rust::OperationDef>,
        ports: Vec<rust::PortDef>,
    ) -> (RustCrate, Vec<Diagnostic>) {
        for key in self.options.renames.keys() {
            if !self.used_renames.contains(key) {
                self.diagnostics.push(Diagnostic::new(
                    crate::diagnostics::Severity::Warning,
                    None,
                    format!("rename '{key}' names nothing that is generated"),
                ));
            }
        }
        self.items
            .sort_by_key(|(module, span, seq, _)| (*module, span.file, span.start, *seq));
        for (module, _, _, item) in std::mem::take(&mut self.items) {
            if let Some(m) = self.modules.get_mut(module) {
                m.items.push(item);
            }
        }
        let mut consts = Scope::new();
        for (uri, ident) in &mut self.namespaces {
            *ident = consts.claim(idents::namespace_const(uri), names::Suffix::Snake);
        }
        let attributes = self.plan_attributes();
        let krate = RustCrate {
            runtime: self.options.runtime.clone(),
            namespaces: self.namespaces,
            modules: self.modules,
            operations,
            operations_module: RustIdent::plain(idents::OPERATIONS_MODULE),
            ports,
            ports_module: RustIdent::plain(idents::PORTS_MODULE),
            clients: self.options.clients,
            servers: self.options.servers,
            attributes,
        };
        (krate, self.diagnostics)
    }
}
