//! Every stage's warnings reach the user, stage by stage: through
//! `Config::build` (what `build.rs` prints as `cargo:warning`) and on the
//! command line's stderr. The case holds one warning of each of parse,
//! lower and check; the rename given here adds one of the plan.

use std::path::{Path, PathBuf};
use std::process::Command;

const RENAME: (&str, &str) = ("NoSuchType", "Renamed");

fn case() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/cases/broken/stage_warnings.wsdl")
}

/// The messages of the warnings in `rendered`, in the order shown.
fn warnings(rendered: &str) -> Vec<String> {
    rendered
        .lines()
        .filter_map(|line| line.split_once("warning: ").map(|(_, m)| m.to_owned()))
        .collect()
}

fn expected() -> Vec<String> {
    [
        "maxOccurs is 0: this particle can never occur and is ignored",
        "header part 'Version' has the element of an earlier header part; the entry is read and written once",
        "abstract element 'Extension' has no substitution group members in these schemas: nothing can appear here",
        "rename 'NoSuchType' names nothing that is generated",
    ]
    .map(str::to_owned)
    .to_vec()
}

#[test]
fn the_warnings_of_every_stage_are_returned_in_stage_order() {
    let mut config = xsdgen::Config::new();
    config.rename(RENAME.0, RENAME.1);
    let generated = config.build(&[case()]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        warnings(&generated.warnings),
        expected(),
        "{}",
        generated.warnings
    );
    // Located warnings show their file, line and column.
    assert!(
        generated
            .warnings
            .contains("stage_warnings.wsdl:19:69: warning: maxOccurs is 0"),
        "{}",
        generated.warnings
    );
}

#[test]
fn the_command_line_prints_them() {
    let out_dir = std::env::temp_dir().join(format!("xsdgen-stages-{}", std::process::id()));
    let rename = format!("{}={}", RENAME.0, RENAME.1);
    let out = Command::new(env!("CARGO_BIN_EXE_xsdgen"))
        .arg("generate")
        .arg(case())
        .arg("-o")
        .arg(&out_dir)
        .args(["--rename", &rename])
        .output()
        .expect("run xsdgen");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(warnings(&stderr), expected(), "{stderr}");
    let _ = std::fs::remove_dir_all(&out_dir);
}
