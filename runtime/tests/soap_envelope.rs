//! Envelopes: byte-exact writing in the documentation's shapes, and
//! reading responses and requests.

mod common;

use common::{IsUmEnabledResponse, MESSAGES, ResetPin, ResetPinResponse, example};
use xsdgen_runtime::soap::{
    Body, BodyReader, EnvelopeStyle, read_envelope, read_request, write_envelope,
};
use xsdgen_runtime::xml::{Name, ReadErrorKind, XmlElement};

/// The seed page's request, namespace corrected.
const SEED_REQUEST: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <ResetPIN xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />
  </soap:Body>
</soap:Envelope>"#;

/// The seed page's response, namespace corrected, without the stray space
/// the page has before `?>`.
const SEED_RESPONSE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <soap:Body>
    <ResetPINResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />
  </soap:Body>
</soap:Envelope>"#;

#[test]
fn indented_request_is_the_seed_byte_for_byte() {
    let xml = write_envelope(&ResetPin, &EnvelopeStyle::INDENTED).unwrap();
    assert_eq!(xml, SEED_REQUEST);
}

#[test]
fn asmx_response_is_the_seed_byte_for_byte() {
    let xml = write_envelope(&ResetPinResponse, &EnvelopeStyle::ASMX_RESPONSE).unwrap();
    assert_eq!(xml, SEED_RESPONSE);
}

