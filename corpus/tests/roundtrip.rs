//! Every instance document of every corpus set (`../shared/corpus/*/instances`,
//! each valid against its set's schema) read through the generated type of
//! its root element and written back. Each written document must be
//! (a) namespace-well-formed, (b) valid against the schema the original
//! is valid against (`xmllint --noout --schema`), (c) the same infoset as
//! the original, as `xsdgen_testkit::canonical` compares them, and
//! (d) read again into a value equal to the first one.
//!
//! The two NF-e SOAP 1.2 envelopes (`exemplo_retorno_sucesso_envia_lote.xml`,
//! `response_inut_cnpj.xml`) are not documents of a payload schema: the
//! runtime reader walks down `Envelope/Body/nfeResultMsg` to the payload
//! element, and only the payload is round-tripped, validated against its
//! payload schema and compared with the original's payload subtree.
//!
//! Normalisations allowed in (c), beyond those of the testkit (names
//! expanded, attributes sorted, text trimmed, comments dropped, `xsi:type`
//! expanded), each for the sets named and no other:
//! - maven-pom400: the children of an element whose type is an `xs:all`
//!   (every POM type but the list wrappers) compare in name order: the
//!   generated struct holds one field per child and writes them in schema
//!   order, which is the order of no particular document.
//! - hpxml, bpmn20 (DC `Bounds`/`Point` coordinates): a number with a fraction (`0.80`, `13.0`) compares as the f64
//!   it denotes: HPXML's values are `xs:double`, read into `f64` and
//!   written in its shortest form (`0.8`, `13`).
//! - bpmn20: the values of attributes and elements declared `xs:QName`
//!   (`sourceRef`, `bpmnElement`, `incoming`, ...) compare as expanded
//!   names: the prefix of a QName is not part of its value, and the writer
//!   may need another one where it declares namespaces differently.
//!
//! Every other value must come back in the lexical form it was read in.

#![cfg(corpus)]

use std::path::{Path, PathBuf};
use std::process::Command;

use std::collections::BTreeSet;
use xsdgen_corpus::{bpmn20, gpx11, hpxml, maven_pom400, nfe_inut, nfe_v4, ubl21};

use roxmltree::Node;
use xsdgen_runtime::xml::{Name, ReadError, XmlElement, XmlReader, from_xml, to_xml};
use xsdgen_testkit::Rules;

const SOAP12: &str = "http://www.w3.org/2003/05/soap-envelope";
const XSD: &str = "http://www.w3.org/2001/XMLSchema";

/// Every schema document of a folder of the corpus, parsed.
fn schema_texts(folder: &str) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xsd"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Whether `node` is the XSD element `local`.
fn is_xsd(node: &Node<'_, '_>, local: &str) -> bool {
    node.has_tag_name((XSD, local))
}

/// The local part of a QName-valued schema attribute, if its prefix
/// denotes the XSD namespace.
fn xsd_type(node: &Node<'_, '_>) -> Option<String> {
    let t = node.attribute("type")?;
    let (prefix, local) = t.split_once(':').unwrap_or(("", t));
    let prefix = (!prefix.is_empty()).then_some(prefix);
    (node.lookup_namespace_uri(prefix) == Some(XSD)).then(|| local.to_owned())
}

/// Where the schemas of `folder` declare `xs:QName` values: the names of
/// elements of that type, and per complex type (with what it inherits by
/// extension) its attributes of that type; elements map to their types.
#[derive(Default)]
struct QNames {
    elements: BTreeSet<String>,
    attributes: std::collections::BTreeMap<String, (Option<String>, BTreeSet<String>)>,
    element_types: std::collections::BTreeMap<String, String>,
}

impl QNames {
    fn of(folder: &str) -> Self {
        let local = |t: &str| t.rsplit(':').next().unwrap_or(t).to_owned();
        let mut q = QNames::default();
        for text in schema_texts(folder) {
            let doc = roxmltree::Document::parse(&text).unwrap();
            for n in doc.descendants() {
                let qname = xsd_type(&n).as_deref() == Some("QName");
                if is_xsd(&n, "element") {
                    if let Some(name) = n.attribute("name") {
                        if qname {
                            q.elements.insert(name.to_owned());
                        } else if let Some(t) = n.attribute("type") {
                            q.element_types.insert(name.to_owned(), local(t));
                        }
                    }
                }
                if is_xsd(&n, "complexType") {
                    if let Some(name) = n.attribute("name") {
                        let base = n
                            .descendants()
                            .find(|d| is_xsd(d, "extension"))
                            .and_then(|e| e.attribute("base"))
                            .map(local);
                        let attrs = n
                            .descendants()
                            .filter(|d| is_xsd(d, "attribute"))
                            .filter(|d| xsd_type(d).as_deref() == Some("QName"))
                            .filter_map(|d| d.attribute("name").map(str::to_owned))
                            .collect();
                        q.attributes.insert(name.to_owned(), (base, attrs));
                    }
                }
            }
        }
        q
    }

