//! Phone calls placed by PlayOnPhone and PlayOnPhoneGreeting, each kept as
//! its planned life ([`CallSchedule`]); what state that means at a given
//! time is the `call` module's business, not the store's.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::{Store, StoreError, UserId};
use crate::call::{CallSchedule, Timestamp};

/// A call as placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    /// The call id as sent to the client (see `crate::call::CallId`).
    pub call_id: String,
    /// The item's entry id, or the greeting type for PlayOnPhoneGreeting.
    pub target: String,
    pub dial_string: String,
    pub schedule: CallSchedule,
}

impl Store {
    /// Records a newly placed call of `user`.
    pub fn start_call(&self, user: UserId, call: &CallRecord) -> Result<(), StoreError> {
        let s = &call.schedule;
        self.with_conn(|conn| {
            conn.execute(
                "INSERT INTO calls (call_id, user_id, target, dial_string, placed_ms,
                                    alerted_ms, connected_ms, ended_ms, end_cause)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    call.call_id,
                    user.0,
                    call.target,
                    call.dial_string,
                    s.placed.0,
                    s.alerted.map(|t| t.0),
                    s.connected.map(|t| t.0),
                    s.ended.0,
                    s.end_cause,
                ],
            )?;
            Ok(())
        })
    }

    /// The schedule of `user`'s call `call_id`; `None` when there is no such
    /// call or it belongs to someone else (the two are indistinguishable on
    /// purpose).
    pub fn call_schedule(
        &self,
        user: UserId,
        call_id: &str,
    ) -> Result<Option<CallSchedule>, StoreError> {
        self.with_conn(|conn| schedule_of(conn, user, call_id))
    }

    /// Disconnect: ends `user`'s call at `now` unless it is over already,
    /// and returns its schedule afterwards; `None` when there is no such
    /// call of theirs.
    pub fn hang_up_call(
        &self,
        user: UserId,
        call_id: &str,
        now: Timestamp,
    ) -> Result<Option<CallSchedule>, StoreError> {
        self.with_conn(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let Some(mut schedule) = schedule_of(&tx, user, call_id)? else {
                return Ok(None);
            };
            if schedule.hang_up(now) {
                tx.execute(
                    "UPDATE calls SET ended_ms = ?1, end_cause = ?2
                     WHERE call_id = ?3 AND user_id = ?4",
                    params![schedule.ended.0, schedule.end_cause, call_id, user.0],
                )?;
            }
            tx.commit()?;
            Ok(Some(schedule))
        })
    }
}

fn schedule_of(
    conn: &Connection,
    user: UserId,
    call_id: &str,
) -> Result<Option<CallSchedule>, StoreError> {
    let found = conn
        .query_row(
            "SELECT placed_ms, alerted_ms, connected_ms, ended_ms, end_cause
             FROM calls WHERE call_id = ?1 AND user_id = ?2",
            params![call_id, user.0],
            |row| {
                Ok(CallSchedule {
                    placed: Timestamp(row.get(0)?),
                    alerted: row.get::<_, Option<i64>>(1)?.map(Timestamp),
                    connected: row.get::<_, Option<i64>>(2)?.map(Timestamp),
                    ended: Timestamp(row.get(3)?),
                    end_cause: row.get(4)?,
                })
            },
        )
        .optional()?;
    Ok(found)
}
