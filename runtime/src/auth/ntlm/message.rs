//! The three NTLMSSP messages ([MS-NLMP] 2.2.1): NEGOTIATE (type 1),
//! CHALLENGE (type 2) and AUTHENTICATE (type 3), read and written.
//!
//! Readers accept what Windows and common clients send: the optional
//! Version field, a MIC, empty fields with any offset, OEM strings when
//! Unicode was not negotiated. Every length and offset is checked; a
//! malformed message is an [`NtlmError`], never a panic.

use super::NtlmError;
use super::flags::NegotiateFlags;
use super::wire::{Reader, Writer, decode_string, encode_string};

/// `NTLMSSP\0`, the first bytes of every message.
pub const NTLMSSP_SIGNATURE: &[u8; 8] = b"NTLMSSP\0";

/// Whether `token` is an NTLMSSP message (as opposed to, under
/// `Negotiate`, a SPNEGO or Kerberos token).
pub fn is_ntlmssp(token: &[u8]) -> bool {
    token.starts_with(NTLMSSP_SIGNATURE)
}

/// The VERSION field: the sender's Windows version, for debugging only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    pub major: u8,
    pub minor: u8,
    pub build: u16,
    /// `NTLMSSP_REVISION_W2K3` (15) in every current implementation.
    pub revision: u8,
}

impl Version {
    fn read(reader: &Reader<'_>, at: usize) -> Result<Self, NtlmError> {
        let bytes: [u8; 8] = reader.array(at)?;
        Ok(Self {
            major: bytes[0],
            minor: bytes[1],
            build: u16::from_le_bytes([bytes[2], bytes[3]]),
            revision: bytes[7],
        })
    }

    fn bytes(self) -> [u8; 8] {
        let build = self.build.to_le_bytes();
        [
            self.major,
            self.minor,
            build[0],
            build[1],
            0,
            0,
            0,
            self.revision,
        ]
    }
}

/// Checks the signature and the message type.
fn header(bytes: &[u8], expected: u32) -> Result<Reader<'_>, NtlmError> {
    if !is_ntlmssp(bytes) {
        return Err(NtlmError::NotNtlmssp);
    }
    let reader = Reader::new(bytes);
    let found = reader.u32(8)?;
    if found != expected {
        return Err(NtlmError::MessageType { expected, found });
    }
    Ok(reader)
}

/// NEGOTIATE_MESSAGE: the client's opening, with the flags it wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NegotiateMessage {
    pub flags: NegotiateFlags,
    /// OEM-encoded on the wire; usually empty.
    pub domain: String,
    pub workstation: String,
    pub version: Option<Version>,
}

impl NegotiateMessage {
    pub fn decode(bytes: &[u8]) -> Result<Self, NtlmError> {
        let reader = header(bytes, 1)?;
        let flags = NegotiateFlags(reader.u32(12)?);
        // Very old clients stop after the flags.
        let (domain, workstation) = if reader.len() >= 32 {
            (
                decode_string(reader.buffer(16, "DomainName")?, false, "DomainName")?,
                decode_string(reader.buffer(24, "Workstation")?, false, "Workstation")?,
            )
        } else {
            (String::new(), String::new())
        };
        let version = if flags.contains(NegotiateFlags::VERSION) && reader.len() >= 40 {
            Some(Version::read(&reader, 32)?)
        } else {
            None
        };
        Ok(Self {
            flags,
            domain,
            workstation,
            version,
        })
    }

