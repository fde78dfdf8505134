//! NTLM (and NTLM inside Negotiate) verified for real: a random server
//! challenge per handshake, kept with the TCP connection, and the client's
//! NTLMv2 response checked against the user's stored NT hash.
//!
//! Only NTLMv2 is accepted (LM and NTLMv1 are refused, as
//! `LmCompatibilityLevel` 5 does). The domain the client names is used in the
//! NTLMv2 computation but not checked against the emulator's domain; the user
//! may be the logon name, a UPN or the e-mail address. A MIC, when present,
//! is not verified.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use xsdgen_runtime::auth::NtlmScheme;
use xsdgen_runtime::auth::ntlm::{
    AuthenticateMessage, AvId, AvPair, ChallengeMessage, NegotiateFlags, NegotiateMessage, NtHash,
    TargetInfo, Version, filetime_now, verify_ntlmv2,
};

use super::connection::ConnectionAuth;
use super::{AuthConfig, AuthError, AuthScheme, Caller};
use crate::store::{LoginRecord, Store};

/// The host part of the names in the challenge's target information.
const COMPUTER_NAME: &str = "UM-EMULATOR";

/// Windows Server 2016 (10.0.14393), which runs Exchange 2016.
const SERVER_VERSION: Version = Version {
    major: 10,
    minor: 0,
    build: 14393,
    revision: 15,
};

/// Flags the server offers whatever the client asked.
const OFFERED: NegotiateFlags = NegotiateFlags::REQUEST_TARGET
    .union(NegotiateFlags::NTLM)
    .union(NegotiateFlags::ALWAYS_SIGN)
    .union(NegotiateFlags::TARGET_TYPE_DOMAIN)
    .union(NegotiateFlags::TARGET_INFO);

/// Flags the server grants only when the client asked for them.
const IF_ASKED: NegotiateFlags = NegotiateFlags::UNICODE
    .union(NegotiateFlags::EXTENDED_SESSION_SECURITY)
    .union(NegotiateFlags::NEGOTIATE_128)
    .union(NegotiateFlags::NEGOTIATE_56);

/// What a token under `NTLM` or `Negotiate` leads to.
pub(super) enum Step {
    /// A NEGOTIATE message: answer 401 with this CHALLENGE.
    Challenge(String),
    /// An AUTHENTICATE message that verified.
    Authenticated(Caller),
}

/// Handles one `Authorization: NTLM|Negotiate <token>` header.
pub(super) async fn handle(
    store: &Store,
    config: &AuthConfig,
    connection: Option<&ConnectionAuth>,
    scheme: NtlmScheme,
    token: &str,
) -> Result<Step, AuthError> {
    let token = STANDARD
        .decode(token.trim())
        .map_err(|_| AuthError::Malformed)?;
    // Negotiate with a SPNEGO or Kerberos token: the emulator has no KDC.
    if !xsdgen_runtime::auth::ntlm::is_ntlmssp(&token) {
        return Err(AuthError::Unsupported);
    }
    let message_type = token.get(8..12).and_then(|t| <[u8; 4]>::try_from(t).ok());
    match message_type.map(u32::from_le_bytes) {
        Some(1) => challenge(config, connection, scheme, &token).map(Step::Challenge),
        Some(3) => {
            let connection = connection.ok_or(AuthError::NoConnection)?;
            let caller = authenticate(store, connection, scheme, &token).await?;
            connection.authenticated(caller.clone());
            Ok(Step::Authenticated(caller))
        }
        _ => Err(AuthError::Malformed),
    }
}

/// Builds the CHALLENGE for a NEGOTIATE and remembers it with the
/// connection.
fn challenge(
    config: &AuthConfig,
    connection: Option<&ConnectionAuth>,
    scheme: NtlmScheme,
    token: &[u8],
) -> Result<String, AuthError> {
    let negotiate = NegotiateMessage::decode(token).map_err(|_| AuthError::Malformed)?;
    let mut server_challenge = [0u8; 8];
    getrandom::fill(&mut server_challenge).map_err(|_| AuthError::Random)?;
    let mut flags = OFFERED | (negotiate.flags & IF_ASKED);
    if !negotiate.flags.contains(NegotiateFlags::UNICODE) {
        flags |= NegotiateFlags::OEM;
    }
    let domain = config.ntlm_domain.as_str();
    let dns_domain = format!("{}.local", domain.to_ascii_lowercase());
    let target_info = TargetInfo {
        pairs: vec![
            AvPair::text(AvId::NbDomainName, domain),
            AvPair::text(AvId::NbComputerName, COMPUTER_NAME),
            AvPair::text(AvId::DnsDomainName, &dns_domain),
            AvPair::text(
                AvId::DnsComputerName,
                &format!("{}.{dns_domain}", COMPUTER_NAME.to_ascii_lowercase()),
            ),
            AvPair::timestamp(filetime_now()),
        ],
    };
    let message = ChallengeMessage {
        flags,
        target_name: domain.to_owned(),
        server_challenge,
        target_info: target_info.encode().map_err(|_| AuthError::Malformed)?,
        version: Some(SERVER_VERSION),
    };
    let bytes = message.encode().map_err(|_| AuthError::Malformed)?;
    if let Some(connection) = connection {
        connection.challenged(scheme, server_challenge);
    }
    Ok(STANDARD.encode(bytes))
}

/// Verifies an AUTHENTICATE message against the challenge this connection
/// was sent.
async fn authenticate(
    store: &Store,
    connection: &ConnectionAuth,
    scheme: NtlmScheme,
    token: &[u8],
) -> Result<Caller, AuthError> {
    let server_challenge = connection
        .take_challenge(scheme)
        .ok_or(AuthError::NoChallenge)?;
    let message = AuthenticateMessage::decode(token).map_err(|_| AuthError::Malformed)?;
    if message.user.is_empty() || message.nt_response.is_empty() {
        // Anonymous logon.
        return Err(AuthError::BadCredentials);
    }
    let store = store.clone();
    let checked = tokio::task::spawn_blocking(move || {
        let login = find(&store, &message.user)?;
        // An unknown user costs the same computation as a wrong password.
        let unknown = NtHash::from_bytes([0; 16]);
        let (hash, login) = match login {
            Some(LoginRecord {
                nt_hash: Some(hash),
                id,
                name,
                ..
            }) => (hash, Some((id, name))),
            _ => (unknown, None),
        };
        let verified = verify_ntlmv2(
            &hash,
            &message.user,
            &message.domain,
            &server_challenge,
            &message.nt_response,
        );
        match (verified, login) {
            (Ok(_session), Some((id, name))) => Ok(Caller {
                id,
                name,
                scheme: AuthScheme::from(scheme),
            }),
            _ => Err(AuthError::BadCredentials),
        }
    })
    .await;
    checked.unwrap_or(Err(AuthError::BadCredentials))
}

/// The user by logon name or e-mail address; a UPN whose suffix is not the
/// e-mail domain by the part before `@`.
fn find(store: &Store, user: &str) -> Result<Option<LoginRecord>, AuthError> {
    if let Some(login) = store.find_login(user)? {
        return Ok(Some(login));
    }
    match user.split_once('@') {
        Some((name, _)) if !name.is_empty() => Ok(store.find_login(name)?),
        _ => Ok(None),
    }
}
