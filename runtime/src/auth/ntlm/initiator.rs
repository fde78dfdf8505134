//! The client's side of the handshake: the NEGOTIATE message, and the
//! AUTHENTICATE message that answers the server's CHALLENGE.

use super::av_pairs::TargetInfo;
use super::compute::{NtHash, filetime_now, lmv2_response, ntlmv2_response};
use super::flags::NegotiateFlags;
use super::message::{AuthenticateMessage, ChallengeMessage, NegotiateMessage};
use super::{NtlmCredentials, NtlmError};

/// What the client asks for: Unicode (OEM as fallback), NTLM with
/// extended session security, the server's target information, 128-bit
/// keys. No signing, sealing or key exchange: HTTP does not use them.
const REQUESTED: NegotiateFlags = NegotiateFlags::UNICODE
    .union(NegotiateFlags::OEM)
    .union(NegotiateFlags::REQUEST_TARGET)
    .union(NegotiateFlags::NTLM)
    .union(NegotiateFlags::ALWAYS_SIGN)
    .union(NegotiateFlags::EXTENDED_SESSION_SECURITY)
    .union(NegotiateFlags::TARGET_INFO)
    .union(NegotiateFlags::NEGOTIATE_128)
    .union(NegotiateFlags::NEGOTIATE_56);

/// Produces the client's two messages for one set of credentials.
pub struct Initiator<'a> {
    credentials: &'a NtlmCredentials,
}

impl<'a> Initiator<'a> {
    pub fn new(credentials: &'a NtlmCredentials) -> Self {
        Self { credentials }
    }

    /// The NEGOTIATE message (type 1).
    pub fn negotiate(&self) -> Result<Vec<u8>, NtlmError> {
        NegotiateMessage {
            flags: REQUESTED,
            domain: String::new(),
            workstation: String::new(),
            version: None,
        }
        .encode()
    }

    /// The AUTHENTICATE message (type 3) answering `challenge`, with a
    /// fresh random client challenge and, unless the server sent its
    /// time, the current time.
    pub fn authenticate(&self, challenge: &[u8]) -> Result<Vec<u8>, NtlmError> {
        let challenge = ChallengeMessage::decode(challenge)?;
        let mut client_challenge = [0u8; 8];
        getrandom::fill(&mut client_challenge).map_err(|_| NtlmError::Random)?;
        self.authenticate_with(&challenge, client_challenge, filetime_now())?
            .encode()
    }

    /// [`Self::authenticate`] with the random and time inputs given, for
    /// reproducible messages. The server's `MsvAvTimestamp` wins over
    /// `time`, as the specification requires.
    pub fn authenticate_with(
        &self,
        challenge: &ChallengeMessage,
        client_challenge: [u8; 8],
        time: u64,
    ) -> Result<AuthenticateMessage, NtlmError> {
        if challenge.target_info.is_empty() {
            return Err(NtlmError::Unsupported("no target information"));
        }
        let target_info = TargetInfo::parse(&challenge.target_info)?;
        let server_time = target_info.timestamp();
        let mut flags = challenge.flags & REQUESTED;
        if challenge.flags.contains(NegotiateFlags::UNICODE) {
            flags = flags.without(NegotiateFlags::OEM);
        }
        flags |= NegotiateFlags::NTLM;

        let credentials = self.credentials;
        let nt_hash = NtHash::from_password(credentials.password().expose_secret());
        let key = nt_hash.response_key(credentials.user(), credentials.domain());
        let (nt_response, _session) = ntlmv2_response(
            &key,
            &challenge.server_challenge,
            &client_challenge,
            server_time.unwrap_or(time),
            &challenge.target_info,
        );
        // With a server timestamp the LMv2 response is replaced by zeros.
        let lm_response = match server_time {
            Some(_) => vec![0; 24],
            None => lmv2_response(&key, &challenge.server_challenge, &client_challenge).to_vec(),
        };
        Ok(AuthenticateMessage {
            flags,
            lm_response,
            nt_response,
            domain: credentials.domain().to_owned(),
            user: credentials.user().to_owned(),
            workstation: credentials.workstation_name().to_owned(),
            encrypted_session_key: Vec::new(),
            version: None,
            mic: None,
        })
    }
}
