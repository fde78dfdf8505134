//! Why an item is generated: the chain of references from a root to it,
//! read off the edges [`super::reach`] records.
//!
//! Names are written as [`crate::Config::rename`] keys are: `{uri}local`
//! or a local name, optionally prefixed with `type:` or `element:`.

use std::fmt::Write as _;

use super::reach::{Item, Via, operations};
use super::tree_shake::{Roots, reach};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity, Span, line_col};
use crate::load::SourceSet;
use crate::model::{Model, QName, TypeId};

/// One reference of a chain: what was reached and how, and where the
/// reference is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// `operation ConvertId`, `field ResponseMessages: type
    /// ArrayOfResponseMessagesType`, ...
    pub text: String,
    pub span: Span,
}

/// The references from a root to an item, root first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub steps: Vec<Step>,
}

impl Chain {
    /// One step a line, each after `-> ` but the root, followed by
    /// `(path:line:col)`.
    pub fn render(&self, sources: &SourceSet) -> String {
        let mut out = String::new();
        for (i, step) in self.steps.iter().enumerate() {
            let arrow = if i == 0 { "" } else { "  -> " };
            let _ = write!(out, "{arrow}{}", step.text);
            if let Some(file) = sources.file(step.span.file) {
                let (line, col) = line_col(&file.text, step.span.start as usize);
                let _ = write!(out, "  ({}:{line}:{col})", file.path.display());
            }
            out.push('\n');
        }
        out
    }
}

/// The chain from one of `roots` to the element or type `name`. A root
/// that names nothing is reported into `diagnostics`; a `name` that names
/// nothing, names several items, or names an item the roots do not reach
/// is the error returned.
pub fn explain(
    model: &Model,
    roots: &Roots,
    name: &str,
    diagnostics: &mut Diagnostics,
) -> Result<Chain, Diagnostic> {
    let item = lookup(model, name)?;
    let reach = reach(model, roots, diagnostics);
    let edges = reach.chain(item);
    if edges.is_empty() {
        let what = describe(model, item);
        return Err(Diagnostic::new(
            Severity::Error,
            Some(span_of(model, item)),
            format!("{what} is not reached from the roots, so it is not generated"),
        ));
    }
    let names = Names { model };
    let steps = edges
        .into_iter()
        .map(|(item, edge)| Step {
            text: names.step(item, &edge.via),
            span: edge.span,
        })
        .collect();
    Ok(Chain { steps })
}

/// The item `name` designates.
fn lookup(model: &Model, name: &str) -> Result<Item, Diagnostic> {
    let (kinds, rest): (&[&str], &str) = if let Some(rest) = name.strip_prefix("type:") {
        (&["type"], rest)
    } else if let Some(rest) = name.strip_prefix("element:") {
        (&["element"], rest)
    } else {
        (&["element", "type"], name)
    };
    let wanted = rest
        .strip_prefix('{')
        .and_then(|r| r.split_once('}'))
        .map(|(ns, local)| QName::new(Some(ns), local));
    let is = |q: &QName| match &wanted {
        Some(w) => q == w,
        None => q.local == rest,
    };
    let mut found: Vec<(String, Item)> = Vec::new();
    if kinds.contains(&"element") {
        found.extend(
            (model.element_index.iter().filter(|(q, _)| is(q)))
                .map(|(q, id)| (format!("element:{q}"), Item::Element(*id))),
        );
    }
    if kinds.contains(&"type") {
        found.extend(
            (model.type_index.iter().filter(|(q, _)| is(q)))
                .map(|(q, id)| (format!("type:{q}"), Item::Type(*id))),
        );
    }
    match found.as_slice() {
        [(_, item)] => Ok(*item),
        [] => {
            let local = wanted.as_ref().map_or(rest, |w| w.local.as_str());
            let close = close_matches(model, local);
            let hint = if close.is_empty() {
                String::new()
            } else {
                format!("; close matches: {}", close.join(", "))
            };
            Err(Diagnostic::new(
                Severity::Error,
                None,
                format!("'{name}' names no element or type of the schemas{hint}"),
            ))
        }
        several => {
            let names: Vec<&str> = several.iter().map(|(n, _)| n.as_str()).collect();
            Err(Diagnostic::new(
                Severity::Error,
                None,
                format!("'{name}' is ambiguous: write one of {}", names.join(", ")),
            ))
        }
    }
}

/// Up to five local names within a small edit distance of `local`,
/// nearest first.
fn close_matches(model: &Model, local: &str) -> Vec<String> {
    let limit = (local.chars().count() / 3).max(2);
    let lower = local.to_lowercase();
    let mut scored: Vec<(usize, String)> = model
        .element_index
        .keys()
        .chain(model.type_index.keys())
        .map(|q| (distance(&lower, &q.local.to_lowercase()), q.local.clone()))
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(5).map(|(_, n)| n).collect()
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(diagonal + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

fn span_of(model: &Model, item: Item) -> Span {
    match item {
        Item::Element(id) => model.element(id).span,
        Item::Type(id) => model.type_span(id),
        Item::Operation(i) => operations(model)
            .nth(i)
            .map(|op| op.span)
            .unwrap_or_default(),
    }
}

fn describe(model: &Model, item: Item) -> String {
    Names { model }.item(item)
}

struct Names<'m> {
    model: &'m Model,
}

impl Names<'_> {
    fn step(&self, item: Item, via: &Via) -> String {
        let it = self.item(item);
        match via {
            Via::Root => it,
            Via::Message(role) => format!("{role} {it}"),
            Via::ElementType => it,
            Via::Substitute => format!("substitute {it}"),
            Via::Derived { base, field } => {
                let base = self.type_name(*base);
                match field {
                    Some(f) => format!("derived {it} (xsi:type on {}: {base})", f.local),
                    None => format!("derived {it} (xsi:type for {base})"),
                }
            }
            Via::Base => format!("base {it}"),
            Via::ListItem => format!("list item {it}"),
            Via::UnionMember => format!("union member {it}"),
            Via::Attribute(a) => format!("attribute {}: {it}", a.local),
            Via::SimpleContent => format!("content {it}"),
            Via::Field { name, branch } => {
                let kind = if *branch { "branch" } else { "field" };
                format!("{kind} {}: {it}", name.local)
            }
            Via::Ref { branch: true } => format!("branch {it}"),
            Via::Ref { branch: false } => it,
        }
    }

    fn item(&self, item: Item) -> String {
        match item {
            Item::Operation(i) => {
                let name = operations(self.model).nth(i).map_or("?", |op| &op.name);
                format!("operation {name}")
            }
            Item::Element(id) => {
                let name = &self.model.element(id).name;
                format!("element {}", short(name, &self.model.element_index))
            }
            Item::Type(id) => format!("type {}", self.type_name(id)),
        }
    }

    fn type_name(&self, id: TypeId) -> String {
        let def = self.model.ty(id);
        match &def.name {
            Some(name) => short(name, &self.model.type_index),
            None => format!("(anonymous, in {})", def.name_hint),
        }
    }
}

/// The local name when no other namespace declares it, else `{uri}local`.
fn short<Id>(name: &QName, index: &std::collections::BTreeMap<QName, Id>) -> String {
    let shared = index
        .keys()
        .filter(|q| q.local == name.local)
        .nth(1)
        .is_some();
    if shared {
        name.to_string()
    } else {
        name.local.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn edit_distance() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }
}
