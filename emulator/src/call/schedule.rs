//! A call's life, planned when it is placed and read at any time.

use std::time::Duration;

use super::clock::Timestamp;
use super::phones::PhoneBehaviour;
use super::state::{CallInfo, CallState, EventCause};

/// How long each stage of a call lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallTimings {
    /// From placing the call to the far end ringing (Alerted), or to the
    /// failure of a busy, unavailable or failing number.
    pub connecting: Duration,
    /// How long an answering number rings before it is picked up.
    pub ringing: Duration,
    /// How long a number rings before the call gives up with `NoAnswer`;
    /// an answering number whose `ringing` is not shorter never answers.
    pub no_answer_after: Duration,
    /// How long the far end stays on the line once connected before it
    /// hangs up (the item or greeting has been played by then).
    pub connected_for: Duration,
}

impl Default for CallTimings {
    /// Of the order of a real call: 1 s to ring, answered after 4 s,
    /// unanswered after 30 s, hung up after a minute.
    fn default() -> Self {
        Self {
            connecting: Duration::from_secs(1),
            ringing: Duration::from_secs(4),
            no_answer_after: Duration::from_secs(30),
            connected_for: Duration::from_secs(60),
        }
    }
}

/// When a call enters each state, and how it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallSchedule {
    pub placed: Timestamp,
    /// When the far end starts ringing; never for a number that fails.
    pub alerted: Option<Timestamp>,
    /// When the far end answers; never for one that does not.
    pub connected: Option<Timestamp>,
    /// When the call is over, by itself or by Disconnect.
    pub ended: Timestamp,
    /// The cause reported once it is over.
    pub end_cause: EventCause,
}

impl CallSchedule {
    /// The life of a call placed at `placed` to a number that behaves as
    /// `behaviour`.
    pub fn plan(placed: Timestamp, behaviour: PhoneBehaviour, timings: &CallTimings) -> Self {
        let reached = placed.after(timings.connecting);
        let failed = |end_cause| Self {
            placed,
            alerted: None,
            connected: None,
            ended: reached,
            end_cause,
        };
        match behaviour {
            PhoneBehaviour::Answer if timings.ringing < timings.no_answer_after => {
                let connected = reached.after(timings.ringing);
                Self {
                    placed,
                    alerted: Some(reached),
                    connected: Some(connected),
                    ended: connected.after(timings.connected_for),
                    end_cause: EventCause::None,
                }
            }
            PhoneBehaviour::Answer | PhoneBehaviour::NoAnswer => Self {
                placed,
                alerted: Some(reached),
                connected: None,
                ended: reached.after(timings.no_answer_after),
                end_cause: EventCause::NoAnswer,
            },
            PhoneBehaviour::Busy => failed(EventCause::UserBusy),
            PhoneBehaviour::Unavailable => failed(EventCause::Unavailable),
            PhoneBehaviour::Fail => failed(EventCause::Other),
        }
    }

    /// The state and cause GetCallInfo reports at `now`.
    pub fn info_at(&self, now: Timestamp) -> CallInfo {
        let state = if now >= self.ended {
            return CallInfo {
                state: CallState::Disconnected,
                event_cause: self.end_cause,
            };
        } else if self.connected.is_some_and(|at| now >= at) {
            CallState::Connected
        } else if self.alerted.is_some_and(|at| now >= at) {
            CallState::Alerted
        } else {
            CallState::Connecting
        };
        CallInfo {
            state,
            event_cause: EventCause::None,
        }
    }

    /// Disconnect at `now`: a call not over yet ends now, normally. Returns
    /// whether anything changed (a call already over keeps its end).
    pub fn hang_up(&mut self, now: Timestamp) -> bool {
        if now >= self.ended {
            return false;
        }
        self.ended = now;
        self.end_cause = EventCause::None;
        true
    }
}

#[cfg(test)]
mod tests;
