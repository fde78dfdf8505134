//! OASIS XML Catalogs 1.1, for the one question a schema loader asks: which
//! local file stands for a `schemaLocation` (or an import's namespace) that
//! cannot be read as written.
//!
//! Supported entries: `uri`, `system`, `rewriteURI`, `rewriteSystem`,
//! `uriSuffix`, `systemSuffix`, `nextCatalog`, inside `catalog` and `group`,
//! with `xml:base`. A `schemaLocation` is a URI reference, so `uri` entries
//! are tried first; many published catalogs map schemas with `system`
//! entries instead, so those are tried next. Within a kind, an exact match
//! wins over the longest rewrite prefix, which wins over the longest suffix,
//! as the specification orders them. `public` and `delegate*` entries do not
//! apply to schema locations and are skipped. Nothing is ever fetched: a
//! catalog that names a remote file maps nothing.

use std::path::{Path, PathBuf};

use super::paths;
use crate::diagnostics::{Diagnostic, FileId};

const CATALOG_NS: &str = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

/// How deeply `nextCatalog` may chain, so that a cycle ends.
const MAX_CHAIN: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Space {
    Uri,
    System,
}

#[derive(Debug, Clone)]
enum Rule {
    Exact {
        space: Space,
        key: String,
        file: PathBuf,
    },
    Rewrite {
        space: Space,
        prefix: String,
        replacement: String,
    },
    Suffix {
        space: Space,
        suffix: String,
        file: PathBuf,
    },
}

/// The entries of one or more catalog files, in the order they were read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Catalog {
    rules: Vec<Rule>,
}

/// A catalog file's text, already read; `path` is how it is shown.
pub(crate) struct CatalogFile<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub file: FileId,
}

impl Catalog {
    /// Adds the entries of `catalog`; returns the `nextCatalog` files it
    /// names, to be read after it, and the problems found.
    pub(crate) fn add(&mut self, catalog: &CatalogFile<'_>) -> (Vec<PathBuf>, Vec<Diagnostic>) {
        let mut next = Vec::new();
        let mut problems = Vec::new();
        let doc = match super::xml::parse_xml(catalog.text, catalog.file) {
            Ok(doc) => doc,
            Err(d) => return (next, vec![d]),
        };
        let root = doc.root_element();
        if !super::xml::is(root, CATALOG_NS, "catalog") {
            problems.push(Diagnostic::error(
                super::xml::start_tag_span(root, catalog.file),
                format!(
                    "not an OASIS XML catalog: the root element is not '{{{CATALOG_NS}}}catalog'"
                ),
            ));
            return (next, problems);
        }
        let base = catalog
            .path
            .parent()
            .unwrap_or_else(|| Path::new(""))
            .to_path_buf();
        self.entries(root, &base, catalog, &mut next, &mut problems, 0);
        (next, problems)
    }

    fn entries(
        &mut self,
        node: roxmltree::Node<'_, '_>,
        base: &Path,
        catalog: &CatalogFile<'_>,
        next: &mut Vec<PathBuf>,
        problems: &mut Vec<Diagnostic>,
        depth: usize,
    ) {
        for child in node.children().filter(|n| n.is_element()) {
            if child.tag_name().namespace() != Some(CATALOG_NS) {
                continue;
            }
            let base = match child.attribute((super::xml::XML_NS, "base")) {
                Some(b) => base.join(paths::strip_file_scheme(b)),
                None => base.to_path_buf(),
            };
            let attr = |name: &str| {
                child
                    .attribute(name)
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
            };
            let local = |value: &str| -> Option<PathBuf> {
                // A catalog entry pointing at the network maps nothing here.
                (!paths::is_remote(value))
                    .then(|| paths::normalize(&base.join(paths::strip_file_scheme(value))))
            };
            let missing = |what: &str| {
                Diagnostic::error(
                    super::xml::start_tag_span(child, catalog.file),
                    format!("catalog entry '{}' needs '{what}'", child.tag_name().name()),
                )
            };
            match child.tag_name().name() {
                "group" if depth < MAX_CHAIN => {
                    self.entries(child, &base, catalog, next, problems, depth + 1);
                }
                "uri" | "system" => {
                    let (space, key_attr) = if child.tag_name().name() == "uri" {
                        (Space::Uri, "name")
                    } else {
                        (Space::System, "systemId")
                    };
                    match (attr(key_attr), attr("uri")) {
                        (Some(key), Some(uri)) => {
                            if let Some(file) = local(uri) {
                                self.rules.push(Rule::Exact {
                                    space,
                                    key: key.to_owned(),
                                    file,
                                });
                            }
                        }
                        (None, _) => problems.push(missing(key_attr)),
                        (_, None) => problems.push(missing("uri")),
                    }
                }
                "rewriteURI" | "rewriteSystem" => {
                    let (space, start) = if child.tag_name().name() == "rewriteURI" {
                        (Space::Uri, "uriStartString")
                    } else {
                        (Space::System, "systemIdStartString")
                    };
                    match (attr(start), attr("rewritePrefix")) {
                        (Some(prefix), Some(replacement)) => {
                            if let Some(dir) = local(replacement) {
                                self.rules.push(Rule::Rewrite {
                                    space,
                                    prefix: prefix.to_owned(),
                                    replacement: dir.to_string_lossy().into_owned(),
                                });
                            }
                        }
                        (None, _) => problems.push(missing(start)),
                        (_, None) => problems.push(missing("rewritePrefix")),
                    }
                }
                "uriSuffix" | "systemSuffix" => {
                    let (space, key_attr) = if child.tag_name().name() == "uriSuffix" {
                        (Space::Uri, "uriSuffix")
                    } else {
                        (Space::System, "systemIdSuffix")
                    };
                    match (attr(key_attr), attr("uri")) {
                        (Some(suffix), Some(uri)) => {
                            if let Some(file) = local(uri) {
                                self.rules.push(Rule::Suffix {
                                    space,
                                    suffix: suffix.to_owned(),
                                    file,
                                });
                            }
                        }
                        (None, _) => problems.push(missing(key_attr)),
                        (_, None) => problems.push(missing("uri")),
                    }
                }
                "nextCatalog" => match attr("catalog").and_then(local) {
                    Some(file) if next.len() < MAX_CHAIN => next.push(file),
                    Some(_) => {}
                    None => problems.push(missing("catalog")),
                },
                _ => {}
            }
        }
    }

