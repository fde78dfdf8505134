//! Byte classes, XML names and references: the pieces the lexer and the
//! decoders share.
//!
//! Everything works on byte offsets into a `&str` and moves only across
//! whole characters, so every offset handed back is a character boundary.

use super::{LexError, LexErrorKind};

/// C0 controls other than tab, LF and CR: never allowed in XML 1.0.
pub const CTRL: u16 = 1 << 0;
/// Lead byte of U+F000..U+FFFF, the only range holding the non-characters
/// U+FFFE and U+FFFF (surrogates cannot occur in a `str`).
pub const EF: u16 = 1 << 1;
pub const LT: u16 = 1 << 2;
pub const AMP: u16 = 1 << 3;
pub const RBRACKET: u16 = 1 << 4;
pub const CR: u16 = 1 << 5;
pub const DASH: u16 = 1 << 6;
pub const QMARK: u16 = 1 << 7;
pub const DQUOTE: u16 = 1 << 8;
pub const SQUOTE: u16 = 1 << 9;

/// What each context has to stop at. Every context stops at `CTRL | EF`
/// because forbidden characters are forbidden everywhere.
pub const TEXT: u16 = CTRL | EF | LT | AMP | RBRACKET | CR;
pub const COMMENT: u16 = CTRL | EF | DASH;
pub const PI: u16 = CTRL | EF | QMARK;
pub const CDATA: u16 = CTRL | EF | RBRACKET;
pub const DQ_VALUE: u16 = CTRL | EF | LT | AMP | DQUOTE;
pub const SQ_VALUE: u16 = CTRL | EF | LT | AMP | SQUOTE;
pub const DQ_LITERAL: u16 = CTRL | EF | DQUOTE;
pub const SQ_LITERAL: u16 = CTRL | EF | SQUOTE;

static CLASS: [u16; 256] = classes();

const fn classes() -> [u16; 256] {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        if b != b'\t' as usize && b != b'\n' as usize && b != b'\r' as usize {
            t[b] = CTRL;
        }
        b += 1;
    }
    t[0xEF] = EF;
    t[b'<' as usize] = LT;
    t[b'&' as usize] = AMP;
    t[b']' as usize] = RBRACKET;
    t[b'\r' as usize] = CR;
    t[b'-' as usize] = DASH;
    t[b'?' as usize] = QMARK;
    t[b'"' as usize] = DQUOTE;
    t[b'\'' as usize] = SQUOTE;
    t
}

/// Width of the blocks `find` tests at once.
const BLOCK: usize = 16;

/// The first byte at or after `from` in one of the classes of `MASK`, and
/// its offset. A const parameter so that each context gets its own loop
/// with the mask folded in.
///
/// Most runs (attribute values, namespace URIs, base64 text) hold no
/// byte of interest at all, so whole blocks are first tested with a
/// branch-free predicate the compiler turns into vector compares; only a
/// block with a candidate is searched byte by byte.
#[inline(always)]
pub fn find<const MASK: u16>(bytes: &[u8], from: usize) -> Option<(usize, u8)> {
    let mut i = from;
    while let Some(block) = bytes.get(i..i + BLOCK) {
        let candidate = block
            .iter()
            .fold(false, |any, &b| any | maybe_in::<MASK>(b));
        if candidate {
            if let Some(k) = block
                .iter()
                .position(|&b| CLASS[usize::from(b)] & MASK != 0)
            {
                return Some((i + k, block.get(k).copied()?));
            }
        }
        i += BLOCK;
    }
    let rest = bytes.get(i..)?;
    let k = rest
        .iter()
        .position(|&b| CLASS[usize::from(b)] & MASK != 0)?;
    Some((i + k, rest.get(k).copied()?))
}

/// A superset of the classes in `MASK`, as comparisons rather than a table
/// lookup so that it vectorizes: every byte below 0x20 stands for `CTRL`
/// and `CR` (tab and LF are false positives, sorted out by the table).
#[inline(always)]
fn maybe_in<const MASK: u16>(b: u8) -> bool {
    let is = |class: u16, c: u8| (MASK & class != 0) & (b == c);
    (b < 0x20)
        | is(EF, 0xEF)
        | is(LT, b'<')
        | is(AMP, b'&')
        | is(RBRACKET, b']')
        | is(DASH, b'-')
        | is(QMARK, b'?')
        | is(DQUOTE, b'"')
        | is(SQUOTE, b'\'')
}

/// Called at a byte classed `CTRL` or `EF`: fails unless it is the lead
/// byte of an allowed character.
#[inline]
pub fn check_char(bytes: &[u8], i: usize) -> Result<(), LexError> {
    match bytes.get(i..i.saturating_add(3)) {
        Some([0xEF, 0xBF, 0xBE | 0xBF]) => Err(LexErrorKind::InvalidChar.at(i)),
        _ if bytes.get(i) == Some(&0xEF) => Ok(()),
        _ => Err(LexErrorKind::InvalidChar.at(i)),
    }
}

/// `kind` at `pos`, unless what stands there is a character XML 1.0
/// forbids: that is the more useful report.
#[cold]
pub fn unexpected(bytes: &[u8], pos: usize, kind: LexErrorKind) -> LexError {
    let forbidden = bytes
        .get(pos)
        .is_some_and(|&b| CLASS[usize::from(b)] & (CTRL | EF) != 0)
        && check_char(bytes, pos).is_err();
    if forbidden {
        LexErrorKind::InvalidChar.at(pos)
    } else {
        kind.at(pos)
    }
}

