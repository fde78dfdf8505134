//! The built-in datatypes of XML Schema 1.0 part 2 that the model knows by
//! name. The Rust shape of each is decided by the plan stage, not here.

/// Namespace of the XML Schema built-in types.
pub const XS_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema";

macro_rules! builtins {
    ($($variant:ident = $name:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Builtin {
            $($variant,)*
        }

        impl Builtin {
            /// Looks up a local name in the XML Schema namespace.
            pub fn from_local_name(local: &str) -> Option<Self> {
                match local {
                    $($name => Some(Self::$variant),)*
                    _ => None,
                }
            }

            pub fn local_name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }
        }
    };
}

builtins! {
    AnyType = "anyType",
    AnySimpleType = "anySimpleType",
    String = "string",
    NormalizedString = "normalizedString",
    Token = "token",
    Language = "language",
    Name = "Name",
    NcName = "NCName",
    NmToken = "NMTOKEN",
    NmTokens = "NMTOKENS",
    Id = "ID",
    IdRef = "IDREF",
    IdRefs = "IDREFS",
    Entity = "ENTITY",
    Entities = "ENTITIES",
    Boolean = "boolean",
    Decimal = "decimal",
    Integer = "integer",
    NonPositiveInteger = "nonPositiveInteger",
    NegativeInteger = "negativeInteger",
    NonNegativeInteger = "nonNegativeInteger",
    PositiveInteger = "positiveInteger",
    Long = "long",
    Int = "int",
    Short = "short",
    Byte = "byte",
    UnsignedLong = "unsignedLong",
    UnsignedInt = "unsignedInt",
    UnsignedShort = "unsignedShort",
    UnsignedByte = "unsignedByte",
    Float = "float",
    Double = "double",
    DateTime = "dateTime",
    Date = "date",
    Time = "time",
    Duration = "duration",
    GYear = "gYear",
    GYearMonth = "gYearMonth",
    GMonth = "gMonth",
    GMonthDay = "gMonthDay",
    GDay = "gDay",
    Base64Binary = "base64Binary",
    HexBinary = "hexBinary",
    AnyUri = "anyURI",
    QName = "QName",
    Notation = "NOTATION",
}
