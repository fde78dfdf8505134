//! The client's side of the NTLM handshake against canned answers: what it
//! sends first, and how it fails when the server's challenge cannot be
//! used. (The whole handshake against a server that verifies it is tested
//! against the emulator.)

mod common;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::server::{Reply, TestServer, response, soap};
use common::{IsUmEnabled, IsUmEnabledOp, IsUmEnabledResponse, ResetPin, ResetPinOp};
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::auth::ntlm::{NegotiateFlags, NegotiateMessage};
use xsdgen_runtime::client::{Client, NoRetry};
use xsdgen_runtime::soap::{EnvelopeStyle, write_envelope};
use xsdgen_runtime::{Delivery, Error};

const PASSWORD: &str = "Ntlm-Pa55word!";

/// The CHALLENGE of [MS-NLMP] 4.2.4.3.
const VECTOR_CHALLENGE: &str = "TlRMTVNTUAACAAAADAAMADgAAAAzgoriASNFZ4mrze8AAAAAAAAAACQAJABEAAAABgBwFwAAAA9TAGUAcgB2AGUAcgACAAwARABvAG0AYQBpAG4AAQAMAFMAZQByAHYAZQByAAAAAAA=";

fn client(url: &str, credentials: Credentials) -> Client {
    Client::builder(url)
        .credentials(credentials)
        .retry_policy(NoRetry)
        .build()
        .expect("a loopback URL is valid")
}

fn challenge(values: &[&str]) -> Reply {
    let headers: Vec<_> = values.iter().map(|v| ("WWW-Authenticate", *v)).collect();
    response(401, "Unauthorized", &headers, "denied")
}

#[tokio::test]
async fn the_first_leg_carries_a_negotiate_message_and_the_body() {
    let server = TestServer::start(vec![challenge(&["Negotiate", "NTLM"])]).await;
    let err = client(&server.url, Credentials::ntlm("CONTOSO\\alice", PASSWORD))
        .call::<ResetPinOp>(&ResetPin)
        .await
        .expect_err("the server offers no challenge token");
    // A bare scheme is the server's list of what it accepts: the request
    // was refused, not a handshake begun.
    let Error::Unauthorized { challenges, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(challenges, &["Negotiate", "NTLM"]);
    assert_eq!(err.delivery(), Delivery::Answered);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let authorization = requests[0].header("authorization").expect("sent");
    let token = authorization
        .strip_prefix("NTLM ")
        .expect("the NTLM scheme");
    let negotiate = NegotiateMessage::decode(&STANDARD.decode(token).expect("base64"))
        .expect("a NEGOTIATE message");
    assert!(
        negotiate
            .flags
            .contains(NegotiateFlags::NTLM | NegotiateFlags::UNICODE)
    );
    assert_eq!(
        requests[0].body,
        write_envelope(&ResetPin, &EnvelopeStyle::COMPACT).expect("writes")
    );
}

#[tokio::test]
async fn negotiate_sends_raw_ntlmssp_under_its_own_name() {
    let server = TestServer::start(vec![challenge(&["Negotiate"])]).await;
    let _ = client(
        &server.url,
        Credentials::negotiate("alice@contoso.com", PASSWORD),
    )
    .call::<IsUmEnabledOp>(&IsUmEnabled)
    .await;
    let authorization = server.requests()[0]
        .header("authorization")
        .expect("sent")
        .to_owned();
    assert!(
        authorization.starts_with("Negotiate TlRMTVNTUAAB"),
        "{authorization}"
    );
}

#[tokio::test]
async fn a_server_that_wants_no_authentication_answers_the_first_leg() {
    let ok = write_envelope(
        &IsUmEnabledResponse { value: true },
        &EnvelopeStyle::ASMX_RESPONSE,
    )
    .expect("writes");
    let server = TestServer::start(vec![soap(200, &ok)]).await;
    let answer = client(&server.url, Credentials::ntlm("alice", PASSWORD))
        .call::<IsUmEnabledOp>(&IsUmEnabled)
        .await
        .expect("answered");
    assert!(answer.value);
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn unusable_challenges_fail_the_handshake_without_a_second_leg() {
    let truncated = &VECTOR_CHALLENGE[..40];
    for (value, reason) in [
        ("NTLM !!!", "not base64"),
        (&format!("NTLM {truncated}") as &str, "outside the message"),
        ("NTLM TlRMTVNTUAADAAAA", "type 2"),
        // A valid challenge on a connection the server then closes: no
        // AUTHENTICATE could reach the server that issued it.
        (&format!("NTLM {VECTOR_CHALLENGE}"), "closes the connection"),
    ] {
        let server = TestServer::start(vec![challenge(&[value])]).await;
        let err = client(&server.url, Credentials::ntlm("alice", PASSWORD))
            .call::<ResetPinOp>(&ResetPin)
            .await
            .expect_err("no usable challenge");
        assert!(
            matches!(err, Error::AuthHandshake { .. }),
            "{value}: {err:?}"
        );
        assert!(err.to_string().contains(reason), "{value}: {err}");
        assert!(!err.may_have_executed());
        assert!(!format!("{err} {err:?}").contains(PASSWORD));
        assert_eq!(server.count(), 1, "{value}");
    }
}

#[test]
fn credentials_debug_hides_the_ntlm_password() {
    for credentials in [
        Credentials::ntlm("CONTOSO\\alice", PASSWORD),
        Credentials::negotiate("alice@contoso.com", PASSWORD),
    ] {
        let text = format!("{credentials:?} {credentials:#?}");
        assert!(!text.contains(PASSWORD), "{text}");
        assert!(text.contains("alice"), "{text}");
        let client = client("http://127.0.0.1:9/EWS/UM2007Legacy.asmx", credentials);
        let text = format!("{client:?}");
        assert!(!text.contains(PASSWORD), "{text}");
    }
}

/// Answers every request with a keep-alive 401 carrying a challenge, then
/// closes the connection anyway, as a misbehaving proxy might.
async fn closing_challenger() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!(
        "http://{}/EWS/UM2007Legacy.asmx",
        listener.local_addr().expect("addr")
    );
    let requests = Arc::new(AtomicUsize::new(0));
    let counted = requests.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let counted = counted.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 64 * 1024];
                let mut seen = Vec::new();
                // Read up to the end of the body (the request is small).
                while !String::from_utf8_lossy(&seen).contains("</soap:Envelope>") {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => seen.extend_from_slice(&buf[..n]),
                    }
                }
                counted.fetch_add(1, Ordering::SeqCst);
                let answer = format!(
                    "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: NTLM {VECTOR_CHALLENGE}\r\n\
                     Content-Length: 0\r\n\r\n"
                );
                let _ = stream.write_all(answer.as_bytes()).await;
                // Closed when dropped.
            });
        }
    });
    (url, requests)
}

#[tokio::test]
async fn a_connection_closed_between_the_legs_fails_the_call_without_executing_it() {
    let (url, requests) = closing_challenger().await;
    let err = client(&url, Credentials::ntlm("alice", PASSWORD))
        .call::<ResetPinOp>(&ResetPin)
        .await
        .expect_err("no connection survives the challenge");
    assert!(matches!(err, Error::AuthHandshake { .. }), "{err:?}");
    assert!(err.to_string().contains("between the legs"), "{err}");
    assert!(!err.may_have_executed());
    // The handshake was started over once; no AUTHENTICATE was ever sent.
    assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 2);
}
