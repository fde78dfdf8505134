//! `soap:Header` entries: written byte for byte, read back, the
//! `mustUnderstand` rule for entries an operation does not declare, and a
//! call that sends and receives them.

mod common;

use common::server::{TestServer, soap};
use common::{MESSAGES, ResetPin, ResetPinResponse};
use xsdgen_runtime::client::Client;
use xsdgen_runtime::soap::{
    Body, BodyReader, EnvelopeStyle, Fault, NoHeaders, XmlHeaders, is_not_understood,
    read_envelope, read_envelope_with_headers, read_header, read_request,
    read_request_with_headers, write_envelope, write_envelope_with_headers, write_header,
};
use xsdgen_runtime::xml::{
    Name, ReadError, ReadErrorKind, Start, WriteError, XmlElement, XmlRead, XmlReader, XmlWrite,
    XmlWriter,
};
use xsdgen_runtime::{Operation, OperationInfo};

const TYPES: &str = "http://schemas.microsoft.com/exchange/services/2006/types";

/// `<t:RequestServerVersion Version="..."/>`, as EWS defines it.
#[derive(Debug, Clone, PartialEq)]
struct RequestServerVersion {
    version: String,
}

impl XmlWrite for RequestServerVersion {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.attribute_str(Name::local("Version"), &self.version)?;
        w.end()
    }
}

impl XmlRead for RequestServerVersion {
    fn read_xml(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Self, ReadError> {
        let version = r
            .attribute(start, Name::local("Version"))?
            .ok_or_else(|| r.missing_attribute(Name::local("Version")))?
            .into_owned();
        r.end()?;
        Ok(Self { version })
    }
}

impl XmlElement for RequestServerVersion {
    const NAME: Name = Name::new(TYPES, "RequestServerVersion");
}

/// `<t:MailboxCulture>en-US</t:MailboxCulture>`.
#[derive(Debug, Clone, PartialEq)]
struct MailboxCulture(String);

impl XmlWrite for MailboxCulture {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.text(&self.0)?;
        w.end()
    }
}

impl XmlRead for MailboxCulture {
    fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> {
        Ok(Self(r.read_text()?.into_owned()))
    }
}

impl XmlElement for MailboxCulture {
    const NAME: Name = Name::new(TYPES, "MailboxCulture");
}

/// `<t:ServerVersionInfo MajorVersion="15"/>`.
#[derive(Debug, Clone, PartialEq)]
struct ServerVersionInfo {
    major: i32,
}

impl XmlWrite for ServerVersionInfo {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.attribute(Name::local("MajorVersion"), &self.major)?;
        w.end()
    }
}

impl XmlRead for ServerVersionInfo {
    fn read_xml(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Self, ReadError> {
        let major = r
            .attribute_value(start, Name::local("MajorVersion"))?
            .ok_or_else(|| r.missing_attribute(Name::local("MajorVersion")))?;
        r.end()?;
        Ok(Self { major })
    }
}

impl XmlElement for ServerVersionInfo {
    const NAME: Name = Name::new(TYPES, "ServerVersionInfo");
}

/// A request header set, written as xsdgen generates one.
#[derive(Debug, Clone, PartialEq, Default)]
struct InputHeaders {
    request_server_version: Option<RequestServerVersion>,
    mailbox_culture: Option<MailboxCulture>,
}

impl XmlHeaders for InputHeaders {
    const NAMES: &'static [Name] = &[RequestServerVersion::NAME, MailboxCulture::NAME];

    fn is_empty(&self) -> bool {
        self.request_server_version.is_none() && self.mailbox_culture.is_none()
    }

    fn write_headers(&self, w: &mut XmlWriter) -> Result<(), WriteError> {
        write_header(&self.request_server_version, w)?;
        write_header(&self.mailbox_culture, w)?;
        Ok(())
    }

