//! The traversal behind [`super::load`]: a work list of files, each read,
//! scanned for references, and its references queued once.
//!
//! A location is looked up, in order: in [`LoadOptions::locations`] (as
//! written, then as joined onto the including file's path), in the
//! catalogs, and on disk relative to the including file. A remote location
//! that nothing maps is not fatal for an import whose namespace the files
//! given declare: such imports are settled by namespace once everything
//! else is read, like imports without a location.

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};

use super::catalog::{Catalog, CatalogFile};
use super::discover::{Reference, discover};
use super::files::Files;
use super::read::{ReadError, read_source};
use super::xml::{XML_NS, clamp_u32, parse_xml};
use super::{FileKind, Link, LinkKind, LoadOptions, SourceFile, SourceSet, builtin_xml, paths};
use crate::diagnostics::render::io_reason;
use crate::diagnostics::{Diagnostic, Diagnostics, Error, FileId, Span};

pub(crate) struct Loader<'d> {
    files: &'d dyn Files,
    options: &'d LoadOptions,
    catalog: Catalog,
    /// Links (by index) to a remote location that nothing mapped, settled
    /// by namespace at the end.
    remote: Vec<usize>,
    set: SourceSet,
    by_canonical: BTreeMap<PathBuf, FileId>,
    queue: VecDeque<FileId>,
    diagnostics: &'d mut Diagnostics,
}

impl<'d> Loader<'d> {
    pub(crate) fn new(
        files: &'d dyn Files,
        options: &'d LoadOptions,
        diagnostics: &'d mut Diagnostics,
    ) -> Self {
        Self {
            files,
            options,
            catalog: Catalog::default(),
            remote: Vec::new(),
            set: SourceSet::default(),
            by_canonical: BTreeMap::new(),
            queue: VecDeque::new(),
            diagnostics,
        }
    }

    pub(crate) fn run(mut self, inputs: &[PathBuf]) -> Result<SourceSet, Error> {
        self.read_catalogs()?;
        for input in inputs {
            let io = |source| Error::Io {
                path: input.clone(),
                source,
            };
            let canonical = self.files.canonical(input).map_err(io)?;
            if let Some(&id) = self.by_canonical.get(&canonical) {
                if let Some(file) = self.set.files.get_mut(id.0 as usize) {
                    file.is_input = true;
                }
                continue;
            }
            let text = match read_source(self.files, &canonical) {
                Ok(text) => text,
                Err(ReadError::Io(source)) => return Err(io(source)),
                Err(ReadError::Encoding { text, offset, what }) => {
                    let id = self.add(input.clone(), Some(canonical), text, true);
                    self.encoding_error(id, offset, what);
                    continue;
                }
            };
            let id = self.add(input.clone(), Some(canonical), text, true);
            self.queue.push_back(id);
        }
        while let Some(id) = self.queue.pop_front() {
            self.scan(id);
        }
        self.resolve_by_namespace();
        self.settle_remote();
        Ok(self.set)
    }

    /// Reads the catalogs the options name and the ones they chain to.
    fn read_catalogs(&mut self) -> Result<(), Error> {
        let mut pending: VecDeque<PathBuf> = self.options.catalogs.iter().cloned().collect();
        let mut seen = Vec::new();
        while let Some(path) = pending.pop_front() {
            let io = |source| Error::Io {
                path: path.clone(),
                source,
            };
            let canonical = self.files.canonical(&path).map_err(io)?;
            if seen.contains(&canonical) {
                continue;
            }
            seen.push(canonical.clone());
            let text = match read_source(self.files, &canonical) {
                Ok(text) => text,
                Err(ReadError::Io(source)) => return Err(io(source)),
                Err(ReadError::Encoding { text, offset, what }) => {
                    let id = self.add(path.clone(), Some(canonical), text, false);
                    self.encoding_error(id, offset, what);
                    continue;
                }
            };
            let id = self.add(path.clone(), Some(canonical), text, false);
            if let Some(file) = self.set.files.get_mut(id.0 as usize) {
                file.kind = FileKind::Catalog;
            }
            let Some(file) = self.set.file(id) else {
                continue;
            };
            let (next, problems) = self.catalog.add(&CatalogFile {
                path: &file.path,
                text: &file.text,
                file: id,
            });
            self.diagnostics.extend(problems);
            pending.extend(next);
        }
        Ok(())
    }

