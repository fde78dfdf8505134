//! The project's own UM service description through the front end.

use std::path::PathBuf;

mod common;
use common::front;
use xsdgen::model::QName;

const MESSAGES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

#[test]
fn um_wsdl_has_eleven_operations() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas/um.wsdl");
    if !path.exists() {
        eprintln!("skipped: {} is not there yet", path.display());
        return;
    }
    let (sources, model) = match front(&[path]) {
        Ok(done) => done,
        Err(e) => panic!("{e}"),
    };
    assert!(
        sources.paths_read().count() >= 3,
        "the WSDL and the schemas it imports"
    );
    assert_eq!(model.services.len(), 1);
    let operations = &model.services[0].operations;
    assert_eq!(operations.len(), 11);
    let reset = operations
        .iter()
        .find(|o| o.name == "ResetPIN")
        .expect("ResetPIN");
    assert_eq!(
        reset.soap_action.as_deref(),
        Some("http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN")
    );
    assert_eq!(
        model.element(reset.input.element).name,
        QName::new(Some(MESSAGES_NS), "ResetPIN")
    );
    assert_eq!(
        model.element(reset.output.element).name,
        QName::new(Some(MESSAGES_NS), "ResetPINResponse")
    );
    assert!(reset.input.headers.is_empty());
    assert_eq!(reset.safe_to_retry, Some(false));
}
