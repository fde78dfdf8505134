//! The reader and writer under the shapes generated code uses, written by
//! hand here so that the runtime is tested without the generator.

use xsdgen_runtime::xml::{
    Name, ReadError, ReadErrorKind, Start, WriteError, WriteOptions, XmlElement, XmlRead,
    XmlReader, XmlWrite, XmlWriter, from_xml, to_xml,
};

const NS: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

#[derive(Debug, PartialEq)]
struct Props {
    oof: bool,
    dial: Option<String>,
    numbers: Vec<u32>,
}

const PROPS: Name = Name::new(NS, "Props");
const OOF: Name = Name::new(NS, "OofStatus");
const DIAL: Name = Name::new(NS, "PlayOnPhoneDialString");
const NUMBER: Name = Name::new(NS, "Number");

impl XmlWrite for Props {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.simple_element(OOF, &self.oof)?;
        if let Some(d) = &self.dial {
            w.simple_element(DIAL, d)?;
        }
        for n in &self.numbers {
            w.simple_element(NUMBER, n)?;
        }
        w.end()
    }
}

impl XmlRead for Props {
    fn read_xml(r: &mut XmlReader<'_>, _start: &Start<'_>) -> Result<Self, ReadError> {
        let mut child = r.next_child()?;
        let oof = match child {
            Some(ref s) if r.is(s, OOF) => {
                let v = r.read_value()?;
                child = r.next_child()?;
                v
            }
            Some(ref s) if s.local_name() == OOF.local => return Err(r.unexpected(s, OOF)),
            _ => return Err(r.missing(OOF)),
        };
        let mut dial = None;
        if let Some(ref s) = child {
            if r.is(s, DIAL) {
                dial = Some(r.read_value()?);
                child = r.next_child()?;
            }
        }
        let mut numbers = Vec::new();
        while let Some(ref s) = child {
            if !r.is(s, NUMBER) {
                return Err(r.extra(s));
            }
            numbers.push(r.read_value()?);
            child = r.next_child()?;
        }
        Ok(Self { oof, dial, numbers })
    }
}

impl XmlElement for Props {
    const NAME: Name = PROPS;
}

#[test]
fn writes_one_default_namespace_and_reads_it_back() {
    let p = Props {
        oof: true,
        dial: Some("a<b & \"c\"".into()),
        numbers: vec![1, 22],
    };
    let xml = to_xml(&p).unwrap();
    assert_eq!(
        xml,
        format!(
            "<Props xmlns=\"{NS}\"><OofStatus>true</OofStatus>\
             <PlayOnPhoneDialString>a&lt;b &amp; \"c\"</PlayOnPhoneDialString>\
             <Number>1</Number><Number>22</Number></Props>"
        )
    );
    assert_eq!(from_xml::<Props>(&xml).unwrap(), p);
}

#[test]
fn readers_compare_namespaces_not_prefixes() {
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<m:Props xmlns:m=\"{NS}\">\n  <m:OofStatus> 0 </m:OofStatus>\
         <!-- c --><OofStatus xmlns=\"{NS}\"/></m:Props>"
    );
    let err = from_xml::<Props>(&xml).unwrap_err();
    // The second OofStatus is empty: false is not an unsigned int... but it
    // is not a Number at all, so it is an extra element.
    assert!(
        matches!(err.kind, ReadErrorKind::ExtraElement { .. }),
        "{err}"
    );
    assert_eq!(err.path, "/Props/OofStatus");
    assert_eq!(err.line, 3);
}

#[test]
fn wrong_namespace_names_the_expected_one() {
    let xml = "<Props xmlns=\"https://schemas.microsoft.com/exchange/services/2006/messages\"/>";
    let err = from_xml::<Props>(xml).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "/Props (line 1, column 1): expected element {{{NS}}}Props, found \
             {{https://schemas.microsoft.com/exchange/services/2006/messages}}Props"
        )
    );
}

#[test]
fn entity_and_character_references_are_resolved() {
    let xml = format!(
        "<Props xmlns=\"{NS}\"><OofStatus>false</OofStatus>\
         <PlayOnPhoneDialString>x&amp;y&#65;<![CDATA[<z>]]></PlayOnPhoneDialString></Props>"
    );
    let p = from_xml::<Props>(&xml).unwrap();
    assert_eq!(p.dial.as_deref(), Some("x&yA<z>"));
}