    /// The file a mapping or a catalog gives for `location`, named from
    /// `including`.
    fn mapped(&self, location: &str, including: &Path) -> Option<PathBuf> {
        let joined = (!paths::is_remote(location))
            .then(|| paths::join_display(including, paths::strip_file_scheme(location)));
        let by_map = self.options.locations.get(location).or_else(|| {
            joined
                .as_ref()
                .and_then(|j| self.options.locations.get(j.to_string_lossy().as_ref()))
        });
        if let Some(file) = by_map {
            return Some(file.clone());
        }
        self.catalog.resolve(location).or_else(|| {
            joined
                .as_ref()
                .and_then(|j| self.catalog.resolve(j.to_string_lossy().as_ref()))
        })
    }

    /// Remote imports whose namespace no file of the set declares are the
    /// only ones that are errors.
    fn settle_remote(&mut self) {
        for index in std::mem::take(&mut self.remote) {
            let Some(link) = self.set.links.get_mut(index) else {
                continue;
            };
            let ns = link.namespace.clone().unwrap_or_default();
            // An include names one file; only an import can be satisfied
            // by any file of its namespace.
            let by_namespace = match link.kind {
                LinkKind::Include => None,
                LinkKind::Import | LinkKind::WsdlImport => self.set.catalog.get(&ns),
            };
            match by_namespace.and_then(|files| files.first()) {
                Some(&target) => link.target = Some(target),
                None => {
                    let location = link.location.clone().unwrap_or_default();
                    let what = if link.kind == LinkKind::Include {
                        String::new()
                    } else {
                        format!(", or give a file that declares namespace '{ns}' as an input")
                    };
                    self.diagnostics.push(
                        Diagnostic::error(
                            link.span,
                            format!(
                                "cannot read '{location}': remote schemas are never fetched"
                            ),
                        )
                        .with_help(format!(
                            "map it to a local copy with Config::map_location or an XML catalog (--map-location, --catalog){what}"
                        )),
                    );
                }
            }
        }
    }

    fn add(
        &mut self,
        path: PathBuf,
        canonical: Option<PathBuf>,
        text: String,
        input: bool,
    ) -> FileId {
        let id = FileId(clamp_u32(self.set.files.len()));
        if let Some(canonical) = &canonical {
            self.by_canonical.insert(canonical.clone(), id);
        }
        self.set.files.push(SourceFile {
            id,
            path,
            canonical,
            text,
            kind: FileKind::Invalid,
            target_namespace: None,
            is_input: input,
            is_builtin: false,
        });
        id
    }

    fn encoding_error(&mut self, file: FileId, offset: usize, what: String) {
        let at = clamp_u32(offset);
        self.diagnostics.push(Diagnostic::error(
            Span {
                file,
                start: at,
                end: at,
            },
            what,
        ));
    }

    /// Parses one file, records its kind and namespaces, and follows its
    /// references.
    fn scan(&mut self, id: FileId) {
        let Some(file) = self.set.file(id) else {
            return;
        };
        let found = match parse_xml(&file.text, id).and_then(|doc| discover(&doc, id)) {
            Ok(found) => found,
            Err(diagnostic) => {
                self.diagnostics.push(diagnostic);
                return;
            }
        };
        if let Some(file) = self.set.files.get_mut(id.0 as usize) {
            file.kind = found.kind;
            file.target_namespace = found.target_namespace.clone();
        }
        let namespaces = std::iter::once(found.target_namespace).chain(found.embedded_namespaces);
        for ns in namespaces {
            let entry = self.set.catalog.entry(ns.unwrap_or_default()).or_default();
            if !entry.contains(&id) {
                entry.push(id);
            }
        }
        for reference in found.references {
            let target = self.follow(id, &reference);
            let remote = target.is_none()
                && reference.location.as_deref().is_some_and(paths::is_remote)
                && !self.reported(&reference);
            if remote {
                self.remote.push(self.set.links.len());
            }
            self.set.links.push(Link {
                kind: reference.kind,
                span: reference.span,
                namespace: reference.namespace,
                location: reference.location,
                target,
            });
        }
    }

