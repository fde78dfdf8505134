//! The symbol tables of lowering: every global declaration of every schema
//! and WSDL by expanded name, with the effective context of its schema
//! (target namespace after chameleon includes, form defaults). Duplicate
//! names are reported here: the error at the second definition, a note at
//! the first.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{Diagnostic, Diagnostics, FileId, Span};
use crate::load::{LinkKind, SourceSet};
use crate::model::QName;
use crate::parse::original_name;
use crate::syntax::{
    AttributeDecl, AttributeGroup, Binding, ElementDecl, Form, Group, Message, PortType,
    RedefinedKind, Schema, SchemaSet, TypeDefinition,
};

/// What local declarations of a schema need to know about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SchemaCx<'s> {
    pub tns: Option<&'s str>,
    pub element_form: Form,
    pub attribute_form: Form,
}

impl SchemaCx<'_> {
    pub(crate) fn global(&self, local: &str) -> QName {
        QName::new(self.tns, local)
    }

    /// The wire name of a local element or attribute.
    pub(crate) fn local(&self, local: &str, form: Form) -> QName {
        match form {
            Form::Qualified => QName::new(self.tns, local),
            Form::Unqualified => QName::new(None, local),
        }
    }
}

pub(crate) type Entry<'s, T> = (&'s T, SchemaCx<'s>);

#[derive(Default)]
pub(crate) struct Index<'s> {
    /// Named types and global elements in document order, duplicates left
    /// out: these get the arena ids, in this order.
    pub types: Vec<(QName, Entry<'s, TypeDefinition>)>,
    pub elements: Vec<(QName, Entry<'s, ElementDecl>)>,
    pub groups: BTreeMap<QName, Entry<'s, Group>>,
    pub attribute_groups: BTreeMap<QName, Entry<'s, AttributeGroup>>,
    pub attributes: BTreeMap<QName, Entry<'s, AttributeDecl>>,
    pub messages: BTreeMap<QName, &'s Message>,
    pub port_types: BTreeMap<QName, &'s PortType>,
    pub bindings: BTreeMap<QName, &'s Binding>,
    /// Files of schemas without a target namespace that are included into
    /// one (chameleon includes), with the namespace they take.
    pub chameleons: BTreeMap<FileId, String>,
}

/// First definitions, for duplicate detection: (symbol space, name) -> span.
type Seen = BTreeMap<(&'static str, QName), Span>;

pub(crate) fn build<'s>(
    sources: &SourceSet,
    set: &'s SchemaSet,
    diags: &mut Diagnostics,
) -> Index<'s> {
    let namespaces = effective_namespaces(sources, set, diags);
    let mut chameleons = BTreeMap::new();
    for (schema, tns) in set.schemas.iter().zip(&namespaces) {
        if let (None, Some(ns), false) = (&schema.target_namespace, tns, schema.embedded) {
            chameleons.insert(schema.file, (*ns).to_owned());
        }
    }
    // Components some `xs:redefine` replaces: their originals are filed
    // under `{name}Original`, which the redefinitions refer to.
    let redefined: BTreeSet<(RedefinedKind, QName)> = set
        .schemas
        .iter()
        .zip(&namespaces)
        .flat_map(|(schema, tns)| {
            schema
                .redefines
                .iter()
                .map(|r| (r.kind, QName::new(tns.as_deref(), &r.name)))
        })
        .collect();
    let named = |schema: &Schema, kind: RedefinedKind, qname: QName| -> QName {
        let own = schema
            .redefines
            .iter()
            .any(|r| r.kind == kind && r.name == qname.local);
        if !own && redefined.contains(&(kind, qname.clone())) {
            QName::new(qname.namespace.as_deref(), &original_name(&qname.local))
        } else {
            qname
        }
    };
    let mut index = Index {
        chameleons,
        ..Index::default()
    };
    let mut seen = Seen::new();
    for (schema, tns) in set.schemas.iter().zip(namespaces) {
        let cx = SchemaCx {
            tns,
            element_form: schema.element_form_default,
            attribute_form: schema.attribute_form_default,
        };
        for def in &schema.types {
            let Some(name) = def.name() else { continue };
            let qname = named(schema, RedefinedKind::Type, cx.global(name));
            if first(&mut seen, diags, "type", &qname, def.span()) {
                index.types.push((qname, (def, cx)));
            }
        }
        for decl in &schema.elements {
            let Some(name) = &decl.name else { continue };
            let qname = cx.global(name);
            if first(&mut seen, diags, "element", &qname, decl.span) {
                index.elements.push((qname, (decl, cx)));
            }
        }
        for g in &schema.groups {
            let qname = named(schema, RedefinedKind::Group, cx.global(&g.name));
            if first(&mut seen, diags, "group", &qname, g.span) {
                index.groups.insert(qname, (g, cx));
            }
        }
        for g in &schema.attribute_groups {
            let qname = named(schema, RedefinedKind::AttributeGroup, cx.global(&g.name));
            if first(&mut seen, diags, "attribute group", &qname, g.span) {
                index.attribute_groups.insert(qname, (g, cx));
            }
        }
        for a in &schema.attributes {
            let Some(name) = &a.name else { continue };
            let qname = cx.global(name);
            if first(&mut seen, diags, "attribute", &qname, a.span) {
                index.attributes.insert(qname, (a, cx));
            }
        }
    }
    for wsdl in &set.wsdls {
        let tns = wsdl.target_namespace.as_deref();
        for m in &wsdl.messages {
            let qname = QName::new(tns, &m.name);
            if first(&mut seen, diags, "message", &qname, m.span) {
                index.messages.insert(qname, m);
            }
        }
        for p in &wsdl.port_types {
            let qname = QName::new(tns, &p.name);
            if first(&mut seen, diags, "portType", &qname, p.span) {
                index.port_types.insert(qname, p);
            }
        }
        for b in &wsdl.bindings {
            let qname = QName::new(tns, &b.name);
            if first(&mut seen, diags, "binding", &qname, b.span) {
                index.bindings.insert(qname, b);
            }
        }
    }
    index
}