    /// The local file for `location`, by the specification's order.
    pub(crate) fn resolve(&self, location: &str) -> Option<PathBuf> {
        [Space::Uri, Space::System]
            .into_iter()
            .find_map(|space| self.resolve_in(space, location))
    }

    fn resolve_in(&self, space: Space, location: &str) -> Option<PathBuf> {
        let exact = self.rules.iter().find_map(|r| match r {
            Rule::Exact {
                space: s,
                key,
                file,
            } if *s == space && key == location => Some(file.clone()),
            _ => None,
        });
        if exact.is_some() {
            return exact;
        }
        let rewrite = self
            .rules
            .iter()
            .filter_map(|r| match r {
                Rule::Rewrite {
                    space: s,
                    prefix,
                    replacement,
                } if *s == space && location.starts_with(prefix.as_str()) => {
                    Some((prefix.len(), replacement, &location[prefix.len()..]))
                }
                _ => None,
            })
            .max_by_key(|(len, _, _)| *len);
        if let Some((_, replacement, rest)) = rewrite {
            return Some(paths::normalize(
                &Path::new(replacement).join(rest.trim_start_matches('/')),
            ));
        }
        self.rules
            .iter()
            .filter_map(|r| match r {
                Rule::Suffix {
                    space: s,
                    suffix,
                    file,
                } if *s == space && location.ends_with(suffix.as_str()) => {
                    Some((suffix.len(), file))
                }
                _ => None,
            })
            .max_by_key(|(len, _)| *len)
            .map(|(_, file)| file.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(text: &str) -> (Catalog, Vec<PathBuf>, Vec<Diagnostic>) {
        let mut c = Catalog::default();
        let file = CatalogFile {
            path: Path::new("cat/catalog.xml"),
            text,
            file: FileId(0),
        };
        let (next, problems) = c.add(&file);
        (c, next, problems)
    }

    #[test]
    fn entries_resolve_in_the_specified_order() {
        let (c, next, problems) = catalog(
            r#"<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <uri name="http://example.com/b.xsd" uri="local/b.xsd"/>
  <system systemId="http://other.org/sys.xsd" uri="sys.xsd"/>
  <rewriteURI uriStartString="http://example.com/" rewritePrefix="mirror/"/>
  <rewriteURI uriStartString="http://example.com/deep/" rewritePrefix="deeper"/>
  <group xml:base="grouped/">
    <uriSuffix uriSuffix="/xml.xsd" uri="w3c/xml.xsd"/>
  </group>
  <nextCatalog catalog="more.xml"/>
  <public publicId="-//W3C//DTD XMLSCHEMA 200102//EN" uri="ignored.dtd"/>
</catalog>"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(next, [PathBuf::from("cat/more.xml")]);
        let r = |l: &str| c.resolve(l).map(|p| p.to_string_lossy().into_owned());
        assert_eq!(
            r("http://example.com/b.xsd").as_deref(),
            Some("cat/local/b.xsd")
        );
        assert_eq!(
            r("http://other.org/sys.xsd").as_deref(),
            Some("cat/sys.xsd")
        );
        assert_eq!(
            r("http://example.com/a/c.xsd").as_deref(),
            Some("cat/mirror/a/c.xsd")
        );
        assert_eq!(
            r("http://example.com/deep/x.xsd").as_deref(),
            Some("cat/deeper/x.xsd")
        );
        assert_eq!(
            r("http://www.w3.org/2001/xml.xsd").as_deref(),
            Some("cat/grouped/w3c/xml.xsd")
        );
        assert_eq!(r("http://elsewhere.org/x.xsd"), None);
    }

    #[test]
    fn broken_catalogs_are_reported() {
        let (_, _, problems) = catalog(
            r#"<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"><uri name="a"/><system uri="b"/></catalog>"#,
        );
        let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "catalog entry 'uri' needs 'uri'",
                "catalog entry 'system' needs 'systemId'"
            ]
        );
        let (_, _, problems) = catalog("<catalog/>");
        assert!(problems[0].message.starts_with("not an OASIS XML catalog"));
    }
}