    /// Whether an error was already reported at `reference` (a mapped file
    /// that could not be read).
    fn reported(&self, reference: &Reference) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.is_error() && d.span == Some(reference.span))
    }

    fn follow(&mut self, from: FileId, reference: &Reference) -> Option<FileId> {
        let location = reference.location.as_deref()?;
        let including = self.set.file(from)?;
        let mapped = self.mapped(location, &including.path);
        if mapped.is_none() && paths::is_remote(location) {
            // Settled by namespace at the end, or reported then.
            return None;
        }
        let location = paths::strip_file_scheme(location);
        let display = match &mapped {
            Some(file) => file.clone(),
            None => paths::join_display(&including.path, location),
        };
        let verb = match reference.kind {
            LinkKind::Include => "included",
            LinkKind::Import | LinkKind::WsdlImport => "imported",
        };
        let cannot_read = |reason: String| {
            Diagnostic::error(
                reference.span,
                format!(
                    "cannot read '{}' ({verb} from {}): {reason}",
                    display.display(),
                    including.path.display()
                ),
            )
        };
        let dir = including
            .canonical
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or_else(|| Path::new(""));
        let path = match &mapped {
            Some(file) => file.clone(),
            None => dir.join(location),
        };
        let canonical = match self.files.canonical(&path) {
            Ok(canonical) => canonical,
            Err(e) => {
                let diagnostic = cannot_read(io_reason(&e));
                self.diagnostics.push(diagnostic);
                return None;
            }
        };
        if let Some(&id) = self.by_canonical.get(&canonical) {
            return Some(id);
        }
        match read_source(self.files, &canonical) {
            Ok(text) => {
                let id = self.add(display, Some(canonical), text, false);
                self.queue.push_back(id);
                Some(id)
            }
            Err(ReadError::Io(e)) => {
                let diagnostic = cannot_read(io_reason(&e));
                self.diagnostics.push(diagnostic);
                None
            }
            Err(ReadError::Encoding { text, offset, what }) => {
                let id = self.add(display, Some(canonical), text, false);
                self.encoding_error(id, offset, what);
                Some(id)
            }
        }
    }

    /// Imports without a location are satisfied by whatever file of the set
    /// declares that namespace; the `xml:` namespace is built in.
    fn resolve_by_namespace(&mut self) {
        let wants_xml = self.set.links.iter().any(|l| {
            l.target.is_none() && l.location.is_none() && l.namespace.as_deref() == Some(XML_NS)
        });
        if wants_xml && !self.set.catalog.contains_key(XML_NS) {
            let id = self.add(
                builtin_xml::display_path(),
                None,
                builtin_xml::TEXT.to_owned(),
                false,
            );
            if let Some(file) = self.set.files.get_mut(id.0 as usize) {
                file.kind = FileKind::Schema;
                file.target_namespace = Some(XML_NS.to_owned());
                file.is_builtin = true;
            }
            self.set.catalog.insert(XML_NS.to_owned(), vec![id]);
        }
        for link in &mut self.set.links {
            if link.target.is_none() && link.location.is_none() {
                let ns = link.namespace.clone().unwrap_or_default();
                link.target = self
                    .set
                    .catalog
                    .get(&ns)
                    .and_then(|files| files.first().copied());
            }
        }
    }
}
