//! XML reading and writing for generated code.
//!
//! Generated types implement [`XmlWrite`] and [`XmlRead`]; global elements
//! also [`XmlElement`]. Simple types implement [`SimpleValue`]. Generated
//! code calls only what is public here, so this module is the contract
//! between `xsdgen` and the code it writes.

mod any;
mod bytes;
mod content;
mod error;
mod escape;

mod lexer;
mod lexical;
mod name;
mod nillable;
mod reader;
mod traits;
mod value;
mod writer;

pub use any::AnyElement;
pub use error::{ReadError, ReadErrorInfo, ReadErrorKind, ValueError, WriteError};
pub use lexical::{Base64Binary, Date, DateTime, Decimal, Duration, HexBinary, QNameValue, Time};
pub use name::{Name, ns};
pub use nillable::Nillable;
pub use reader::{Start, XmlReader};
pub use traits::{XmlElement, XmlRead, XmlWrite, from_xml, to_xml};
pub use value::{
    NamespaceContext, NoNamespaces, SimpleValue, ValueSink, collapse, parse_value, value_to_string,
};
pub use writer::{WriteOptions, XmlWriter};
