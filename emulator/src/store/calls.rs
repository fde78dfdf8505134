//! Phone calls placed by PlayOnPhone and PlayOnPhoneGreeting.
//!
//! The emulator has no telephony: a call is "Connected" as soon as it is
//! placed and stays so until Disconnect, which is enough for a client to walk
//! through PlayOnPhone, GetCallInfo and Disconnect.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, UserId, schema};

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
    /// `UMCallState`.
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

/// A call as placed, for starting one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    /// Base64 of `<GUID>@<server FQDN>`.
    pub call_id: String,
    /// The item's entry id, or the greeting type for PlayOnPhoneGreeting.
    pub target: String,
    pub dial_string: String,
}

impl Store {
    /// Records a newly placed call of `user`, connected at once.
    pub fn start_call(&self, user: UserId, call: &CallRecord) -> Result<CallInfo, StoreError> {
        let info = CallInfo {
            state: CallState::Connected,
            event_cause: EventCause::None,
        };
        self.with_conn(|conn| {
            let sql = format!(
                "INSERT INTO calls (call_id, user_id, target, dial_string, state, event_cause,
                                    started)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, {})",
                schema::NOW
            );
            conn.execute(
                &sql,
                params![
                    call.call_id,
                    user.0,
                    call.target,
                    call.dial_string,
                    info.state,
                    info.event_cause
                ],
            )?;
            Ok(info)
        })
    }

    /// The state of `user`'s call `call_id`; `None` when there is no such call
    /// or it belongs to someone else (the two are indistinguishable on purpose).
    pub fn call_info(&self, user: UserId, call_id: &str) -> Result<Option<CallInfo>, StoreError> {
        self.with_conn(|conn| {
            let info = conn
                .query_row(
                    "SELECT state, event_cause FROM calls WHERE call_id = ?1 AND user_id = ?2",
                    params![call_id, user.0],
                    |row| {
                        Ok(CallInfo {
                            state: row.get(0)?,
                            event_cause: row.get(1)?,
                        })
                    },
                )
                .optional()?;
            Ok(info)
        })
    }

    /// Hangs up `user`'s call; `false` when there is no such call of theirs.
    /// Hanging up a call that has already ended succeeds again.
    pub fn disconnect_call(&self, user: UserId, call_id: &str) -> Result<bool, StoreError> {
        self.with_conn(|conn| {
            let changed = conn.execute(
                "UPDATE calls SET state = ?1 WHERE call_id = ?2 AND user_id = ?3",
                params![CallState::Disconnected, call_id, user.0],
            )?;
            Ok(changed > 0)
        })
    }
}
