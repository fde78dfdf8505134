//! Stage 1, `load`: inputs -> [`SourceSet`].
//!
//! ```text
//! inputs --load--> SourceSet --parse--> syntax::SchemaSet --lower--> model::Model
//!   ^^^^^^^^^^^^^^^^^^^^^^^^
//! ```
//!
//! Reads every file once, from disk ([`load`], [`load_into`]) or from
//! memory ([`load_memory_into`]): the inputs, then whatever they reach through
//! `xs:include`, `xs:import` (also from schemas embedded in `wsdl:types`) and
//! `wsdl:import`, each location relative to the file that names it. Files are
//! deduplicated by canonical path, so circular includes are harmless. The
//! text is UTF-8 without BOM, with every line end turned into LF. Nothing is
//! ever fetched from the network: an import of the `xml:` namespace without
//! a location is served by a built-in document; a remote location is read
//! from the local file that [`LoadOptions`] map it to, or, for an import,
//! from a file of the set that declares its namespace; otherwise it is an
//! error. Internal entities are expanded, external ones refused (see `dtd`).

mod builtin_xml;
mod catalog;
mod discover;
mod dtd;
mod files;
mod loader;
mod paths;
mod read;
pub(crate) mod xml;

pub use xml::{SOAP11_NS, SOAP12_NS, WSDL_NS, XML_NS, XS_NS};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostics, Error, FileId, Span};

/// Where locations that cannot be read as written are found instead:
/// [`crate::Config::map_location`] and [`crate::Config::catalog`].
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// A `schemaLocation` (or WSDL `location`) as written, or the URL or
    /// path it resolves to, -> the file to read for it.
    pub locations: BTreeMap<String, PathBuf>,
    /// OASIS XML catalog files, consulted in order.
    pub catalogs: Vec<PathBuf>,
}

/// Loads the inputs and everything they include or import, and stops if
/// anything could not be read.
pub fn load(inputs: &[PathBuf]) -> Result<SourceSet, Error> {
    let mut diagnostics = Diagnostics::new();
    let sources = load_into(inputs, &mut diagnostics)?;
    crate::check::check(&diagnostics, &sources)?;
    Ok(sources)
}

/// Like [`load`], but leaves the diagnostics in `diagnostics` for the
/// caller to check. Only an input that cannot be read at all is an `Err`.
pub fn load_into(inputs: &[PathBuf], diagnostics: &mut Diagnostics) -> Result<SourceSet, Error> {
    load_with(inputs, &LoadOptions::default(), diagnostics)
}

/// [`load_into`] with locations mapped to files and catalogs.
pub fn load_with(
    inputs: &[PathBuf],
    options: &LoadOptions,
    diagnostics: &mut Diagnostics,
) -> Result<SourceSet, Error> {
    loader::Loader::new(&files::Disk, options, diagnostics).run(inputs)
}

/// Like [`load_into`], reading from `files`, `(path, contents)` pairs held
/// in memory, instead of the disk. Relative locations resolve against the
/// path of the file that names them, as on disk; a location outside `files`
/// is reported as a file that is not there. `inputs` name files of `files`.
///
/// ```
/// use std::path::PathBuf;
/// let files = [
///     ("main.xsd", r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
///                       <xs:include schemaLocation="part.xsd"/></xs:schema>"#),
///     ("part.xsd", r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
///                       <xs:element name="a" type="xs:string"/></xs:schema>"#),
/// ];
/// let mut diagnostics = xsdgen::diagnostics::Diagnostics::new();
/// let sources = xsdgen::load::load_memory_into(&[PathBuf::from("main.xsd")], &files, &mut diagnostics)?;
/// assert_eq!(sources.files().len(), 2);
/// assert!(!diagnostics.has_errors());
/// # Ok::<(), xsdgen::Error>(())
/// ```
pub fn load_memory_into<P: AsRef<Path>, B: AsRef<[u8]>>(
    inputs: &[PathBuf],
    files: &[(P, B)],
    diagnostics: &mut Diagnostics,
) -> Result<SourceSet, Error> {
    load_memory_with(inputs, files, &LoadOptions::default(), diagnostics)
}

/// [`load_memory_into`] with locations mapped to files of the set.
pub fn load_memory_with<P: AsRef<Path>, B: AsRef<[u8]>>(
    inputs: &[PathBuf],
    files: &[(P, B)],
    options: &LoadOptions,
    diagnostics: &mut Diagnostics,
) -> Result<SourceSet, Error> {
    let memory = files::Memory::new(files);
    loader::Loader::new(&memory, options, diagnostics).run(inputs)
}

