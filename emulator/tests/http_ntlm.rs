//! NTLM and Negotiate against the emulator on the wire: raw HTTP/1.1 over
//! one TCP stream per test connection, so that which connection carries
//! which leg is certain. The server must issue a fresh challenge, keep it
//! with the connection, and verify the NTLMv2 response against the user's
//! password.

mod common;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::{TestResult, demo, envelope};
use exchange_um_emulator::RunningEmulator;
use exchange_um_emulator::auth::AuthScheme;
use exchange_um_emulator::demo::{ALICE, ALICE_PASSWORD, CAROL, CAROL_PASSWORD};
use exchange_um_emulator::soap::MESSAGES_NS;
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::TcpStream;
use xsdgen_runtime::auth::NtlmCredentials;
use xsdgen_runtime::auth::ntlm::{
    AuthenticateMessage, AvId, ChallengeMessage, Initiator, NegotiateFlags, TargetInfo,
};

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header_values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The token of `WWW-Authenticate: <scheme> <token>`.
    fn token(&self, scheme: &str) -> Option<Vec<u8>> {
        self.header_values("www-authenticate")
            .into_iter()
            .filter_map(|v| v.split_once(' '))
            .find(|(name, _)| name.eq_ignore_ascii_case(scheme))
            .and_then(|(_, token)| STANDARD.decode(token).ok())
    }
}

/// One TCP connection speaking HTTP/1.1 by hand.
struct Connection {
    stream: BufReader<TcpStream>,
}

impl Connection {
    async fn open(emu: &RunningEmulator) -> std::io::Result<Self> {
        let stream = TcpStream::connect(emu.local_addr()).await?;
        Ok(Self {
            stream: BufReader::new(stream),
        })
    }

    async fn post(
        &mut self,
        operation: &str,
        authorization: Option<String>,
    ) -> Result<Answer, Box<dyn std::error::Error>> {
        let body = envelope(operation, "");
        let mut request = format!(
            "POST /EWS/UM2007Legacy.asmx HTTP/1.1\r\nHost: localhost\r\n\
             Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \"{MESSAGES_NS}/{operation}\"\r\n\
             Content-Length: {}\r\n",
            body.len()
        );
        if let Some(value) = authorization {
            request.push_str(&format!("Authorization: {value}\r\n"));
        }
        request.push_str("\r\n");
        request.push_str(&body);
        self.stream.get_mut().write_all(request.as_bytes()).await?;

        let mut line = String::new();
        self.stream.read_line(&mut line).await?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("bad status line {line:?}"))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.stream.read_line(&mut line).await?;
            let trimmed = line.trim_end();
            if trimmed.is_empty() {
                break;
            }
            let (name, value) = trimmed.split_once(':').ok_or("bad header")?;
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse().ok())
            .ok_or("the emulator's answers carry a Content-Length")?;
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).await?;
        Ok(Answer {
            status,
            headers,
            body: String::from_utf8(body)?,
        })
    }
}

fn header(scheme: &str, message: &[u8]) -> Option<String> {
    Some(format!("{scheme} {}", STANDARD.encode(message)))
}

/// Sends NEGOTIATE on `conn` and returns the server's CHALLENGE.
async fn negotiate(
    conn: &mut Connection,
    scheme: &str,
    credentials: &NtlmCredentials,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let type1 = Initiator::new(credentials).negotiate()?;
    let answer = conn.post("IsUMEnabled", header(scheme, &type1)).await?;
    assert_eq!(answer.status, 401);
    // The first leg answers with the challenge alone.
    assert_eq!(answer.header_values("www-authenticate").len(), 1);
    Ok(answer.token(scheme).ok_or("no challenge token")?)
}

