//! Dispatch for the readers xsdgen generates: a reader finds the particle
//! of each child in one step (a `match` on the local name, then the
//! namespace), and [`Sequence`] keeps the rules of the content model:
//! sequence order, occurrence limits, required particles, and which
//! particle takes an element several could (the first that still has room
//! at or after the current one: greedy, as content models that break the
//! Unique Particle Attribution rule are read).
//!
//! ```text
//! let next = &mut r.next_child()?;
//! while let Some(c) = next.take() {
//!     match c.local_name() {
//!         "Subject" if seq.at(r, &c, 0)? => subject = Some(xml::text(r, &c)?),
//!         _ => seq.unknown(r, &c)?,
//!     }
//!     *next = r.next_child()?;
//! }
//! seq.finish(r, next.as_ref())?;
//! ```
//!
//! The messages are those of a reader that tries the particles in order:
//! "expected element X, found Y" where a required particle is skipped,
//! "missing required element X" at the end, "unexpected element Y" for one
//! no particle takes, and the expected name in both namespaces when the
//! local name is right and the namespace is not.

use super::{Name, ReadError, ReadErrorKind, Start, Wildcard, XmlReader};

/// One particle of a content model. Built by the constructors, which are
/// `const` so that a generated reader's table is a constant.
#[derive(Debug, Clone, Copy)]
pub struct Particle {
    starts: Starts,
    min: u32,
    /// `u32::MAX` for unbounded.
    max: u32,
    wildcard: Option<Wildcard>,
}

/// The elements that can start a particle. One element is held by value
/// so that a table entry is one short line of generated code.
#[derive(Debug, Clone, Copy)]
enum Starts {
    One(Name),
    Many(&'static [Name]),
}

impl Particle {
    /// An element particle: `ns` is `""` for an unqualified element.
    pub const fn el(ns: &'static str, local: &'static str, min: u32, max: u32) -> Self {
        Self {
            starts: Starts::One(Name::new(ns, local)),
            min,
            max,
            wildcard: None,
        }
    }

    /// A nested group, started by any of `names` (its first set).
    pub const fn new(names: &'static [Name], min: u32, max: u32) -> Self {
        Self {
            starts: Starts::Many(names),
            min,
            max,
            wildcard: None,
        }
    }

    /// A wildcard.
    pub const fn any(wildcard: Wildcard, min: u32, max: u32) -> Self {
        Self {
            starts: Starts::Many(&[]),
            min,
            max,
            wildcard: Some(wildcard),
        }
    }

    /// A nested group that a wildcard can start, besides `names`.
    pub const fn group_any(names: &'static [Name], wildcard: Wildcard, min: u32, max: u32) -> Self {
        Self {
            starts: Starts::Many(names),
            min,
            max,
            wildcard: Some(wildcard),
        }
    }

    /// The elements that can start the particle: none for a wildcard.
    pub fn names(&self) -> &[Name] {
        match &self.starts {
            Starts::One(name) => std::slice::from_ref(name),
            Starts::Many(names) => names,
        }
    }

    pub fn min(&self) -> u32 {
        self.min
    }

    /// `u32::MAX` for unbounded.
    pub fn max(&self) -> u32 {
        self.max
    }

    fn starts_with(&self, r: &XmlReader<'_>, child: &Start<'_>) -> bool {
        self.names().iter().any(|n| r.is(child, *n))
    }
}

/// How the particles of a [`Sequence`] may follow each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// An element's content, in order: what no particle takes is an error.
    Sequence,
    /// `xs:all`: any order, each at most once.
    All,
    /// A nested sequence read in place among its parent's children: it
    /// ends, rather than fails, where its particles stop taking elements.
    Group,
}

/// The state of one content model being read: the current particle and
/// how often each has occurred. `N` is the number of particles.
#[derive(Debug)]
pub struct Sequence<const N: usize> {
    particles: &'static [Particle],
    order: Order,
    pos: usize,
    counts: [u32; N],
    taken: bool,
}

impl<const N: usize> Sequence<N> {
    pub fn new(particles: &'static [Particle], order: Order) -> Self {
        Self {
            particles,
            order,
            pos: 0,
            counts: [0; N],
            taken: false,
        }
    }