pub fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

pub fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&b| is_ws(b)) {
        i += 1;
    }
    i
}

/// Whether `c` may appear in an XML 1.0 document at all (production Char).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

const NAME_START: u8 = 1;
const NAME_CHAR: u8 = 2;
const NON_ASCII: u8 = 4;

/// Name classes by byte; any byte of a non-ASCII character is `NON_ASCII`
/// and sends the scan to the slow path. The colon is in neither class:
/// names are read as namespace QNames, and `qname_end` places the colon.
static NAME: [u8; 256] = names();

const fn names() -> [u8; 256] {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() || c == b'_' {
            NAME_START | NAME_CHAR
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            NAME_CHAR
        } else {
            0
        };
        b += 1;
    }
    t
}

/// NameStartChar of XML 1.0 fifth edition, beyond ASCII.
fn is_name_start(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// NameChar beyond ASCII.
fn is_name_char(c: char) -> bool {
    is_name_start(c) || matches!(c, '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// End of the name (without colons) starting at `start`, or `None` if no
/// name starts there.
#[inline(always)]
pub fn ncname_end(input: &str, start: usize) -> Option<usize> {
    let bytes = input.as_bytes();
    let first = NAME[usize::from(*bytes.get(start)?)];
    if first & NAME_START == 0 {
        return if first == NON_ASCII {
            ncname_end_slow(input, start, start)
        } else {
            None
        };
    }
    // Names average a dozen bytes or more; testing eight at a time with
    // one branch beats a branch per byte.
    let mut i = start + 1;
    while let Some(block) = bytes.get(i..i + 8) {
        if block
            .iter()
            .fold(NAME_CHAR, |all, &b| all & NAME[usize::from(b)])
            == 0
        {
            break;
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    match rest
        .iter()
        .position(|&b| NAME[usize::from(b)] & NAME_CHAR == 0)
    {
        None => Some(bytes.len()),
        Some(k) if rest.get(k).is_some_and(|&b| b >= 0x80) => ncname_end_slow(input, start, i + k),
        Some(k) => Some(i + k),
    }
}

/// Continues a name at `i`, a character boundary where a non-ASCII
/// character may follow.
#[cold]
#[inline(never)]
fn ncname_end_slow(input: &str, start: usize, mut i: usize) -> Option<usize> {
    let bytes = input.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if NAME[usize::from(b)] & if i == start { NAME_START } else { NAME_CHAR } == 0 {
                break;
            }
            i += 1;
            continue;
        }
        // `i` only ever moves by whole characters, so it is a boundary;
        // `get` keeps that an assumption, not a panic.
        let c = input.get(i..).and_then(|s| s.chars().next())?;
        let ok = if i == start {
            is_name_start(c)
        } else {
            is_name_char(c)
        };
        if !ok {
            break;
        }
        i += c.len_utf8();
    }
    (i > start).then_some(i)
}

/// End of the namespace QName (`local` or `prefix:local`) at `start`. A
/// colon anywhere else is an XML name but not a QName, which a
/// namespace-aware reader cannot resolve, so it is refused here.
#[inline(always)]
pub fn qname_end(input: &str, start: usize) -> Result<usize, LexError> {
    let bytes = input.as_bytes();
    let Some(end) = ncname_end(input, start) else {
        return Err(if bytes.get(start) == Some(&b':') {
            LexErrorKind::InvalidQName.at(start)
        } else {
            unexpected(bytes, start, LexErrorKind::InvalidName)
        });
    };
    if bytes.get(end) != Some(&b':') {
        return Ok(end);
    }
    match ncname_end(input, end + 1) {
        Some(local) if bytes.get(local) != Some(&b':') => Ok(local),
        _ => Err(LexErrorKind::InvalidQName.at(start)),
    }
}

/// Reads the reference at `amp` (`&name;`, `&#N;` or `&#xH;`) and returns
/// the character it stands for and the offset after its `;`. Only the five
/// predefined entities exist: a document with a DTD is refused.
pub fn reference(input: &str, amp: usize) -> Result<(char, usize), LexError> {
    let bytes = input.as_bytes();
    if bytes.get(amp + 1) == Some(&b'#') {
        let (radix, digits) = match bytes.get(amp + 2) {
            Some(b'x') => (16, amp + 3),
            _ => (10, amp + 2),
        };
        let mut i = digits;
        let mut value: u32 = 0;
        while let Some(d) = bytes.get(i).and_then(|&b| char::from(b).to_digit(radix)) {
            // Saturation keeps any overlong number above U+10FFFF, which
            // `from_u32` then refuses.
            value = value.saturating_mul(radix).saturating_add(d);
            i += 1;
        }
        if i == digits || bytes.get(i) != Some(&b';') {
            return Err(LexErrorKind::InvalidReference.at(amp));
        }
        return match char::from_u32(value).filter(|&c| is_xml_char(c)) {
            Some(c) => Ok((c, i + 1)),
            None => Err(LexErrorKind::InvalidCharRef.at(amp)),
        };
    }
    let end = ncname_end(input, amp + 1)
        .filter(|&end| bytes.get(end) == Some(&b';'))
        .ok_or(LexErrorKind::InvalidReference.at(amp))?;
    let c = match input.get(amp + 1..end) {
        Some("lt") => '<',
        Some("gt") => '>',
        Some("amp") => '&',
        Some("apos") => '\'',
        Some("quot") => '"',
        _ => return Err(LexErrorKind::UndefinedEntity.at(amp)),
    };
    Ok((c, end + 1))
}
