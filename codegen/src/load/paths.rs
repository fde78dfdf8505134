//! Paths as they are shown: inputs exactly as given, included files joined
//! onto the directory of the file that names them and normalized lexically
//! (`a/./b/../c.xsd` -> `a/c.xsd`), so that messages never depend on the
//! machine's absolute paths.

use std::path::{Component, Path, PathBuf};

pub(crate) fn join_display(including: &Path, location: &str) -> PathBuf {
    let dir = including.parent().unwrap_or_else(|| Path::new(""));
    normalize(&dir.join(location))
}

pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    out.iter().collect()
}

/// A `schemaLocation` that names a remote resource, which we never fetch.
pub(crate) fn is_remote(location: &str) -> bool {
    let lower = location.to_ascii_lowercase();
    ["http://", "https://", "ftp://", "urn:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// `file:` URLs are accepted as plain paths.
pub(crate) fn strip_file_scheme(location: &str) -> &str {
    location
        .strip_prefix("file://")
        .or_else(|| location.strip_prefix("file:"))
        .unwrap_or(location)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_to_the_including_file() {
        assert_eq!(
            join_display(Path::new("schemas/um.wsdl"), "./types/../um.xsd"),
            PathBuf::from("schemas/um.xsd")
        );
        assert_eq!(
            join_display(Path::new("a.xsd"), "../b.xsd"),
            PathBuf::from("../b.xsd")
        );
    }
}