    /// Whether particle `i` takes `child` here. `false` when the
    /// namespace is not the particle's, or, in a nested group, when the
    /// group ends before `child`; an error when `child` breaks the order
    /// or the limits of an element's content.
    pub fn at(
        &mut self,
        r: &XmlReader<'_>,
        child: &Start<'_>,
        i: usize,
    ) -> Result<bool, ReadError> {
        let Some(p) = self.particles.get(i) else {
            return Ok(false);
        };
        if !p.starts_with(r, child) {
            return Ok(false);
        }
        self.claim(r, child, i)
    }

    /// Reads `child` into `slot` with `read` if particle `i` takes it
    /// here, or hands it to [`Self::unknown`]: a whole `match` arm of an
    /// element's content in one call, for content without wildcards.
    pub fn take<T>(
        &mut self,
        r: &mut XmlReader<'_>,
        child: &Start<'_>,
        i: usize,
        slot: &mut Option<T>,
        read: impl FnOnce(&mut XmlReader<'_>, &Start<'_>) -> Result<T, ReadError>,
    ) -> Result<(), ReadError> {
        if self.at(r, child, i)? {
            *slot = Some(read(r, child)?);
            Ok(())
        } else {
            self.unknown(r, child)
        }
    }

    /// [`Self::take`] for a repeated particle.
    pub fn push<T>(
        &mut self,
        r: &mut XmlReader<'_>,
        child: &Start<'_>,
        i: usize,
        slot: &mut Vec<T>,
        read: impl FnOnce(&mut XmlReader<'_>, &Start<'_>) -> Result<T, ReadError>,
    ) -> Result<(), ReadError> {
        if self.at(r, child, i)? {
            slot.push(read(r, child)?);
            Ok(())
        } else {
            self.unknown(r, child)
        }
    }

    /// The first of `candidates` (particles taking `child`'s local name)
    /// that takes `child` here.
    pub fn pick(
        &mut self,
        r: &XmlReader<'_>,
        child: &Start<'_>,
        candidates: &[usize],
    ) -> Result<Option<usize>, ReadError> {
        let fits = |s: &Self, i: usize| {
            s.particles.get(i).is_some_and(|p| p.starts_with(r, child)) && s.has_room(i)
        };
        let found = candidates
            .iter()
            .copied()
            .find(|&i| (self.order == Order::All || i >= self.pos) && fits(self, i))
            .or_else(|| candidates.iter().copied().find(|&i| fits(self, i)));
        match found {
            Some(i) if self.claim(r, child, i)? => Ok(Some(i)),
            _ => Ok(None),
        }
    }

    /// The first wildcard particle of `candidates` that takes `child`.
    pub fn wildcard(
        &mut self,
        r: &XmlReader<'_>,
        child: &Start<'_>,
        candidates: &[usize],
    ) -> Result<Option<usize>, ReadError> {
        let ns = r.namespace_of(child);
        let found = candidates.iter().copied().find(|&i| {
            (self.order == Order::All || i >= self.pos)
                && self.has_room(i)
                && self
                    .particles
                    .get(i)
                    .and_then(|p| p.wildcard)
                    .is_some_and(|w| w.matches(ns))
        });
        match found {
            Some(i) if self.claim(r, child, i)? => Ok(Some(i)),
            _ => Ok(None),
        }
    }

    /// `child`, which no particle took. An element the content model
    /// names is misplaced: an error. One it does not name is undeclared
    /// here: an error, or skipped with a warning, as the reader's
    /// [`super::Undeclared`] policy says.
    pub fn unknown(&mut self, r: &mut XmlReader<'_>, child: &Start<'_>) -> Result<(), ReadError> {
        let declared = self.particles.iter().any(|p| p.starts_with(r, child));
        let error = self.no_place(r, child);
        if declared {
            return Err(error);
        }
        r.undeclared(error)?;
        r.skip()
    }