    /// The message; the `*_SUPPLIED` and `VERSION` flags follow the
    /// fields.
    pub fn encode(&self) -> Result<Vec<u8>, NtlmError> {
        let mut flags = self
            .flags
            .without(NegotiateFlags::DOMAIN_SUPPLIED)
            .without(NegotiateFlags::WORKSTATION_SUPPLIED)
            .without(NegotiateFlags::VERSION);
        if !self.domain.is_empty() {
            flags |= NegotiateFlags::DOMAIN_SUPPLIED;
        }
        if !self.workstation.is_empty() {
            flags |= NegotiateFlags::WORKSTATION_SUPPLIED;
        }
        if self.version.is_some() {
            flags |= NegotiateFlags::VERSION;
        }
        let mut w = Writer::new(if self.version.is_some() { 40 } else { 32 });
        w.bytes(NTLMSSP_SIGNATURE);
        w.u32(1);
        w.u32(flags.0);
        let domain = w.reserve("DomainName");
        let workstation = w.reserve("Workstation");
        if let Some(version) = self.version {
            w.bytes(&version.bytes());
        }
        w.fill(domain, &encode_string(&self.domain, false))?;
        w.fill(workstation, &encode_string(&self.workstation, false))?;
        Ok(w.finish())
    }
}

/// CHALLENGE_MESSAGE: the server's nonce and target information.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeMessage {
    pub flags: NegotiateFlags,
    pub target_name: String,
    pub server_challenge: [u8; 8],
    /// The AV_PAIR list as sent, `MsvAvEOL` included; the client echoes
    /// these exact bytes in its NTLMv2 response. Read it with
    /// [`TargetInfo::parse`](super::TargetInfo::parse).
    pub target_info: Vec<u8>,
    pub version: Option<Version>,
}

impl ChallengeMessage {
    pub fn decode(bytes: &[u8]) -> Result<Self, NtlmError> {
        let reader = header(bytes, 2)?;
        let flags = NegotiateFlags(reader.u32(20)?);
        let unicode = flags.contains(NegotiateFlags::UNICODE);
        let target_name = decode_string(reader.buffer(12, "TargetName")?, unicode, "TargetName")?;
        let server_challenge = reader.array(24)?;
        // The target info fields are absent from messages of NT4 vintage.
        let target_info = if reader.len() >= 48 {
            reader.buffer(40, "TargetInfo")?.to_vec()
        } else {
            Vec::new()
        };
        let version = if flags.contains(NegotiateFlags::VERSION) && reader.len() >= 56 {
            Some(Version::read(&reader, 48)?)
        } else {
            None
        };
        Ok(Self {
            flags,
            target_name,
            server_challenge,
            target_info,
            version,
        })
    }

    pub fn encode(&self) -> Result<Vec<u8>, NtlmError> {
        let unicode = self.flags.contains(NegotiateFlags::UNICODE);
        let mut flags = self.flags.without(NegotiateFlags::VERSION);
        if self.version.is_some() {
            flags |= NegotiateFlags::VERSION;
        }
        if !self.target_info.is_empty() {
            flags |= NegotiateFlags::TARGET_INFO;
        }
        let mut w = Writer::new(if self.version.is_some() { 56 } else { 48 });
        w.bytes(NTLMSSP_SIGNATURE);
        w.u32(2);
        let target_name = w.reserve("TargetName");
        w.u32(flags.0);
        w.bytes(&self.server_challenge);
        w.bytes(&[0; 8]);
        let target_info = w.reserve("TargetInfo");
        if let Some(version) = self.version {
            w.bytes(&version.bytes());
        }
        w.fill(target_name, &encode_string(&self.target_name, unicode))?;
        w.fill(target_info, &self.target_info)?;
        Ok(w.finish())
    }
}

/// AUTHENTICATE_MESSAGE: the client's proof.
#[derive(Clone, PartialEq, Eq)]
pub struct AuthenticateMessage {
    pub flags: NegotiateFlags,
    pub lm_response: Vec<u8>,
    /// For NTLMv2: NTProofStr (16 bytes) followed by the client's blob.
    pub nt_response: Vec<u8>,
    pub domain: String,
    pub user: String,
    pub workstation: String,
    pub encrypted_session_key: Vec<u8>,
    pub version: Option<Version>,
    pub mic: Option<[u8; 16]>,
}

/// Size of the fixed part without Version and MIC.
const AUTHENTICATE_FIXED: usize = 64;

