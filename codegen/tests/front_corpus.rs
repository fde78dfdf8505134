//! The front end on the real EWS schema sets: no diagnostics, real counts.

use std::path::PathBuf;
use std::time::Instant;

use xsdgen::model::{Model, QName};

const TYPES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/types";
const MESSAGES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

fn corpus(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(rel)
}

fn load(rel: &str) -> Option<Model> {
    let path = corpus(rel);
    if !path.exists() {
        eprintln!("skipped: {} is not there", path.display());
        return None;
    }
    let started = Instant::now();
    let front = match xsdgen::pipeline::front(
        xsdgen::pipeline::Inputs::Disk(&[path]),
        &xsdgen::load::LoadOptions::default(),
    ) {
        Ok(done) => done,
        Err(e) => panic!("{e}"),
    };
    // The only warning of the EWS sets: GetUserAvailability (2016) binds
    // its RequestVersion header twice.
    let unexpected: Vec<String> = front
        .warnings()
        .into_iter()
        .map(|w| w.message)
        .filter(|m| !m.starts_with("header part 'RequestVersion' has the element of an earlier"))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?}");
    let (sources, model) = (front.sources, front.model);
    println!(
        "{rel}: {} files, {} types, {} elements, {} operations in {:?}",
        sources.files().len(),
        model.types.len(),
        model.elements.len(),
        model
            .services
            .iter()
            .map(|s| s.operations.len())
            .sum::<usize>(),
        started.elapsed()
    );
    Some(model)
}

/// Counts taken from the files with an independent XML reader: top-level
/// `xs:element`, named `xs:complexType` + `xs:simpleType`, `soap:operation`.
fn check_counts(model: &Model, elements: usize, named_types: usize, operations: usize) {
    assert_eq!(model.elements.len(), elements);
    assert_eq!(model.type_index.len(), named_types);
    assert_eq!(model.services[0].operations.len(), operations);
}

fn check_common(model: &Model) {
    assert!(
        model
            .type_index
            .contains_key(&QName::new(Some(TYPES_NS), "ItemType"))
    );
    assert!(
        model
            .element_index
            .contains_key(&QName::new(Some(MESSAGES_NS), "GetItem"))
    );
    assert_eq!(model.services.len(), 1);
    let service = &model.services[0];
    assert_eq!(
        service.name,
        QName::new(Some(MESSAGES_NS), "ExchangeServices")
    );
    let get_item = service.operations.iter().find(|o| o.name == "GetItem");
    let get_item = get_item.expect("GetItem");
    assert_eq!(
        get_item.soap_action.as_deref(),
        Some("http://schemas.microsoft.com/exchange/services/2006/messages/GetItem")
    );
    let input = model.element(get_item.input.element);
    assert_eq!(input.name, QName::new(Some(MESSAGES_NS), "GetItem"));
    assert_eq!(get_item.input.part, "request");
    assert!(
        get_item
            .input
            .headers
            .iter()
            .any(|h| h.part == "RequestVersion")
    );
}

#[test]
fn exchange_2016() {
    let Some(model) = load("ews/Exchange2016/services.wsdl") else {
        return;
    };
    check_common(&model);
    check_counts(&model, 313, 1134, 122);
    assert!(model.services[0].operations.len() > 100);
}

#[test]
fn exchange_2010_sp2() {
    let Some(model) = load("ews/Exchange2010_SP2/services.wsdl") else {
        return;
    };
    check_common(&model);
    check_counts(&model, 166, 603, 60);
}
