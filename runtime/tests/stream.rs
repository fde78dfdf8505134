//! `xml::Children`: the children of an element deep in a document, read
//! one at a time, with the errors of the whole-document reader.

use xsdgen_runtime::xml::{
    Children, Name, ReadError, ReadErrorKind, Start, WriteError, XmlElement, XmlRead, XmlReader,
    XmlWrite, XmlWriter,
};

const NS: &str = "urn:test:stream";

#[derive(Debug, PartialEq)]
struct Item(String);

impl XmlRead for Item {
    fn read_xml(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Self, ReadError> {
        xsdgen_runtime::xml::text(r, start).map(Item)
    }
}

impl XmlWrite for Item {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.text(&self.0)?;
        w.end()
    }
}

impl XmlElement for Item {
    const NAME: Name = Name::new(NS, "Item");
}

const PATH: [Name; 3] = [
    Name::new(NS, "Response"),
    Name::new(NS, "Folder"),
    Name::new(NS, "Items"),
];

fn document(items: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><r:Response xmlns:r="{NS}"><r:Code>ok</r:Code><r:Folder><r:Id>1</r:Id><r:Items>{items}</r:Items><r:Total>2</r:Total></r:Folder></r:Response>"#
    )
}

#[test]
fn children_are_read_one_by_one_past_what_precedes_them() {
    let xml = document(r#"<r:Item>a</r:Item><Item xmlns="urn:test:stream">b &amp; c</Item>"#);
    let mut items = Children::open(xml.as_bytes(), &PATH).unwrap();
    assert_eq!(
        items.next_element::<Item>().unwrap().unwrap(),
        Item("a".into())
    );
    assert_eq!(
        items.next_element::<Item>().unwrap().unwrap(),
        Item("b & c".into())
    );
    assert!(items.next_element::<Item>().is_none());
    assert!(items.next_element::<Item>().is_none(), "and stays done");
    items.finish().unwrap();
}

#[test]
fn a_choice_of_children_is_read_by_a_closure() {
    let xml = document(r#"<r:Item>a</r:Item><r:Note>n</r:Note>"#);
    let mut items = Children::open(xml.as_bytes(), &PATH).unwrap();
    let mut seen = Vec::new();
    while let Some(next) = items.next_with(|r, start| {
        let kind = start.local_name().to_owned();
        Ok((kind, xsdgen_runtime::xml::text::<String>(r, start)?))
    }) {
        seen.push(next.unwrap());
    }
    assert_eq!(
        seen,
        [("Item".into(), "a".into()), ("Note".into(), "n".into())]
    );
}

#[test]
fn errors_name_the_element_path() {
    let xml = document(r#"<r:Item>a</r:Item><r:Other/>"#);
    let mut items = Children::open(xml.as_bytes(), &PATH).unwrap();
    assert!(items.next_element::<Item>().unwrap().is_ok());
    let error = items.next_element::<Item>().unwrap().unwrap_err();
    assert!(
        matches!(error.kind, ReadErrorKind::UnexpectedElement { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("/Response/Folder/Items/Other"),
        "{error}"
    );
    assert!(
        items.next_element::<Item>().is_none(),
        "nothing after an error"
    );

    let without_folder = document("").replace("Folder", "Box");
    let missing = Children::open(without_folder.as_bytes(), &PATH);
    let error = missing.err().expect("no Folder");
    assert!(error.to_string().contains("Folder"), "{error}");
}

#[test]
fn finish_checks_the_rest_of_the_document() {
    let xml = document("<r:Item>a</r:Item>");
    let items = Children::open(xml.as_bytes(), &PATH).unwrap();
    items.finish().unwrap();
    let broken = document("<r:Item>a</r:Item>").replace("</r:Response>", "</r:Respons>");
    let items = Children::open(broken.as_bytes(), &PATH).unwrap();
    assert!(items.finish().is_err());
    let doctype = format!("<!DOCTYPE r [<!ENTITY e 'x'>]>{}", document(""));
    assert!(Children::open(doctype.as_bytes(), &PATH).is_err());
}
