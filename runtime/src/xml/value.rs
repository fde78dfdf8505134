//! Simple values: the conversion between a Rust value and the lexical form
//! of an XML Schema simple type, for element text and attribute values.

use std::fmt::Write as _;

use super::escape::{InvalidChar, escape_attr, escape_text};
use super::scope::Scope;
use super::{Name, ValueError, WriteError, XmlWriter};

/// Resolves prefixes in QName-valued content during reading.
pub trait NamespaceContext {
    /// The namespace URI bound to `prefix` (`""` is the default namespace);
    /// `Some("")` when the default namespace is unset.
    fn resolve_prefix(&self, prefix: &str) -> Option<String>;
}

/// A context with no bindings, for values parsed outside a document.
pub struct NoNamespaces;

impl NamespaceContext for NoNamespaces {
    fn resolve_prefix(&self, prefix: &str) -> Option<String> {
        prefix.is_empty().then(String::new)
    }
}

/// Where a value writes its lexical form: escaped for text or for an
/// attribute, with the name of what is being written for errors.
pub struct ValueSink<'a> {
    out: &'a mut String,
    attribute: bool,
    name: Name,
    /// The namespaces in scope where the value is written (`None` outside
    /// a document), for QName values.
    scope: Option<Scope<'a>>,
    /// Where unprefixed QNames in the default namespace are noted (see
    /// `XmlWriter::undeclare_default`).
    unprefixed: Option<&'a mut Vec<usize>>,
}

impl<'a> ValueSink<'a> {
    pub(crate) fn text(out: &'a mut String, name: Name, scope: Option<Scope<'a>>) -> Self {
        Self {
            out,
            attribute: false,
            name,
            scope,
            unprefixed: None,
        }
    }

    pub(crate) fn attribute(
        out: &'a mut String,
        name: Name,
        scope: Scope<'a>,
        unprefixed: Option<&'a mut Vec<usize>>,
    ) -> Self {
        Self {
            out,
            attribute: true,
            name,
            scope: Some(scope),
            unprefixed,
        }
    }

    /// Notes that what is written next is an unprefixed name that relies
    /// on the default namespace.
    pub(crate) fn note_unprefixed(&mut self) {
        let at = self.out.len();
        if let Some(list) = self.unprefixed.as_deref_mut() {
            list.push(at);
        }
    }

    pub(crate) fn scope(&self) -> Option<Scope<'a>> {
        self.scope
    }

    /// Appends text, escaping what must be escaped.
    pub fn push_str(&mut self, s: &str) -> Result<(), WriteError> {
        let result = if self.attribute {
            escape_attr(self.out, s)
        } else {
            escape_text(self.out, s)
        };
        result.map_err(|InvalidChar(c)| WriteError::invalid_char(c, self.name))
    }

    /// Appends text known to need no escaping (digits, `true`, base64).
    pub fn push_plain(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Appends formatted output known to need no escaping.
    pub fn push_fmt(&mut self, args: std::fmt::Arguments<'_>) {
        // Writing into a String cannot fail.
        let _ = self.out.write_fmt(args);
    }

    pub fn invalid(&self, reason: impl Into<String>) -> WriteError {
        WriteError::InvalidValue {
            name: self.name.to_string(),
            reason: reason.into(),
        }
    }
}

/// A Rust type that stands for an XML Schema simple type.
pub trait SimpleValue: Sized {
    /// Parses the lexical form (whitespace as it appears in the document;
    /// implementations collapse it where the type's `whiteSpace` facet says so).
    fn parse_value(text: &str, ctx: &dyn NamespaceContext) -> Result<Self, ValueError>;

    fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError>;

    /// Declares namespaces the lexical form refers to (QName values) on the
    /// open start tag. Nothing for almost every type.
    fn declare_namespaces(&self, _w: &mut XmlWriter) {}
}

/// Parses a value with no namespace context: for tests, attributes of
/// fixed names and defaults from the schema.
pub fn parse_value<T: SimpleValue>(text: &str) -> Result<T, ValueError> {
    T::parse_value(text, &NoNamespaces)
}

/// The text of a value as it would be written in element content.
pub fn value_to_string<T: SimpleValue>(value: &T) -> Result<String, WriteError> {
    let mut out = String::new();
    value.write_value(&mut ValueSink::text(&mut out, Name::local("value"), None))?;
    Ok(out)
}

