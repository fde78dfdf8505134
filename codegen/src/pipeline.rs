//! The one driver of the generator: every stage in order over a single
//! diagnostics collector, checked between stages.
//!
//! ```text
//! inputs --load--> SourceSet --parse--> SchemaSet --lower--> Model --check--> Model
//!        --passes--> Model + Analysis --plan--> RustCrate --emit--> tokens --render--> files
//! ```
//!
//! Each stage reports into the same [`Diagnostics`] and keeps going, so that
//! one run shows as many problems as it can; the gate after a stage stops
//! the run when it reported an error. Warnings are kept stage by stage and
//! reach the caller in that order ([`Output::warnings`]), whichever stage
//! raised them. [`front`] is the first half (up to a checked model), for
//! tools and tests that look at the model; [`back`] the second.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Error, Severity, render};
use crate::load::{LoadOptions, SourceSet};
use crate::model::Model;
use crate::passes::{OnlyBranches, Roots};
use crate::plan::PlanOptions;
use crate::render::GeneratedFile;

/// Where the inputs come from.
pub enum Inputs<'a> {
    /// Files on disk, by path.
    Disk(&'a [PathBuf]),
    /// `(path, contents)` pairs held in memory; the first is the input, the
    /// others are what it includes or imports by those paths.
    Memory(&'a [(PathBuf, Vec<u8>)]),
}

impl Inputs<'_> {
    fn paths(&self) -> Vec<PathBuf> {
        match self {
            Inputs::Disk(paths) => paths.to_vec(),
            Inputs::Memory(files) => files.first().map(|(p, _)| p.clone()).into_iter().collect(),
        }
    }
}

/// What the back half needs besides the model.
#[derive(Debug, Clone, Default)]
pub struct BackOptions {
    pub roots: Roots,
    /// Choices narrowed before the tree shaking.
    pub only_branches: OnlyBranches,
    pub plan: PlanOptions,
    /// Name of the generated file; by default the first input's stem + `.rs`.
    pub file_name: Option<String>,
}

/// The checked model and what it was made from, with the diagnostics so
/// far (warnings only: a front with errors is never returned).
pub struct Front {
    pub sources: SourceSet,
    pub model: Model,
    pub inputs: Vec<PathBuf>,
    diagnostics: Diagnostics,
}

impl Front {
    /// The warnings of the front stages, in stage order.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.diagnostics.warnings()
    }
}

/// The generated files, with every warning of every stage.
pub struct Output {
    pub files: Vec<GeneratedFile>,
    pub sources: SourceSet,
    /// Stage by stage, sorted by position within a stage.
    pub warnings: Vec<Diagnostic>,
}

impl Output {
    /// The warnings as a user reads them (`file:line:col: warning: ...`).
    pub fn rendered_warnings(&self) -> String {
        render(&self.warnings, &self.sources)
    }
}

/// The whole pipeline.
pub fn pipeline(
    inputs: Inputs<'_>,
    load: &LoadOptions,
    back_options: &BackOptions,
) -> Result<Output, Error> {
    back(front(inputs, load)?, back_options)
}

/// load, parse, lower and check.
pub fn front(inputs: Inputs<'_>, options: &LoadOptions) -> Result<Front, Error> {
    let paths = inputs.paths();
    let mut diagnostics = Diagnostics::new();
    let sources = match &inputs {
        Inputs::Disk(paths) => crate::load::load_with(paths, options, &mut diagnostics)?,
        Inputs::Memory(files) => {
            crate::load::load_memory_with(&paths, files, options, &mut diagnostics)?
        }
    };
    gate(&diagnostics, &sources)?;
    diagnostics.begin_stage();
    let schemas = crate::parse::parse_into(&sources, &mut diagnostics);
    gate(&diagnostics, &sources)?;
    diagnostics.begin_stage();
    let model = crate::lower::lower_into(&sources, &schemas, &mut diagnostics);
    // The checks judge what lowering made even when it reported errors, so
    // that one run shows both.
    diagnostics.begin_stage();
    crate::check::check_model(&model, &mut diagnostics);
    gate(&diagnostics, &sources)?;
    Ok(Front {
        sources,
        model,
        inputs: paths,
        diagnostics,
    })
}

/// passes, plan, emit and render.
pub fn back(front: Front, options: &BackOptions) -> Result<Output, Error> {
    let Front {
        sources,
        model,
        inputs,
        mut diagnostics,
    } = front;
    let Some(first) = inputs.first() else {
        return Err(plain_error("no input files"));
    };
    let file_name = options
        .file_name
        .clone()
        .unwrap_or_else(|| default_file_name(first));

    diagnostics.begin_stage();
    let model = narrowed(model, options, &mut diagnostics);
    let (model, analysis) = crate::passes::run(&model, &options.roots, &mut diagnostics);
    gate(&diagnostics, &sources)?;
    diagnostics.begin_stage();
    let krate = crate::plan::plan(&model, &analysis, &options.plan, &mut diagnostics);
    gate(&diagnostics, &sources)?;

    // Past the plan, a failure is a bug of the generator, not of the input.
    let tokens = crate::emit::emit(&krate).map_err(|e| plain_error(&e.0))?;
    let contents = crate::render::render(tokens, &inputs)
        .map_err(|e| plain_error(&format!("internal error (a bug in xsdgen): {}", e.0)))?;
    Ok(Output {
        files: vec![GeneratedFile {
            path: PathBuf::from(file_name),
            contents,
        }],
        warnings: diagnostics.warnings(),
        sources,
    })
}

/// The chain of references from one of the roots to the element or type
/// `name`, rendered one step a line with positions (see
/// [`crate::passes::explain`]).
pub fn explain(front: Front, options: &BackOptions, name: &str) -> Result<String, Error> {
    let Front {
        sources,
        model,
        mut diagnostics,
        ..
    } = front;
    diagnostics.begin_stage();
    let model = narrowed(model, options, &mut diagnostics);
    let result = crate::passes::explain(&model, &options.roots, name, &mut diagnostics);
    gate(&diagnostics, &sources)?;
    match result {
        Ok(chain) => Ok(chain.render(&sources)),
        Err(diagnostic) => Err(Error::Diagnostics {
            rendered: render(std::slice::from_ref(&diagnostic), &sources),
            diagnostics: vec![diagnostic],
        }),
    }
}

/// `model` with the choices of [`BackOptions::only_branches`] narrowed.
fn narrowed(model: Model, options: &BackOptions, diagnostics: &mut Diagnostics) -> Model {
    if options.only_branches.is_empty() {
        model
    } else {
        crate::passes::only_branches(&model, &options.only_branches, diagnostics)
    }
}

fn default_file_name(first: &Path) -> String {
    format!(
        "{}.rs",
        first
            .file_stem()
            .map_or("generated".into(), |s| s.to_string_lossy())
    )
}

/// Ok when no error was reported; otherwise every diagnostic so far
/// (warnings included), rendered in stage order.
fn gate(diagnostics: &Diagnostics, sources: &SourceSet) -> Result<(), Error> {
    crate::check::check(diagnostics, sources)
}

/// An error that belongs to no schema file.
pub(crate) fn plain_error(message: &str) -> Error {
    let diagnostic = Diagnostic::new(Severity::Error, None, message);
    Error::Diagnostics {
        rendered: render(std::slice::from_ref(&diagnostic), &SourceSet::default()),
        diagnostics: vec![diagnostic],
    }
}