impl AuthenticateMessage {
    pub fn decode(bytes: &[u8]) -> Result<Self, NtlmError> {
        let reader = header(bytes, 3)?;
        let flags = NegotiateFlags(reader.u32(60)?);
        let unicode = flags.contains(NegotiateFlags::UNICODE);
        let fields = [
            (12, "LmChallengeResponse"),
            (20, "NtChallengeResponse"),
            (28, "DomainName"),
            (36, "UserName"),
            (44, "Workstation"),
            (52, "EncryptedRandomSessionKey"),
        ];
        let mut data = Vec::with_capacity(fields.len());
        let mut payload_start = reader.len();
        for (at, field) in fields {
            let value = reader.buffer(at, field)?;
            if !value.is_empty() {
                let offset = usize::try_from(reader.u32(at + 4)?).unwrap_or(usize::MAX);
                payload_start = payload_start.min(offset);
            }
            data.push(value);
        }
        let [lm, nt, domain, user, workstation, key] = data[..] else {
            return Err(NtlmError::Truncated {
                needed: AUTHENTICATE_FIXED,
                len: reader.len(),
            });
        };
        let version = if flags.contains(NegotiateFlags::VERSION) && payload_start >= 72 {
            Some(Version::read(&reader, 64)?)
        } else {
            None
        };
        // The MIC has no flag of its own: it is there when the payload
        // leaves room for it.
        let mic = if payload_start >= 88 {
            Some(reader.array(72)?)
        } else {
            None
        };
        Ok(Self {
            flags,
            lm_response: lm.to_vec(),
            nt_response: nt.to_vec(),
            domain: decode_string(domain, unicode, "DomainName")?,
            user: decode_string(user, unicode, "UserName")?,
            workstation: decode_string(workstation, unicode, "Workstation")?,
            encrypted_session_key: key.to_vec(),
            version,
            mic,
        })
    }

    /// The message, names first in the payload as Windows lays it out.
    pub fn encode(&self) -> Result<Vec<u8>, NtlmError> {
        let unicode = self.flags.contains(NegotiateFlags::UNICODE);
        let mut flags = self.flags.without(NegotiateFlags::VERSION);
        let mut header_len = AUTHENTICATE_FIXED;
        if self.version.is_some() {
            flags |= NegotiateFlags::VERSION;
            header_len += 8;
        }
        if self.mic.is_some() {
            // The MIC sits after the Version field, which is then present
            // (zeroed) even without the flag.
            header_len = AUTHENTICATE_FIXED + 8 + 16;
        }
        let mut w = Writer::new(header_len);
        w.bytes(NTLMSSP_SIGNATURE);
        w.u32(3);
        let lm = w.reserve("LmChallengeResponse");
        let nt = w.reserve("NtChallengeResponse");
        let domain = w.reserve("DomainName");
        let user = w.reserve("UserName");
        let workstation = w.reserve("Workstation");
        let key = w.reserve("EncryptedRandomSessionKey");
        w.u32(flags.0);
        match self.version {
            Some(version) => w.bytes(&version.bytes()),
            None if self.mic.is_some() => w.bytes(&[0; 8]),
            None => {}
        }
        if let Some(mic) = &self.mic {
            w.bytes(mic);
        }
        w.fill(domain, &encode_string(&self.domain, unicode))?;
        w.fill(user, &encode_string(&self.user, unicode))?;
        w.fill(workstation, &encode_string(&self.workstation, unicode))?;
        w.fill(lm, &self.lm_response)?;
        w.fill(nt, &self.nt_response)?;
        w.fill(key, &self.encrypted_session_key)?;
        Ok(w.finish())
    }
}

/// The responses are what an eavesdropper would crack offline: they are
/// left out, only their sizes shown.
impl std::fmt::Debug for AuthenticateMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthenticateMessage")
            .field("flags", &self.flags)
            .field("domain", &self.domain)
            .field("user", &self.user)
            .field("workstation", &self.workstation)
            .field("lm_response_len", &self.lm_response.len())
            .field("nt_response_len", &self.nt_response.len())
            .field(
                "encrypted_session_key_len",
                &self.encrypted_session_key.len(),
            )
            .field("version", &self.version)
            .field("mic", &self.mic.map(|_| "***"))
            .finish()
    }
}
