//! Types that contain themselves by value, directly or through others.
//!
//! A Rust struct cannot contain itself, so a field whose type leads back to
//! the struct must be boxed. The graph has an edge from a complex type to
//! every complex type it holds by value: its base (whose fields it
//! inlines) and the types of its elements that occur at most once (an
//! element under a repeated particle is a `Vec`, which already has a
//! size). A field needs a `Box` when its type is in the same strongly
//! connected component as the type holding it and that component has a
//! cycle. Boxing every such field is more than the minimum, but it is
//! deterministic and does not depend on which type is visited first.

use super::Polymorphism;
use crate::model::{Content, MaxOccurs, Model, Particle, Term, TypeId, TypeKind, TypeRef};

/// The strongly connected components of the by-value containment graph.
#[derive(Debug, Clone, Default)]
pub struct Recursion {
    /// Component of each type, by [`TypeId`] index.
    component: Vec<usize>,
    /// Whether each component contains a cycle.
    cyclic: Vec<bool>,
}

impl Recursion {
    /// Whether a by-value field of type `target` in the type `owner` must
    /// be boxed.
    pub fn needs_box(&self, owner: TypeId, target: TypeId) -> bool {
        match (
            self.component.get(owner.index()),
            self.component.get(target.index()),
        ) {
            (Some(a), Some(b)) => a == b && self.cyclic.get(*a).copied().unwrap_or(false),
            _ => false,
        }
    }

    /// Whether `id` is part of a containment cycle.
    pub fn is_recursive(&self, id: TypeId) -> bool {
        self.needs_box(id, id)
    }
}

/// Computes the components (Tarjan's algorithm, iterative).
pub fn recursion(model: &Model, poly: &Polymorphism) -> Recursion {
    let edges: Vec<Vec<usize>> = model
        .type_ids()
        .map(|id| by_value(model, poly, id))
        .collect();
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![usize::MAX; n];
    let mut cyclic = Vec::new();
    let mut counter = 0;

    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, next edge to visit)
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            if *next == 0 && index[v] == usize::MAX {
                index[v] = counter;
                low[v] = counter;
                counter += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*next) {
                *next += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let c = cyclic.len();
                let mut members = 0;
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = c;
                    members += 1;
                    if w == v {
                        break;
                    }
                }
                cyclic.push(members > 1 || edges[v].contains(&v));
            }
        }
    }
    Recursion { component, cyclic }
}

/// The complex types `id` holds by value: with an element of a polymorphic
/// type or a substitution group head, every candidate.
fn by_value(model: &Model, poly: &Polymorphism, id: TypeId) -> Vec<usize> {
    let mut out = Vec::new();
    let TypeKind::Complex(c) = &model.ty(id).kind else {
        return out;
    };
    if let Some((TypeRef::Defined(base), _)) = c.base {
        push_complex(model, base, &mut out);
    }
    if let Content::Elements(p) = &c.content {
        particle(model, poly, p, false, &mut out);
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn particle(
    model: &Model,
    poly: &Polymorphism,
    p: &Particle,
    repeated: bool,
    out: &mut Vec<usize>,
) {
    let repeated =
        repeated || p.max_occurs != MaxOccurs::Bounded(1) && p.max_occurs != MaxOccurs::Bounded(0);
    match &p.term {
        Term::Element(e) if !repeated => {
            let heads = e.global.and_then(|g| poly.substitutes(g));
            let types: Vec<TypeRef> = match heads {
                Some(members) => members.iter().map(|m| model.element(*m).type_ref).collect(),
                None => vec![e.type_ref],
            };
            for t in types {
                if let TypeRef::Defined(t) = t {
                    push_complex(model, t, out);
                    for &d in poly.derived(t).unwrap_or_default() {
                        push_complex(model, d, out);
                    }
                }
            }
        }
        Term::Element(_) => {}
        Term::Sequence(ps) | Term::Choice(ps) | Term::All(ps) => {
            ps.iter()
                .for_each(|p| particle(model, poly, p, repeated, out));
        }
        Term::Any(_) => {}
    }
}

fn push_complex(model: &Model, id: TypeId, out: &mut Vec<usize>) {
    if matches!(model.ty(id).kind, TypeKind::Complex(_)) {
        out.push(id.index());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Builtin, ComplexType, ElementUse, QName, TypeDef};

    fn element(name: &str, t: TypeRef, max: u32) -> Particle {
        Particle {
            min_occurs: 0,
            max_occurs: MaxOccurs::Bounded(max),
            term: Term::Element(ElementUse {
                name: QName::new(None, name),
                type_ref: t,
                global: None,
                nillable: false,
                default: None,
                fixed: None,
                doc: None,
                span: Default::default(),
            }),
            span: Default::default(),
        }
    }

    /// A complex type with empty content, to be filled by `set_sequence`.
    fn declare(model: &mut Model, name: &str) -> TypeId {
        model.add_type(TypeDef {
            name: Some(QName::new(None, name)),
            name_hint: name.to_owned(),
            namespace: None,
            doc: None,
            span: Default::default(),
            kind: TypeKind::Complex(ComplexType::empty()),
        })
    }

    fn set_sequence(model: &mut Model, id: TypeId, particles: Vec<Particle>) {
        if let TypeKind::Complex(c) = &mut model.ty_mut(id).kind {
            c.content = Content::Elements(Particle {
                min_occurs: 1,
                max_occurs: MaxOccurs::Bounded(1),
                term: Term::Sequence(particles),
                span: Default::default(),
            });
        }
    }

    #[test]
    fn cycles_by_value_need_boxes_and_lists_do_not() {
        let mut model = Model::default();
        let [a, b, c, d, e] = ["A", "B", "C", "D", "E"].map(|n| declare(&mut model, n));
        // A and B hold each other; C holds a list of C; D holds itself; E
        // holds A from outside the cycle.
        set_sequence(&mut model, a, vec![element("b", TypeRef::Defined(b), 1)]);
        set_sequence(&mut model, b, vec![element("a", TypeRef::Defined(a), 1)]);
        set_sequence(&mut model, c, vec![element("c", TypeRef::Defined(c), 5)]);
        set_sequence(&mut model, d, vec![element("d", TypeRef::Defined(d), 1)]);
        let int = TypeRef::Builtin(Builtin::Int);
        set_sequence(
            &mut model,
            e,
            vec![element("a", TypeRef::Defined(a), 1), element("n", int, 1)],
        );

        let r = recursion(&model, &Polymorphism::default());
        assert!(r.needs_box(a, b) && r.needs_box(b, a));
        assert!(r.is_recursive(d));
        assert!(!r.is_recursive(c), "a Vec already breaks the cycle");
        assert!(!r.needs_box(e, a), "E is outside the cycle");
        assert!(!r.is_recursive(e));
    }
}