    /// After the last child (`next` is the lookahead a nested group leaves
    /// to its parent): every required particle must have occurred.
    pub fn finish(&self, r: &XmlReader<'_>, next: Option<&Start<'_>>) -> Result<(), ReadError> {
        let from = if self.order == Order::All {
            0
        } else {
            self.pos
        };
        match self.first_unmet(from, self.particles.len()) {
            Some(p) => Err(expected(r, next, p)),
            None => Ok(()),
        }
    }

    /// Whether a nested group took anything: if not, it is not there.
    pub fn taken(&self) -> bool {
        self.taken
    }

    fn has_room(&self, i: usize) -> bool {
        match (self.particles.get(i), self.counts.get(i)) {
            (Some(p), Some(&count)) => count < p.max,
            _ => false,
        }
    }

    fn claim(&mut self, r: &XmlReader<'_>, child: &Start<'_>, i: usize) -> Result<bool, ReadError> {
        let fail = |s: &Self, e: ReadError| match s.order {
            Order::Group => Ok(false),
            Order::Sequence | Order::All => Err(e),
        };
        if self.order == Order::All {
            if !self.has_room(i) {
                return fail(self, r.duplicate(child));
            }
        } else if i < self.pos || !self.has_room(i) {
            return fail(self, self.no_place(r, child));
        } else if let Some(p) = self.first_unmet(self.pos, i) {
            return fail(self, expected(r, Some(child), p));
        }
        if let Some(count) = self.counts.get_mut(i) {
            *count += 1;
        }
        if self.order != Order::All {
            self.pos = i;
        }
        self.taken = true;
        Ok(true)
    }

    /// The first particle in `from..to` that has not occurred often enough.
    fn first_unmet(&self, from: usize, to: usize) -> Option<&'static Particle> {
        let particles: &'static [Particle] = self.particles;
        (from..to).find_map(|j| {
            let p = particles.get(j)?;
            let count = self.counts.get(j).copied().unwrap_or(0);
            (count < p.min).then_some(p)
        })
    }

    /// The error for `child` where it stands.
    fn no_place(&self, r: &XmlReader<'_>, child: &Start<'_>) -> ReadError {
        let from = if self.order == Order::All {
            0
        } else {
            self.pos
        };
        if let Some(p) = self.first_unmet(from, self.particles.len()) {
            return expected(r, Some(child), p);
        }
        // The right local name in another namespace is the usual mistake.
        let namesake = self
            .particles
            .iter()
            .flat_map(|p| p.names().iter())
            .find(|n| n.local == child.local_name() && !r.is(child, **n));
        match namesake {
            Some(name) => r.unexpected(child, *name),
            None => r.extra(child),
        }
    }
}

fn expected(r: &XmlReader<'_>, found: Option<&Start<'_>>, p: &Particle) -> ReadError {
    if p.names().is_empty() {
        return match found {
            Some(found) => r.extra(found),
            None => r.error(ReadErrorKind::MissingElement(
                "an element of the wildcard".to_owned(),
            )),
        };
    }
    r.expected_one_of(found, p.names())
}

impl XmlReader<'_> {
    /// The rest of an element whose type has no element content: any child
    /// is undeclared there (see [`Sequence::unknown`]).
    pub fn end_empty(&mut self) -> Result<(), ReadError> {
        while let Some(child) = self.next_child()? {
            let error = self.extra(&child);
            self.undeclared(error)?;
            self.skip()?;
        }
        Ok(())
    }
}

/// The value of the nested group of particle `p`, whose first element is
/// the lookahead `next`: `read` is the group's reader, and a group that
/// does not start there is an error naming what would have started it.
pub fn group<'i, T>(
    r: &mut XmlReader<'i>,
    next: &mut Option<Start<'i>>,
    p: &Particle,
    read: impl FnOnce(&mut XmlReader<'i>, &mut Option<Start<'i>>) -> Result<Option<T>, ReadError>,
) -> Result<T, ReadError> {
    match read(r, next)? {
        Some(v) => Ok(v),
        None => Err(r.expected_one_of(next.as_ref(), p.names())),
    }
}

