//! Faults: both UM shapes and throttling, read from the schema examples (or
//! the same text inline when they are absent) and written back byte for
//! byte.

mod common;

use std::time::Duration;

use common::{ResetPinResponse, example};
use xsdgen_runtime::soap::{Body, EnvelopeStyle, Fault, FaultCode, exchange_ns, read_envelope};

const INVALID_REQUEST: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body>
    <s:Fault>
      <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorInvalidRequest</faultcode>
      <faultstring xml:lang="en-US">The request is invalid.</faultstring>
      <detail>
        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorInvalidRequest</e:ResponseCode>
        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The request is invalid.</e:Message>
      </detail>
    </s:Fault>
  </s:Body>
</s:Envelope>
"#;

const EXCEPTION: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <soap:Body>
    <soap:Fault>
      <faultcode>a:InvalidObjectIdException</faultcode>
      <faultstring>The object identifier isn't valid</faultstring>
      <detail>
        <ExceptionType xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">InvalidObjectIdException</ExceptionType>
      </detail>
    </soap:Fault>
  </soap:Body>
</soap:Envelope>
"#;

const SERVER_BUSY: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body>
    <s:Fault>
      <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>
      <faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring>
      <detail>
        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>
        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The server cannot service this request right now. Try again later.</e:Message>
        <t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
          <t:Value Name="BackOffMilliseconds">5000</t:Value>
        </t:MessageXml>
      </detail>
    </s:Fault>
  </s:Body>
</s:Envelope>
"#;

/// The example file when present (it is the reference), else the inline
/// copy.
fn source(file: &str, inline: &'static str) -> String {
    example(&format!("faults/{file}")).unwrap_or_else(|| inline.to_owned())
}

fn fault(xml: &str) -> Fault {
    match read_envelope::<ResetPinResponse>(xml.as_bytes()) {
        Ok(Body::Fault(f)) => *f,
        other => panic!("not a fault: {other:?}"),
    }
}

const S11: EnvelopeStyle = EnvelopeStyle::INDENTED.with_prefix("s");

#[test]
fn malformed_request_shape() {
    let xml = source("invalid-request.xml", INVALID_REQUEST);
    let f = fault(&xml);
    assert_eq!(f.code.raw, "a:ErrorInvalidRequest");
    assert_eq!(f.code.local, "ErrorInvalidRequest");
    assert_eq!(f.code.namespace.as_deref(), Some(exchange_ns::TYPES));
    assert_eq!(f.code.prefix(), Some("a"));
    assert_eq!(f.string, "The request is invalid.");
    assert_eq!(f.lang.as_deref(), Some("en-US"));
    assert_eq!(f.actor, None);
    assert_eq!(
        f.detail.response_code.as_deref(),
        Some("ErrorInvalidRequest")
    );
    assert_eq!(f.detail.message.as_deref(), Some("The request is invalid."));
    assert_eq!(f.detail.exception_type, None);
    assert_eq!(f.error_code(), "ErrorInvalidRequest");
    assert!(!f.is_server_busy());
    let raw = f.detail.raw.as_deref().unwrap();
    assert!(
        raw.starts_with("<detail xmlns=\"\">") && raw.ends_with("</detail>"),
        "{raw}"
    );

    assert_eq!(f.to_envelope(&S11).unwrap() + "\n", xml);
    assert_eq!(
        Fault::invalid_request("The request is invalid.")
            .to_envelope(&S11)
            .unwrap()
            + "\n",
        xml
    );
}

#[test]
fn exception_shape_with_an_undeclared_prefix() {
    let xml = source("exception.xml", EXCEPTION);
    let f = fault(&xml);
    assert_eq!(
        f.code,
        FaultCode {
            raw: "a:InvalidObjectIdException".into(),
            namespace: None,
            local: "InvalidObjectIdException".into(),
        }
    );
    assert_eq!(f.string, "The object identifier isn't valid");
    assert_eq!(f.lang, None);
    assert_eq!(
        f.detail.exception_type.as_deref(),
        Some("InvalidObjectIdException")
    );
    assert_eq!(f.detail.response_code, None);
    assert_eq!(f.error_code(), "InvalidObjectIdException");

    let style = EnvelopeStyle::ASMX_RESPONSE;
    assert_eq!(f.to_envelope(&style).unwrap() + "\n", xml);
    let built = Fault::exception(
        "InvalidObjectIdException",
        "The object identifier isn't valid",
    );
    assert_eq!(built.to_envelope(&style).unwrap() + "\n", xml);
}

#[test]
fn server_busy_with_back_off() {
    let xml = source("server-busy.xml", SERVER_BUSY);
    let f = fault(&xml);
    assert!(f.is_server_busy());
    assert_eq!(
        f.detail.values,
        vec![("BackOffMilliseconds".into(), "5000".into())]
    );
    assert_eq!(f.detail.value("BackOffMilliseconds"), Some("5000"));
    assert_eq!(f.back_off(), Some(Duration::from_millis(5000)));

    assert_eq!(f.to_envelope(&S11).unwrap() + "\n", xml);
    let built = Fault::server_busy(Duration::from_secs(5));
    assert_eq!(built.to_envelope(&S11).unwrap() + "\n", xml);
}

