//! Running libxml2's `xmllint`, the external oracle of the workspace's
//! schema tests, and what those tests need around it: a skip that cannot
//! go unnoticed, and a temporary directory for the files it reads.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Says loudly why a test does not run; in CI, where everything it needs
/// is installed, fails it instead.
///
/// # Panics
/// When `CI` is set.
pub fn skip(message: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    // Straight to stderr: the test harness captures `eprintln!` of passing
    // tests, and a skip must not go unnoticed.
    let _ = writeln!(std::io::stderr(), "SKIPPED: {message}");
}

/// Whether `xmllint` can be run; if not, says so through [`skip`].
pub fn installed() -> bool {
    match Command::new("xmllint").arg("--version").output() {
        Ok(_) => true,
        Err(e) => {
            skip(&format!(
                "xmllint cannot be run ({e}); install Debian's libxml2-utils"
            ));
            false
        }
    }
}

/// `xmllint` with `args`, its output collected.
///
/// # Panics
/// When it cannot be started.
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new("xmllint")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("could not run xmllint: {e}"))
}

/// `xmllint --noout --schema schema files...`: `Ok` when every file is
/// valid, otherwise what xmllint said.
pub fn validate(schema: &Path, files: &[&Path]) -> Result<(), String> {
    let mut args = vec![
        OsStr::new("--noout"),
        OsStr::new("--schema"),
        schema.as_os_str(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let output = run(args);
    if output.status.success() {
        Ok(())
    } else {
        Err(stderr(&output))
    }
}

/// What a run wrote to stderr, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A directory of its own under the system temp directory, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A fresh directory, named for this process and `name`.
    ///
    /// # Panics
    /// When it cannot be created.
    pub fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("xsdgen-testkit-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        Self(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to the file `name` in the directory.
    ///
    /// # Panics
    /// When it cannot be written.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
