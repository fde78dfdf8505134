//! SOAP 1.2 envelopes: written and read back with header entries, the real
//! 1.2 answers of the NF-e corpus, and the 1.2 `mustUnderstand` rule.

mod common;

use std::path::{Path, PathBuf};

use common::{MESSAGES, ResetPin, ResetPinResponse};
use xsdgen_runtime::soap::{
    Body, BodyReader, EnvelopeStyle, HeaderName, NO_EXTRA_HEADERS, NoHeaders, SoapVersion,
    XmlHeaders, is_not_understood, read_envelope, read_envelope_with_version, read_header,
    read_request_with_headers, write_envelope, write_envelope_parts, write_header,
};
use xsdgen_runtime::xml::{
    Name, ReadError, ReadErrorKind, Start, WriteError, XmlElement, XmlRead, XmlReader, XmlWrite,
    XmlWriter,
};

const SOAP12: &str = "http://www.w3.org/2003/05/soap-envelope";

/// `<m:Culture>en-US</m:Culture>`.
#[derive(Debug, Clone, PartialEq)]
struct Culture(String);

impl XmlWrite for Culture {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.text(&self.0)?;
        w.end()
    }
}

impl XmlRead for Culture {
    fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> {
        Ok(Self(r.read_text()?.into_owned()))
    }
}

impl XmlElement for Culture {
    const NAME: Name = Name::new(MESSAGES, "Culture");
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Headers {
    culture: Option<Culture>,
}

impl XmlHeaders for Headers {
    const NAMES: &'static [Name] = &[Culture::NAME];

    fn is_empty(&self) -> bool {
        self.culture.is_none()
    }

    fn write_headers(&self, w: &mut XmlWriter) -> Result<(), WriteError> {
        write_header(&self.culture, w)
    }

    fn read_header(&mut self, r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<bool, ReadError> {
        read_header(&mut self.culture, r, start)
    }
}

fn headers() -> Headers {
    Headers {
        culture: Some(Culture("en-US".into())),
    }
}

#[test]
fn a_12_request_with_headers_is_written_and_read_back() {
    let style = EnvelopeStyle::COMPACT.with_prefix("env");
    let xml = write_envelope_parts(
        SoapVersion::V12,
        &style,
        &headers(),
        Some(|w: &mut XmlWriter| {
            w.start(Name::new("urn:trace", "Trace"));
            w.text("42")?;
            w.end()
        }),
        &ResetPin,
    )
    .unwrap();
    assert_eq!(
        xml,
        format!(
            r#"<?xml version="1.0" encoding="utf-8"?><env:Envelope xmlns:env="{SOAP12}"><env:Header><Culture xmlns="{MESSAGES}">en-US</Culture><Trace xmlns="urn:trace">42</Trace></env:Header><env:Body><ResetPIN xmlns="{MESSAGES}"/></env:Body></env:Envelope>"#
        )
    );

    let body = BodyReader::new(xml.as_bytes()).unwrap();
    assert_eq!(body.version(), SoapVersion::V12);
    assert!(body.has_header());
    assert!(!body.is_fault());
    assert_eq!(
        (body.namespace(), body.local_name()),
        (MESSAGES, "ResetPIN")
    );
    // The undeclared extra entry is skipped: it is not marked.
    let read = body.read_with_headers::<Headers, ResetPin>().unwrap();
    assert_eq!(read.headers, headers());
    assert_eq!(read.body, ResetPin);

    let again = read_request_with_headers::<Headers, ResetPin>(xml.as_bytes()).unwrap();
    assert_eq!(again.headers, headers());
}

#[test]
fn a_12_response_tells_its_version_and_11_stays_the_default() {
    let v12 = write_envelope_parts(
        SoapVersion::V12,
        &EnvelopeStyle::INDENTED,
        &NoHeaders,
        NO_EXTRA_HEADERS,
        &ResetPinResponse,
    )
    .unwrap();
    assert!(!v12.contains("Header"), "{v12}");
    let (version, envelope) =
        read_envelope_with_version::<NoHeaders, ResetPinResponse>(v12.as_bytes()).unwrap();
    assert_eq!(version, SoapVersion::V12);
    assert_eq!(envelope.body, Body::Content(ResetPinResponse));

    let v11 = write_envelope(&ResetPinResponse, &EnvelopeStyle::INDENTED).unwrap();
    assert_eq!(
        v11,
        v12.replace(SOAP12, "http://schemas.xmlsoap.org/soap/envelope/")
    );
    let (version, _) =
        read_envelope_with_version::<NoHeaders, ResetPinResponse>(v11.as_bytes()).unwrap();
    assert_eq!(version, SoapVersion::V11);
    assert_eq!(SoapVersion::default(), SoapVersion::V11);
}

/// The SOAP 1.2 answers among the NF-e corpus's instances.
fn nfe_envelope(file: &str) -> Vec<u8> {
    let corpus = std::env::var_os("XSDGEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let path = corpus
        .join("nfe/instances/sped-nfe/tests/fixtures/xml")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (set XSDGEN_CORPUS to the corpus folder)",
            path.display()
        )
    })
}