    fn read_header(&mut self, r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<bool, ReadError> {
        Ok(read_header(&mut self.request_server_version, r, start)?
            || read_header(&mut self.mailbox_culture, r, start)?)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
struct OutputHeaders {
    server_version_info: Option<ServerVersionInfo>,
}

impl XmlHeaders for OutputHeaders {
    const NAMES: &'static [Name] = &[ServerVersionInfo::NAME];

    fn is_empty(&self) -> bool {
        self.server_version_info.is_none()
    }

    fn write_headers(&self, w: &mut XmlWriter) -> Result<(), WriteError> {
        write_header(&self.server_version_info, w)
    }

    fn read_header(&mut self, r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<bool, ReadError> {
        read_header(&mut self.server_version_info, r, start)
    }
}

struct ResetPinWithHeaders;

impl Operation for ResetPinWithHeaders {
    type Request = ResetPin;
    type Response = ResetPinResponse;
    type InputHeaders = InputHeaders;
    type OutputHeaders = OutputHeaders;
    const NAME: &'static str = "ResetPIN";
    const SOAP_ACTION: &'static str =
        "http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN";
    const SAFE_TO_RETRY: bool = false;
}

fn input_headers() -> InputHeaders {
    InputHeaders {
        request_server_version: Some(RequestServerVersion {
            version: "Exchange2016".into(),
        }),
        mailbox_culture: Some(MailboxCulture("en-US".into())),
    }
}

fn output_headers() -> OutputHeaders {
    OutputHeaders {
        server_version_info: Some(ServerVersionInfo { major: 15 }),
    }
}

const COMPACT_REQUEST: &str = concat!(
    r#"<?xml version="1.0" encoding="utf-8"?>"#,
    r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>"#,
    r#"<RequestServerVersion xmlns="http://schemas.microsoft.com/exchange/services/2006/types" Version="Exchange2016"/>"#,
    r#"<MailboxCulture xmlns="http://schemas.microsoft.com/exchange/services/2006/types">en-US</MailboxCulture>"#,
    r#"</soap:Header><soap:Body>"#,
    r#"<ResetPIN xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/>"#,
    r#"</soap:Body></soap:Envelope>"#,
);

const ASMX_RESPONSE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <soap:Header>
    <ServerVersionInfo xmlns="http://schemas.microsoft.com/exchange/services/2006/types" MajorVersion="15" />
  </soap:Header>
  <soap:Body>
    <ResetPINResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />
  </soap:Body>
</soap:Envelope>"#;

#[test]
fn headers_are_written_byte_for_byte() {
    let xml =
        write_envelope_with_headers(&input_headers(), &ResetPin, &EnvelopeStyle::COMPACT).unwrap();
    assert_eq!(xml, COMPACT_REQUEST);
    let xml = write_envelope_with_headers(
        &output_headers(),
        &ResetPinResponse,
        &EnvelopeStyle::ASMX_RESPONSE,
    )
    .unwrap();
    assert_eq!(xml, ASMX_RESPONSE);
}

#[test]
fn headers_are_read_back() {
    let request =
        read_request_with_headers::<InputHeaders, ResetPin>(COMPACT_REQUEST.as_bytes()).unwrap();
    assert_eq!(request.headers, input_headers());
    assert_eq!(request.body, ResetPin);

    let response =
        read_envelope_with_headers::<OutputHeaders, ResetPinResponse>(ASMX_RESPONSE.as_bytes())
            .unwrap();
    assert_eq!(response.headers, output_headers());
    assert_eq!(response.body, Body::Content(ResetPinResponse));
}

#[test]
fn without_entries_there_is_no_header_element() {
    let with = write_envelope_with_headers(
        &InputHeaders::default(),
        &ResetPin,
        &EnvelopeStyle::INDENTED,
    )
    .unwrap();
    assert_eq!(
        with,
        write_envelope(&ResetPin, &EnvelopeStyle::INDENTED).unwrap()
    );
    assert!(!with.contains("Header"));
    let only_culture = InputHeaders {
        mailbox_culture: Some(MailboxCulture("fr-FR".into())),
        ..InputHeaders::default()
    };
    let xml =
        write_envelope_with_headers(&only_culture, &ResetPin, &EnvelopeStyle::COMPACT).unwrap();
    assert!(xml.contains("<soap:Header><MailboxCulture "), "{xml}");
    assert!(!xml.contains("RequestServerVersion"), "{xml}");
    // An absent header reads as no entry set.
    let read = read_request_with_headers::<InputHeaders, ResetPin>(
        write_envelope(&ResetPin, &EnvelopeStyle::COMPACT)
            .unwrap()
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(read.headers, InputHeaders::default());
}

/// A response envelope whose header holds `entry` and a known entry.
fn response_with(entry: &str) -> String {
    format!(
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>{entry}<t:ServerVersionInfo xmlns:t="{TYPES}" MajorVersion="15"/></s:Header><s:Body><ResetPINResponse xmlns="{MESSAGES}"/></s:Body></s:Envelope>"#
    )
}

#[test]
fn an_unknown_entry_is_skipped() {
    let xml = response_with(r#"<x:Trace xmlns:x="urn:x" Id="1"><x:Hop/></x:Trace>"#);
    let read =
        read_envelope_with_headers::<OutputHeaders, ResetPinResponse>(xml.as_bytes()).unwrap();
    assert_eq!(read.headers, output_headers());
    // The same entry marked as optional to understand, explicitly.
    let xml = response_with(r#"<x:Trace xmlns:x="urn:x" s:mustUnderstand="0"/>"#);
    let read =
        read_envelope_with_headers::<OutputHeaders, ResetPinResponse>(xml.as_bytes()).unwrap();
    assert_eq!(read.headers, output_headers());
}

#[test]
fn an_unknown_entry_that_must_be_understood_is_an_error() {
    let xml = response_with(r#"<x:Security xmlns:x="urn:x" s:mustUnderstand="1"/>"#);
    let err =
        read_envelope_with_headers::<OutputHeaders, ResetPinResponse>(xml.as_bytes()).unwrap_err();
    assert!(is_not_understood(&err), "{err}");
    assert_eq!(err.path, "/Envelope/Header/Security");
    assert_eq!(
        err.to_string(),
        "/Envelope/Header/Security (line 1, column 75): header entry not understood: \
         {urn:x}Security is marked soap:mustUnderstand=\"1\", and the operation does not \
         declare it"
    );
    // The header-less readers declare no entry, so the rule holds for them
    // too, on requests as on responses.
    let err = read_envelope::<ResetPinResponse>(xml.as_bytes()).unwrap_err();
    assert!(is_not_understood(&err), "{err}");
    let request = xml.replace("ResetPINResponse", "ResetPIN");
    let err = read_request::<ResetPin>(request.as_bytes()).unwrap_err();
    assert!(is_not_understood(&err), "{err}");
    // `true` is what some stacks write for `1`.
    let xml = response_with(r#"<x:Security xmlns:x="urn:x" s:mustUnderstand="true"/>"#);
    let err = read_envelope::<ResetPinResponse>(xml.as_bytes()).unwrap_err();
    assert!(is_not_understood(&err), "{err}");
    // Other errors are not this one.
    let err = read_envelope::<ResetPinResponse>(b"<a/>").unwrap_err();
    assert!(!is_not_understood(&err));
}

#[test]
fn an_entry_for_another_actor_is_not_ours_to_understand() {
    let xml = response_with(
        r#"<x:Security xmlns:x="urn:x" s:mustUnderstand="1" s:actor="urn:some-gateway"/>"#,
    );
    let read =
        read_envelope_with_headers::<OutputHeaders, ResetPinResponse>(xml.as_bytes()).unwrap();
    assert_eq!(read.headers, output_headers());
    let next = response_with(
        r#"<x:Security xmlns:x="urn:x" s:mustUnderstand="1" s:actor="http://schemas.xmlsoap.org/soap/actor/next"/>"#,
    );
    let err = read_envelope::<ResetPinResponse>(next.as_bytes()).unwrap_err();
    assert!(is_not_understood(&err), "{err}");
}

#[test]
fn a_declared_entry_that_must_be_understood_is_read() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><ServerVersionInfo xmlns="{TYPES}" s:mustUnderstand="1" MajorVersion="14"/></s:Header><s:Body><ResetPINResponse xmlns="{MESSAGES}"/></s:Body></s:Envelope>"#
    );
    let read =
        read_envelope_with_headers::<OutputHeaders, ResetPinResponse>(xml.as_bytes()).unwrap();
    assert_eq!(
        read.headers.server_version_info,
        Some(ServerVersionInfo { major: 14 })
    );
}

#[test]
fn an_entry_sent_twice_is_an_error() {
    let twice = format!(r#"<t:ServerVersionInfo xmlns:t="{TYPES}" MajorVersion="14"/>"#);
    let err = read_envelope_with_headers::<OutputHeaders, ResetPinResponse>(
        response_with(&twice).as_bytes(),
    )
    .unwrap_err();
    assert_eq!(
        err.kind,
        ReadErrorKind::Duplicate(format!("{{{TYPES}}}ServerVersionInfo"))
    );
}

#[test]
fn a_server_reads_the_headers_after_choosing_the_operation() {
    let body = BodyReader::new(COMPACT_REQUEST.as_bytes()).unwrap();
    assert!(body.is(ResetPin::NAME));
    assert_eq!(body.headers::<InputHeaders>().unwrap(), input_headers());
    let read = body.read_with_headers::<InputHeaders, ResetPin>().unwrap();
    assert_eq!(read.headers, input_headers());
    // Reading the body alone skips entries that need not be understood.
    assert_eq!(
        read_request::<ResetPin>(COMPACT_REQUEST.as_bytes()),
        Ok(ResetPin)
    );
}

#[test]
fn a_fault_is_written_with_headers_and_read_past_them() {
    let fault = Fault::exception("UMServerException", "boom");
    let xml = fault
        .to_envelope_with_headers(&output_headers(), &EnvelopeStyle::COMPACT)
        .unwrap();
    let read =
        read_envelope_with_headers::<OutputHeaders, ResetPinResponse>(xml.as_bytes()).unwrap();
    assert_eq!(read.headers, output_headers());
    assert!(matches!(read.body, Body::Fault(f) if f.string == "boom"));
    assert_eq!(
        fault
            .to_envelope_with_headers(&NoHeaders, &EnvelopeStyle::COMPACT)
            .unwrap(),
        fault.to_envelope(&EnvelopeStyle::COMPACT).unwrap()
    );
}

#[test]
fn no_headers_has_no_names() {
    assert!(NoHeaders::NAMES.is_empty());
    assert!(NoHeaders.is_empty());
    let info = OperationInfo {
        name: ResetPinWithHeaders::NAME,
        soap_action: ResetPinWithHeaders::SOAP_ACTION,
        request: ResetPin::NAME,
        response: ResetPinResponse::NAME,
        input_headers: InputHeaders::NAMES,
        output_headers: OutputHeaders::NAMES,
        safe_to_retry: false,
    };
    assert_eq!(info.input_headers.len(), 2);
    assert_eq!(info.output_headers, &[ServerVersionInfo::NAME]);
}

#[tokio::test]
async fn a_call_sends_and_receives_headers() {
    let server = TestServer::start(vec![soap(200, ASMX_RESPONSE)]).await;
    let client = Client::builder(server.url.clone()).build().unwrap();
    let answer = client
        .call_with_headers::<ResetPinWithHeaders>(&input_headers(), &ResetPin)
        .await
        .unwrap();
    assert_eq!(answer.headers, output_headers());
    assert_eq!(answer.body, ResetPinResponse);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].body, COMPACT_REQUEST);

    // The header-less call sends no header and drops the response's.
    let server = TestServer::start(vec![soap(200, ASMX_RESPONSE)]).await;
    let client = Client::builder(server.url.clone()).build().unwrap();
    let answer = client.call::<ResetPinWithHeaders>(&ResetPin).await.unwrap();
    assert_eq!(answer, ResetPinResponse);
    assert_eq!(
        server.requests()[0].body,
        write_envelope(&ResetPin, &EnvelopeStyle::COMPACT).unwrap()
    );
}

#[tokio::test]
async fn a_response_entry_that_must_be_understood_fails_the_call() {
    let xml = response_with(r#"<x:Security xmlns:x="urn:x" s:mustUnderstand="1"/>"#);
    let server = TestServer::start(vec![soap(200, &xml)]).await;
    let client = Client::builder(server.url.clone()).build().unwrap();
    let err = client
        .call_with_headers::<ResetPinWithHeaders>(&InputHeaders::default(), &ResetPin)
        .await
        .unwrap_err();
    let xsdgen_runtime::Error::Decode { error, .. } = &err else {
        panic!("expected a decode error, got {err}");
    };
    assert!(is_not_understood(error), "{error}");
    assert!(err.may_have_executed());
}