    /// Whether `attribute` of `element` (whose `xsi:type` wins over its
    /// declared type) holds a QName.
    fn attribute(&self, element: Node<'_, '_>, attribute: &str) -> bool {
        let declared = element
            .attribute((xsdgen_runtime::xml::ns::XSI, "type"))
            .map(|t| t.rsplit(':').next().unwrap_or(t).to_owned())
            .or_else(|| self.element_types.get(element.tag_name().name()).cloned());
        let mut at = declared;
        while let Some(t) = at {
            let Some((base, attrs)) = self.attributes.get(&t) else {
                return false;
            };
            if attrs.contains(attribute) {
                return true;
            }
            at = base.clone();
        }
        false
    }
}

/// Names of the elements whose declared type has `xs:all` content, in the
/// schemas of `folder`; the global element of such a type too.
fn all_typed(folder: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for text in schema_texts(folder) {
        let doc = roxmltree::Document::parse(&text).unwrap();
        let all_types: BTreeSet<&str> = doc
            .descendants()
            .filter(|n| is_xsd(n, "complexType"))
            .filter(|n| n.children().any(|c| is_xsd(&c, "all")))
            .filter_map(|n| n.attribute("name"))
            .collect();
        for n in doc.descendants().filter(|n| is_xsd(n, "element")) {
            let local = n
                .attribute("type")
                .map(|t| t.rsplit(':').next().unwrap_or(t));
            let anonymous_all = n
                .children()
                .find(|c| is_xsd(c, "complexType"))
                .is_some_and(|t| t.children().any(|c| is_xsd(&c, "all")));
            if local.is_some_and(|t| all_types.contains(t)) || anonymous_all {
                names.extend(n.attribute("name").map(str::to_owned));
            }
        }
    }
    names
}

/// A QName value as `{uri}local`, resolved where it appears.
fn expand_qname(node: Node<'_, '_>, text: &str) -> String {
    let (prefix, local) = text.trim().split_once(':').unwrap_or(("", text.trim()));
    let prefix = (!prefix.is_empty()).then_some(prefix);
    format!(
        "{{{}}}{local}",
        node.lookup_namespace_uri(prefix).unwrap_or_default()
    )
}

/// A number with a fraction as the f64 it denotes.
fn as_double(text: &str) -> String {
    let numeric = text.contains('.')
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
    match text.parse::<f64>() {
        Ok(v) if numeric => format!("{v}"),
        _ => text.to_owned(),
    }
}

fn corpus() -> PathBuf {
    std::env::var_os("XSDGEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"))
}

/// A root element, the generated type that reads it, and the schema its
/// documents are valid against.
struct Root {
    name: Name,
    /// Entry schema for xmllint, relative to the corpus.
    schema: &'static str,
    /// Reads the element at the end of `wrappers` (the document's root
    /// when empty), writes it back, and reads that again: the document
    /// written, or why it failed.
    round_trip: fn(&str, &[Name]) -> Result<String, String>,
}

macro_rules! root {
    ($t:ty, $schema:literal) => {
        Root {
            name: <$t as XmlElement>::NAME,
            schema: $schema,
            round_trip: round_trip::<$t>,
        }
    };
}

/// Reads `T` as the document's root, or inside the `wrappers` from the
/// root down, skipping their other children.
fn read_at<T: XmlElement>(xml: &str, wrappers: &[Name]) -> Result<T, ReadError> {
    if wrappers.is_empty() {
        return from_xml(xml);
    }
    let mut r = XmlReader::new(xml);
    let mut start = r.root()?;
    for (i, wrapper) in wrappers.iter().enumerate() {
        r.expect(&start, *wrapper)?;
        let next = wrappers.get(i + 1).copied().unwrap_or(T::NAME);
        start = loop {
            match r.next_child()? {
                Some(child) if r.is(&child, next) => break child,
                Some(_) => r.skip()?,
                None => return Err(r.missing(next)),
            }
        };
    }
    T::read_xml(&mut r, &start)
}

