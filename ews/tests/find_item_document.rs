//! The synthetic FindItem responses the benches read are what the benches
//! claim they are: valid against the published Exchange 2016 schemas
//! (libxml2's `xmllint` as the oracle), with at least 15 properties on
//! every item, read by the generated types and written back with the same
//! infoset, and read in full by the hand-written serde structs.
//!
//! The documents come from the benches' own `support` module, compiled
//! here from the same files. Two sizes: the small bench size, and 420
//! items, which hold every combination of the document's per-item cycles.

#![cfg(ews_corpus)]

use roxmltree::{Document, Node};
use xsdgen_testkit::ews_schemas;
use xsdgen_testkit::xmllint::{self, TempDir};
use xsdgen_testkit::{Rules, canonical, canonical_node};

#[path = "../benches/support/mod.rs"]
mod support;

use support::{SIZES, document, generated, serde_model};

const TYPES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/types";

/// What every item must carry at least, counted as child elements.
const MIN_PROPERTIES: usize = 15;

fn sizes() -> [usize; 2] {
    [SIZES[0].1, 420]
}

/// The items of the response, in order.
fn items<'a, 'i>(doc: &'a Document<'i>) -> Vec<Node<'a, 'i>> {
    let list = doc
        .descendants()
        .find(|n| n.has_tag_name((TYPES_NS, "Items")))
        .expect("the response holds t:Items");
    list.children().filter(Node::is_element).collect()
}

#[test]
fn every_item_carries_at_least_15_properties() {
    for count in sizes() {
        let xml = document::find_item_response(count);
        let doc = Document::parse(&xml).expect("the document is well-formed");
        let items = items(&doc);
        assert_eq!(items.len(), count, "one item per requested item");
        for (i, item) in items.iter().enumerate() {
            let properties = item.children().filter(Node::is_element).count();
            assert!(
                properties >= MIN_PROPERTIES,
                "item {i} ({}) of {count} has {properties} properties",
                item.tag_name().name()
            );
        }
        let meetings = items
            .iter()
            .filter(|n| n.has_tag_name((TYPES_NS, "MeetingRequest")))
            .count();
        assert_eq!(
            meetings,
            count / 7,
            "every seventh item is a meeting request"
        );
    }
}

#[test]
fn the_documents_validate_against_the_2016_schemas() {
    let temp = TempDir::new("find-item-document");
    let Some(corpus) = ews_schemas::corpus() else {
        return;
    };
    if !xmllint::installed() {
        return;
    }
    let schemas = ews_schemas::schemas(&corpus, &temp);
    for count in sizes() {
        let xml = document::find_item_response(count);
        let file = temp.write(&format!("FindItem-{count}.xml"), &xml);
        if let Err(report) = xmllint::validate(&schemas.exchange2016, &[&file]) {
            panic!("xmllint rejected the FindItem response of {count} items:\n{report}");
        }
        // What the generated writer makes of it must be valid too.
        let written = generated::write(&generated::read(xml.as_bytes()));
        let file = temp.write(&format!("FindItem-{count}-written.xml"), &written);
        if let Err(report) = xmllint::validate(&schemas.exchange2016, &[&file]) {
            panic!("xmllint rejected the {count} items the generated types wrote:\n{report}");
        }
    }
}

#[test]
fn the_generated_types_write_back_what_they_read() {
    for count in sizes() {
        let xml = document::find_item_response(count);
        let written = generated::write(&generated::read(xml.as_bytes()));
        assert_eq!(
            canonical(&written),
            canonical(&xml),
            "the infoset of {count} items changed"
        );
        let again = generated::write(&generated::read(written.as_bytes()));
        assert_eq!(again, written, "writing {count} items is not stable");
    }
}

/// Everything in the document has its place in the serde structs: what
/// they write back has the same infoset.
#[test]
fn the_serde_structs_read_the_same_information() {
    for count in sizes() {
        let xml = document::find_item_response(count);
        let written = serde_model::write(&serde_model::read(&xml).with_namespaces());
        assert_eq!(
            canonical(&written),
            canonical(&xml),
            "serde lost or changed something in {count} items"
        );
    }
}

/// Streaming gives the items the whole document holds, each read and
/// written back with its infoset, in order.
#[test]
fn streaming_reads_every_item_as_it_is() {
    use xsdgen_runtime::xml::{Name, XmlWrite, XmlWriter};
    let xml = document::find_item_response(420);
    let doc = Document::parse(&xml).unwrap();
    let originals = items(&doc);
    let mut written = Vec::new();
    let count = generated::stream(xml.as_bytes(), |item| {
        let mut w = XmlWriter::new();
        let result = match &item {
            generated::Item::Message(m) => m.write_xml(&mut w, Name::new(TYPES_NS, "Message")),
            generated::Item::MeetingRequest(m) => {
                m.write_xml(&mut w, Name::new(TYPES_NS, "MeetingRequest"))
            }
        };
        result.unwrap();
        written.push(w.into_string());
    });
    assert_eq!(count, originals.len());
    for (node, out) in originals.iter().zip(&written) {
        assert_eq!(
            canonical_node(*node, &Rules::NONE),
            canonical(out),
            "item {}",
            node.tag_name().name()
        );
    }
}
