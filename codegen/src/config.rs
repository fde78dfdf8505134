//! The public entry point, shaped like `prost-build`: a [`Config`] with
//! `&mut self` setters, [`Config::compile`] for `build.rs`, and
//! [`Config::generate`] for tools that handle the output themselves.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::Error;
use crate::load::LoadOptions;
use crate::passes::{OnlyBranches, Roots};
use crate::pipeline::{BackOptions, Front, Inputs, front, pipeline, plain_error};
use crate::plan::PlanOptions;
use crate::render::GeneratedFile;

/// How to generate Rust from schemas.
///
/// ```no_run
/// // In build.rs:
/// xsdgen::Config::new()
///     .safe_to_retry("GetUMProperties", true)
///     .enum_unknown_variant(true)
///     .compile(&["schemas/um.wsdl"])?;
/// # Ok::<(), xsdgen::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    runtime_crate: String,
    root_elements: Vec<String>,
    root_types: Vec<String>,
    root_operations: Vec<String>,
    only_branches: OnlyBranches,
    renames: BTreeMap<String, String>,
    generate_all: bool,
    safe_to_retry: BTreeMap<String, bool>,
    enum_unknown_variant: bool,
    size_budget: usize,
    clients: bool,
    servers: bool,
    type_attributes: Vec<(String, String)>,
    field_attributes: Vec<(String, String)>,
    emit_rerun_if_changed: bool,
    load: LoadOptions,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

/// The result of a run, with what a front end reports besides the files.
#[derive(Debug, Clone)]
pub struct Generated {
    pub files: Vec<GeneratedFile>,
    /// Rendered warnings (empty when there are none).
    pub warnings: String,
    /// Every file read: the inputs and what they include or import.
    pub files_read: Vec<PathBuf>,
}

impl Config {
    pub fn new() -> Self {
        Self {
            out_dir: None,
            file_name: None,
            runtime_crate: "::xsdgen_runtime".to_owned(),
            root_elements: Vec::new(),
            root_types: Vec::new(),
            root_operations: Vec::new(),
            only_branches: OnlyBranches::new(),
            renames: BTreeMap::new(),
            generate_all: false,
            safe_to_retry: BTreeMap::new(),
            enum_unknown_variant: false,
            size_budget: crate::plan::DEFAULT_SIZE_BUDGET,
            clients: true,
            servers: true,
            type_attributes: Vec::new(),
            field_attributes: Vec::new(),
            emit_rerun_if_changed: true,
            load: LoadOptions::default(),
        }
    }