/// Records a definition; false (with an error) if the name was taken.
fn first(
    seen: &mut Seen,
    diags: &mut Diagnostics,
    space: &'static str,
    name: &QName,
    span: Span,
) -> bool {
    match seen.get(&(space, name.clone())) {
        Some(&earlier) => {
            let ns = match &name.namespace {
                Some(ns) => format!("namespace '{ns}'"),
                None => "no namespace".to_owned(),
            };
            diags.push(
                Diagnostic::error(span, format!("duplicate {space} '{}' in {ns}", name.local))
                    .with_note(earlier, "first defined here"),
            );
            false
        }
        None => {
            seen.insert((space, name.clone()), span);
            true
        }
    }
}

/// The target namespace each schema's components live in: its own, or for
/// a schema without one that is included (chameleon include), the
/// including schema's. Also checks that includes and imports agree with
/// the namespaces of the files they reach.
fn effective_namespaces<'s>(
    sources: &SourceSet,
    set: &'s SchemaSet,
    diags: &mut Diagnostics,
) -> Vec<Option<&'s str>> {
    let mut tns: Vec<Option<&'s str>> = set
        .schemas
        .iter()
        .map(|s| s.target_namespace.as_deref())
        .collect();
    // Whole-file schemas by file, the only ones an include can reach.
    let by_file: BTreeMap<_, usize> = set
        .schemas
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.embedded)
        .map(|(i, s)| (s.file, i))
        .collect();
    let links: BTreeMap<Span, _> = sources.links().iter().map(|l| (l.span, l)).collect();
    let target_of = |span: &Span| {
        links
            .get(span)
            .and_then(|l| l.target)
            .and_then(|f| by_file.get(&f).copied())
    };

    // Chameleon includes can chain; a few rounds settle any real schema
    // set, and the bound keeps a hostile one linear.
    let mut includes = Vec::new();
    for (i, schema) in set.schemas.iter().enumerate() {
        for inc in &schema.includes {
            if let Some(j) = target_of(&inc.span) {
                includes.push((i, j, inc.span));
            }
        }
    }
    for _ in 0..8 {
        let mut changed = false;
        for &(i, j, _) in &includes {
            if set
                .schemas
                .get(j)
                .is_some_and(|s| s.target_namespace.is_none())
                && tns.get(j).copied().flatten().is_none()
            {
                let outer = tns.get(i).copied().flatten();
                if let (Some(ns), Some(slot)) = (outer, tns.get_mut(j)) {
                    *slot = Some(ns);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    for &(i, j, span) in &includes {
        let (outer, inner) = (tns.get(i).copied().flatten(), tns.get(j).copied().flatten());
        if outer != inner {
            diags.error(
                span,
                format!(
                    "the included schema has target namespace '{}', but the including schema has '{}'",
                    inner.unwrap_or(""),
                    outer.unwrap_or("")
                ),
            );
        }
    }
    for schema in &set.schemas {
        check_imports(schema, &links, &by_file, set, diags);
    }
    tns
}

fn check_imports(
    schema: &Schema,
    links: &BTreeMap<Span, &crate::load::Link>,
    by_file: &BTreeMap<crate::diagnostics::FileId, usize>,
    set: &SchemaSet,
    diags: &mut Diagnostics,
) {
    for import in &schema.imports {
        let Some(link) = links.get(&import.span) else {
            continue;
        };
        if link.kind != LinkKind::Import || import.location.is_none() {
            continue;
        }
        let Some(target) = link
            .target
            .and_then(|f| by_file.get(&f))
            .and_then(|&j| set.schemas.get(j))
        else {
            continue;
        };
        if target.target_namespace != import.namespace {
            diags.error(
                import.span,
                format!(
                    "the imported schema has target namespace '{}', but the import names '{}'",
                    target.target_namespace.as_deref().unwrap_or(""),
                    import.namespace.as_deref().unwrap_or("")
                ),
            );
        }
    }
}
