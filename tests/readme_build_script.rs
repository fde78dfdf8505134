//! The README's "Using xsdgen from a build script" snippets, copied into a
//! new crate as a user would, build that crate for a WSDL that is not UM's;
//! and a schema error in it stops the build with `file:line:col` and a
//! caret, not a `Debug` dump.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The body of the first fenced block after `heading` whose info string
/// starts with `lang`.
fn snippet(readme: &str, heading: &str, lang: &str) -> String {
    let section = readme
        .split_once(heading)
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("README has no '{heading}'"));
    let fence = format!("```{lang}");
    let start = section
        .find(&fence)
        .unwrap_or_else(|| panic!("no {fence} block after '{heading}'"));
    let body = &section[start..];
    let body = &body[body.find('\n').expect("a fence line") + 1..];
    body[..body.find("```").expect("a closing fence")].to_owned()
}

/// A crate made of the README's snippets, with `service.wsdl` and
/// `types.xsd` as its schemas.
fn downstream(name: &str, types_xsd: &str) -> PathBuf {
    let readme = fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README.md");
    let heading = "## Using xsdgen from a build script";
    let toml = snippet(&readme, heading, "toml")
        .replace(
            r#"xsdgen = { version = "0.1", default-features = false }"#,
            &format!(r#"xsdgen = {{ path = "{ROOT}/codegen", default-features = false }}"#),
        )
        .replace(
            r#"xsdgen-runtime = "0.1""#,
            &format!(r#"xsdgen-runtime = {{ path = "{ROOT}/runtime" }}"#),
        );
    assert!(
        toml.contains("/codegen") && toml.contains("/runtime"),
        "the README's Cargo.toml snippet changed:\n{toml}"
    );
    let dir = std::env::temp_dir().join(format!("xsdgen-readme-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("src")).expect("src/");
    fs::create_dir_all(dir.join("schemas")).expect("schemas/");
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"downstream-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n{toml}\n[workspace]\n"
        ),
    )
    .expect("Cargo.toml");
    // The workspace's versions of every dependency, so the build is offline.
    fs::copy(Path::new(ROOT).join("Cargo.lock"), dir.join("Cargo.lock")).expect("Cargo.lock");
    fs::write(
        dir.join("build.rs"),
        snippet(&readme, heading, "rust,no_run"),
    )
    .expect("build.rs");
    fs::write(
        dir.join("src/lib.rs"),
        snippet(&readme, heading, "rust,ignore"),
    )
    .expect("lib.rs");
    let case = Path::new(ROOT).join("schemas/cases/wsdl_headers");
    fs::copy(case.join("schema.wsdl"), dir.join("schemas/service.wsdl")).expect("the WSDL");
    fs::write(dir.join("schemas/types.xsd"), types_xsd).expect("types.xsd");
    dir
}

fn build(dir: &Path) -> std::process::Output {
    // The workspace's own target directory: its dependencies are built
    // already. Cargo holds that directory's lock only while it compiles, so
    // a test may build in it.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(ROOT).join("target"));
    Command::new(env!("CARGO"))
        .args(["build", "--offline", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

#[test]
fn the_readme_snippets_build_a_crate_and_report_schema_errors_with_a_caret() {
    let types = fs::read_to_string(Path::new(ROOT).join("schemas/cases/wsdl_headers/types.xsd"))
        .expect("the case's types.xsd");

    let good = downstream("good", &types);
    let out = build(&good);
    assert!(
        out.status.success(),
        "the README's snippets do not build:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // One type reference broken, at a line we know.
    let (before, after) = types.split_once("</xs:schema>").expect("a schema end tag");
    let broken = format!(
        "{before}<xs:element name=\"Broken\" type=\"xs:notAType\"/>\n{after}</xs:schema>\n"
    );
    let line = before.matches('\n').count() + 1;
    let bad = downstream("bad", &broken);
    let out = build(&bad);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a broken schema built");
    let located = format!("types.xsd:{line}:");
    assert!(stderr.contains(&located), "no '{located}' in:\n{stderr}");
    assert!(stderr.contains("error: "), "{stderr}");
    assert!(stderr.contains('^'), "no caret in:\n{stderr}");
    assert!(!stderr.contains("Span {"), "a Debug dump in:\n{stderr}");
    let _ = fs::remove_dir_all(good);
    let _ = fs::remove_dir_all(bad);
}