/// XML Schema's `collapse`: trim, and fold inner runs of whitespace.
pub fn collapse(text: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = text.trim_matches(is_xml_space);
    let needs_fold = trimmed
        .as_bytes()
        .windows(2)
        .any(|w| is_xml_space(w[0] as char) && is_xml_space(w[1] as char))
        || trimmed.contains(['\t', '\n', '\r']);
    if !needs_fold {
        return std::borrow::Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for (i, word) in trimmed
        .split(is_xml_space)
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    std::borrow::Cow::Owned(out)
}

pub(crate) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl SimpleValue for String {
    fn parse_value(text: &str, _: &dyn NamespaceContext) -> Result<Self, ValueError> {
        Ok(text.to_owned())
    }

    fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
        sink.push_str(self)
    }
}

impl SimpleValue for bool {
    fn parse_value(text: &str, _: &dyn NamespaceContext) -> Result<Self, ValueError> {
        match text.trim_matches(is_xml_space) {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(ValueError::new("expected a boolean (true, false, 1 or 0)")),
        }
    }

    fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
        sink.push_plain(if *self { "true" } else { "false" });
        Ok(())
    }
}

macro_rules! integer_value {
    ($($ty:ty => $what:literal),* $(,)?) => {$(
        impl SimpleValue for $ty {
            fn parse_value(text: &str, _: &dyn NamespaceContext) -> Result<Self, ValueError> {
                let t = text.trim_matches(is_xml_space);
                // XML Schema allows a leading '+', which Rust's parser
                // accepts too; it does not allow '_' or empty digits.
                t.parse::<$ty>().map_err(|e| ValueError::new(format!("expected {}: {e}", $what)))
            }

            fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
                sink.push_fmt(format_args!("{self}"));
                Ok(())
            }
        }
    )*};
}

integer_value! {
    i8 => "a byte (-128..=127)",
    i16 => "a short integer",
    i32 => "an int",
    i64 => "a long integer",
    u8 => "an unsigned byte",
    u16 => "an unsigned short",
    u32 => "an unsigned int",
    u64 => "an unsigned long",
}

macro_rules! float_value {
    ($($ty:ty),*) => {$(
        impl SimpleValue for $ty {
            fn parse_value(text: &str, _: &dyn NamespaceContext) -> Result<Self, ValueError> {
                match text.trim_matches(is_xml_space) {
                    "INF" | "+INF" => Ok(<$ty>::INFINITY),
                    "-INF" => Ok(<$ty>::NEG_INFINITY),
                    "NaN" => Ok(<$ty>::NAN),
                    // Rust also accepts "inf" and "infinity"; XML Schema does not.
                    t if t.bytes().any(|b| b.is_ascii_alphabetic() && b != b'e' && b != b'E') => {
                        Err(ValueError::new("expected a floating-point number"))
                    }
                    t => t.parse().map_err(|_| ValueError::new("expected a floating-point number")),
                }
            }

            fn write_value(&self, sink: &mut ValueSink<'_>) -> Result<(), WriteError> {
                if self.is_nan() {
                    sink.push_plain("NaN");
                } else if self.is_infinite() {
                    sink.push_plain(if *self > 0.0 { "INF" } else { "-INF" });
                } else {
                    sink.push_fmt(format_args!("{self}"));
                }
                Ok(())
            }
        }
    )*};
}

float_value!(f32, f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_accept_all_four_lexical_forms() {
        for (text, value) in [
            ("true", true),
            (" 1 ", true),
            ("false", false),
            ("0", false),
        ] {
            assert_eq!(parse_value::<bool>(text), Ok(value));
        }
        assert!(parse_value::<bool>("True").is_err());
    }

    #[test]
    fn integers_check_their_range() {
        assert_eq!(parse_value::<i8>("-128"), Ok(-128));
        assert!(parse_value::<i8>("128").is_err());
        assert!(parse_value::<u32>("-1").is_err());
        assert_eq!(parse_value::<i64>("+42"), Ok(42));
    }

    #[test]
    fn floats_use_schema_spellings() {
        assert_eq!(value_to_string(&f64::INFINITY).unwrap(), "INF");
        assert!(parse_value::<f64>("inf").is_err());
        assert_eq!(parse_value::<f32>("1.5E2"), Ok(150.0));
    }

    #[test]
    fn collapse_folds_whitespace() {
        assert_eq!(collapse("  a \n\t b  "), "a b");
        assert!(matches!(collapse("a b"), std::borrow::Cow::Borrowed(_)));
    }
}