/// What a file contains, judged by its root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// An `xs:schema` document.
    Schema,
    /// A `wsdl:definitions` document (its `wsdl:types` may embed schemas).
    Wsdl,
    /// An OASIS XML catalog given by the caller.
    Catalog,
    /// Unreadable as XML, or with another root element (already reported).
    Invalid,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    pub id: FileId,
    /// The path as shown in messages: as the caller gave it for inputs,
    /// joined onto the including file's path for the others.
    pub path: PathBuf,
    /// The canonical path, used to read each file once. None for the
    /// built-in `xml:` schema.
    pub canonical: Option<PathBuf>,
    /// UTF-8, no BOM, LF line ends; spans index into this.
    pub text: String,
    pub kind: FileKind,
    pub target_namespace: Option<String>,
    /// Named by the caller rather than reached through an include or import.
    pub is_input: bool,
    pub is_builtin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Include,
    Import,
    WsdlImport,
}

/// One include or import, and the file it resolved to.
#[derive(Debug, Clone)]
pub struct Link {
    pub kind: LinkKind,
    /// The `xs:include`/`xs:import`/`wsdl:import` element.
    pub span: Span,
    pub namespace: Option<String>,
    pub location: Option<String>,
    /// None when there was no location (the namespace is then looked up in
    /// the catalog) or the file could not be read.
    pub target: Option<FileId>,
}

/// Every file read, with the links between them and a catalog of which
/// files declare which target namespace.
#[derive(Debug, Clone, Default)]
pub struct SourceSet {
    files: Vec<SourceFile>,
    links: Vec<Link>,
    catalog: BTreeMap<String, Vec<FileId>>,
}

impl SourceSet {
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    pub fn file(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// The inputs as the caller named them, in order.
    pub fn inputs(&self) -> impl Iterator<Item = &Path> {
        self.files
            .iter()
            .filter(|f| f.is_input)
            .map(|f| f.path.as_path())
    }

    /// Every file read (not the built-in ones), for `cargo:rerun-if-changed`.
    pub fn paths_read(&self) -> impl Iterator<Item = &Path> {
        self.files
            .iter()
            .filter(|f| !f.is_builtin)
            .map(|f| f.path.as_path())
    }

    /// The files declaring `namespace` as target namespace ("" for none),
    /// schemas embedded in a WSDL included.
    pub fn namespace_files(&self, namespace: &str) -> &[FileId] {
        self.catalog.get(namespace).map_or(&[], Vec::as_slice)
    }

    /// Namespace -> files, sorted by namespace.
    pub fn catalog(&self) -> &BTreeMap<String, Vec<FileId>> {
        &self.catalog
    }

    /// A set holding one in-memory file, for tests of rendering.
    #[cfg(test)]
    pub(crate) fn from_text(path: &str, text: &str) -> Self {
        let mut set = Self::default();
        set.files.push(SourceFile {
            id: FileId(0),
            path: PathBuf::from(path),
            canonical: None,
            text: text.to_owned(),
            kind: FileKind::Schema,
            target_namespace: None,
            is_input: true,
            is_builtin: false,
        });
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::render;

    const XS: &str = r#"xmlns:xs="http://www.w3.org/2001/XMLSchema""#;

    #[test]
    fn memory_sets_resolve_locations_like_the_disk() {
        let main = format!(
            r#"<xs:schema {XS}><xs:include schemaLocation="sub/../part.xsd"/><xs:include schemaLocation="gone.xsd"/></xs:schema>"#
        );
        let part =
            format!(r#"<xs:schema {XS}><xs:include schemaLocation="dir/main.xsd"/></xs:schema>"#);
        let files = [
            ("dir/main.xsd", main.as_str()),
            ("dir/part.xsd", part.as_str()),
        ];
        let mut diagnostics = Diagnostics::new();
        let inputs = [PathBuf::from("dir/main.xsd")];
        let sources = load_memory_into(&inputs, &files, &mut diagnostics);
        let Ok(sources) = sources else {
            panic!("the input is there");
        };
        let paths: Vec<&Path> = sources.paths_read().collect();
        assert_eq!(
            paths,
            [Path::new("dir/main.xsd"), Path::new("dir/part.xsd")]
        );
        let rendered = render(&diagnostics.sorted(), &sources);
        assert!(
            rendered.contains(
                "cannot read 'dir/gone.xsd' (included from dir/main.xsd): no such file or directory"
            ),
            "{rendered}"
        );
        // part.xsd names dir/dir/main.xsd, which is not in the set.
        assert!(
            rendered.contains("cannot read 'dir/dir/main.xsd'"),
            "{rendered}"
        );
    }

    #[test]
    fn a_missing_memory_input_is_an_io_error() {
        let files: [(&str, &[u8]); 0] = [];
        let mut diagnostics = Diagnostics::new();
        let result = load_memory_into(&[PathBuf::from("a.xsd")], &files, &mut diagnostics);
        assert!(matches!(result, Err(Error::Io { .. })));
    }
}
