//! Types for XML Schema datatypes that have no exact Rust counterpart.
//!
//! Date/time values keep their lexical form: it is checked on the way in,
//! and written back unchanged, so a round trip never loses precision or a
//! time zone (`decimal.rs` does the same for `xs:decimal`). Convert with the accessor into whatever date
//! or decimal library the application uses.

use std::fmt;

use super::value::{NamespaceContext, SimpleValue, ValueSink, collapse};
use super::{ValueError, WriteError};

/// The checked lexical form of a date, time or duration. Nearly all fit
/// in the bytes of a `String` (`2015-09-17T08:30:00Z` is 20), and are kept
/// there rather than allocated: a message carries several per item.
#[derive(Clone)]
enum Lexical {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

/// The longest form kept inline.
const INLINE: usize = 22;

impl Lexical {
    fn new(text: &str) -> Self {
        let mut bytes = [0; INLINE];
        match (bytes.get_mut(..text.len()), u8::try_from(text.len())) {
            (Some(head), Ok(len)) => {
                head.copy_from_slice(text.as_bytes());
                Self::Inline { len, bytes }
            }
            _ => Self::Heap(text.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Only whole checked text is ever stored.
            Self::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Self::Heap(text) => text,
        }
    }
}

// Compared, ordered and hashed as the text, whichever way it is kept.
impl PartialEq for Lexical {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lexical {}

impl PartialOrd for Lexical {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Lexical {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Lexical {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

macro_rules! lexical_type {
    ($(#[$doc:meta])* $name:ident, $check:path, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Lexical);

        impl $name {
            /// Checks the lexical form.
            pub fn new(text: &str) -> Result<Self, ValueError> {
                let text = collapse(text);
                if $check(text.as_bytes()) {
                    Ok(Self(Lexical::new(&text)))
                } else {
                    Err(ValueError::new(concat!("expected ", $what)))
                }
            }

            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.as_str()).finish()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, ValueError> {
                Self::new(s)
            }
        }

        impl SimpleValue for $name {
            fn parse_value(text: &str, _: &dyn NamespaceContext) -> Result<Self, ValueError> {
                Self::new(text)
            }

            fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
                sink.push_str(self.as_str())
            }
        }
    };
}

lexical_type!(
    /// `xs:dateTime`, e.g. `2015-09-17T08:30:00Z`.
    DateTime, is_date_time, "a dateTime (YYYY-MM-DDThh:mm:ss[.fff][Z|(+|-)hh:mm])"
);
lexical_type!(
    /// `xs:date`, e.g. `2015-09-17` or `2015-09-17+02:00`.
    Date, is_date, "a date (YYYY-MM-DD[Z|(+|-)hh:mm])"
);
lexical_type!(
    /// `xs:time`, e.g. `08:30:00`.
    Time, is_time, "a time (hh:mm:ss[.fff][Z|(+|-)hh:mm])"
);
lexical_type!(
    /// `xs:duration`, e.g. `P1DT2H` or `-PT30M`.
    Duration, is_duration, "a duration (PnYnMnDTnHnMnS)"
);

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn eat(&mut self, b: u8) -> bool {
        if self.s.get(self.i) == Some(&b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Reads at least `min` digits; returns their value (saturating).
    fn digits(&mut self, min: usize) -> Option<u64> {
        let start = self.i;
        let mut value: u64 = 0;
        while let Some(d) = self.s.get(self.i).filter(|b| b.is_ascii_digit()) {
            value = value.saturating_mul(10).saturating_add(u64::from(d - b'0'));
            self.i += 1;
        }
        (self.i - start >= min).then_some(value)
    }

    fn fixed(&mut self, n: usize, max: u64) -> bool {
        let start = self.i;
        matches!(self.digits(n), Some(v) if self.i - start == n && v <= max)
    }

    fn done(&self) -> bool {
        self.i == self.s.len()
    }
}

fn date_part(c: &mut Cursor<'_>) -> bool {
    let _ = c.eat(b'-');
    let start = c.i;
    c.digits(4).is_some()
        && (c.i - start == 4 || s_at(c, start) != b'0')
        && c.eat(b'-')
        && c.fixed(2, 12)
        && c.eat(b'-')
        && c.fixed(2, 31)
}

fn s_at(c: &Cursor<'_>, i: usize) -> u8 {
    c.s.get(i).copied().unwrap_or(0)
}

fn time_part(c: &mut Cursor<'_>) -> bool {
    let ok = c.fixed(2, 24) && c.eat(b':') && c.fixed(2, 59) && c.eat(b':') && c.fixed(2, 60);
    ok && (!c.eat(b'.') || c.digits(1).is_some())
}

fn zone(c: &mut Cursor<'_>) -> bool {
    if c.done() || c.eat(b'Z') {
        return c.done();
    }
    (c.eat(b'+') || c.eat(b'-')) && c.fixed(2, 14) && c.eat(b':') && c.fixed(2, 59) && c.done()
}

fn is_date_time(s: &[u8]) -> bool {
    let mut c = Cursor { s, i: 0 };
    date_part(&mut c) && c.eat(b'T') && time_part(&mut c) && zone(&mut c)
}

fn is_date(s: &[u8]) -> bool {
    let mut c = Cursor { s, i: 0 };
    date_part(&mut c) && zone(&mut c)
}

fn is_time(s: &[u8]) -> bool {
    let mut c = Cursor { s, i: 0 };
    time_part(&mut c) && zone(&mut c)
}

fn is_duration(s: &[u8]) -> bool {
    let mut c = Cursor { s, i: 0 };
    let _ = c.eat(b'-');
    if !c.eat(b'P') {
        return false;
    }
    let mut any = false;
    let mut designators: &[u8] = b"YMD";
    let mut in_time = false;
    while !c.done() {
        if !in_time && c.eat(b'T') {
            in_time = true;
            designators = b"HMS";
            if c.done() {
                return false;
            }
            continue;
        }
        if c.digits(1).is_none() {
            return false;
        }
        let fraction = c.eat(b'.');
        if fraction && c.digits(1).is_none() {
            return false;
        }
        let Some(pos) = designators.iter().position(|d| c.eat(*d)) else {
            return false;
        };
        // Only seconds may have a fraction.
        if fraction && !(in_time && designators[pos] == b'S') {
            return false;
        }
        designators = &designators[pos + 1..];
        any = true;
    }
    any
}

/// `xs:base64Binary`: the decoded bytes.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Base64Binary(pub Vec<u8>);

impl fmt::Debug for Base64Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Base64Binary({} bytes)", self.0.len())
    }
}

impl SimpleValue for Base64Binary {
    fn parse_value(text: &str, _: &dyn NamespaceContext) -> Result<Self, ValueError> {
        use base64::Engine as _;
        let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        base64::engine::general_purpose::STANDARD
            .decode(compact)
            .map(Self)
            .map_err(|e| ValueError::new(format!("expected base64: {e}")))
    }

    fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
        use base64::Engine as _;
        sink.push_plain(&base64::engine::general_purpose::STANDARD.encode(&self.0));
        Ok(())
    }
}

/// `xs:hexBinary`: the decoded bytes.
#[derive(Clone, PartialEq, Eq, Hash, Default, Debug)]
pub struct HexBinary(pub Vec<u8>);

impl SimpleValue for HexBinary {
    fn parse_value(text: &str, _: &dyn NamespaceContext) -> Result<Self, ValueError> {
        let t = text.trim_matches(super::value::is_xml_space).as_bytes();
        if t.len() % 2 != 0 {
            return Err(ValueError::new(
                "expected hexBinary (an even number of hex digits)",
            ));
        }
        let nibble = |b: u8| (b as char).to_digit(16);
        t.chunks(2)
            .map(|p| match (nibble(p[0]), nibble(p[1])) {
                (Some(h), Some(l)) => Ok((h * 16 + l) as u8),
                _ => Err(ValueError::new("expected hexBinary (hex digits only)")),
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
        for b in &self.0 {
            sink.push_fmt(format_args!("{b:02X}"));
        }
        Ok(())
    }
}

/// `xs:QName`: resolved against the namespaces in scope where it was read;
/// the prefix is kept so that it can be written back as it was, but is not
/// part of the value: two QNames are equal when namespace and local part are.
#[derive(Debug, Clone)]
pub struct QNameValue {
    pub namespace: String,
    pub local: String,
    pub prefix: String,
}

impl PartialEq for QNameValue {
    fn eq(&self, other: &Self) -> bool {
        (&self.namespace, &self.local) == (&other.namespace, &other.local)
    }
}

impl Eq for QNameValue {}

impl std::hash::Hash for QNameValue {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (&self.namespace, &self.local).hash(state);
    }
}

impl SimpleValue for QNameValue {
    fn parse_value(text: &str, ctx: &dyn NamespaceContext) -> Result<Self, ValueError> {
        let t = text.trim_matches(super::value::is_xml_space);
        let (prefix, local) = t.split_once(':').unwrap_or(("", t));
        if local.is_empty() || local.contains(':') {
            return Err(ValueError::new("expected a QName (prefix:local)"));
        }
        let namespace = ctx
            .resolve_prefix(prefix)
            .ok_or_else(|| ValueError::new(format!("undeclared prefix '{prefix}'")))?;
        Ok(Self {
            namespace,
            local: local.to_owned(),
            prefix: prefix.to_owned(),
        })
    }

