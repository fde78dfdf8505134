//! The byte layout shared by the three messages: little-endian integers,
//! security buffers (length, capacity, offset) pointing into a payload,
//! and UTF-16LE or OEM strings.

use super::NtlmError;

/// Reads fixed fields from a message, every access bounds-checked.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self { bytes }
    }

    pub(super) fn len(&self) -> usize {
        self.bytes.len()
    }

    pub(super) fn slice(&self, at: usize, len: usize) -> Result<&'a [u8], NtlmError> {
        let end = at.checked_add(len).ok_or(NtlmError::Truncated {
            needed: usize::MAX,
            len: self.bytes.len(),
        })?;
        self.bytes.get(at..end).ok_or(NtlmError::Truncated {
            needed: end,
            len: self.bytes.len(),
        })
    }

    pub(super) fn array<const N: usize>(&self, at: usize) -> Result<[u8; N], NtlmError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.slice(at, N)?);
        Ok(out)
    }

    pub(super) fn u16(&self, at: usize) -> Result<u16, NtlmError> {
        Ok(u16::from_le_bytes(self.array(at)?))
    }

    pub(super) fn u32(&self, at: usize) -> Result<u32, NtlmError> {
        Ok(u32::from_le_bytes(self.array(at)?))
    }

    /// The bytes a security buffer at `at` points to. An empty buffer is
    /// empty whatever its offset says, as Windows writes arbitrary offsets
    /// for empty fields.
    pub(super) fn buffer(&self, at: usize, field: &'static str) -> Result<&'a [u8], NtlmError> {
        let len = usize::from(self.u16(at)?);
        let offset =
            usize::try_from(self.u32(at + 4)?).map_err(|_| NtlmError::OutOfBounds { field })?;
        if len == 0 {
            return Ok(&[]);
        }
        offset
            .checked_add(len)
            .and_then(|end| self.bytes.get(offset..end))
            .ok_or(NtlmError::OutOfBounds { field })
    }
}

/// Builds a message: the fixed part first, then the payload, each
/// security buffer patched with its data's place. Data is appended in the
/// order it is filled in, which need not be the order of the fields
/// (Windows writes the names before the responses).
pub(super) struct Writer {
    fixed: Vec<u8>,
    payload: Vec<u8>,
    header_len: usize,
}

/// A security buffer reserved in the fixed part, to be filled in later.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    at: usize,
    field: &'static str,
}

impl Writer {
    /// `header_len` is the size of the fixed part once complete.
    pub(super) fn new(header_len: usize) -> Self {
        Self {
            fixed: Vec::with_capacity(header_len),
            payload: Vec::new(),
            header_len,
        }
    }

    pub(super) fn bytes(&mut self, bytes: &[u8]) {
        self.fixed.extend_from_slice(bytes);
    }

    pub(super) fn u32(&mut self, value: u32) {
        self.fixed.extend_from_slice(&value.to_le_bytes());
    }

    /// Reserves a security buffer; one never filled stays empty, pointing
    /// at the start of the payload as Windows writes empty fields.
    pub(super) fn reserve(&mut self, field: &'static str) -> Slot {
        let at = self.fixed.len();
        let offset = u32::try_from(self.header_len).unwrap_or(u32::MAX);
        self.fixed.extend_from_slice(&[0; 4]);
        self.fixed.extend_from_slice(&offset.to_le_bytes());
        Slot { at, field }
    }

    pub(super) fn fill(&mut self, slot: Slot, data: &[u8]) -> Result<(), NtlmError> {
        let too_long = NtlmError::TooLong { field: slot.field };
        let len = u16::try_from(data.len()).map_err(|_| too_long.clone())?;
        let offset = u32::try_from(self.header_len + self.payload.len()).map_err(|_| too_long)?;
        let mut field = [0u8; 8];
        field[0..2].copy_from_slice(&len.to_le_bytes());
        field[2..4].copy_from_slice(&len.to_le_bytes());
        field[4..8].copy_from_slice(&offset.to_le_bytes());
        if let Some(place) = self.fixed.get_mut(slot.at..slot.at + 8) {
            place.copy_from_slice(&field);
        }
        self.payload.extend_from_slice(data);
        Ok(())
    }

    pub(super) fn finish(mut self) -> Vec<u8> {
        debug_assert_eq!(self.fixed.len(), self.header_len);
        let mut out = self.fixed;
        out.append(&mut self.payload);
        out
    }
}

pub(super) fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// A string field: UTF-16LE when `unicode`, else the OEM code page, read
/// here as Latin-1 (which covers the ASCII names that OEM mode is used
/// for).
pub(super) fn decode_string(
    bytes: &[u8],
    unicode: bool,
    field: &'static str,
) -> Result<String, NtlmError> {
    if !unicode {
        return Ok(bytes.iter().map(|&b| char::from(b)).collect());
    }
    if bytes.len() % 2 != 0 {
        return Err(NtlmError::BadUnicode { field });
    }
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units).map_err(|_| NtlmError::BadUnicode { field })
}

/// The encoding of a string field; OEM replaces what Latin-1 cannot hold
/// with `?`, as Windows' best-fit mapping does for unmapped characters.
pub(super) fn encode_string(text: &str, unicode: bool) -> Vec<u8> {
    if unicode {
        utf16le(text)
    } else {
        text.chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
            .collect()
    }
}