    /// Where [`Config::compile`] writes; `$OUT_DIR` when not set.
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The name of the generated file; by default the first input's stem
    /// with `.rs` (`um.wsdl` -> `um.rs`).
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = Some(name.into());
        self
    }

    /// The path generated code uses for the runtime crate, for a crate
    /// that re-exports it (default `::xsdgen_runtime`).
    pub fn runtime_crate(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime_crate = path.into();
        self
    }

    /// Generates this global element and what it needs, instead of the
    /// default roots (the WSDL operations, or every global element of
    /// plain XSD). `{uri}local`, or a local name only one namespace
    /// declares. May be called several times.
    pub fn root_element(&mut self, name: impl Into<String>) -> &mut Self {
        self.root_elements.push(name.into());
        self
    }

    /// Generates this named type and what it needs, as
    /// [`Config::root_element`] does for an element. May be repeated.
    pub fn root_type(&mut self, name: impl Into<String>) -> &mut Self {
        self.root_types.push(name.into());
        self
    }

    /// Generates this WSDL operation (by name) and what its messages,
    /// headers and faults need; the other operations are left out. May
    /// be repeated, and combined with root elements and types.
    pub fn root_operation(&mut self, name: impl Into<String>) -> &mut Self {
        self.root_operations.push(name.into());
        self
    }

    /// Declares that where the complex type `type_name` (`{uri}local` or
    /// a local name) has a choice, only the element branches named in
    /// `branches` (`{uri}local` or local names, as the branch elements are
    /// named on the wire) occur: the others are dropped from the generated
    /// enum, and what only they reach is not generated. A document that
    /// carries a dropped branch fails to read with an unexpected-element
    /// error. Calls for the same type add up, so that each operation a
    /// crate uses can name its own branches.
    ///
    /// The schema cannot say what a service really sends: EWS's
    /// `ArrayOfResponseMessagesType` is a choice of every response message
    /// of every operation, so one operation's response reaches nearly the
    /// whole schema. Choices without a named branch keep every branch; a
    /// name that no choice of the type has is an error.
    ///
    /// ```no_run
    /// xsdgen::Config::new()
    ///     .root_operation("ConvertId")
    ///     .only_branches("ArrayOfResponseMessagesType", ["ConvertIdResponseMessage"])
    ///     .compile(&["schemas/services.wsdl"])?;
    /// # Ok::<(), xsdgen::Error>(())
    /// ```
    pub fn only_branches<S: Into<String>>(
        &mut self,
        type_name: impl Into<String>,
        branches: impl IntoIterator<Item = S>,
    ) -> &mut Self {
        self.only_branches
            .entry(type_name.into())
            .or_default()
            .extend(branches.into_iter().map(Into::into));
        self
    }

    /// Generates every type and element of the schemas, reachable or not.
    pub fn generate_all(&mut self, all: bool) -> &mut Self {
        self.generate_all = all;
        self
    }

    /// Whether each WSDL port's module (`ports::<port>`) gets a typed
    /// `Client` (default true). The clients use the runtime's `client`
    /// feature; turn them off for a runtime without it.
    pub fn clients(&mut self, clients: bool) -> &mut Self {
        self.clients = clients;
        self
    }

    /// Whether each WSDL port's module gets a `Server` trait, one method
    /// per operation, and a `router` that dispatches requests to an
    /// implementation of it (default true). They use the runtime's
    /// `server` feature; turn them off for a runtime without it.
    pub fn servers(&mut self, servers: bool) -> &mut Self {
        self.servers = servers;
        self
    }

    /// Adds `attribute` to the generated types `path` names, after their
    /// derives, as prost-build's method of the same name does. `path` is
    /// `.` for every type, or what [`Self::rename`] takes for a type or
    /// element: `{uri}local` or `local`, optionally after `type:` or
    /// `element:`. Called again, attributes add up in order.
    ///
    /// ```
    /// let mut config = xsdgen::Config::new();
    /// config
    ///     .type_attribute(".", "#[derive(Eq)]")
    ///     .type_attribute("type:ItemType", "#[non_exhaustive]");
    /// ```
    pub fn type_attribute(
        &mut self,
        path: impl AsRef<str>,
        attribute: impl AsRef<str>,
    ) -> &mut Self {
        self.type_attributes
            .push((path.as_ref().to_owned(), attribute.as_ref().to_owned()));
        self
    }

    /// Adds `attribute` to the generated fields `path` names, as
    /// prost-build's method of the same name does. `path` is `.` for
    /// every field, or `Type/local` as for [`Self::rename`]: the type
    /// whose struct holds the field (`.` for any) and the XML name of its
    /// element or attribute.
    ///
    /// ```
    /// let mut config = xsdgen::Config::new();
    /// config.field_attribute("ItemType/Subject", "#[doc(alias = \"title\")]");
    /// ```
    pub fn field_attribute(
        &mut self,
        path: impl AsRef<str>,
        attribute: impl AsRef<str>,
    ) -> &mut Self {
        self.field_attributes
            .push((path.as_ref().to_owned(), attribute.as_ref().to_owned()));
        self
    }

    /// Whether the operation may be sent again after it may have reached
    /// the server; overrides the WSDL's `xg:safeToRetry`. Without either,
    /// an operation is not safe to retry.
    pub fn safe_to_retry(&mut self, operation: impl Into<String>, safe: bool) -> &mut Self {
        self.safe_to_retry.insert(operation.into(), safe);
        self
    }

    /// Names the Rust item of a global element or named type `ident`
    /// instead of the name the rules give it. `name` is `{uri}local` or
    /// a local name, optionally prefixed with `element:` or `type:` to
    /// pick one when an element and a type share the name. A field is
    /// `Type/local`: the type whose struct holds it (`{uri}Name` or
    /// `Name`; for an anonymous type, its element's name) and the XML
    /// name of its element or attribute. A name that is then taken twice
    /// is numbered, as any collision is.
    ///
    /// ```
    /// let mut config = xsdgen::Config::new();
    /// config
    ///     .rename("type:ItemType", "Item")
    ///     .rename("{urn:x}EmailAddress", "Email")
    ///     .rename("ItemType/DateTimeCreated", "created");
    /// ```
    pub fn rename(&mut self, name: impl Into<String>, ident: impl Into<String>) -> &mut Self {
        self.renames.insert(name.into(), ident.into());
        self
    }

    /// Gives every enumeration an `Unknown(String)` variant that takes the
    /// values the schema does not list, instead of failing to read them.
    pub fn enum_unknown_variant(&mut self, enabled: bool) -> &mut Self {
        self.enum_unknown_variant = enabled;
        self
    }

    /// Boxes every element field and choice branch whose value is larger
    /// than `bytes` (default 256), so that no generated type is much larger
    /// than that: an absent field then costs a pointer, a choice is as
    /// small as its smallest branch, and reading moves little. Types in a
    /// containment cycle are boxed whatever the budget. `usize::MAX` boxes
    /// only those.
    pub fn size_budget(&mut self, bytes: usize) -> &mut Self {
        self.size_budget = bytes;
        self
    }

    /// Whether [`Config::compile`] prints `cargo:rerun-if-changed` for
    /// every file read (default true).
    pub fn emit_rerun_if_changed(&mut self, enabled: bool) -> &mut Self {
        self.emit_rerun_if_changed = enabled;
        self
    }

    /// Reads `file` wherever a schema names `location` (a `schemaLocation`,
    /// or a WSDL import's `location`): a URL that is never fetched, or a
    /// path that is not where the file is. `location` is matched as
    /// written, and as the URL or path it resolves to.
    ///
    /// ```no_run
    /// xsdgen::Config::new()
    ///     .map_location("http://www.w3.org/2001/xml.xsd", "schemas/w3c/xml.xsd")
    ///     .compile(&["schemas/service.wsdl"])?;
    /// # Ok::<(), xsdgen::Error>(())
    /// ```
    pub fn map_location(
        &mut self,
        location: impl Into<String>,
        file: impl Into<PathBuf>,
    ) -> &mut Self {
        self.load.locations.insert(location.into(), file.into());
        self
    }

    /// Resolves locations through an OASIS XML catalog file (`uri`,
    /// `system`, `rewriteURI`, `rewriteSystem`, `uriSuffix`,
    /// `systemSuffix`, `nextCatalog`). May be repeated; catalogs are
    /// consulted in order, after [`Config::map_location`].
    pub fn catalog(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.load.catalogs.push(path.into());
        self
    }

    /// Generates code for `inputs` and writes it to the output directory,
    /// touching a file only when its contents change. Meant for `build.rs`:
    /// prints `cargo:rerun-if-changed` and `cargo:warning` lines.
    pub fn compile(&self, inputs: &[impl AsRef<Path>]) -> Result<(), Error> {
        let generated = self.build(inputs)?;
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| {
                    plain_error(
                        "OUT_DIR is not set: call Config::out_dir, or run from a build script",
                    )
                })?,
        };
        if self.emit_rerun_if_changed {
            for path in &generated.files_read {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
        for line in generated.warnings.lines() {
            println!("cargo:warning={line}");
        }
        write_files(&out_dir, &generated.files)
    }

    /// Generates code for `inputs` without writing anything.
    pub fn generate(&self, inputs: &[impl AsRef<Path>]) -> Result<Vec<GeneratedFile>, Error> {
        self.build(inputs).map(|g| g.files)
    }

    /// Like [`Config::generate`], with the warnings and the files read.
    pub fn build(&self, inputs: &[impl AsRef<Path>]) -> Result<Generated, Error> {
        let inputs: Vec<PathBuf> = inputs.iter().map(|p| p.as_ref().to_path_buf()).collect();
        let output = pipeline(Inputs::Disk(&inputs), &self.load, &self.back_options())?;
        Ok(Generated {
            warnings: output.rendered_warnings(),
            files_read: output.sources.paths_read().map(Path::to_path_buf).collect(),
            files: output.files,
        })
    }

    /// Why the element or type `name` is generated: the chain of
    /// references from one of the roots to it, one step a line with the
    /// position where each reference is written:
    ///
    /// ```text
    /// operation ConvertId  (services.wsdl:1227:9)
    ///   -> output element ConvertIdResponse  (services.wsdl:1227:9)
    ///   -> type ConvertIdResponseType  (messages.xsd:2263:5)
    ///   -> base type BaseResponseMessageType  (messages.xsd:2263:5)
    ///   -> field ResponseMessages: type ArrayOfResponseMessagesType  (messages.xsd:537:13)
    /// ```
    ///
    /// `name` is written as [`Config::rename`] keys are: `{uri}local` or a
    /// local name, optionally after `type:` or `element:`. Each item is
    /// explained by the reference it was first reached by, so the chain is
    /// a shortest one. A name that names nothing (the error lists close
    /// matches), several items, or an item the roots do not reach is an
    /// error. With [`Config::generate_all`], the chains start from the
    /// default roots.
    pub fn explain(&self, inputs: &[impl AsRef<Path>], name: &str) -> Result<String, Error> {
        let inputs: Vec<PathBuf> = inputs.iter().map(|p| p.as_ref().to_path_buf()).collect();
        let front = front(Inputs::Disk(&inputs), &self.load)?;
        crate::pipeline::explain(front, &self.back_options(), name)
    }

    /// The checked model of `inputs`, with the warnings so far: the front
    /// half of [`Config::build`] (load, parse, lower, check) with the same
    /// diagnostics, for tools that read the services and elements rather
    /// than generate code (`xsdgen mock`).
    pub fn front(&self, inputs: &[impl AsRef<Path>]) -> Result<Front, Error> {
        let inputs: Vec<PathBuf> = inputs.iter().map(|p| p.as_ref().to_path_buf()).collect();
        front(Inputs::Disk(&inputs), &self.load)
    }

    /// Like [`Config::generate`] over schemas held in memory: `files` are
    /// `(path, contents)`, the first is the input, and the others are what
    /// it includes or imports by those paths. Nothing is read from disk.
    ///
    /// ```
    /// let schema = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x">
    ///     <xs:element name="Ping" type="xs:string"/></xs:schema>"#;
    /// let files = xsdgen::Config::new().generate_in_memory(&[("ping.xsd", schema)])?;
    /// assert!(files[0].contents.contains("pub struct Ping(pub String);"));
    /// # Ok::<(), xsdgen::Error>(())
    /// ```
    pub fn generate_in_memory<P: AsRef<Path>, B: AsRef<[u8]>>(
        &self,
        files: &[(P, B)],
    ) -> Result<Vec<GeneratedFile>, Error> {
        self.build_in_memory(files).map(|g| g.files)
    }

    /// Like [`Config::generate_in_memory`], with the warnings.
    pub fn build_in_memory<P: AsRef<Path>, B: AsRef<[u8]>>(
        &self,
        files: &[(P, B)],
    ) -> Result<Generated, Error> {
        if files.is_empty() {
            return Err(plain_error("no input files"));
        }
        let owned: Vec<(PathBuf, Vec<u8>)> = files
            .iter()
            .map(|(p, b)| (p.as_ref().to_path_buf(), b.as_ref().to_vec()))
            .collect();
        let output = pipeline(Inputs::Memory(&owned), &self.load, &self.back_options())?;
        Ok(Generated {
            warnings: output.rendered_warnings(),
            files_read: output.sources.paths_read().map(Path::to_path_buf).collect(),
            files: output.files,
        })
    }

    fn back_options(&self) -> BackOptions {
        let roots = if self.generate_all {
            Roots::All
        } else if self.root_elements.is_empty()
            && self.root_types.is_empty()
            && self.root_operations.is_empty()
        {
            Roots::Auto
        } else {
            Roots::Select {
                elements: self.root_elements.clone(),
                types: self.root_types.clone(),
                operations: self.root_operations.clone(),
            }
        };
        BackOptions {
            roots,
            only_branches: self.only_branches.clone(),
            plan: PlanOptions {
                runtime: self.runtime_crate.clone(),
                enum_unknown_variant: self.enum_unknown_variant,
                size_budget: self.size_budget,
                clients: self.clients,
                servers: self.servers,
                type_attributes: self.type_attributes.clone(),
                field_attributes: self.field_attributes.clone(),
                safe_to_retry: self.safe_to_retry.clone(),
                renames: self.renames.clone(),
            },
            file_name: self.file_name.clone(),
        }
    }
}

/// Generates code for `inputs` into `$OUT_DIR` with the default [`Config`].
pub fn compile(inputs: &[impl AsRef<Path>]) -> Result<(), Error> {
    Config::new().compile(inputs)
}

/// Writes each file whose contents differ from what is on disk.
fn write_files(dir: &Path, files: &[GeneratedFile]) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    fs::create_dir_all(dir).map_err(io(dir))?;
    for file in files {
        let path = dir.join(&file.path);
        if fs::read(&path).is_ok_and(|old| old == file.contents.as_bytes()) {
            continue;
        }
        fs::write(&path, &file.contents).map_err(io(&path))?;
    }
    Ok(())
}
