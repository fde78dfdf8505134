//! The NTLMv2 computation ([MS-NLMP] 3.3.2): NT hash, NTOWFv2, the
//! NTLMv2 and LMv2 responses, the session base key, and the server's
//! check of a response.
//!
//! Every key is a type whose `Debug` prints `***` and whose bytes are
//! overwritten when it is dropped.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac as _};
use md4::{Digest as _, Md4};
use md5::Md5;

use super::NtlmError;
use super::wire::utf16le;

type HmacMd5 = Hmac<Md5>;

macro_rules! key_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name([u8; 16]);

        impl $name {
            pub fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(bytes)
            }

            /// The key itself; call only to compute with it or store it.
            pub fn expose_bytes(&self) -> &[u8; 16] {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "(***)"))
            }
        }

        impl Drop for $name {
            fn drop(&mut self) {
                self.0.fill(0);
                std::hint::black_box(&self.0);
            }
        }
    };
}

key_type!(
    /// MD4 of the UTF-16LE password: what a domain controller stores, and
    /// as good as the password for NTLM.
    NtHash
);
key_type!(
    /// NTOWFv2 (ResponseKeyNT, which NTLMv2 also uses as ResponseKeyLM).
    ResponseKey
);
key_type!(
    /// SessionBaseKey, from which signing and sealing keys would be
    /// derived.
    SessionBaseKey
);

impl NtHash {
    pub fn from_password(password: &str) -> Self {
        let mut md4 = Md4::new();
        md4.update(utf16le(password));
        Self(md4.finalize().into())
    }

    /// Reads the 32 hex digits written by [`Self::expose_hex`].
    pub fn from_hex(hex: &str) -> Option<Self> {
        let hex = hex.as_bytes();
        if hex.len() != 32 {
            return None;
        }
        let mut out = [0u8; 16];
        for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
            let digits = std::str::from_utf8(pair).ok()?;
            *byte = u8::from_str_radix(digits, 16).ok()?;
        }
        Some(Self(out))
    }

    /// Lower-case hex, for storing the hash; treat it as the password.
    pub fn expose_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// NTOWFv2: HMAC-MD5 keyed with the NT hash over the upper-cased user
    /// name followed by the domain as given.
    pub fn response_key(&self, user: &str, domain: &str) -> ResponseKey {
        let mut text = upper_case(user);
        text.push_str(domain);
        ResponseKey(hmac_md5(&self.0, &[&utf16le(&text)]))
    }
}

/// Upper-cases as Windows does (`RtlUpcaseUnicodeString`): one character
/// for one, leaving alone those whose upper case is longer (`ß`).
fn upper_case(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut upper = c.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(u), None) => u,
                _ => c,
            }
        })
        .collect()
}

fn hmac_md5(key: &[u8], parts: &[&[u8]]) -> [u8; 16] {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = match HmacMd5::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => return [0; 16],
    };
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// Now as a Windows FILETIME: 100 ns units since 1601-01-01 UTC.
pub fn filetime_now() -> u64 {
    const EPOCH_DIFFERENCE_SECS: u64 = 11_644_473_600;
    let since_unix = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    (since_unix.as_secs() + EPOCH_DIFFERENCE_SECS) * 10_000_000
        + u64::from(since_unix.subsec_nanos() / 100)
}

/// The blob an NTLMv2 response carries after its proof (`temp` in the
/// specification).
fn client_blob(client_challenge: &[u8; 8], time: u64, target_info: &[u8]) -> Vec<u8> {
    let mut blob = Vec::with_capacity(28 + target_info.len() + 4);
    blob.extend_from_slice(&[1, 1, 0, 0, 0, 0, 0, 0]);
    blob.extend_from_slice(&time.to_le_bytes());
    blob.extend_from_slice(client_challenge);
    blob.extend_from_slice(&[0; 4]);
    blob.extend_from_slice(target_info);
    blob.extend_from_slice(&[0; 4]);
    blob
}

/// NtChallengeResponse (NTProofStr followed by the blob) and the session
/// base key. `target_info` is the server's AV_PAIR list as received.
pub fn ntlmv2_response(
    key: &ResponseKey,
    server_challenge: &[u8; 8],
    client_challenge: &[u8; 8],
    time: u64,
    target_info: &[u8],
) -> (Vec<u8>, SessionBaseKey) {
    let blob = client_blob(client_challenge, time, target_info);
    let proof = hmac_md5(&key.0, &[server_challenge, &blob]);
    let session = SessionBaseKey(hmac_md5(&key.0, &[&proof]));
    let mut response = proof.to_vec();
    response.extend_from_slice(&blob);
    (response, session)
}

/// LmChallengeResponse for NTLMv2 (LMv2).
pub fn lmv2_response(
    key: &ResponseKey,
    server_challenge: &[u8; 8],
    client_challenge: &[u8; 8],
) -> [u8; 24] {
    let proof = hmac_md5(&key.0, &[server_challenge, client_challenge]);
    let mut out = [0u8; 24];
    out[..16].copy_from_slice(&proof);
    out[16..].copy_from_slice(client_challenge);
    out
}

/// The server's check: recomputes NTProofStr from the stored NT hash and
/// the user and domain as the client sent them, and compares in constant
/// time. Returns the session base key on success.
pub fn verify_ntlmv2(
    nt_hash: &NtHash,
    user: &str,
    domain: &str,
    server_challenge: &[u8; 8],
    nt_response: &[u8],
) -> Result<SessionBaseKey, NtlmError> {
    // NTProofStr, then at least the blob's fixed 28 bytes.
    let (proof, blob) = nt_response
        .split_at_checked(16)
        .ok_or(NtlmError::NotNtlmV2)?;
    if blob.len() < 28 || blob[0] != 1 || blob[1] != 1 {
        return Err(NtlmError::NotNtlmV2);
    }
    let key = nt_hash.response_key(user, domain);
    let expected = hmac_md5(&key.0, &[server_challenge, blob]);
    if !constant_time_eq(&expected, proof) {
        return Err(NtlmError::Mismatch);
    }
    Ok(SessionBaseKey(hmac_md5(&key.0, &[&expected])))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
