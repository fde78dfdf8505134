//! XML reading and writing for generated code.
//!
//! Generated types implement [`XmlWrite`] and [`XmlRead`]; global elements
//! also [`XmlElement`]. Simple types implement [`SimpleValue`]. Generated
//! code calls only what is public here, so this module is the contract
//! between `xsdgen` and the code it writes.

mod any;
mod bytes;
mod content;
mod decimal;
mod error;
mod escape;
pub mod facets;

mod lexer;
mod lexical;
mod mixed;
mod name;
mod nillable;
pub mod options;
mod pattern;
mod reader;
mod scope;
mod sequence;
mod stream;
mod traits;
mod value;
mod wildcard;
mod writer;
mod xsi_type;

pub use any::AnyElement;
pub use content::{read, text, text_or};
pub use decimal::Decimal;
pub use error::{ReadError, ReadErrorInfo, ReadErrorKind, ValueError, WriteError};
pub use lexical::{Base64Binary, Date, DateTime, Duration, HexBinary, QNameValue, Time};
pub use mixed::MixedText;
pub use name::{Name, ns};
pub use nillable::Nillable;
pub use options::{ReadOptions, ReadWarning, Undeclared};
pub use pattern::{
    Pattern, PatternError, translate as translate_pattern, validate as validate_pattern,
};
pub use reader::{Start, XmlReader};
pub use sequence::{Order, Particle, Sequence, group, present};
pub use stream::Children;
pub use traits::{Occurrences, XmlElement, XmlRead, XmlWrite, from_xml, to_xml};
pub use value::{
    NamespaceContext, NoNamespaces, SimpleValue, ValueSink, collapse, parse_value, value_to_string,
};
pub use wildcard::{AnyAttribute, AnyAttributes, Wildcard};
pub use writer::{WriteOptions, XmlWriter};
