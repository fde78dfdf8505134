//! What the server logs, at every level, of a session that carries the
//! password in each place a request can. In a binary of its own: a
//! subscriber set for one test misses events of callsites that tests on
//! other threads registered meanwhile.

mod server_common;

use server_common::auth::*;
use server_common::*;
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::client::{Client, NoRetry};
use xsdgen_runtime::server::BasicAuth;
use xsdgen_runtime::soap::SoapVersion;
use xsdgen_runtime::wsse::UsernameToken;

/// What the server logs, at every level, of a session that carries the
/// password in each place a request can: a text token, a Basic header,
/// and a value the reader refuses.
#[tokio::test]
async fn the_log_holds_no_password() {
    #[derive(Clone, Default)]
    struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);
    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let router = with_token(false).authenticate(BasicAuth::new(lookup));
    let server = Running::start(router).await;
    let answer = client(&server, Some(UsernameToken::text("alice", PASSWORD)))
        .call::<Echo11>(&hi())
        .await
        .unwrap();
    assert_eq!(answer.user, "alice");
    let wrong_basic = Client::builder(&server.url)
        .credentials(Credentials::basic("alice", format!("{PASSWORD}!")))
        .retry_policy(NoRetry)
        .build()
        .unwrap();
    assert!(wrong_basic.call::<Echo11>(&hi()).await.is_err());
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", PASSWORD));
    let refused = raw(server.addr, &post("text/xml", &[], &body)).await;
    assert_eq!(refused.status, 500);
    server.stop().await;

    let log = String::from_utf8_lossy(
        &captured
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    )
    .into_owned();
    assert!(
        log.contains("SOAP request answered") && log.contains("operation=\"Echo\" status=200"),
        "{log}"
    );
    assert!(log.contains("request unreadable"), "{log}");
    assert!(!log.contains(PASSWORD), "{log}");
}