#[test]
fn the_nfe_corpus_12_answers_are_read() {
    let cases = [
        // An empty `env:Header`, indented.
        (
            "response_inut_cnpj.xml",
            "http://www.portalfiscal.inf.br/nfe/wsdl/NFeInutilizacao4",
            true,
        ),
        // No header, an XML declaration, unused xsi/xsd declarations.
        (
            "exemplo_retorno_sucesso_envia_lote.xml",
            "http://www.portalfiscal.inf.br/nfe/wsdl/NFeAutorizacao4",
            false,
        ),
    ];
    for (file, namespace, has_header) in cases {
        let xml = nfe_envelope(file);
        let body = BodyReader::new(&xml).unwrap();
        assert_eq!(body.version(), SoapVersion::V12, "{file}");
        assert_eq!(body.has_header(), has_header, "{file}");
        assert_eq!(
            (body.namespace(), body.local_name()),
            (namespace, "nfeResultMsg"),
            "{file}"
        );
        assert!(!body.is_fault(), "{file}");
        // No header entries: none declared is none read, and none in the
        // way of the body.
        assert_eq!(body.headers::<Headers>().unwrap(), Headers::default());
    }
}

fn response_with(entry: &str) -> String {
    format!(
        r#"<env:Envelope xmlns:env="{SOAP12}"><env:Header>{entry}</env:Header><env:Body><ResetPINResponse xmlns="{MESSAGES}"/></env:Body></env:Envelope>"#
    )
}

#[test]
fn must_understand_in_12() {
    let marked = |value: &str, role: &str| {
        response_with(&format!(
            r#"<x:Security xmlns:x="urn:x" env:mustUnderstand="{value}"{role}/>"#
        ))
    };
    for value in ["true", "1", " true "] {
        let err = read_envelope::<ResetPinResponse>(marked(value, "").as_bytes()).unwrap_err();
        assert!(is_not_understood(&err), "{value}: {err}");
        assert_eq!(
            HeaderName::not_understood_in(&err),
            Some(HeaderName::new("urn:x", "Security"))
        );
        assert_eq!(
            err.to_string(),
            "/Envelope/Header/Security (line 1, column 79): header entry not understood: \
             {urn:x}Security is marked env:mustUnderstand=\"true\", and the operation does \
             not declare it"
        );
    }
    for value in ["false", "0"] {
        let read = read_envelope::<ResetPinResponse>(marked(value, "").as_bytes()).unwrap();
        assert_eq!(read, Body::Content(ResetPinResponse), "{value}");
    }
    let err = read_envelope::<ResetPinResponse>(marked("yes", "").as_bytes()).unwrap_err();
    assert!(
        matches!(&err.kind, ReadErrorKind::InvalidValue { value, .. } if value == "yes"),
        "{err}"
    );

    // The roles this node plays, and those it does not.
    let role = |uri: &str| format!(r#" env:role="{uri}""#);
    for ours in [
        "http://www.w3.org/2003/05/soap-envelope/role/next",
        "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
    ] {
        let err =
            read_envelope::<ResetPinResponse>(marked("true", &role(ours)).as_bytes()).unwrap_err();
        assert!(is_not_understood(&err), "{ours}: {err}");
    }
    for theirs in [
        "http://www.w3.org/2003/05/soap-envelope/role/none",
        "urn:some-gateway",
    ] {
        let read =
            read_envelope::<ResetPinResponse>(marked("true", &role(theirs)).as_bytes()).unwrap();
        assert_eq!(read, Body::Content(ResetPinResponse), "{theirs}");
    }

    // A 1.1 attribute means nothing in a 1.2 envelope, and the other way
    // round.
    let foreign = response_with(
        r#"<x:Security xmlns:x="urn:x" xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:mustUnderstand="1"/>"#,
    );
    assert!(read_envelope::<ResetPinResponse>(foreign.as_bytes()).is_ok());

    // A declared entry is read whatever its marking.
    let declared = response_with(&format!(
        r#"<Culture xmlns="{MESSAGES}" xmlns:e="{SOAP12}" e:mustUnderstand="true">de-DE</Culture>"#
    ));
    let body = BodyReader::new(declared.as_bytes()).unwrap();
    assert_eq!(
        body.headers::<Headers>().unwrap().culture,
        Some(Culture("de-DE".into()))
    );
}
