//! Peers written elsewhere that tests call or serve: zeep, the Python
//! SOAP stack, through the Python of `XSDGEN_PEER_PYTHON` (`.ci/run`
//! makes a virtualenv with zeep), else `python3`.

use std::process::Command;

/// The Python that has zeep; `None` (said loudly) when there is none,
/// which fails under CI, where `.ci/run` installs it.
pub fn zeep_python() -> Option<String> {
    let python = std::env::var("XSDGEN_PEER_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let found = Command::new(&python)
        .args(["-c", "import zeep"])
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(python);
    }
    let why = format!("{python} has no zeep (pip install zeep, or set XSDGEN_PEER_PYTHON)");
    assert!(std::env::var_os("CI").is_none(), "{why}");
    eprintln!("skipped: {why}");
    None
}