#[test]
fn inline_copies_match_the_files() {
    for (file, inline) in [
        ("invalid-request.xml", INVALID_REQUEST),
        ("exception.xml", EXCEPTION),
        ("server-busy.xml", SERVER_BUSY),
    ] {
        if let Some(text) = example(&format!("faults/{file}")) {
            assert_eq!(text, inline, "{file}");
        }
    }
}

#[test]
fn detail_prefixes_declared_on_the_envelope_resolve() {
    let xml = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><s:Body><s:Fault><faultcode>t:ErrorServerBusy</faultcode><faultstring>busy</faultstring><faultactor>https://cas/EWS</faultactor><detail><e:ResponseCode>ErrorServerBusy</e:ResponseCode><t:MessageXml><t:Value Name="Policy">x</t:Value><t:Value Name="BackOffMilliseconds"> 250 </t:Value></t:MessageXml><other xmlns="urn:o"><deep/></other></detail></s:Fault></s:Body></s:Envelope>"#;
    let f = fault(xml);
    assert_eq!(f.code.namespace.as_deref(), Some(exchange_ns::TYPES));
    assert_eq!(f.actor.as_deref(), Some("https://cas/EWS"));
    assert_eq!(f.detail.response_code.as_deref(), Some("ErrorServerBusy"));
    assert_eq!(f.detail.values.len(), 2);
    assert_eq!(f.back_off(), Some(Duration::from_millis(250)));
    assert!(
        f.detail
            .raw
            .unwrap()
            .contains("<other xmlns=\"urn:o\"><deep/></other>")
    );
}

#[test]
fn odd_faults_are_still_faults() {
    // No faultstring, an unknown child, and a detail whose ResponseCode has
    // element content: the typed detail stays empty, the raw one is kept.
    let detail = r#"<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors"><b>x</b></e:ResponseCode></detail>"#;
    let xml = format!(
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>Server</faultcode><extra>?</extra>{detail}</s:Fault></s:Body></s:Envelope>"#
    );
    let f = fault(&xml);
    assert_eq!(f.code.raw, "Server");
    assert_eq!(f.code.local, "Server");
    assert_eq!(f.code.namespace, None);
    assert_eq!(f.string, "");
    assert_eq!(f.detail.response_code, None);
    // Kept on its own, the detail says it relies on no default namespace.
    let kept = detail.replacen("<detail>", "<detail xmlns=\"\">", 1);
    assert_eq!(f.detail.raw.as_deref(), Some(kept.as_str()));
}

#[test]
fn an_undeclared_element_prefix_is_malformed() {
    // Unlike a faultcode's text, an element name with an undeclared prefix
    // makes the document itself not namespace-well-formed.
    let xml = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>a:X</faultcode><detail><x:Thing>1</x:Thing></detail></s:Fault></s:Body></s:Envelope>"#;
    let err = read_envelope::<ResetPinResponse>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        // The path ends at the element whose name has the bad prefix.
        "/Envelope/Body/Fault/detail/Thing (line 1, column 116): undeclared namespace prefix 'x'"
    );
}

#[test]
fn soap_codes_and_raw_detail_are_written() {
    let mut f = Fault::new(FaultCode::soap("Client"), "bad <input> & more");
    let xml = f.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert!(xml.contains("<faultcode>soap:Client</faultcode>"), "{xml}");
    assert!(
        xml.contains("<faultstring>bad &lt;input&gt; &amp; more</faultstring>"),
        "{xml}"
    );
    assert!(!xml.contains("<detail"), "{xml}");
    let back = fault(&xml);
    assert_eq!(
        back.code.namespace.as_deref(),
        Some(xsdgen_runtime::xml::ns::SOAP11)
    );
    assert_eq!(back.string, "bad <input> & more");

    f.detail.raw = Some("<detail><k xmlns=\"urn:k\">v</k></detail>".into());
    let xml = f.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert!(
        xml.contains("<detail><k xmlns=\"urn:k\">v</k></detail></soap:Fault>"),
        "{xml}"
    );
}

#[test]
fn a_read_detail_is_written_back_whole() {
    // A MessageXml in another namespace is no typed value, but a fault
    // passed on must still carry it (found by fuzz/xml_reader).
    let detail = r#"<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode><t:MessageXml xmlns:t="urn:other"><t:Value Name="BackOffMilliseconds">5000</t:Value></t:MessageXml></detail>"#;
    let xml = format!(
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>busy</faultstring>{detail}</s:Fault></s:Body></s:Envelope>"#
    );
    let read = fault(&xml);
    assert_eq!(
        read.detail.response_code.as_deref(),
        Some("ErrorServerBusy")
    );
    assert!(read.detail.values.is_empty());
    let written = read.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert!(
        written.contains(r#"<t:MessageXml xmlns:t="urn:other">"#),
        "{written}"
    );
    assert_eq!(fault(&written), read);
}
