//! The seed documentation page's ResetPIN request and response, produced
//! byte for byte by the generated writers and read back by the generated
//! readers; the page's `https://` namespace (a rendering artifact of the
//! docs) is refused with an error that names the right one.

mod common;

use exchange_um::um;
use xsdgen_runtime::soap::{Body, EnvelopeStyle, read_envelope, read_request, write_envelope};

const SEED: &str = "../shared/seed/resetpin-operation.md";
const DOCS_NS: &str = "https://schemas.microsoft.com/exchange/services/2006/messages";
const REAL_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

/// The page's two XML blocks, as printed (https namespace).
fn seed_blocks() -> (String, String) {
    let blocks = common::xml_blocks(&common::read(SEED));
    assert_eq!(
        blocks.len(),
        2,
        "the seed page has a request and a response"
    );
    (blocks[0].clone(), blocks[1].clone())
}

/// The corrections, and only these: the real namespace; no trailing blanks
/// at line ends; no blank before `?>` in the declaration (the page has one
/// in the response only, which no XML writer produces).
fn corrected(block: &str) -> String {
    let fixed = block.replace(DOCS_NS, REAL_NS).replace("\" ?>", "\"?>");
    let lines: Vec<&str> = fixed.lines().map(str::trim_end).collect();
    lines.join("\n")
}

#[test]
fn the_generated_writer_produces_the_seed_request() {
    let (request, _) = seed_blocks();
    let written = write_envelope(&um::ResetPin::default(), &EnvelopeStyle::INDENTED).unwrap();
    assert_eq!(written, corrected(&request));
}

#[test]
fn the_generated_writer_produces_the_seed_response() {
    let (_, response) = seed_blocks();
    let written = write_envelope(
        &um::ResetPinResponse::default(),
        &EnvelopeStyle::ASMX_RESPONSE,
    )
    .unwrap();
    assert_eq!(written, corrected(&response));
}

#[test]
fn the_generated_readers_read_the_seed_back() {
    let (request, response) = seed_blocks();
    let decoded: um::ResetPin = read_request(corrected(&request).as_bytes()).unwrap();
    assert_eq!(decoded, um::ResetPin::default());
    match read_envelope::<um::ResetPinResponse>(corrected(&response).as_bytes()).unwrap() {
        Body::Content(decoded) => assert_eq!(decoded, um::ResetPinResponse::default()),
        Body::Fault(fault) => panic!("unexpected fault {fault}"),
    }
}

#[test]
fn the_https_variant_is_refused_naming_the_expected_namespace() {
    let (request, response) = seed_blocks();
    let err = read_request::<um::ResetPin>(request.as_bytes()).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains(&format!("expected element {{{REAL_NS}}}ResetPIN")),
        "{message}"
    );
    assert!(
        message.contains(&format!("found {{{DOCS_NS}}}ResetPIN")),
        "{message}"
    );
    assert_eq!(err.path, "/Envelope/Body/ResetPIN");

    let err = read_envelope::<um::ResetPinResponse>(response.as_bytes()).unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("expected element {{{REAL_NS}}}ResetPINResponse")),
        "{err}"
    );
}
