//! Nothing a schema contains may panic or overflow the stack: truncated and
//! mutated schemas, and pathological nesting, go through load, parse and
//! lower and come out as diagnostics (or a model), never as a crash.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::front;

/// A small service description that uses most of what the front end
/// understands, so that mutations reach most of its code.
const FIXTURE: &str = r###"<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tns="urn:fuzz" targetNamespace="urn:fuzz">
  <wsdl:documentation>Fixture</wsdl:documentation>
  <wsdl:types>
    <xs:schema targetNamespace="urn:fuzz" elementFormDefault="qualified">
      <xs:import namespace="http://www.w3.org/XML/1998/namespace"/>
      <xs:simpleType name="State">
        <xs:annotation><xs:documentation>A state.</xs:documentation></xs:annotation>
        <xs:restriction base="xs:string">
          <xs:enumeration value="Idle"/>
          <xs:enumeration value="Busy"/>
          <xs:maxLength value="10"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="States"><xs:list itemType="tns:State"/></xs:simpleType>
      <xs:simpleType name="Either">
        <xs:union memberTypes="tns:State xs:int">
          <xs:simpleType><xs:restriction base="xs:decimal"><xs:totalDigits value="5"/></xs:restriction></xs:simpleType>
        </xs:union>
      </xs:simpleType>
      <xs:group name="Common">
        <xs:sequence>
          <xs:element name="Id" type="xs:string" minOccurs="0"/>
          <xs:choice maxOccurs="unbounded">
            <xs:element ref="tns:Item"/>
            <xs:any namespace="##other" processContents="lax"/>
          </xs:choice>
        </xs:sequence>
      </xs:group>
      <xs:attributeGroup name="Attrs">
        <xs:attribute name="state" type="tns:State" use="required"/>
        <xs:attribute ref="xml:lang"/>
        <xs:anyAttribute/>
      </xs:attributeGroup>
      <xs:complexType name="Base" abstract="true">
        <xs:sequence><xs:group ref="tns:Common"/></xs:sequence>
        <xs:attributeGroup ref="tns:Attrs"/>
      </xs:complexType>
      <xs:complexType name="Derived">
        <xs:complexContent>
          <xs:extension base="tns:Base">
            <xs:sequence>
              <xs:element name="Child" nillable="true">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string"><xs:attribute name="a" type="xs:int"/></xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:complexType name="Limited">
        <xs:simpleContent>
          <xs:restriction base="tns:Text"><xs:maxLength value="4"/></xs:restriction>
        </xs:simpleContent>
      </xs:complexType>
      <xs:complexType name="Text">
        <xs:simpleContent><xs:extension base="tns:State"/></xs:simpleContent>
      </xs:complexType>
      <xs:element name="Item" type="tns:Derived" abstract="true"/>
      <xs:element name="Special" substitutionGroup="tns:Item"/>
      <xs:element name="Ping"><xs:complexType><xs:all><xs:element name="x" type="tns:States"/></xs:all></xs:complexType></xs:element>
      <xs:element name="PingResponse" type="tns:Limited"/>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="PingIn"><wsdl:part name="body" element="tns:Ping"/></wsdl:message>
  <wsdl:message name="PingOut"><wsdl:part name="body" element="tns:PingResponse"/></wsdl:message>
  <wsdl:portType name="Port">
    <wsdl:operation name="Ping">
      <wsdl:input message="tns:PingIn"/>
      <wsdl:output message="tns:PingOut"/>
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="Binding" type="tns:Port">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <wsdl:operation name="Ping">
      <soap:operation soapAction="urn:fuzz/Ping"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="Service">
    <wsdl:port name="Port" binding="tns:Binding"><soap:address location="http://localhost/"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
