//! XML Schema built-in types -> Rust types.
//!
//! | XSD | Rust |
//! |---|---|
//! | string, normalizedString, token, language, Name, NCName, ID, IDREF, ENTITY, NMTOKEN, anyURI, NOTATION, anySimpleType | `String` |
//! | NMTOKENS, IDREFS, ENTITIES | `String` (the whole whitespace-separated list) |
//! | gYear, gYearMonth, gMonth, gMonthDay, gDay | `String` |
//! | boolean | `bool` |
//! | byte, short, int, long | `i8`, `i16`, `i32`, `i64` |
//! | unsignedByte, unsignedShort, unsignedInt, unsignedLong | `u8`, `u16`, `u32`, `u64` |
//! | integer, nonPositiveInteger, negativeInteger | `i64` |
//! | nonNegativeInteger, positiveInteger | `u64` |
//! | decimal | `xml::Decimal` |
//! | float, double | `f32`, `f64` |
//! | dateTime, date, time, duration | `xml::DateTime`, `Date`, `Time`, `Duration` |
//! | base64Binary, hexBinary | `xml::Base64Binary`, `HexBinary` |
//! | QName | `xml::QNameValue` |
//! | anyType | `xml::AnyElement` (the element kept raw) |

use super::rust::{Primitive, ValueKind};
use crate::model::Builtin;

/// The Rust type of a built-in type and how it is read.
pub(crate) fn primitive(b: Builtin) -> (Primitive, ValueKind) {
    use Builtin as B;
    use Primitive as P;
    let p = match b {
        B::AnyType => return (P::Runtime("AnyElement"), ValueKind::Complex),
        B::AnySimpleType
        | B::String
        | B::NormalizedString
        | B::Token
        | B::Language
        | B::Name
        | B::NcName
        | B::NmToken
        | B::NmTokens
        | B::Id
        | B::IdRef
        | B::IdRefs
        | B::Entity
        | B::Entities
        | B::AnyUri
        | B::Notation
        | B::GYear
        | B::GYearMonth
        | B::GMonth
        | B::GMonthDay
        | B::GDay => P::String,
        B::Boolean => P::Bool,
        B::Byte => P::I8,
        B::Short => P::I16,
        B::Int => P::I32,
        B::Long | B::Integer | B::NonPositiveInteger | B::NegativeInteger => P::I64,
        B::UnsignedByte => P::U8,
        B::UnsignedShort => P::U16,
        B::UnsignedInt => P::U32,
        B::UnsignedLong | B::NonNegativeInteger | B::PositiveInteger => P::U64,
        B::Float => P::F32,
        B::Double => P::F64,
        B::Decimal => P::Runtime("Decimal"),
        B::DateTime => P::Runtime("DateTime"),
        B::Date => P::Runtime("Date"),
        B::Time => P::Runtime("Time"),
        B::Duration => P::Runtime("Duration"),
        B::Base64Binary => P::Runtime("Base64Binary"),
        B::HexBinary => P::Runtime("HexBinary"),
        B::QName => P::Runtime("QNameValue"),
    };
    (p, ValueKind::Simple)
}

/// Whether values of the built-in type are compared after whitespace
/// collapsing (every type but string and normalizedString).
pub(crate) fn collapses(b: Builtin) -> bool {
    !matches!(
        b,
        Builtin::String | Builtin::NormalizedString | Builtin::AnySimpleType
    )
}

/// Implicit range of the integer types XML Schema derives by bounds, which
/// the plan checks like a facet: (min, max) as literals.
pub(crate) fn implicit_bounds(b: Builtin) -> (Option<&'static str>, Option<&'static str>) {
    match b {
        Builtin::NonPositiveInteger => (None, Some("0")),
        Builtin::NegativeInteger => (None, Some("-1")),
        Builtin::PositiveInteger => (Some("1"), None),
        _ => (None, None),
    }
}