#[test]
fn bad_values_and_broken_documents_are_located_errors() {
    let bad_bool = format!("<Props xmlns=\"{NS}\">\n<OofStatus>yes</OofStatus></Props>");
    let err = from_xml::<Props>(&bad_bool).unwrap_err();
    assert_eq!(err.path, "/Props/OofStatus");
    assert!(matches!(err.kind, ReadErrorKind::InvalidValue { .. }));

    for broken in [
        "",
        "<Props",
        "<Props xmlns=\"x\"></Prop>",
        "<p:Props/>",
        "<!DOCTYPE x [<!ENTITY a \"b\">]><Props/>",
        "<Props xmlns=\"x\"/><more/>",
    ] {
        assert!(
            from_xml::<Props>(broken).is_err(),
            "{broken:?} was accepted"
        );
    }
}

#[test]
fn indented_output_with_spaced_empty_tags() {
    struct Empty;
    impl XmlWrite for Empty {
        fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
            w.start(name);
            w.end()
        }
    }
    let mut w = XmlWriter::with_options(WriteOptions {
        indent: Some("  "),
        space_before_slash: true,
    });
    w.declaration();
    w.declare_prefix("soap", xsdgen_runtime::xml::ns::SOAP11);
    w.start(Name::new(xsdgen_runtime::xml::ns::SOAP11, "Envelope"));
    w.start(Name::new(xsdgen_runtime::xml::ns::SOAP11, "Body"));
    Empty.write_xml(&mut w, Name::new(NS, "ResetPIN")).unwrap();
    w.end().unwrap();
    w.end().unwrap();
    assert_eq!(
        w.into_string(),
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
             <soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n  \
             <soap:Body>\n    <ResetPIN xmlns=\"{NS}\" />\n  </soap:Body>\n</soap:Envelope>"
        )
    );
}

#[test]
fn control_characters_cannot_be_written() {
    let p = Props {
        oof: false,
        dial: Some("bell\u{7}".into()),
        numbers: vec![],
    };
    assert!(matches!(
        to_xml(&p),
        Err(WriteError::InvalidChar { code: 7, .. })
    ));
}

#[test]
fn namespace_scopes_nest_shadow_and_end() {
    // The inner default namespace applies only inside its element; a
    // prefix may be rebound; `xmlns=""` puts unprefixed names in no
    // namespace.
    let xml = format!(
        "<a:Props xmlns:a=\"{NS}\" xmlns=\"urn:other\">\
           <a:OofStatus xmlns:a=\"urn:rebound\">1</a:OofStatus>\
         </a:Props>"
    );
    let err = from_xml::<Props>(&xml).unwrap_err();
    assert!(
        err.to_string().contains("found {urn:rebound}OofStatus"),
        "{err}"
    );

    let xml = format!(
        "<Props xmlns=\"{NS}\"><OofStatus>1</OofStatus><Number xmlns=\"\">5</Number></Props>"
    );
    let err = from_xml::<Props>(&xml).unwrap_err();
    assert!(
        matches!(err.kind, ReadErrorKind::ExtraElement { ref found } if found == "Number"),
        "{err}"
    );

    let xml = format!("<x:Props xmlns:x=\"{NS}\"><x:OofStatus>1</x:OofStatus></x:Props>");
    assert!(from_xml::<Props>(&xml).unwrap().oof);
}

#[test]
fn qname_text_resolves_in_the_elements_own_scope() {
    use xsdgen_runtime::xml::QNameValue;
    let xml = "<r xmlns:p=\"urn:outer\"><v xmlns:q=\"urn:inner\">q:x</v><w>p:y</w><z>q:x</z></r>";
    let mut r = XmlReader::new(xml);
    let _root = r.root().unwrap();
    let _v = r.next_child().unwrap().unwrap();
    let v: QNameValue = r.read_value().unwrap();
    assert_eq!((v.namespace.as_str(), v.local.as_str()), ("urn:inner", "x"));
    let _w = r.next_child().unwrap().unwrap();
    let w: QNameValue = r.read_value().unwrap();
    assert_eq!(w.namespace, "urn:outer");
    let _z = r.next_child().unwrap().unwrap();
    // q: went out of scope with <v>.
    assert!(r.read_value::<QNameValue>().is_err());
}

/// A kept element that relies on there being no default namespace says so
/// with `xmlns=""`, which the writer drops where it is redundant.
#[test]
fn kept_xml_keeps_its_default_namespace_wherever_it_is_written() {
    let write = |parent: Name, raw: &str| {
        let mut w = XmlWriter::new();
        w.start(parent);
        w.raw_element(raw);
        w.end().unwrap();
        w.into_string()
    };
    let qualified = Name::new("urn:d", "P");
    assert_eq!(
        write(qualified, "<z xmlns=\"\" a=\"1\"/>"),
        "<P xmlns=\"urn:d\"><z xmlns=\"\" a=\"1\"/></P>"
    );
    assert_eq!(
        write(Name::local("P"), "<z xmlns=\"\"><y/></z>"),
        "<P><z><y/></z></P>"
    );
}
