//! Target information ([MS-NLMP] 2.2.2.1): the AV_PAIR list the server
//! sends in its CHALLENGE and the client echoes inside its NTLMv2
//! response.

use super::NtlmError;
use super::wire::{decode_string, utf16le};

/// The AV_PAIR ids this crate names; others are kept as raw numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u16)]
pub enum AvId {
    Eol = 0,
    NbComputerName = 1,
    NbDomainName = 2,
    DnsComputerName = 3,
    DnsDomainName = 4,
    DnsTreeName = 5,
    Flags = 6,
    Timestamp = 7,
    SingleHost = 8,
    TargetName = 9,
    ChannelBindings = 10,
}

/// One AV_PAIR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvPair {
    pub id: u16,
    pub value: Vec<u8>,
}

impl AvPair {
    /// A pair whose value is a UTF-16LE string (the name pairs).
    pub fn text(id: AvId, value: &str) -> Self {
        Self {
            id: id as u16,
            value: utf16le(value),
        }
    }

    /// `MsvAvTimestamp`: a FILETIME.
    pub fn timestamp(filetime: u64) -> Self {
        Self {
            id: AvId::Timestamp as u16,
            value: filetime.to_le_bytes().to_vec(),
        }
    }
}

/// The AV_PAIR list, without its terminating `MsvAvEOL`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TargetInfo {
    pub pairs: Vec<AvPair>,
}

impl TargetInfo {
    /// Reads pairs up to `MsvAvEOL`; bytes after it are ignored, a list
    /// that ends without one is malformed.
    pub fn parse(mut bytes: &[u8]) -> Result<Self, NtlmError> {
        let mut pairs = Vec::new();
        loop {
            let (header, rest) = bytes.split_at_checked(4).ok_or(NtlmError::BadTargetInfo)?;
            let id = u16::from_le_bytes([header[0], header[1]]);
            let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
            if id == AvId::Eol as u16 {
                return Ok(Self { pairs });
            }
            let (value, rest) = rest.split_at_checked(len).ok_or(NtlmError::BadTargetInfo)?;
            pairs.push(AvPair {
                id,
                value: value.to_vec(),
            });
            bytes = rest;
        }
    }

    /// The pairs followed by `MsvAvEOL`.
    pub fn encode(&self) -> Result<Vec<u8>, NtlmError> {
        let mut out = Vec::new();
        for pair in &self.pairs {
            let len = u16::try_from(pair.value.len()).map_err(|_| NtlmError::TooLong {
                field: "TargetInfo",
            })?;
            out.extend_from_slice(&pair.id.to_le_bytes());
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&pair.value);
        }
        out.extend_from_slice(&[0; 4]);
        Ok(out)
    }

    pub fn get(&self, id: AvId) -> Option<&[u8]> {
        self.pairs
            .iter()
            .find(|pair| pair.id == id as u16)
            .map(|pair| pair.value.as_slice())
    }

    /// A name pair as text.
    pub fn text(&self, id: AvId) -> Option<String> {
        self.get(id)
            .and_then(|value| decode_string(value, true, "AV_PAIR").ok())
    }

    /// `MsvAvTimestamp`, when the server sent one.
    pub fn timestamp(&self) -> Option<u64> {
        let value: [u8; 8] = self.get(AvId::Timestamp)?.try_into().ok()?;
        Some(u64::from_le_bytes(value))
    }
}
