//! `xsdgen mock` as a process: it serves `schemas/cases/soap12_service`
//! on loopback with canned answers, and the case's generated client
//! calls it over HTTP in both SOAP versions. Canned files that do not fit
//! the WSDL, and a WSDL with errors, stop it at start with a precise error.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use xsdgen_runtime::Error;
use xsdgen_runtime::soap::{BodyReader, Fault, SoapVersion, StandardCode};

#[allow(dead_code)]
mod stock {
    include!("../../schemas/cases/soap12_service/expected.rs");
}

use stock::operations::ReserveFault;
use stock::ports::{stock_soap, stock_soap12};
use stock::{GetLevel, GetLevelResponse, OutOfStock, Ping, Reserve};

const LEVEL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<s:GetLevelResponse xmlns:s="urn:xsdgen:test:stock">
  <s:Sku>apple</s:Sku>
  <s:Level>7</s:Level>
</s:GetLevelResponse>
"#;

const OUT_OF_STOCK: &str = r#"<OutOfStock xmlns="urn:xsdgen:test:stock"><Sku>pear</Sku><Available>0</Available></OutOfStock>"#;

fn case() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/cases/soap12_service")
}

fn wsdl() -> String {
    case().join("schema.wsdl").to_str().unwrap().to_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xsdgen-mock-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// A running `xsdgen mock`, killed when dropped; its log goes to a file.
struct Mock {
    child: Child,
    url: String,
    /// The operation lines printed after the URL.
    listing: Vec<String>,
    log: PathBuf,
}

impl Mock {
    fn start(dir: &Path, args: &[&str]) -> Self {
        let log = dir.join("stderr.log");
        let mut child = Command::new(env!("CARGO_BIN_EXE_xsdgen"))
            .arg("mock")
            .arg(wsdl())
            .args(["--bind", "127.0.0.1:0"])
            .args(args)
            .env_remove("RUST_LOG")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("run xsdgen mock");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut lines = Vec::new();
        // The URL and the six operations (three per port).
        for _ in 0..7 {
            let mut line = String::new();
            if stdout.read_line(&mut line).unwrap() == 0 {
                let _ = child.kill();
                panic!(
                    "the mock ended early: {}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
            lines.push(line.trim_end().to_owned());
        }
        let url = lines.remove(0);
        Self {
            child,
            url,
            listing: lines,
            log,
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap()
    }

    fn addr(&self) -> String {
        let rest = self.url.strip_prefix("http://").unwrap();
        rest[..rest.find('/').unwrap()].to_owned()
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn runtime_client(url: &str) -> xsdgen_runtime::client::Client {
    xsdgen_runtime::client::Client::builder(url)
        .build()
        .unwrap()
}

fn fault_of(error: &Error) -> &Fault {
    error
        .fault()
        .unwrap_or_else(|| panic!("a fault, not {error:?}"))
}

/// One HTTP/1.1 exchange on a connection of its own: status and body.
fn http(addr: &str, request: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, body.to_owned())
}

fn post_soap11(addr: &str, action: &str, body: &str) -> (u16, String) {
    let envelope = format!(
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>{body}</s:Body></s:Envelope>"#
    );
    http(
        addr,
        &format!(
            "POST /stock HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/xml\r\nSOAPAction: \"{action}\"\r\nContent-Length: {}\r\n\r\n{envelope}",
            envelope.len()
        ),
    )
}

/// What both ports answer with `--respond GetLevel=… --fault Reserve=…`:
/// the canned level, the canned declared fault, and a Receiver fault for
/// Ping, each in the port's version.
macro_rules! exercise {
    ($port:ident, $version:expr, $url:expr) => {{
        let client = $port::Client::new(runtime_client($url));
        let version: SoapVersion = $version;

        let level = client
            .get_level(&GetLevel::new("anything".into()))
            .await
            .unwrap();
        assert_eq!(level, GetLevelResponse::new("apple".into(), 7));

        let error = client
            .reserve(&Reserve::new("pear".into(), 1))
            .await
            .unwrap_err();
        let fault = fault_of(&error);
        assert_eq!(fault.version, version);
        assert_eq!(fault.standard_code(), Some(StandardCode::Receiver));
        assert_eq!(fault.string, "OutOfStock");
        assert_eq!(
            ReserveFault::from_fault(fault).unwrap().unwrap(),
            ReserveFault::OutOfStock(OutOfStock::new("pear".into(), 0))
        );

        let error = client.ping(&Ping::new()).await.unwrap_err();
        let fault = fault_of(&error);
        assert_eq!(fault.version, version);
        assert_eq!(fault.standard_code(), Some(StandardCode::Receiver));
        assert_eq!(fault.string, "no canned response for Ping");
    }};
}

#[tokio::test]
async fn the_mock_serves_canned_answers_to_the_generated_client_in_both_versions() {
    let dir = scratch("canned");
    let level = write(&dir, "level.xml", LEVEL);
    let out_of_stock = write(&dir, "out-of-stock.xml", OUT_OF_STOCK);
    let mock = Mock::start(
        &dir,
        &[
            "--respond",
            &format!("GetLevel={level}"),
            "--fault",
            &format!("Reserve={out_of_stock}"),
        ],
    );
    assert!(mock.url.starts_with("http://127.0.0.1:"), "{}", mock.url);
    assert!(
        mock.url.ends_with("/stock"),
        "the WSDL's path: {}",
        mock.url
    );
    assert_eq!(
        mock.listing,
        [
            "  GetLevel  SOAP 1.1  urn:xsdgen:test:stock/GetLevel  response",
            "  Reserve   SOAP 1.1  urn:xsdgen:test:stock/Reserve   fault",
            "  Ping      SOAP 1.1  urn:xsdgen:test:stock/Ping      no canned response",
            "  GetLevel  SOAP 1.2  urn:xsdgen:test:stock/GetLevel  response",
            "  Reserve   SOAP 1.2  urn:xsdgen:test:stock/Reserve   fault",
            "  Ping      SOAP 1.2  urn:xsdgen:test:stock/Ping      no canned response",
        ]
    );

    exercise!(stock_soap, SoapVersion::V11, &mock.url);
    exercise!(stock_soap12, SoapVersion::V12, &mock.url);

    // Each request is logged with its operation and status, without its
    // body.
    let log = mock.log();
    assert!(log.contains(r#"operation="GetLevel" status=200"#), "{log}");
    assert!(log.contains(r#"operation="Reserve" status=500"#), "{log}");
    assert!(!log.contains("apple") && !log.contains("pear"), "{log}");
}

#[tokio::test]
async fn unknown_operations_text_faults_and_the_wsdl_are_the_dispatchers() {
    let dir = scratch("dispatch");
    let mock = Mock::start(&dir, &["--fault", "Ping=sender:closed for the night"]);
    let addr = mock.addr();

    // The Sender fault in each version (400 in SOAP 1.2).
    for version in [SoapVersion::V11, SoapVersion::V12] {
        let error = match version {
            SoapVersion::V11 => stock_soap::Client::new(runtime_client(&mock.url))
                .ping(&Ping::new())
                .await
                .unwrap_err(),
            SoapVersion::V12 => stock_soap12::Client::new(runtime_client(&mock.url))
                .ping(&Ping::new())
                .await
                .unwrap_err(),
        };
        let fault = fault_of(&error);
        assert_eq!(fault.version, version);
        assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
        assert_eq!(fault.string, "closed for the night");
    }

    let (status, body) = post_soap11(&addr, "", r#"<Nope xmlns="urn:elsewhere"/>"#);
    assert_eq!(status, 500);
    let fault = BodyReader::new(body.as_bytes())
        .and_then(BodyReader::read_fault)
        .unwrap();
    assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
    assert_eq!(
        fault.string,
        "No operation takes the body element {urn:elsewhere}Nope."
    );

    // GetLevel's action with Ping's element: the dispatcher names both.
    let (status, body) = post_soap11(
        &addr,
        "urn:xsdgen:test:stock/GetLevel",
        r#"<Ping xmlns="urn:xsdgen:test:stock"/>"#,
    );
    assert_eq!(status, 500);
    assert!(
        body.contains("operation GetLevel, whose request is {urn:xsdgen:test:stock}GetLevel"),
        "{body}"
    );

    let (status, body) = http(
        &addr,
        "GET /stock?wsdl HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 200);
    assert_eq!(body, std::fs::read_to_string(wsdl()).unwrap());
}

fn mock_output(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xsdgen"))
        .arg("mock")
        .args(args)
        .args(["--bind", "127.0.0.1:0"])
        .output()
        .expect("run xsdgen mock")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn canned_files_that_do_not_fit_the_wsdl_stop_the_mock_at_start() {
    let dir = scratch("bad");
    let malformed = write(
        &dir,
        "malformed.xml",
        "<GetLevelResponse xmlns=\"urn:xsdgen:test:stock\"><Sku>x</Sku>\n  <Level>1</Lvl></GetLevelResponse>",
    );
    let request = write(
        &dir,
        "request.xml",
        r#"<GetLevel xmlns="urn:xsdgen:test:stock"><Sku>x</Sku></GetLevel>"#,
    );
    let out_of_stock = write(&dir, "out-of-stock.xml", OUT_OF_STOCK);
    let wsdl = wsdl();
    for (args, expected) in [
        (
            vec!["--respond".to_owned(), format!("GetLevel={malformed}")],
            format!(
                "{malformed}:2:11: error: --respond GetLevel={malformed}: not one well-formed element: malformed XML: end tag does not match the open element\n"
            ),
        ),
        (
            vec!["--respond".to_owned(), format!("GetLevel={request}")],
            format!(
                "{request}: error: --respond GetLevel={request}: the root element is {{urn:xsdgen:test:stock}}GetLevel, but the response of GetLevel (SOAP 1.1) is {{urn:xsdgen:test:stock}}GetLevelResponse\n"
            ),
        ),
        (
            vec!["--fault".to_owned(), format!("GetLevel={out_of_stock}")],
            format!(
                "{out_of_stock}: error: --fault GetLevel={out_of_stock}: the root element is {{urn:xsdgen:test:stock}}OutOfStock, which is the detail of no fault of GetLevel; it declares UnknownSku ({{urn:xsdgen:test:stock}}UnknownSku)\n"
            ),
        ),
        (
            vec!["--respond".to_owned(), format!("Level={request}")],
            format!(
                "error: --respond Level={request}: the WSDL has no operation Level; it has GetLevel, Reserve, Ping\n"
            ),
        ),
        (
            vec![
                "--fault".to_owned(),
                "Ping=sender:no".to_owned(),
                "--fault".to_owned(),
                "Ping=receiver:no".to_owned(),
            ],
            "error: --fault Ping=receiver:no: operation Ping has a canned answer already (give one --respond or --fault per operation)\n".to_owned(),
        ),
    ] {
        let mut all: Vec<&str> = vec![&wsdl];
        all.extend(args.iter().map(String::as_str));
        let out = mock_output(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), expected, "{args:?}");
        assert!(out.stdout.is_empty(), "nothing served");
    }
}

#[test]
fn a_wsdl_with_errors_is_reported_as_check_reports_it() {
    let dir = scratch("broken");
    let text = std::fs::read_to_string(wsdl()).unwrap();
    let broken = text.replace(r#"element="s:GetLevelResponse""#, r#"element="s:Nowhere""#);
    assert_ne!(broken, text);
    let wsdl = write(&dir, "schema.wsdl", &broken);
    std::fs::copy(case().join("types.xsd"), dir.join("types.xsd")).unwrap();
    let mock = mock_output(&[&wsdl]);
    let check = Command::new(env!("CARGO_BIN_EXE_xsdgen"))
        .args(["check", &wsdl, "-o"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(mock.status.code(), Some(2));
    let message = stderr(&mock);
    assert!(
        message.starts_with(&format!("{wsdl}:19:")) && message.contains("error:"),
        "{message}"
    );
    assert_eq!(message, stderr(&check), "the same diagnostics as check");
}
