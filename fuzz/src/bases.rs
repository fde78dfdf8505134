//! The project's own schema sets, which `schema_mutations` starts from:
//! `schemas/um.wsdl` with the XSDs beside it, every case under
//! `schemas/cases/<name>/` (its `schema.xsd` or `schema.wsdl`), and every
//! broken case. Read once, when the
//! target starts; each run then works in memory only.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One set of files and the input among them.
pub struct Base {
    pub input: PathBuf,
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

pub fn bases() -> &'static [Base] {
    static BASES: OnceLock<Vec<Base>> = OnceLock::new();
    BASES.get_or_init(|| {
        let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
        let mut bases = Vec::new();
        bases.extend(from_dir(&schemas, Path::new(""), |name| name == "um.wsdl"));
        let Ok(cases) = sorted_entries(&schemas.join("cases")) else {
            panic!("cannot read {}", schemas.join("cases").display());
        };
        for case in cases.iter().filter(|p| p.is_dir()) {
            let Some(name) = case.file_name() else {
                continue;
            };
            let dir = Path::new(name);
            if name == "broken" {
                bases.extend(from_dir(case, dir, |n| !n.contains(".inc.")));
            } else {
                bases.extend(from_dir(case, dir, |n| n.starts_with("schema.")));
            }
        }
        assert!(bases.len() > 10, "only {} schema sets found", bases.len());
        bases
    })
}

/// One base per file of `dir` that `is_input` accepts, each with every
/// schema file of `dir` beside it, under `prefix`.
fn from_dir(dir: &Path, prefix: &Path, is_input: impl Fn(&str) -> bool) -> Vec<Base> {
    let Ok(entries) = sorted_entries(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut inputs = Vec::new();
    for path in entries {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !(name.ends_with(".xsd") || name.ends_with(".wsdl")) {
            continue;
        }
        let Ok(bytes) = fs::read(&path) else {
            continue;
        };
        let named = prefix.join(name);
        if is_input(name) {
            inputs.push(named.clone());
        }
        files.push((named, bytes));
    }
    inputs
        .into_iter()
        .map(|input| Base {
            input,
            files: files.clone(),
        })
        .collect()
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}