    /// Writes the prefix that denotes the namespace where the value is
    /// written: the one it was read with when that still does.
    fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
        let prefix = match sink.scope() {
            Some(scope) => scope
                .qname_prefix(&self.prefix, &self.namespace)
                .ok_or_else(|| {
                    sink.invalid(format!(
                        "no prefix denotes '{}' where QName '{}' is written",
                        self.namespace, self.local
                    ))
                })?,
            None => self.prefix.clone().into(),
        };
        if !prefix.is_empty() {
            sink.push_str(&prefix)?;
            sink.push_plain(":");
        } else if !self.namespace.is_empty() {
            sink.note_unprefixed();
        }
        sink.push_str(&self.local)
    }

    /// Makes the namespace denotable on the open start tag: by the prefix
    /// it was read with, by the default namespace, or by another prefix.
    fn declare_namespaces(&self, w: &mut super::XmlWriter) {
        let (denoted, as_read) = {
            let scope = w.scope();
            (
                scope.qname_prefix("", &self.namespace).is_some(),
                self.prefix.is_empty() || scope.prefix_is(&self.prefix, &self.namespace),
            )
        };
        if as_read && (denoted || !self.prefix.is_empty()) {
            return;
        }
        if !self.prefix.is_empty() && !w.prefix_is_used_here(&self.prefix) {
            w.bind_prefix(self.prefix.clone().into(), self.namespace.clone().into());
        } else if self.namespace.is_empty() {
            // Only an unprefixed QName denotes no namespace, and only where
            // there is no default namespace.
            w.undeclare_default();
        } else if !denoted {
            w.ensure_prefix_for(self.namespace.clone().into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_forms_read_back_and_compare_as_text() {
        let short = DateTime::new(" 2015-09-17T08:30:00Z ").unwrap();
        let long = DateTime::new("2015-09-17T08:30:00.1234567+02:00").unwrap();
        assert_eq!(short.as_str(), "2015-09-17T08:30:00Z");
        assert_eq!(long.to_string(), "2015-09-17T08:30:00.1234567+02:00");
        assert!(long < short, "ordered as the text: . before Z");
        assert_eq!(
            long,
            DateTime::new("2015-09-17T08:30:00.1234567+02:00").unwrap()
        );
        assert_eq!(format!("{short:?}"), "DateTime(\"2015-09-17T08:30:00Z\")");
        assert_eq!(
            std::mem::size_of::<DateTime>(),
            std::mem::size_of::<String>()
        );
    }

    #[test]
    fn date_time_forms() {
        for ok in [
            "2015-09-17T08:30:00Z",
            "2015-09-17T08:30:00.123+02:00",
            "-0044-03-15T12:00:00",
        ] {
            assert!(DateTime::new(ok).is_ok(), "{ok}");
        }
        for bad in [
            "2015-13-01T00:00:00",
            "2015-09-17",
            "2015-09-17T8:30:00",
            "2015-09-17T08:30:00+2",
        ] {
            assert!(DateTime::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations() {
        for ok in ["P1Y2M3DT4H5M6.5S", "-PT30M", "P0D", "PT1S"] {
            assert!(Duration::new(ok).is_ok(), "{ok}");
        }
        for bad in ["P", "PT", "P1.5D", "1D", "P1DT", "PT1M1H"] {
            assert!(Duration::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn binary_round_trips() {
        let b: Base64Binary = super::super::parse_value("aGVs\n bG8=").unwrap();
        assert_eq!(b.0, b"hello");
        let h: HexBinary = super::super::parse_value("0aFF").unwrap();
        assert_eq!(h.0, vec![0x0a, 0xff]);
        assert!(super::super::parse_value::<HexBinary>("0g").is_err());
    }
}
