//! Secrets never show in Debug output, Display or error messages.

use std::time::Duration;

use xsdgen_runtime::Error;
use xsdgen_runtime::auth::{Credentials, Secret};
use xsdgen_runtime::client::Client;

const PASSWORD: &str = "Tr0ub4dor&3-secret";

#[test]
fn credentials_debug_hides_the_password() {
    let basic = Credentials::basic("alice@contoso.com", PASSWORD);
    let debug = format!("{basic:?} {basic:#?}");
    assert!(!debug.contains(PASSWORD), "{debug}");
    assert!(debug.contains("alice@contoso.com"), "{debug}");
    assert!(debug.contains("***"), "{debug}");

    let bearer = Credentials::bearer_token(PASSWORD);
    assert_eq!(format!("{bearer:?}"), "Bearer(***)");

    let secret = Secret::new(PASSWORD);
    assert_eq!(format!("{secret:?}"), "Secret(***)");
    assert_eq!(secret.expose_secret(), PASSWORD);
}

#[test]
fn client_and_builder_debug_hide_the_password() {
    let builder = Client::builder("https://mail.contoso.com/EWS/UM2007Legacy.asmx")
        .credentials(Credentials::basic("alice", PASSWORD));
    let debug = format!("{builder:?}");
    assert!(!debug.contains(PASSWORD), "{debug}");
    let client = builder.build().unwrap();
    let debug = format!("{client:?}");
    assert!(!debug.contains(PASSWORD), "{debug}");
    assert!(debug.contains("mail.contoso.com"), "{debug}");
}

#[test]
fn a_password_in_the_url_is_refused_without_repeating_it() {
    let err = Client::builder(format!("https://alice:{PASSWORD}@mail.contoso.com/EWS"))
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidUrl { .. }));
    let text = format!("{err} {err:?}");
    assert!(!text.contains(PASSWORD), "{text}");
    assert_eq!(
        err.to_string(),
        "invalid endpoint URL: credentials in the URL are not accepted; use Credentials"
    );

    let err = Client::builder("ftp://host/x").build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid endpoint URL: scheme 'ftp' is not http or https"
    );
    let err = Client::builder("https://host/x")
        .timeout(Duration::ZERO)
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)));
}

#[test]
fn error_messages() {
    let unauthorized = Error::Unauthorized {
        challenges: vec![
            "Negotiate".into(),
            "NTLM".into(),
            "Basic realm=\"x\"".into(),
        ],
        cas_error_code: None,
    };
    assert_eq!(
        unauthorized.to_string(),
        "authentication required or refused (server offers: Negotiate, NTLM, Basic)"
    );
    let http = Error::Http {
        status: 503,
        snippet: "Service Unavailable".into(),
        challenges: Vec::new(),
        cas_error_code: Some("ProxyError".into()),
        retry_after: Some(Duration::from_secs(2)),
    };
    assert_eq!(
        http.to_string(),
        "HTTP 503 (X-CasErrorCode: ProxyError), retry after 2s: Service Unavailable; \
         the operation may have executed"
    );
    assert!(http.may_have_executed());
    assert_eq!(http.throttle_hint(), Some(Some(Duration::from_secs(2))));
    let timeout = Error::Timeout {
        timeout: Duration::from_secs(100),
    };
    assert_eq!(
        Error::ConnectTimeout {
            timeout: Duration::from_secs(10)
        }
        .to_string(),
        "no connection within the connect timeout of 10s; nothing was sent"
    );
    assert_eq!(
        timeout.to_string(),
        "no answer within the call timeout of 100s; outcome unknown: the operation may have executed"
    );
}

#[test]
fn the_error_is_small_and_shareable() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<Error>();
    // Faults and read errors are boxed so that `Result<T, Error>` stays
    // cheap to return; the largest unboxed variant is `Http`, with the
    // headers it keeps.
    let size = std::mem::size_of::<Error>();
    assert!(size <= 96, "{size} bytes");
}