fn round_trip<T: XmlElement + PartialEq + std::fmt::Debug>(
    xml: &str,
    wrappers: &[Name],
) -> Result<String, String> {
    let value: T = read_at(xml, wrappers).map_err(|e| format!("read: {e}"))?;
    let written = to_xml(&value).map_err(|e| format!("write: {e}"))?;
    let again: T = from_xml(&written).map_err(|e| format!("read again: {e}\n{written}"))?;
    if again != value {
        return Err(format!(
            "(d) read again, a different value:\n{}",
            first_difference(&format!("{value:#?}"), &format!("{again:#?}"))
        ));
    }
    Ok(written)
}

/// Where the payload of a SOAP 1.2 envelope sits, by the local name of
/// the operation's result wrapper's namespace.
fn envelope_wrappers(doc: &roxmltree::Document<'_>) -> Option<Vec<Name>> {
    let root = doc.root_element();
    if root.tag_name().namespace() != Some(SOAP12) {
        return None;
    }
    let body = root.children().find(|n| n.has_tag_name((SOAP12, "Body")))?;
    let message = body.children().find(roxmltree::Node::is_element)?;
    // `Name` holds `'static` strings: the wrappers are the two the NF-e
    // services answer with.
    let ns = [
        "http://www.portalfiscal.inf.br/nfe/wsdl/NFeAutorizacao4",
        "http://www.portalfiscal.inf.br/nfe/wsdl/NFeInutilizacao4",
    ]
    .into_iter()
    .find(|ns| message.tag_name().namespace() == Some(*ns))?;
    Some(vec![
        Name::new(SOAP12, "Envelope"),
        Name::new(SOAP12, "Body"),
        Name::new(ns, message.tag_name().name().to_owned().leak()),
    ])
}

/// Every file under the set's `instances/`, sorted.
fn instances(set: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&corpus().join(set).join("instances"), &mut files);
    files.sort();
    files
}