/// The value of the required particle `p`, which [`Sequence::finish`]
/// has checked is there.
pub fn present<T>(value: Option<T>, r: &XmlReader<'_>, p: &Particle) -> Result<T, ReadError> {
    value.ok_or_else(|| expected(r, None, p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::{ReadOptions, Undeclared};

    const A: Name = Name::new("urn:t", "a");
    const B: Name = Name::new("urn:t", "b");
    const P: &[Particle] = &[Particle::new(&[A], 0, 2), Particle::new(&[B], 1, 1)];

    /// Reads `<p>` with the content model (a{0,2}, b), naming what each
    /// child went to.
    fn read(xml: &str, options: ReadOptions) -> Result<Vec<&'static str>, ReadError> {
        let mut r = XmlReader::with_options(xml, options);
        r.root()?;
        let mut seq = Sequence::<2>::new(P, Order::Sequence);
        let mut out = Vec::new();
        let next = &mut r.next_child()?;
        while let Some(child) = next.take() {
            match child.local_name() {
                "a" if seq.at(&r, &child, 0)? => {
                    out.push("a");
                    r.skip()?;
                }
                "b" if seq.at(&r, &child, 1)? => {
                    out.push("b");
                    r.skip()?;
                }
                _ => seq.unknown(&mut r, &child)?,
            }
            *next = r.next_child()?;
        }
        seq.finish(&r, None)?;
        Ok(out)
    }

    fn kind(xml: &str) -> ReadErrorKind {
        read(xml, ReadOptions::default()).unwrap_err().kind.clone()
    }

    #[test]
    fn order_limits_and_messages() {
        let ok = read(
            r#"<p xmlns="urn:t"><a/><a/><b/></p>"#,
            ReadOptions::default(),
        );
        assert_eq!(ok.unwrap(), ["a", "a", "b"]);
        assert_eq!(
            kind(r#"<p xmlns="urn:t"><a/><a/><a/><b/></p>"#),
            ReadErrorKind::UnexpectedElement {
                expected: "{urn:t}b".into(),
                found: "{urn:t}a".into()
            }
        );
        assert_eq!(
            kind(r#"<p xmlns="urn:t"><a/></p>"#),
            ReadErrorKind::MissingElement("{urn:t}b".into())
        );
        assert_eq!(
            kind(r#"<p xmlns="urn:t"><b/><a/></p>"#),
            ReadErrorKind::ExtraElement {
                found: "{urn:t}a".into()
            }
        );
        assert_eq!(
            kind(r#"<p xmlns="urn:t"><b xmlns="https://t"/></p>"#),
            ReadErrorKind::UnexpectedElement {
                expected: "{urn:t}b".into(),
                found: "{https://t}b".into()
            }
        );
    }

    #[test]
    fn undeclared_elements_follow_the_policy() {
        let xml = r#"<p xmlns="urn:t"><a/><x><y/></x><b/></p>"#;
        assert_eq!(
            kind(xml),
            ReadErrorKind::UnexpectedElement {
                expected: "{urn:t}b".into(),
                found: "{urn:t}x".into()
            }
        );
        let skip = ReadOptions {
            undeclared: Undeclared::Skip,
        };
        assert_eq!(read(xml, skip).unwrap(), ["a", "b"]);
        // A declared element out of place is an error whatever the policy.
        assert!(read(r#"<p xmlns="urn:t"><b/><a/></p>"#, skip).is_err());
    }

    #[test]
    fn the_first_candidate_with_room_is_greedy() {
        const Q: &[Particle] = &[
            Particle::new(&[A], 0, 1),
            Particle::new(&[A, B], 0, u32::MAX),
        ];
        let mut r = XmlReader::new(r#"<p xmlns="urn:t"><a/><a/><b/><a/></p>"#);
        r.root().unwrap();
        let mut seq = Sequence::<2>::new(Q, Order::Sequence);
        let mut picks = Vec::new();
        let next = &mut r.next_child().unwrap();
        while let Some(child) = next.take() {
            picks.push(seq.pick(&r, &child, &[0, 1]).unwrap());
            r.skip().unwrap();
            *next = r.next_child().unwrap();
        }
        assert_eq!(picks, [Some(0), Some(1), Some(1), Some(1)]);
    }
}
