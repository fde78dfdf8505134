//! Authentication over real HTTP: WS-Security UsernameToken through the
//! runtime's client and hand-made envelopes, and HTTP Basic.

mod server_common;

use std::time::{Duration, SystemTime};

use server_common::auth::*;
use server_common::*;
use xsdgen_runtime::Error;
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::client::{Client, NoRetry};
use xsdgen_runtime::server::{AuthMethod, BasicAuth, Identity, Router, UsernameTokenAuth};
use xsdgen_runtime::soap::{BodyReader, Fault, SoapVersion, StandardCode};
use xsdgen_runtime::wsse::{UsernameToken, WSSE_NS, WSU_NS};
use xsdgen_runtime::xml::{XmlWriter, ns};

fn fault_in(error: Error) -> (u16, Box<Fault>) {
    match error {
        Error::Fault { status, fault } => (status, fault),
        other => panic!("{other:?}"),
    }
}

/// A 1.1 Echo request whose header is `token` as of `created`, with
/// `nonce`: what a client would send, with the time and nonce chosen.
fn token_envelope(token: &UsernameToken, created: SystemTime, nonce: &[u8]) -> String {
    let mut w = XmlWriter::new();
    token.write_header(&mut w, created, nonce).unwrap();
    envelope(SoapVersion::V11, &w.into_string(), &echo_xml("hi", "1"))
}

async fn post_xml(server: &Running, body: String) -> RawResponse {
    raw(
        server.addr,
        &post(
            "text/xml",
            &[&format!("SOAPAction: \"{ECHO_ACTION}\"")],
            &body,
        ),
    )
    .await
}

fn fault_of(response: &RawResponse) -> Fault {
    BodyReader::new(response.body.as_bytes())
        .and_then(BodyReader::read_fault)
        .unwrap_or_else(|e| panic!("not a fault ({e}): {}", response.body))
}

#[tokio::test]
async fn a_good_digest_token_is_accepted_and_its_user_reaches_the_handler() {
    let server = Running::start(with_token(true)).await;
    for token in [
        UsernameToken::digest("alice", PASSWORD),
        UsernameToken::text("alice", PASSWORD),
        // Marked mustUnderstand: the server understands it, although the
        // operation does not declare it.
        UsernameToken::digest("alice", PASSWORD).must_understand(ns::SOAP11),
    ] {
        let answer = client(&server, Some(token))
            .call::<Echo11>(&hi())
            .await
            .unwrap();
        assert_eq!(answer.user, "alice");
    }
    let answer = client(
        &server,
        Some(UsernameToken::digest("alice", PASSWORD).must_understand(ns::SOAP12)),
    )
    .call::<Echo12>(&hi())
    .await
    .unwrap();
    assert_eq!(answer.user, "alice");
    server.stop().await;
}

#[tokio::test]
async fn the_identity_says_how_it_was_proven() {
    let router = Router::new()
        .operation::<Ping11, _, _>(|ctx, _| async move {
            let expected = Identity::new(
                "alice",
                AuthMethod::UsernameToken(xsdgen_runtime::wsse::PasswordKind::Digest),
            );
            if ctx.identity() == Some(&expected) && ctx.remote_addr().is_some() {
                Ok(xsdgen_runtime::soap::Envelope {
                    headers: xsdgen_runtime::soap::NoHeaders,
                    body: Pong,
                })
            } else {
                Err(Fault::sender(ctx.version(), format!("{ctx:?}")))
            }
        })
        .authenticate(UsernameTokenAuth::new(verifier()).required());
    let server = Running::start(router).await;
    client(&server, Some(UsernameToken::digest("alice", PASSWORD)))
        .call::<Ping11>(&Ping)
        .await
        .unwrap();
    server.stop().await;
}

#[tokio::test]
async fn a_wrong_password_is_failed_authentication() {
    let server = Running::start(with_token(true)).await;
    for user in ["alice", "mallory"] {
        let error = client(&server, Some(UsernameToken::digest(user, "guess")))
            .call::<Echo11>(&hi())
            .await
            .unwrap_err();
        let (status, fault) = fault_in(error);
        assert_eq!(status, 500);
        assert_eq!(fault.code.raw, "wsse:FailedAuthentication");
        assert_eq!(fault.code.namespace.as_deref(), Some(WSSE_NS));
        assert!(!fault.string.contains(user), "{}", fault.string);
    }
    // In 1.2: a Sender fault with the WS-Security code as its subcode.
    let error = client(&server, Some(UsernameToken::digest("alice", "guess")))
        .call::<Echo12>(&hi())
        .await
        .unwrap_err();
    let (status, fault) = fault_in(error);
    assert_eq!(status, 400);
    assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
    assert_eq!(fault.subcodes[0].raw, "wsse:FailedAuthentication");
    server.stop().await;
}

