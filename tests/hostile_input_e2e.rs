//! Hostile requests to the emulator, over HTTP and HTTPS: entity
//! declarations (billion laughs, an external entity) get the invalid
//! request fault without being expanded, and a 100 MB body, streamed from
//! a buffer of 64 KiB, is refused with 413 once the limit is read, the
//! rest left unread. The client's side of the same attacks (answers with
//! a DTD, a 100 MB answer) is tested in `runtime/tests/client_answers.rs`.

mod e2e;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use e2e::{Transport, over_both};
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD};
use exchange_um_emulator::server::DEFAULT_MAX_REQUEST_BYTES;
use exchange_um_emulator::{RunningEmulator, soap::MESSAGES_NS};
use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWrite, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::pki_types::pem::PemObject as _;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{self, ClientConfig, RootCertStore};

const HUNDRED_MB: usize = 100 * 1024 * 1024;
const CHUNK: usize = 64 * 1024;

over_both!(
    entity_declarations_get_the_invalid_request_fault,
    a_streamed_hundred_megabytes_is_refused_at_the_limit,
    a_declared_hundred_megabytes_is_refused_unread,
    an_unauthenticated_body_is_not_read,
);

fn reset_pin_with(prolog: &str, text: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>{prolog}<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">\
         <s:Body><SetPlayOnPhoneDialString xmlns=\"{MESSAGES_NS}\"><dialString>{text}</dialString>\
         </SetPlayOnPhoneDialString></s:Body></s:Envelope>"
    )
}

fn billion_laughs() -> String {
    let mut dtd = String::from("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        let previous = format!("&lol{};", i - 1);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">", previous.repeat(10)));
    }
    dtd.push_str("]>");
    dtd
}

async fn entity_declarations_get_the_invalid_request_fault(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let mut http = reqwest::Client::builder();
    if let Some(pem) = emulator.tls_root_pem() {
        http = http.add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).unwrap());
    }
    let http = http.build().unwrap();
    let external = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    for (prolog, reference) in [(billion_laughs().as_str(), "&lol9;"), (external, "&xxe;")] {
        let response = http
            .post(emulator.ews_url())
            .basic_auth(ALICE, Some(ALICE_PASSWORD))
            .header("Content-Type", "text/xml; charset=utf-8")
            .body(reset_pin_with(prolog, reference))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 500);
        let body = response.text().await.unwrap();
        assert!(body.contains("ErrorInvalidRequest"), "{body}");
        assert!(body.contains("document type declaration"), "{body}");
        assert!(
            !body.contains("lollol") && !body.contains("root:"),
            "{body}"
        );
    }
    let properties = e2e::client(&emulator, ALICE, ALICE_PASSWORD)
        .get_um_properties()
        .await
        .unwrap()
        .unwrap();
    assert_ne!(properties.play_on_phone_dial_string.as_deref(), Some("lol"));
}

async fn a_streamed_hundred_megabytes_is_refused_at_the_limit(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let head = request_head(&[basic_auth(), "Transfer-Encoding: chunked".to_owned()]);
    let (status, sent) = stream_body(&emulator, head, HUNDRED_MB).await;
    eprintln!(
        "{}: {sent} of {HUNDRED_MB} bytes sent before the 413",
        transport.name()
    );
    assert_eq!(status, 413);
    // What got out is the limit plus what the sockets buffer.
    assert!(sent >= DEFAULT_MAX_REQUEST_BYTES, "{sent}");
    assert!(sent < HUNDRED_MB / 4, "the server read {sent} bytes");
    assert_eq!(emulator.faults().soap_requests(), 0, "nothing was handled");
}

async fn a_declared_hundred_megabytes_is_refused_unread(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let length = format!("Content-Length: {HUNDRED_MB}");
    let head = request_head(&[basic_auth(), length]);
    let (status, sent) = stream_body(&emulator, head, 0).await;
    assert_eq!((status, sent), (413, 0));
}

async fn an_unauthenticated_body_is_not_read(transport: Transport) {
    let emulator = e2e::demo(transport).await;
    let head = request_head(&["Transfer-Encoding: chunked".to_owned()]);
    let (status, sent) = stream_body(&emulator, head, HUNDRED_MB).await;
    eprintln!(
        "{}: {sent} of {HUNDRED_MB} bytes sent before the 401",
        transport.name()
    );
    assert_eq!(status, 401);
    assert!(sent < HUNDRED_MB / 4, "the server read {sent} bytes");
}

fn basic_auth() -> String {
    use base64::Engine as _;
    let credentials =
        base64::engine::general_purpose::STANDARD.encode(format!("{ALICE}:{ALICE_PASSWORD}"));
    format!("Authorization: Basic {credentials}")
}

fn request_head(headers: &[String]) -> String {
    let mut head = String::from(
        "POST /EWS/UM2007Legacy.asmx HTTP/1.1\r\nHost: localhost\r\n\
         Content-Type: text/xml; charset=utf-8\r\n",
    );
    for header in headers {
        head.push_str(header);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    head
}

/// Sends `head`, then up to `total` bytes of body in chunks of one reused
/// buffer, while reading the answer; returns its status and the body
/// bytes that got out before the server stopped taking them.
async fn stream_body(emulator: &RunningEmulator, head: String, total: usize) -> (u16, usize) {
    let tcp = TcpStream::connect(emulator.local_addr()).await.unwrap();
    match emulator.tls_root_pem() {
        None => exchange(tcp, head, total).await,
        Some(pem) => {
            let mut roots = RootCertStore::empty();
            for certificate in CertificateDer::pem_slice_iter(pem.as_bytes()) {
                roots.add(certificate.unwrap()).unwrap();
            }
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            let config = ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_root_certificates(roots)
                .with_no_client_auth();
            let name = ServerName::try_from("localhost").unwrap();
            let tls = TlsConnector::from(Arc::new(config))
                .connect(name, tcp)
                .await
                .unwrap();
            exchange(tls, head, total).await
        }
    }
}

async fn exchange<S>(stream: S, head: String, total: usize) -> (u16, usize)
where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let (mut reader, mut writer) = tokio::io::split(stream);
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    let sender = tokio::spawn(async move {
        let chunk = vec![b'<'; CHUNK];
        let chunked = head.contains("chunked");
        if writer.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        while counter.load(Ordering::SeqCst) < total {
            let framed = async {
                if chunked {
                    writer
                        .write_all(format!("{CHUNK:x}\r\n").as_bytes())
                        .await?;
                }
                writer.write_all(&chunk).await?;
                if chunked {
                    writer.write_all(b"\r\n").await?;
                }
                std::io::Result::Ok(())
            };
            if framed.await.is_err() {
                break;
            }
            counter.fetch_add(CHUNK, Ordering::SeqCst);
        }
    });
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
        match reader.read(&mut buffer).await {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
        }
    }
    let status = String::from_utf8_lossy(&answer)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .unwrap_or(0);
    // The server closes the connection after refusing, so the sender stops
    // at its next write; one still blocked is one the server stopped
    // reading from too.
    drop(reader);
    let abort = sender.abort_handle();
    if tokio::time::timeout(Duration::from_secs(10), sender)
        .await
        .is_err()
    {
        abort.abort();
    }
    (status, sent.load(Ordering::SeqCst))
}
