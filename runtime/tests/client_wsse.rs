//! The client's WS-Security option over real HTTP: every request carries a
//! UsernameToken that a verifier written from the profile accepts, and a
//! request sent again carries a nonce of its own.

mod common;

use std::time::Duration;

use common::server::{Reply, TestServer, soap};
use common::{IsUmEnabled, IsUmEnabledOp, IsUmEnabledResponse};
use xsdgen_runtime::auth::Secret;
use xsdgen_runtime::client::{Client, DefaultRetryPolicy};
use xsdgen_runtime::soap::{EnvelopeStyle, Fault, write_envelope};
use xsdgen_runtime::wsse::{UsernameToken, UsernameTokenVerifier, find_in_envelope};

fn ok() -> Reply {
    let body = write_envelope(
        &IsUmEnabledResponse { value: true },
        &EnvelopeStyle::ASMX_RESPONSE,
    )
    .unwrap();
    soap(200, &body)
}

fn busy() -> Reply {
    soap(
        500,
        &Fault::server_busy(Duration::from_millis(10))
            .to_envelope(&EnvelopeStyle::COMPACT)
            .unwrap(),
    )
}

fn verifier() -> UsernameTokenVerifier<impl Fn(&str) -> Option<Secret>> {
    UsernameTokenVerifier::new(|user: &str| (user == "alice").then(|| Secret::from("s3cret pw")))
}

#[tokio::test]
async fn every_attempt_carries_a_token_the_verifier_accepts_with_a_nonce_of_its_own() {
    let server = TestServer::start(vec![busy(), ok()]).await;
    let client = Client::builder(&server.url)
        .username_token(UsernameToken::digest("alice", "s3cret pw"))
        .retry_policy(DefaultRetryPolicy::default())
        .build()
        .unwrap();
    let answer = client.call::<IsUmEnabledOp>(&IsUmEnabled).await.unwrap();
    assert_eq!(answer, IsUmEnabledResponse { value: true });

    let requests = server.requests();
    assert_eq!(requests.len(), 2, "the throttled call is sent again");
    let verifier = verifier();
    let mut nonces = Vec::new();
    for request in &requests {
        assert!(
            !request.body.contains("s3cret pw"),
            "a digest token never sends the password"
        );
        let token = find_in_envelope(request.body.as_bytes()).unwrap();
        nonces.push(token.nonce.clone());
        let identity = verifier.verify_now(&token).unwrap();
        assert_eq!(identity.username, "alice");
    }
    assert_ne!(nonces[0], nonces[1], "a retry must not replay the nonce");
}

#[tokio::test]
async fn a_token_is_a_credential_for_the_plain_http_rule() {
    let refused = Client::builder("http://mail.example.com/ws")
        .username_token(UsernameToken::text("alice", "s3cret pw"))
        .build();
    let error = refused.unwrap_err().to_string();
    assert!(error.contains("mail.example.com"), "{error}");
    assert!(!error.contains("s3cret"), "{error}");
}
