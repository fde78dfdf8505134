//! SOAP 1.2 faults: read with every part, written back, converted to and
//! from 1.1, and SOAP's own faults with their header blocks.

mod common;

use common::ResetPinResponse;
use xsdgen_runtime::soap::{
    Body, EnvelopeStyle, Fault, FaultCode, HeaderName, ReasonText, SoapVersion, StandardCode,
    exchange_ns, read_envelope,
};
use xsdgen_runtime::xml::ns;

/// Every part of a 1.2 fault, laid out as the specification's examples.
const FULL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">
  <env:Body>
    <env:Fault>
      <env:Code>
        <env:Value>env:Sender</env:Value>
        <env:Subcode>
          <env:Value xmlns:m="urn:rates">m:MessageTimeout</env:Value>
          <env:Subcode>
            <env:Value xmlns:n="urn:rates/detail">n:InQueue</env:Value>
          </env:Subcode>
        </env:Subcode>
      </env:Code>
      <env:Reason>
        <env:Text xml:lang="en">Sender Timeout</env:Text>
        <env:Text xml:lang="af">Besender se Tydperk verstryk</env:Text>
      </env:Reason>
      <env:Node>http://jetnet.example.org/rates</env:Node>
      <env:Role>http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver</env:Role>
      <env:Detail>
        <m:MaxTime xmlns:m="urn:rates">P5M</m:MaxTime>
      </env:Detail>
    </env:Fault>
  </env:Body>
</env:Envelope>
"#;

fn fault(xml: &str) -> Fault {
    match read_envelope::<ResetPinResponse>(xml.as_bytes()) {
        Ok(Body::Fault(f)) => *f,
        other => panic!("not a fault: {other:?}"),
    }
}

const ENV: EnvelopeStyle = EnvelopeStyle::INDENTED.with_prefix("env");