/// Runs xmllint on `xml` written to a temporary file: `None` when valid,
/// else its report.
fn xmllint(schema: &Path, xml: &str, tag: &str) -> Option<String> {
    let file = std::env::temp_dir().join(format!("xsdgen-corpus-{}-{tag}.xml", std::process::id()));
    std::fs::write(&file, xml).unwrap();
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(&file)
        .output()
        .expect("xmllint is installed (apt-get install libxml2-utils)");
    let _ = std::fs::remove_file(&file);
    (!output.status.success()).then(|| String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Round-trips every instance of `set`, each through the root of `roots`
/// its root element (or envelope payload) is, and checks (a) to (d), with
/// `rules` for (c).
fn check_set(set: &str, roots: &[Root], rules: &Rules<'_>) {
    check_set_known(set, roots, rules, &[]);
}

/// A difference known to happen (the only ones allowed are libxml2's own
/// limitations), by the instance's path suffix and a text its report
/// contains. Each must still happen, so that
/// the list shrinks when one is fixed.
struct Known {
    path: &'static str,
    report: &'static str,
}

fn check_set_known(set: &str, roots: &[Root], rules: &Rules<'_>, known: &[Known]) {
    let files = instances(set);
    assert!(!files.is_empty(), "{set}: no instances");
    let mut failures = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let xml = std::fs::read_to_string(path).unwrap();
        let xml = xml.strip_prefix('\u{feff}').unwrap_or(&xml);
        let doc = roxmltree::Document::parse(xml).unwrap();
        let wrappers = envelope_wrappers(&doc).unwrap_or_default();
        let original = match wrappers.last() {
            Some(_) => doc.descendants().find(|n| {
                n.is_element()
                    && roots
                        .iter()
                        .any(|r| n.has_tag_name((r.name.ns, r.name.local)))
            }),
            None => Some(doc.root_element()),
        };
        let Some(original) = original else {
            failures.push(format!("{}: no payload", path.display()));
            continue;
        };
        let Some(root) = roots
            .iter()
            .find(|r| original.has_tag_name((r.name.ns, r.name.local)))
        else {
            failures.push(format!(
                "{}: no type for {:?}",
                path.display(),
                original.tag_name()
            ));
            continue;
        };
        let written = match (root.round_trip)(xml, &wrappers) {
            Ok(written) => written,
            Err(e) => {
                failures.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        if let Err(e) = roxmltree::Document::parse(&written) {
            failures.push(format!("{}: (a) {e}\n{written}", path.display()));
            continue;
        }
        if let Some(report) = xmllint(&corpus().join(root.schema), &written, &format!("{set}-{i}"))
        {
            failures.push(format!("{}: (b) invalid:\n{report}", path.display()));
        }
        let before = xsdgen_testkit::canonical_node(original, rules);
        let after = xsdgen_testkit::canonical_with(&written, rules);
        if before != after {
            failures.push(format!(
                "{}: (c) changed:\n{}",
                path.display(),
                first_difference(&before, &after)
            ));
        }
    }
    for k in known {
        let before = failures.len();
        failures.retain(|f| {
            !(f.split(':').next().is_some_and(|p| p.ends_with(k.path)) && f.contains(k.report))
        });
        assert_eq!(
            before - failures.len(),
            1,
            "{set}: the known difference of {} ('{}') no longer happens exactly once: remove it",
            k.path,
            k.report
        );
    }
    assert!(
        failures.is_empty(),
        "{set}: {} of {} instances failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
    println!("{set}: {} instances round-tripped", files.len());
}

/// The first differing line of two canonical forms, with its neighbours.
fn first_difference(before: &str, after: &str) -> String {
    let (b, a): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let at = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let from = at.saturating_sub(3);
    format!(
        "original:\n{}\nwritten:\n{}",
        b[from..(at + 3).min(b.len())].join("\n"),
        a[from..(at + 3).min(a.len())].join("\n")
    )
}

#[test]
fn gpx11() {
    check_set(
        "gpx11",
        &[root!(gpx11::Gpx, "gpx11/schema/gpx.xsd")],
        &Rules::NONE,
    );
}

#[test]
fn maven_pom400() {
    let all = all_typed("maven-pom400/schema/content/resources/xsd");
    assert!(
        all.contains("project") && all.contains("dependency"),
        "{all:?}"
    );
    let unordered = |n: Node<'_, '_>| all.contains(n.tag_name().name());
    check_set(
        "maven-pom400",
        &[root!(
            maven_pom400::Project,
            "maven-pom400/schema/content/resources/xsd/maven-4.0.0.xsd"
        )],
        &Rules {
            unordered: &unordered,
            ..Rules::NONE
        },
    );
}

#[test]
fn hpxml() {
    check_set(
        "hpxml",
        &[root!(hpxml::Hpxml, "hpxml/schema/schemas/HPXML.xsd")],
        &Rules {
            value: &|_, _, text| as_double(text),
            ..Rules::NONE
        },
    );
}

#[test]
fn bpmn20() {
    let qnames = QNames::of("bpmn20/schema/resources/bpmn/xsd");
    assert!(qnames.elements.contains("incoming"));
    // Extension elements of other vendors are kept as read.
    let ours = |n: Node<'_, '_>| {
        n.tag_name()
            .namespace()
            .is_some_and(|ns| ns.starts_with("http://www.omg.org/spec/"))
    };
    let value = |n: Node<'_, '_>, attribute: Option<&str>, text: &str| {
        let qname = ours(n)
            && match attribute {
                Some(a) => qnames.attribute(n, a),
                None => qnames.elements.contains(n.tag_name().name()),
            };
        if qname {
            expand_qname(n, text)
        } else {
            as_double(text)
        }
    };
    check_set(
        "bpmn20",
        &[root!(
            bpmn20::model::Definitions,
            "bpmn20/schema/resources/bpmn/xsd/BPMN20.xsd"
        )],
        &Rules {
            value: &value,
            ..Rules::NONE
        },
    );
}

#[test]
fn ubl21() {
    check_set(
        "ubl21",
        &[
            root!(
                ubl21::invoice_2::Invoice,
                "ubl21/schema/xsd/maindoc/UBL-Invoice-2.1.xsd"
            ),
            root!(
                ubl21::credit_note_2::CreditNote,
                "ubl21/schema/xsd/maindoc/UBL-CreditNote-2.1.xsd"
            ),
        ],
        &Rules::NONE,
    );
}

#[test]
fn nfe() {
    check_set(
        "nfe",
        &[
            root!(
                nfe_v4::nfe::NFe,
                "nfe/schema/nfelib/nfe/schemas/v4_0/nfe_v4.00.xsd"
            ),
            root!(
                nfe_v4::nfe::NfeProc,
                "nfe/schema/nfelib/nfe/schemas/v4_0/procNFe_v4.00.xsd"
            ),
            root!(
                nfe_v4::nfe::RetEnviNFe,
                "nfe/schema/nfelib/nfe/schemas/v4_0/retEnviNFe_v4.00.xsd"
            ),
            root!(
                nfe_inut::nfe::InutNFe,
                "nfe/schema/nfelib/nfe/schemas/v4_0/inutNFe_v4.00.xsd"
            ),
            root!(
                nfe_inut::nfe::RetInutNFe,
                "nfe/schema/nfelib/nfe/schemas/v4_0/retInutNFe_v4.00.xsd"
            ),
        ],
        &Rules::NONE,
    );
}
