//! `UMCallState` and `UMEventCause`, as the store keeps them.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// The name used on the wire and in the database.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => stringify!($variant)),+ }
            }

            /// Parses the wire name; `None` for anything else.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $(stringify!($variant) => Some(Self::$variant),)+ _ => None }
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                Self::parse(text).ok_or_else(|| {
                    FromSqlError::Other(format!("unknown {} {text:?}", stringify!($name)).into())
                })
            }
        }
    };
}

wire_enum!(
    /// `UMCallState`. The emulator's calls go through Connecting, Alerted,
    /// Connected and Disconnected; the other states belong to inbound and
    /// transferred calls, which it does not place.
    CallState { Idle, Connecting, Alerted, Connected, Disconnected, Incoming, Transferring, Forwarding }
);

wire_enum!(
    /// `UMEventCause`; `Unavailable` is not in the documented list but occurs.
    EventCause { None, UserBusy, NoAnswer, Unavailable, Other }
);

/// The content of a GetCallInfo answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallInfo {
    pub state: CallState,
    pub event_cause: EventCause,
}
