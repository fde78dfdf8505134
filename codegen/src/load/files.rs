//! Where the loader gets its bytes: the disk, or a set of files held in
//! memory (for tools that have no file system, and for fuzzing). Both go
//! through the same traversal, so an in-memory set behaves exactly like
//! the same files on disk.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use super::paths;

pub(crate) trait Files {
    /// The identity of the file at `path`, under which it is read once.
    fn canonical(&self, path: &Path) -> io::Result<PathBuf>;
    /// The bytes of the file named by a canonical path.
    fn read(&self, canonical: &Path) -> io::Result<Vec<u8>>;
}

pub(crate) struct Disk;

impl Files for Disk {
    fn canonical(&self, path: &Path) -> io::Result<PathBuf> {
        path.canonicalize()
    }

    fn read(&self, canonical: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(canonical)
    }
}

/// Files keyed by their lexically normalized path; a location that leaves
/// the set is "not found", as a missing file on disk would be.
pub(crate) struct Memory<'a> {
    files: BTreeMap<PathBuf, &'a [u8]>,
}

impl<'a> Memory<'a> {
    pub(crate) fn new<P: AsRef<Path>, B: AsRef<[u8]>>(files: &'a [(P, B)]) -> Self {
        let files = files
            .iter()
            .map(|(path, bytes)| (paths::normalize(path.as_ref()), bytes.as_ref()))
            .collect();
        Self { files }
    }
}

impl Files for Memory<'_> {
    fn canonical(&self, path: &Path) -> io::Result<PathBuf> {
        let normalized = paths::normalize(path);
        if self.files.contains_key(&normalized) {
            Ok(normalized)
        } else {
            Err(io::Error::from(io::ErrorKind::NotFound))
        }
    }

    fn read(&self, canonical: &Path) -> io::Result<Vec<u8>> {
        self.files
            .get(canonical)
            .map(|bytes| bytes.to_vec())
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_paths_are_normalized() {
        let files = [("dir/a.xsd", "<a/>")];
        let memory = Memory::new(&files);
        let canonical = memory.canonical(Path::new("dir/./x/../a.xsd")).ok();
        assert_eq!(canonical, Some(PathBuf::from("dir/a.xsd")));
        let bytes = canonical.and_then(|c| memory.read(&c).ok());
        assert_eq!(bytes.as_deref(), Some(&b"<a/>"[..]));
        assert!(memory.canonical(Path::new("b.xsd")).is_err());
    }
}
