//! The PasswordDigest computation, and the comparisons a verifier makes.

use base64::Engine as _;
use sha1::{Digest as _, Sha1};
use subtle::ConstantTimeEq as _;

use crate::auth::Secret;

/// `Base64(SHA-1(nonce + created + password))`, UsernameToken Profile 1.1
/// section 3.1: `nonce` is the decoded nonce bytes, `created` the exact
/// text of `wsu:Created` as sent, and `password` the UTF-8 bytes of the
/// password.
pub fn password_digest(nonce: &[u8], created: &str, password: &Secret) -> String {
    base64::engine::general_purpose::STANDARD.encode(raw_digest(nonce, created, password))
}

fn raw_digest(nonce: &[u8], created: &str, password: &Secret) -> [u8; 20] {
    let mut sha = Sha1::new();
    sha.update(nonce);
    sha.update(created.as_bytes());
    sha.update(password.expose_secret().as_bytes());
    sha.finalize().into()
}

/// Whether `received` is the digest of `password` for this nonce and
/// `Created`. The received text is decoded rather than compared as base64,
/// so that line breaks or padding variants a sender's encoder adds do not
/// matter, and the 20 bytes are compared in constant time: a comparison
/// that stops at the first differing byte would tell an attacker, by its
/// timing, how many leading bytes of a forged digest are right.
pub(crate) fn digest_matches(
    received: &Secret,
    nonce: &[u8],
    created: &str,
    password: &Secret,
) -> bool {
    let expected = raw_digest(nonce, created, password);
    let compact: Vec<u8> = received
        .expose_secret()
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(compact) else {
        return false;
    };
    decoded.len() == expected.len() && bool::from(decoded.ct_eq(&expected))
}

/// Whether two plain passwords are equal. Both are hashed first, so the
/// comparison is of 20 bytes whatever their lengths and takes the same
/// time whether they differ early, late or in length; comparing the
/// strings themselves would reveal the stored password's length and
/// prefix by timing.
pub(crate) fn text_matches(received: &Secret, stored: &Secret) -> bool {
    let hash = |s: &Secret| -> [u8; 20] { Sha1::digest(s.expose_secret().as_bytes()).into() };
    bool::from(hash(received).ct_eq(&hash(stored)))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Computed with python3, independently of this code:
    //   n = bytes(range(16)); c = b"2026-12-03T14:00:00Z"
    //   base64.b64encode(hashlib.sha1(n + c + b"secret").digest())
    //   base64.b64encode(hashlib.sha1(n + c + "pässwörd€".encode()).digest())
    const NONCE: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    const CREATED: &str = "2026-12-03T14:00:00Z";

    #[test]
    fn digest_matches_an_independent_computation() {
        assert_eq!(
            password_digest(&NONCE, CREATED, &Secret::new("secret")),
            "7AFvYvBvGMRCODOpYGrH4S9pUp4="
        );
        assert_eq!(
            password_digest(&NONCE, CREATED, &Secret::new("pässwörd€")),
            "+e8GvJdA11lKc3PfA0UQbqhfg7k="
        );
    }

    #[test]
    fn digest_check() {
        let password = Secret::new("secret");
        let good = Secret::new("7AFvYvBvGMRCODOpYGrH4S9pUp4=");
        assert!(digest_matches(&good, &NONCE, CREATED, &password));
        let wrapped = Secret::new("7AFvYvBvGMRC\n ODOpYGrH4S9pUp4=");
        assert!(digest_matches(&wrapped, &NONCE, CREATED, &password));
        assert!(!digest_matches(
            &good,
            &NONCE,
            CREATED,
            &Secret::new("Secret")
        ));
        assert!(!digest_matches(
            &good,
            &NONCE,
            "2026-12-03T14:00:01Z",
            &password
        ));
        assert!(!digest_matches(&good, &NONCE[1..], CREATED, &password));
        for bad in ["", "not base64!", "7AFvYvBvGMRCODOpYGrH4S9pUp4", "AAAA"] {
            assert!(
                !digest_matches(&Secret::new(bad), &NONCE, CREATED, &password),
                "{bad}"
            );
        }
    }

    #[test]
    fn text_check() {
        let stored = Secret::new("secret");
        assert!(text_matches(&Secret::new("secret"), &stored));
        for other in ["", "secre", "secret ", "Secret", "secretsecret"] {
            assert!(!text_matches(&Secret::new(other), &stored), "{other}");
        }
    }
}
