//! The id of one call, sent as `client-request-id`.
//!
//! Exchange's front end logs the `client-request-id` of every request (and
//! returns it when asked), so an id that is also in the client's `tracing`
//! span lets one failed call be found on both sides. It has the GUID form
//! Exchange's own clients send. Retries of a call reuse its id: they are
//! the same logical request.

use std::fmt;

use super::random::random_u64;

/// The request header that carries the id.
pub(crate) const HEADER: &str = "client-request-id";

/// A random (version 4) UUID in its 36-character text form.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct RequestId([u8; 36]);

impl RequestId {
    pub(crate) fn new() -> Self {
        let mut bits = (u128::from(random_u64()) << 64) | u128::from(random_u64());
        // Version 4, variant 10xx (RFC 9562, section 5.4).
        bits = (bits & !(0xF << 76)) | (0x4 << 76);
        bits = (bits & !(0x3 << 62)) | (0x2 << 62);
        let mut text = [b'-'; 36];
        let mut nibble = 32;
        for (i, byte) in text.iter_mut().enumerate() {
            if matches!(i, 8 | 13 | 18 | 23) {
                continue;
            }
            nibble -= 1;
            let digit = ((bits >> (nibble * 4)) & 0xF) as u8;
            *byte = b"0123456789abcdef"[usize::from(digit)];
        }
        Self(text)
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII hex digits and dashes are ever written.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_4_uuid() {
        let a = RequestId::new();
        let b = RequestId::new();
        assert_ne!(a, b);
        let s = a.as_str();
        assert_eq!(s.len(), 36);
        let groups: Vec<usize> = s.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&s[14..15], "4");
        assert!(matches!(&s[19..20], "8" | "9" | "a" | "b"), "{s}");
        assert!(s.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()));
    }
}