#[tokio::test]
async fn the_handshake_authenticates_the_connection() -> TestResult {
    let emu = demo().await?;
    let credentials = NtlmCredentials::new("CONTOSO\\alice", ALICE_PASSWORD);
    let mut conn = Connection::open(&emu).await?;

    let type2 = negotiate(&mut conn, "NTLM", &credentials).await?;
    let challenge = ChallengeMessage::decode(&type2)?;
    assert_eq!(challenge.target_name, "CONTOSO");
    assert!(
        challenge
            .flags
            .contains(NegotiateFlags::UNICODE | NegotiateFlags::TARGET_INFO)
    );
    let info = TargetInfo::parse(&challenge.target_info)?;
    assert_eq!(info.text(AvId::NbDomainName).as_deref(), Some("CONTOSO"));
    assert!(info.timestamp().is_some());

    let type3 = Initiator::new(&credentials).authenticate(&type2)?;
    let answer = conn.post("IsUMEnabled", header("NTLM", &type3)).await?;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer.body.contains("true"), "{}", answer.body);

    // The connection stays authenticated, without a header.
    let again = conn.post("IsUMEnabled", None).await?;
    assert_eq!(again.status, 200, "{}", again.body);
    // Another connection is not.
    let mut other = Connection::open(&emu).await?;
    assert_eq!(other.post("IsUMEnabled", None).await?.status, 401);

    let log = emu.auth_log().records();
    assert!(
        log.iter()
            .all(|r| r.user == ALICE && r.scheme == AuthScheme::Ntlm)
    );
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].peer, log[1].peer);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn negotiate_carrying_raw_ntlmssp_works_and_user_forms_are_accepted() -> TestResult {
    let emu = demo().await?;
    for account in ["alice", "CONTOSO\\alice", "alice@contoso.com", "ALICE"] {
        let credentials = NtlmCredentials::new(account, ALICE_PASSWORD);
        let mut conn = Connection::open(&emu).await?;
        let type2 = negotiate(&mut conn, "Negotiate", &credentials).await?;
        let type3 = Initiator::new(&credentials).authenticate(&type2)?;
        let answer = conn
            .post("IsUMEnabled", header("Negotiate", &type3))
            .await?;
        assert_eq!(answer.status, 200, "{account}: {}", answer.body);
    }
    let log = emu.auth_log().records();
    assert!(log.iter().all(|r| r.scheme == AuthScheme::Negotiate));
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn each_handshake_gets_a_fresh_random_challenge() -> TestResult {
    let emu = demo().await?;
    let credentials = NtlmCredentials::new("alice", ALICE_PASSWORD);
    let mut conn = Connection::open(&emu).await?;
    let first = ChallengeMessage::decode(&negotiate(&mut conn, "NTLM", &credentials).await?)?;
    let second = ChallengeMessage::decode(&negotiate(&mut conn, "NTLM", &credentials).await?)?;
    assert_ne!(first.server_challenge, second.server_challenge);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_wrong_password_is_refused_with_the_challenges() -> TestResult {
    let emu = demo().await?;
    let credentials = NtlmCredentials::new("CONTOSO\\alice", "not-alices-password");
    let mut conn = Connection::open(&emu).await?;
    let type2 = negotiate(&mut conn, "NTLM", &credentials).await?;
    let type3 = Initiator::new(&credentials).authenticate(&type2)?;
    let answer = conn.post("ResetPIN", header("NTLM", &type3)).await?;
    assert_eq!(answer.status, 401);
    assert_eq!(
        answer.header_values("www-authenticate"),
        ["Negotiate", "NTLM", r#"Basic realm="exchange-um-emulator""#]
    );
    // The connection is not authenticated either, and nothing ran.
    assert_eq!(conn.post("ResetPIN", None).await?.status, 401);
    assert_eq!(emu.faults().soap_requests(), 0);
    assert!(emu.auth_log().records().is_empty());
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_tampered_response_is_refused() -> TestResult {
    let emu = demo().await?;
    let credentials = NtlmCredentials::new("CONTOSO\\alice", ALICE_PASSWORD);
    // Flip one bit in the proof, in the blob the proof covers, or claim
    // another user with alice's response.
    let tamperings: [fn(&mut AuthenticateMessage); 3] = [
        |m| m.nt_response[3] ^= 0x40,
        |m| {
            let last = m.nt_response.len() - 10;
            m.nt_response[last] ^= 0x01;
        },
        |m| m.user = CAROL.to_owned(),
    ];
    for (i, tamper) in tamperings.iter().enumerate() {
        let mut conn = Connection::open(&emu).await?;
        let type2 = negotiate(&mut conn, "NTLM", &credentials).await?;
        let type3 = Initiator::new(&credentials).authenticate(&type2)?;
        let mut message = AuthenticateMessage::decode(&type3)?;
        tamper(&mut message);
        let answer = conn
            .post("IsUMEnabled", header("NTLM", &message.encode()?))
            .await?;
        assert_eq!(answer.status, 401, "tampering {i}");
    }
    assert!(emu.auth_log().records().is_empty());
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn the_answer_must_come_on_the_challenged_connection_and_only_once() -> TestResult {
    let emu = demo().await?;
    let credentials = NtlmCredentials::new("alice", ALICE_PASSWORD);
    let mut challenged = Connection::open(&emu).await?;
    let type2 = negotiate(&mut challenged, "NTLM", &credentials).await?;
    let type3 = Initiator::new(&credentials).authenticate(&type2)?;

    // On another connection, a valid AUTHENTICATE answers no challenge.
    let mut elsewhere = Connection::open(&emu).await?;
    let answer = elsewhere
        .post("IsUMEnabled", header("NTLM", &type3))
        .await?;
    assert_eq!(answer.status, 401);

    // Under the other scheme on the right connection: refused, and the
    // challenge is used up.
    let answer = challenged
        .post("IsUMEnabled", header("Negotiate", &type3))
        .await?;
    assert_eq!(answer.status, 401);
    let answer = challenged
        .post("IsUMEnabled", header("NTLM", &type3))
        .await?;
    assert_eq!(answer.status, 401, "a challenge is answered once");

    // Replaying a message that worked fails on a new challenge.
    let type2 = negotiate(&mut challenged, "NTLM", &credentials).await?;
    let fresh = Initiator::new(&credentials).authenticate(&type2)?;
    assert_eq!(
        challenged
            .post("IsUMEnabled", header("NTLM", &fresh))
            .await?
            .status,
        200
    );
    let _ = negotiate(&mut challenged, "NTLM", &credentials).await?;
    let replay = challenged
        .post("IsUMEnabled", header("NTLM", &fresh))
        .await?;
    assert_eq!(replay.status, 401);
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn garbage_and_kerberos_tokens_get_the_challenges() -> TestResult {
    let emu = demo().await?;
    let mut conn = Connection::open(&emu).await?;
    for value in [
        "NTLM !!!not-base64",
        "NTLM TlRMTVNTUAADAAAA",
        // A SPNEGO NegTokenInit (Kerberos): no KDC behind the emulator.
        "Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCg==",
        "Negotiate",
    ] {
        let answer = conn.post("IsUMEnabled", Some(value.to_owned())).await?;
        assert_eq!(answer.status, 401, "{value}");
        assert_eq!(answer.header_values("www-authenticate").len(), 3, "{value}");
    }
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn two_identities_on_two_connections_stay_apart() -> TestResult {
    let emu = demo().await?;
    let alice = NtlmCredentials::new("alice", ALICE_PASSWORD);
    let carol = NtlmCredentials::new("carol", CAROL_PASSWORD);
    let mut a = Connection::open(&emu).await?;
    let mut c = Connection::open(&emu).await?;
    // Interleaved handshakes: each challenge belongs to its connection.
    let a2 = negotiate(&mut a, "NTLM", &alice).await?;
    let c2 = negotiate(&mut c, "NTLM", &carol).await?;
    let c3 = Initiator::new(&carol).authenticate(&c2)?;
    let a3 = Initiator::new(&alice).authenticate(&a2)?;
    assert_eq!(
        a.post("GetUMProperties", header("NTLM", &a3)).await?.status,
        200
    );
    let carol_props = c.post("GetUMProperties", header("NTLM", &c3)).await?;
    assert_eq!(carol_props.status, 200);
    // carol's own settings (OOF on), not alice's.
    assert!(
        carol_props.body.contains("<OofStatus>true</OofStatus>"),
        "{}",
        carol_props.body
    );
    let log = emu.auth_log().records();
    let peer_of = |user: &str| log.iter().find(|r| r.user == user).and_then(|r| r.peer);
    assert_ne!(peer_of(ALICE), peer_of(CAROL));
    emu.shutdown().await?;
    Ok(())
}