#[test]
fn matches_the_schema_example_files() {
    // The files end with a newline; the writer does not add one.
    if let Some(file) = example("ResetPIN.request.xml") {
        let xml = write_envelope(&ResetPin, &EnvelopeStyle::INDENTED).unwrap();
        assert_eq!(xml + "\n", file);
    }
    if let Some(file) = example("IsUMEnabled.response.xml") {
        let parsed: Body<IsUmEnabledResponse> = read_envelope(file.as_bytes()).unwrap();
        assert_eq!(parsed, Body::Content(IsUmEnabledResponse { value: true }));
        let xml = write_envelope(
            &IsUmEnabledResponse { value: true },
            &EnvelopeStyle::ASMX_RESPONSE,
        )
        .unwrap();
        // The page's declaration has a space before `?>`; ours does not.
        let file = file.replacen(r#""utf-8" ?>"#, r#""utf-8"?>"#, 1);
        assert_eq!(xml + "\n", file);
    }
}

#[test]
fn compact_is_what_the_client_sends() {
    let xml = write_envelope(&ResetPin, &EnvelopeStyle::COMPACT).unwrap();
    assert_eq!(
        xml,
        concat!(
            r#"<?xml version="1.0" encoding="utf-8"?>"#,
            r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">"#,
            r#"<soap:Body><ResetPIN xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/>"#,
            r#"</soap:Body></soap:Envelope>"#
        )
    );
    let s = write_envelope(&ResetPin, &EnvelopeStyle::COMPACT.with_prefix("s")).unwrap();
    assert!(s.contains(r#"<s:Envelope xmlns:s="#), "{s}");
}

#[test]
fn writes_and_reads_back() {
    for style in [
        EnvelopeStyle::COMPACT,
        EnvelopeStyle::INDENTED,
        EnvelopeStyle::ASMX_RESPONSE,
    ] {
        let value = IsUmEnabledResponse { value: false };
        let xml = write_envelope(&value, &style).unwrap();
        let back: Body<IsUmEnabledResponse> = read_envelope(xml.as_bytes()).unwrap();
        assert_eq!(back, Body::Content(value));
    }
}

#[test]
fn a_header_is_skipped() {
    let xml = format!(
        r#"<?xml version="1.0"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header><h:ServerVersionInfo xmlns:h="urn:x" Major="15"><h:x/></h:ServerVersionInfo></s:Header>
  <s:Body><ResetPINResponse xmlns="{MESSAGES}"/></s:Body>
</s:Envelope>"#
    );
    let body: Body<ResetPinResponse> = read_envelope(xml.as_bytes()).unwrap();
    assert_eq!(body, Body::Content(ResetPinResponse));
}

#[test]
fn body_in_the_wrong_namespace_names_the_expected_one() {
    let https = SEED_RESPONSE.replace("http://schemas.microsoft", "https://schemas.microsoft");
    let err = read_envelope::<ResetPinResponse>(https.as_bytes()).unwrap_err();
    assert!(
        matches!(err.kind, ReadErrorKind::UnexpectedElement { .. }),
        "{err:?}"
    );
    assert_eq!(err.path, "/Envelope/Body/ResetPINResponse");
    assert_eq!(
        err.to_string(),
        "/Envelope/Body/ResetPINResponse (line 4, column 5): expected element \
         {http://schemas.microsoft.com/exchange/services/2006/messages}ResetPINResponse, \
         found {https://schemas.microsoft.com/exchange/services/2006/messages}ResetPINResponse"
    );
}

#[test]
fn an_html_error_page_is_not_a_soap_envelope() {
    let page = "\r\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\
        <html><head><title>Runtime Error</title></head><body><h1>Server Error</h1><br></body></html>";
    let err = read_envelope::<ResetPinResponse>(page.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind,
        ReadErrorKind::Other("not a SOAP envelope: the document is an HTML page".into())
    );

    let text = "Service Unavailable";
    let err = read_envelope::<ResetPinResponse>(text.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("not a SOAP envelope"), "{err}");

    let other_root = r#"<Error><Code>x</Code></Error>"#;
    let err = read_envelope::<ResetPinResponse>(other_root.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind,
        ReadErrorKind::Other("not a SOAP envelope: the document element is Error".into())
    );
}

#[test]
fn an_envelope_in_another_namespace_is_a_version_mismatch() {
    for namespace in [
        "http://www.w3.org/2001/12/soap-envelope",
        "https://schemas.xmlsoap.org/soap/envelope/",
    ] {
        let xml = format!(r#"<e:Envelope xmlns:e="{namespace}"><e:Body/></e:Envelope>"#);
        let err = read_envelope::<ResetPinResponse>(xml.as_bytes()).unwrap_err();
        let ReadErrorKind::VersionMismatch { found, .. } = &err.kind else {
            panic!("{err}")
        };
        assert_eq!(found, namespace);
        assert_eq!(
            err.to_string(),
            format!(
                "/Envelope (line 1, column 1): the envelope is in namespace {namespace}, expected \
                 SOAP 1.1 (http://schemas.xmlsoap.org/soap/envelope/) or \
                 SOAP 1.2 (http://www.w3.org/2003/05/soap-envelope)"
            )
        );
    }
    let unqualified = "<Envelope><Body/></Envelope>";
    let err = read_envelope::<ResetPinResponse>(unqualified.as_bytes()).unwrap_err();
    assert!(
        matches!(&err.kind, ReadErrorKind::VersionMismatch { found, .. } if found.is_empty()),
        "{err}"
    );
    assert!(err.to_string().contains("in no namespace"), "{err}");
}

#[test]
fn body_must_hold_one_element() {
    let empty =
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>"#;
    let err = read_envelope::<ResetPinResponse>(empty.as_bytes()).unwrap_err();
    assert!(
        matches!(err.kind, ReadErrorKind::MissingElement(_)),
        "{err}"
    );

    let two = format!(
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><ResetPINResponse xmlns="{MESSAGES}"/><ResetPINResponse xmlns="{MESSAGES}"/></s:Body></s:Envelope>"#
    );
    let err = read_envelope::<ResetPinResponse>(two.as_bytes()).unwrap_err();
    assert!(
        matches!(err.kind, ReadErrorKind::ExtraElement { .. }),
        "{err}"
    );
}

#[test]
fn a_server_dispatches_on_the_body_element_name() {
    let xml = write_envelope(&ResetPin, &EnvelopeStyle::COMPACT).unwrap();
    let body = BodyReader::new(xml.as_bytes()).unwrap();
    assert_eq!(body.namespace(), MESSAGES);
    assert_eq!(body.local_name(), "ResetPIN");
    assert!(body.is(ResetPin::NAME));
    assert!(!body.is(Name::new(MESSAGES, "IsUMEnabled")));
    assert!(!body.is_fault());
    assert_eq!(body.read::<ResetPin>().unwrap(), ResetPin);

    assert_eq!(
        read_request::<ResetPin>(SEED_REQUEST.as_bytes()).unwrap(),
        ResetPin
    );
    let err = read_request::<common::IsUmEnabled>(SEED_REQUEST.as_bytes()).unwrap_err();
    assert!(matches!(err.kind, ReadErrorKind::UnexpectedElement { .. }));
}

#[test]
fn a_bom_and_not_utf8_input() {
    let with_bom = format!("\u{feff}{SEED_REQUEST}");
    assert!(read_request::<ResetPin>(with_bom.as_bytes()).is_ok());
    // A bad byte is found where it is, not by a scan of the whole input.
    let mut bad = SEED_REQUEST.as_bytes().to_vec();
    let at = SEED_REQUEST.find("<ResetPIN").unwrap();
    bad.splice(at..at, *b"\xff");
    let err = read_request::<ResetPin>(&bad).unwrap_err();
    assert!(
        err.to_string().contains("UTF-8") || err.to_string().contains("utf-8"),
        "{err}"
    );
    assert_eq!(err.path, "/Envelope/Body");
}
