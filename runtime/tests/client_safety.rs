//! Safe by default: TLS is verified, credentials do not go over plain http
//! to another machine, and what is logged holds no secret.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::server::{TestServer, response, soap};
use common::tls::CA_PEM;
use common::{IsUmEnabled, IsUmEnabledOp, IsUmEnabledResponse};
use tracing_subscriber::fmt::MakeWriter;
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::client::Client;
use xsdgen_runtime::soap::{EnvelopeStyle, write_envelope};
use xsdgen_runtime::{Delivery, Error};

const PASSWORD: &str = "s3cret-Pa55word";
/// base64("alice:s3cret-Pa55word")
const BASIC: &str = "YWxpY2U6czNjcmV0LVBhNTV3b3Jk";

fn ok() -> common::server::Reply {
    let body = write_envelope(
        &IsUmEnabledResponse { value: true },
        &EnvelopeStyle::ASMX_RESPONSE,
    )
    .unwrap();
    soap(200, &body)
}

/// Everything written to the log, for a subscriber set in a test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    fn subscriber(&self, level: tracing::Level) -> impl tracing::Subscriber + Send + Sync {
        tracing_subscriber::fmt()
            .with_max_level(level)
            .with_ansi(false)
            .with_writer(self.clone())
            .finish()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[test]
fn credentials_are_not_sent_over_plain_http_to_another_host() {
    let err = Client::builder("http://exchange.internal/EWS/UM2007Legacy.asmx")
        .credentials(Credentials::basic("alice", PASSWORD))
        .build()
        .unwrap_err();
    let Error::InsecureHttp { host } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(host, "exchange.internal");
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert!(err.to_string().contains("allow_insecure_http_for"), "{err}");

    // Named by the caller, or without credentials, or on loopback: allowed.
    for builder in [
        Client::builder("http://exchange.internal/EWS")
            .credentials(Credentials::bearer_token("tok-123456"))
            .allow_insecure_http_for("Exchange.Internal"),
        Client::builder("http://exchange.internal/EWS"),
        Client::builder("http://127.0.0.1:8080/EWS")
            .credentials(Credentials::basic("alice", PASSWORD)),
        Client::builder("https://exchange.internal/EWS")
            .credentials(Credentials::basic("alice", PASSWORD)),
    ] {
        builder.build().unwrap();
    }
}

#[tokio::test]
async fn tls_is_verified_unless_a_root_is_added_or_checks_are_off() {
    let server = TestServer::start_tls(vec![ok()]).await;
    let err = Client::builder(&server.url)
        .build()
        .unwrap()
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect { .. }), "{err:?}");
    assert!(
        err.to_string().to_lowercase().contains("certificate"),
        "{err}"
    );
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert_eq!(server.count(), 0);

    let trusted = Client::builder(&server.url)
        .add_root_certificate_pem(CA_PEM)
        .credentials(Credentials::basic("alice", PASSWORD))
        .build()
        .unwrap();
    assert!(
        trusted
            .call::<IsUmEnabledOp>(&IsUmEnabled)
            .await
            .unwrap()
            .value
    );
    assert_eq!(server.count(), 1);

    let log = Captured::default();
    let unchecked = tracing::subscriber::with_default(log.subscriber(tracing::Level::WARN), || {
        Client::builder(&server.url)
            .danger_accept_invalid_certs(true)
            .build()
            .unwrap()
    });
    assert!(log.text().contains("verification is OFF"), "{}", log.text());
    assert!(
        unchecked
            .call::<IsUmEnabledOp>(&IsUmEnabled)
            .await
            .unwrap()
            .value
    );
}

#[test]
fn a_root_that_is_not_pem_is_a_configuration_error() {
    let err = Client::builder("https://mail.contoso.com/EWS")
        .add_root_certificate_pem("not a certificate")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}

#[tokio::test]
async fn logs_name_the_call_and_hold_no_secret() {
    // An error page that echoes the Authorization header and carries a PIN.
    let page =
        format!("<html><body><p>Authorization: Basic {BASIC}</p><Pin>424242</Pin></body></html>");
    let server = TestServer::start(vec![response(
        500,
        "Internal Server Error",
        &[
            ("Content-Type", "text/html"),
            ("request-id", "server-side-7"),
        ],
        &page,
    )])
    .await;
    let log = Captured::default();
    let _guard = tracing::subscriber::set_default(log.subscriber(tracing::Level::TRACE));
    let err = Client::builder(&server.url)
        .credentials(Credentials::basic("alice", PASSWORD))
        .log_bodies(true)
        .build()
        .unwrap()
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Http { status: 500, .. }), "{err:?}");

    let text = log.text();
    let id = server.requests()[0]
        .header("client-request-id")
        .unwrap()
        .to_owned();
    assert!(text.contains("soap_call"), "{text}");
    assert!(text.contains("operation=\"IsUMEnabled\""), "{text}");
    assert!(text.contains(&format!("request_id=\"{id}\"")), "{text}");
    assert!(
        text.contains("server_request_id=\"server-side-7\""),
        "{text}"
    );
    assert!(
        text.contains("request body") && text.contains("response body"),
        "{text}"
    );
    for secret in [PASSWORD, BASIC, "424242"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}
