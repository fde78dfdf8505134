//! The traversal behind [`super::load`]: a work list of files, each read,
//! scanned for references, and its references queued once.

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};

use super::discover::{Reference, discover};
use super::files::Files;
use super::read::{ReadError, read_source};
use super::xml::{XML_NS, clamp_u32, parse_xml};
use super::{FileKind, Link, LinkKind, LoadOptions, SourceFile, SourceSet, builtin_xml, paths};
use crate::diagnostics::render::io_reason;
use crate::diagnostics::{Diagnostic, Diagnostics, Error, FileId, Span};

pub(crate) struct Loader<'d> {
    files: &'d dyn Files,
    #[allow(dead_code)]
    options: &'d LoadOptions,
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
            set: SourceSet::default(),
            by_canonical: BTreeMap::new(),
            queue: VecDeque::new(),
            diagnostics,
        }
    }

    pub(crate) fn run(mut self, inputs: &[PathBuf]) -> Result<SourceSet, Error> {
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
        Ok(self.set)
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
            self.set.links.push(Link {
                kind: reference.kind,
                span: reference.span,
                namespace: reference.namespace,
                location: reference.location,
                target,
            });
        }
    }

    fn follow(&mut self, from: FileId, reference: &Reference) -> Option<FileId> {
        let location = reference.location.as_deref()?;
        let including = self.set.file(from)?;
        if paths::is_remote(location) {
            self.diagnostics.error(
                reference.span,
                format!(
                    "cannot read '{location}': remote schemas are never fetched; use a local copy"
                ),
            );
            return None;
        }
        let location = paths::strip_file_scheme(location);
        let display = paths::join_display(&including.path, location);
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
        let canonical = match self.files.canonical(&dir.join(location)) {
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