"###;

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("xsdgen-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a scratch directory");
        Self(dir)
    }

    /// Writes `bytes` as `file` and runs the front end on it; only a panic
    /// (which fails the test) matters.
    fn run(&self, file: &str, bytes: &[u8]) -> bool {
        let path = self.0.join(file);
        fs::write(&path, bytes).expect("writing a scratch file");
        front(&[path]).is_ok()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_fixture_itself_is_clean() {
    let scratch = Scratch::new("fixture");
    let path = scratch.0.join("fixture.wsdl");
    fs::write(&path, FIXTURE).expect("writing the fixture");
    if let Err(e) = front(&[path]) {
        panic!("{e}");
    }
}

#[test]
fn truncated_prefixes_do_not_panic() {
    let scratch = Scratch::new("truncated");
    let bytes = FIXTURE.as_bytes();
    for end in (0..bytes.len()).step_by(7) {
        scratch.run("t.wsdl", &bytes[..end]);
    }
}

#[test]
fn random_mutations_do_not_panic() {
    const ALPHABET: &[u8] = b"<>/=\"':xs tns0123456789-_&;#\n\r\xEF\xBB\xBF\xFFabc";
    let scratch = Scratch::new("mutated");
    let mut rng = Rng(0x005E_ED0F_0A11_D1A6);
    let mut ok = 0;
    for _ in 0..1500 {
        let mut bytes = FIXTURE.as_bytes().to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len());
            match rng.below(4) {
                0 => bytes[at] = ALPHABET[rng.below(ALPHABET.len())],
                1 => {
                    let end = (at + rng.below(40)).min(bytes.len());
                    bytes.drain(at..end);
                }
                2 => {
                    let end = (at + rng.below(200)).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    let to = rng.below(bytes.len());
                    bytes.splice(to..to, copy);
                }
                _ => bytes.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
            }
        }
        if scratch.run("m.wsdl", &bytes) {
            ok += 1;
        }
    }
    // Some mutations are harmless (inside documentation); most are not.
    println!("{ok} of 1500 mutated schemas were still valid");
}

fn schema(body: &str) -> String {
    format!(
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:deep" targetNamespace="urn:deep">{body}</xs:schema>"#
    )
}

fn expect_error(scratch: &Scratch, name: &str, text: &str, message: &str) {
    let path = scratch.0.join(name);
    fs::write(&path, text).expect("writing a scratch file");
    match front(&[path]) {
        Ok(_) => panic!("{name}: expected an error"),
        Err(e) => assert!(e.to_string().contains(message), "{name}: {e}"),
    }
}

#[test]
fn pathological_nesting_is_an_error_not_a_stack_overflow() {
    let scratch = Scratch::new("deep");
    let depth = 5000;
    let nested = format!(
        r#"<xs:complexType name="Deep">{}{}</xs:complexType>"#,
        "<xs:sequence>".repeat(depth),
        "</xs:sequence>".repeat(depth)
    );
    expect_error(
        &scratch,
        "nested.xsd",
        &schema(&nested),
        "nesting deeper than",
    );

    let anonymous = format!(
        r#"<xs:element name="E">{}{}</xs:element>"#,
        r#"<xs:complexType><xs:sequence><xs:element name="e">"#.repeat(depth),
        "</xs:element></xs:sequence></xs:complexType>".repeat(depth)
    );
    expect_error(
        &scratch,
        "anonymous.xsd",
        &schema(&anonymous),
        "nesting deeper than",
    );

    // Deep markup inside documentation is only text to us.
    let doc = format!(
        r#"<xs:annotation><xs:documentation>{}deep{}</xs:documentation></xs:annotation>"#,
        "<b>".repeat(50_000),
        "</b>".repeat(50_000)
    );
    assert!(scratch.run("doc.xsd", schema(&doc).as_bytes()));

    // A long chain of groups, each referring to the next.
    let groups: String = (0..3000)
        .map(|i| format!(r#"<xs:group name="g{i}"><xs:sequence><xs:group ref="t:g{}"/></xs:sequence></xs:group>"#, i + 1))
        .chain(std::iter::once(r#"<xs:group name="g3000"><xs:sequence/></xs:group>"#.to_owned()))
        .collect();
    expect_error(
        &scratch,
        "groups.xsd",
        &schema(&groups),
        "nested deeper than",
    );
}

#[test]
fn long_chains_resolve_without_recursion() {
    let scratch = Scratch::new("chains");
    let n = 20_000;
    let types: String = (0..n)
        .map(|i| format!(r#"<xs:simpleType name="s{i}"><xs:restriction base="t:s{}"/></xs:simpleType>"#, i + 1))
        .chain(std::iter::once(format!(r#"<xs:simpleType name="s{n}"><xs:restriction base="xs:string"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>"#)))
        .collect();
    assert!(scratch.run("types.xsd", schema(&types).as_bytes()));

    let cycle: String = (0..n)
        .map(|i| {
            format!(
                r#"<xs:element name="e{i}" type="xs:string" substitutionGroup="t:e{}"/>"#,
                (i + 1) % n
            )
        })
        .collect();
    expect_error(
        &scratch,
        "cycle.xsd",
        &schema(&cycle),
        "circular substitution group",
    );
}

#[test]
fn truncated_real_schemas_do_not_panic() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus/ews/Exchange2010_SP2/messages.xsd");
    let Ok(bytes) = fs::read(&real) else {
        eprintln!("skipped: {} is not there", real.display());
        return;
    };
    let scratch = Scratch::new("real");
    let mut rng = Rng(42);
    for _ in 0..12 {
        let end = rng.below(bytes.len());
        scratch.run("messages.xsd", &bytes[..end]);
    }
}