#[test]
fn every_part_of_a_12_fault_is_read_and_written_back() {
    let f = fault(FULL);
    assert_eq!(f.version, SoapVersion::V12);
    assert_eq!(
        (f.code.raw.as_str(), f.code.namespace.as_deref()),
        ("env:Sender", Some(ns::SOAP12))
    );
    assert_eq!(f.standard_code(), Some(StandardCode::Sender));
    let subcodes: Vec<_> = f
        .subcodes
        .iter()
        .map(|c| (c.namespace.as_deref().unwrap_or_default(), c.local.as_str()))
        .collect();
    assert_eq!(
        subcodes,
        [
            ("urn:rates", "MessageTimeout"),
            ("urn:rates/detail", "InQueue")
        ]
    );
    assert_eq!(
        (f.string.as_str(), f.lang.as_deref()),
        ("Sender Timeout", Some("en"))
    );
    assert_eq!(
        f.translations,
        [ReasonText {
            lang: Some("af".into()),
            text: "Besender se Tydperk verstryk".into()
        }]
    );
    assert_eq!(f.node.as_deref(), Some("http://jetnet.example.org/rates"));
    assert_eq!(
        f.actor.as_deref(),
        Some("http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver")
    );
    let raw = f.detail.raw.as_deref().unwrap_or_default();
    assert!(
        raw.starts_with("<env:Detail") && raw.contains("P5M</m:MaxTime>"),
        "{raw}"
    );
    // The innermost code is the one to match on.
    assert_eq!(f.error_code(), "InQueue");
    assert_eq!(
        f.to_string(),
        "env:Sender / m:MessageTimeout / n:InQueue: Sender Timeout"
    );

    let written = f.to_envelope(&ENV).unwrap();
    assert_eq!(fault(&written), f, "{written}");
    assert!(
        written.contains(
            "<env:Code>\n        <env:Value>env:Sender</env:Value>\n        <env:Subcode>"
        ),
        "{written}"
    );
    assert!(
        written.contains(r#"<env:Text xml:lang="af">Besender se Tydperk verstryk</env:Text>"#),
        "{written}"
    );
}

#[test]
fn codes_map_between_the_versions() {
    let pairs = [
        (StandardCode::Sender, "Client", "Sender"),
        (StandardCode::Receiver, "Server", "Receiver"),
        (
            StandardCode::VersionMismatch,
            "VersionMismatch",
            "VersionMismatch",
        ),
        (
            StandardCode::MustUnderstand,
            "MustUnderstand",
            "MustUnderstand",
        ),
    ];
    for (code, v11, v12) in pairs {
        let one = FaultCode::standard(SoapVersion::V11, code);
        let two = FaultCode::standard(SoapVersion::V12, code);
        assert_eq!((one.local.as_str(), two.local.as_str()), (v11, v12));
        assert_eq!(one.in_version(SoapVersion::V12), two);
        assert_eq!(two.in_version(SoapVersion::V11), one);
        assert_eq!(one.standard_code(), Some((SoapVersion::V11, code)));
        assert_eq!(two.standard_code(), Some((SoapVersion::V12, code)));
    }
    // 1.2 only: the sender's fault in 1.1, and not a 1.1 code when read.
    let unknown = FaultCode::standard(SoapVersion::V12, StandardCode::DataEncodingUnknown);
    assert_eq!(
        unknown.in_version(SoapVersion::V11),
        FaultCode::soap("Client")
    );
    assert_eq!(FaultCode::soap("DataEncodingUnknown").standard_code(), None);
    // 1.1's dotted refinements are their base code.
    assert_eq!(
        FaultCode::soap("Client.Authentication").standard_code(),
        Some((SoapVersion::V11, StandardCode::Sender))
    );
    // Application codes are no one's standard and do not change.
    let app = FaultCode::qualified("a", exchange_ns::TYPES, "ErrorInvalidRequest");
    assert_eq!(app.standard_code(), None);
    assert_eq!(app.in_version(SoapVersion::V12), app);
}

#[test]
fn an_ews_fault_goes_to_12_and_back_unchanged() {
    let ews = Fault::invalid_request("The request is invalid.");
    assert_eq!(ews.version, SoapVersion::V11);
    let two = ews.clone().with_version(SoapVersion::V12);
    assert_eq!(two.version, SoapVersion::V12);
    // An application code cannot be a 1.2 Value: it refines Receiver.
    assert_eq!(two.standard_code(), Some(StandardCode::Receiver));
    assert_eq!(two.subcodes, std::slice::from_ref(&ews.code));
    assert_eq!(two.error_code(), "ErrorInvalidRequest");
    let xml = two.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert!(
        xml.contains(
            r#"<soap:Code><soap:Value>soap:Receiver</soap:Value><soap:Subcode><soap:Value xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorInvalidRequest</soap:Value></soap:Subcode></soap:Code>"#
        ),
        "{xml}"
    );
    assert!(xml.contains(r#"<soap:Detail><e:ResponseCode"#), "{xml}");
    let read = fault(&xml);
    assert_eq!(
        read.detail.response_code.as_deref(),
        Some("ErrorInvalidRequest")
    );
    assert_eq!(
        read.detail.message.as_deref(),
        Some("The request is invalid.")
    );

    let back = two.with_version(SoapVersion::V11);
    assert_eq!(back, ews);
}

#[test]
fn a_read_11_detail_is_renamed_in_a_12_fault() {
    let v11 = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>bad</faultstring><faultactor>urn:gw</faultactor><detail><k xmlns="urn:k">v</k></detail></s:Fault></s:Body></s:Envelope>"#;
    let read = fault(v11);
    assert_eq!(read.version, SoapVersion::V11);
    let two = read.with_version(SoapVersion::V12);
    assert_eq!(two.code.raw, "s:Sender");
    assert_eq!(two.lang.as_deref(), Some("en"));
    let xml = two.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert!(
        xml.contains(
            r#"<soap:Role>urn:gw</soap:Role><soap:Detail><k xmlns="urn:k">v</k></soap:Detail></soap:Fault>"#
        ),
        "{xml}"
    );
    let again = fault(&xml);
    assert_eq!(again.standard_code(), Some(StandardCode::Sender));
    assert_eq!(again.actor.as_deref(), Some("urn:gw"));
}

#[test]
fn the_http_status_of_a_fault() {
    let sender = |v| Fault::sender(v, "bad");
    assert_eq!(sender(SoapVersion::V11).http_status(), 500);
    assert_eq!(sender(SoapVersion::V12).http_status(), 400);
    assert_eq!(Fault::receiver(SoapVersion::V12, "x").http_status(), 500);
    assert_eq!(Fault::version_mismatch(SoapVersion::V12).http_status(), 500);
    assert_eq!(
        Fault::must_understand(SoapVersion::V12, Vec::new()).http_status(),
        500
    );
    assert_eq!(
        Fault::invalid_request("x")
            .with_version(SoapVersion::V12)
            .http_status(),
        500
    );
}

#[test]
fn a_version_mismatch_fault_lists_the_supported_envelopes() {
    let v12 = Fault::version_mismatch(SoapVersion::V12);
    let xml = v12
        .to_envelope(&EnvelopeStyle::COMPACT.with_prefix("env"))
        .unwrap();
    assert_eq!(
        xml,
        r#"<?xml version="1.0" encoding="utf-8"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Header><env:Upgrade><env:SupportedEnvelope qname="env:Envelope"/><env:SupportedEnvelope xmlns:n1="http://schemas.xmlsoap.org/soap/envelope/" qname="n1:Envelope"/></env:Upgrade></env:Header><env:Body><env:Fault><env:Code><env:Value xmlns:soap="http://www.w3.org/2003/05/soap-envelope">soap:VersionMismatch</env:Value></env:Code><env:Reason><env:Text xml:lang="en">The envelope is not of a SOAP version this node supports.</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>"#
    );
    let read = fault(&xml);
    assert_eq!(read, v12);

    // A 1.1 answer carries the same block, in the 1.2 namespace.
    let v11 = Fault::version_mismatch(SoapVersion::V11);
    let xml = v11.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert!(
        xml.contains(
            r#"<soap:Header><soap12:Upgrade xmlns:soap12="http://www.w3.org/2003/05/soap-envelope"><soap12:SupportedEnvelope qname="soap12:Envelope"/><soap12:SupportedEnvelope qname="soap:Envelope"/></soap12:Upgrade></soap:Header>"#
        ),
        "{xml}"
    );
    assert!(
        xml.contains("<faultcode>soap:VersionMismatch</faultcode>"),
        "{xml}"
    );
    let read = fault(&xml);
    assert_eq!(read.upgrade, [SoapVersion::V12, SoapVersion::V11]);
    assert_eq!(read, v11);
}

#[test]
fn a_must_understand_fault_names_each_entry() {
    let entries = vec![
        HeaderName::new("http://example.org/2001/06/ext", "Extension1"),
        HeaderName::new("urn:sec", "Security"),
    ];
    let v12 = Fault::must_understand(SoapVersion::V12, entries.clone());
    let xml = v12
        .to_envelope(&EnvelopeStyle::COMPACT.with_prefix("env"))
        .unwrap();
    assert!(
        xml.contains(
            r#"<env:Header><env:NotUnderstood xmlns:nu="http://example.org/2001/06/ext" qname="nu:Extension1"/><env:NotUnderstood xmlns:nu="urn:sec" qname="nu:Security"/></env:Header>"#
        ),
        "{xml}"
    );
    let read = fault(&xml);
    assert_eq!(read.not_understood, entries);
    assert_eq!(read.standard_code(), Some(StandardCode::MustUnderstand));
    assert_eq!(read, v12);

    // SOAP 1.1 has no such block: the message names the entries.
    let v11 = Fault::must_understand(SoapVersion::V11, entries);
    let xml = v11.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert!(!xml.contains("soap:Header"), "{xml}");
    assert!(xml.contains("{urn:sec}Security</faultstring>"), "{xml}");
}

#[test]
fn an_odd_12_fault_is_written_back_as_it_was_read() {
    // No xml:lang, an application code as the Value, an unqualified
    // Detail, a NotUnderstood block: nothing a strict sender writes, and
    // all of it kept.
    let xml = r#"<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Header><e:NotUnderstood xmlns:x="urn:x" qname="x:Sec"/></e:Header><e:Body><e:Fault><e:Code><e:Value xmlns:m="urn:m">m:Odd</e:Value></e:Code><e:Reason><e:Text>no language</e:Text></e:Reason><Detail><k xmlns="urn:k">v</k></Detail></e:Fault></e:Body></e:Envelope>"#;
    let read = fault(xml);
    assert_eq!(read.lang, None);
    assert_eq!(read.code.local, "Odd");
    assert_eq!(read.not_understood, [HeaderName::new("urn:x", "Sec")]);
    let written = read.to_envelope(&EnvelopeStyle::COMPACT).unwrap();
    assert_eq!(fault(&written), read, "{written}");
    // Converting is what makes it conform.
    let strict = read.with_version(SoapVersion::V12);
    assert_eq!(strict.standard_code(), Some(StandardCode::Receiver));
    assert_eq!(strict.lang.as_deref(), Some("en"));

    // A 1.1 envelope has no NotUnderstood block to read.
    let v11 = xml
        .replace("http://www.w3.org/2003/05/soap-envelope", ns::SOAP11)
        .replace(
            "<e:Code><e:Value xmlns:m=\"urn:m\">m:Odd</e:Value></e:Code>",
            "<faultcode>e:Client</faultcode>",
        );
    let read = fault(&v11);
    assert_eq!(read.version, SoapVersion::V11);
    assert!(read.not_understood.is_empty());
}