#[tokio::test]
async fn a_replayed_token_is_invalid_security() {
    let server = Running::start(with_token(true)).await;
    let token = UsernameToken::digest("alice", PASSWORD);
    let request = token_envelope(&token, SystemTime::now(), b"replayed-nonce-1");
    let first = post_xml(&server, request.clone()).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let again = post_xml(&server, request).await;
    assert_eq!(again.status, 500);
    assert_eq!(fault_of(&again).code.raw, "wsse:InvalidSecurity");
    server.stop().await;
}

#[tokio::test]
async fn a_stale_token_is_message_expired() {
    let server = Running::start(with_token(true)).await;
    let token = UsernameToken::digest("alice", PASSWORD);
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let response = post_xml(&server, token_envelope(&token, an_hour_ago, b"old-nonce")).await;
    assert_eq!(response.status, 500);
    let fault = fault_of(&response);
    assert_eq!(fault.code.raw, "wsu:MessageExpired");
    assert_eq!(fault.code.namespace.as_deref(), Some(WSU_NS));
    server.stop().await;
}

#[tokio::test]
async fn a_missing_token_is_refused_when_required_and_anonymous_otherwise() {
    let server = Running::start(with_token(true)).await;
    let error = client(&server, None)
        .call::<Echo11>(&hi())
        .await
        .unwrap_err();
    let (status, fault) = fault_in(error);
    assert_eq!(status, 500);
    assert_eq!(fault.code.raw, "wsse:InvalidSecurity");
    server.stop().await;

    let server = Running::start(with_token(false)).await;
    let answer = client(&server, None).call::<Echo11>(&hi()).await.unwrap();
    assert_eq!(answer.user, "");
    // Sent, a token must be right even when it is optional.
    let error = client(&server, Some(UsernameToken::digest("alice", "guess")))
        .call::<Echo11>(&hi())
        .await
        .unwrap_err();
    assert_eq!(fault_in(error).1.code.raw, "wsse:FailedAuthentication");
    server.stop().await;
}

#[tokio::test]
async fn without_an_authenticator_a_must_understand_token_is_not_understood() {
    let server = Running::start(router()).await;
    let token = UsernameToken::digest("alice", PASSWORD).must_understand(ns::SOAP11);
    let error = client(&server, Some(token))
        .call::<Echo11>(&hi())
        .await
        .unwrap_err();
    let (_, fault) = fault_in(error);
    assert_eq!(fault.code.raw, "soap:MustUnderstand");
    assert!(fault.string.contains("Security"), "{}", fault.string);
    server.stop().await;
}

fn basic_router() -> Router {
    router().authenticate(BasicAuth::new(lookup).realm("Echo").required())
}

#[tokio::test]
async fn basic_credentials_are_checked_and_challenged() {
    let server = Running::start(basic_router()).await;
    let good = Client::builder(&server.url)
        .credentials(Credentials::basic("alice", PASSWORD))
        .retry_policy(NoRetry)
        .build()
        .unwrap();
    let answer = good.call::<Echo11>(&hi()).await.unwrap();
    assert_eq!(answer.user, "alice");

    for credentials in [
        Credentials::None,
        Credentials::basic("alice", "guess"),
        Credentials::basic("mallory", PASSWORD),
    ] {
        let shown = format!("{credentials:?}");
        let error = Client::builder(&server.url)
            .credentials(credentials)
            .retry_policy(NoRetry)
            .build()
            .unwrap()
            .call::<Echo11>(&hi())
            .await
            .unwrap_err();
        match error {
            Error::Unauthorized { challenges, .. } => assert_eq!(
                challenges,
                vec![r#"Basic realm="Echo", charset="UTF-8""#.to_owned()],
                "{shown}"
            ),
            other => panic!("{shown}: {other:?}"),
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn basic_refuses_before_the_body_is_read() {
    let limits = xsdgen_runtime::server::Limits {
        max_body_bytes: 16,
        ..Default::default()
    };
    let server = Running::start(basic_router().limits(limits)).await;
    // Over the body limit, but refused for its credentials first: the
    // body was never looked at.
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", "1"));
    let response = raw(server.addr, &post("text/xml", &[], &body)).await;
    assert_eq!(response.status, 401);
    assert_eq!(
        response.header("www-authenticate"),
        Some(r#"Basic realm="Echo", charset="UTF-8""#)
    );
    server.stop().await;
}
