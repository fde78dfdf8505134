//! Outbound calls placed by PlayOnPhone and PlayOnPhoneGreeting: their ids,
//! the emulated phone network, and the state each call is in over time.
//!
//! A call's whole life is planned when it is placed, from how the dialed
//! number behaves ([`PhoneBehaviour`]) and the [`CallTimings`]; GetCallInfo
//! reads the plan at the [`Clock`]'s current time and Disconnect cuts it
//! short. Nothing runs in the background, so a test with a [`ManualClock`]
//! moves a call through its states without sleeping.
//!
//! ```text
//!             connecting          ringing              connected_for
//! Connecting ──────────> Alerted ─────────> Connected ──────────────> Disconnected/None
//!     │ (busy, unavailable, fail) │ (no answer, after no_answer_after)
//!     └─> Disconnected/UserBusy,  └─> Disconnected/NoAnswer
//!         /Unavailable, /Other
//!
//! Disconnect, in any state before the end: Disconnected/None
//! ```
//!
//! `UMEventCause` has no value for "hung up": a call that ends normally,
//! whoever hangs up, reports `None`, the cause of an event that is not a
//! failure; the failure causes are kept for the calls that never connect.

mod clock;
mod dialing;
mod id;
mod phones;
mod schedule;
mod state;

use std::sync::Arc;

pub use clock::{Clock, ManualClock, SystemClock, Timestamp};
pub use dialing::{dial_digits, is_valid_dial_string};
pub use id::{CallId, CallIdError, RandomError};
pub use phones::{PhoneBehaviour, PhoneNetwork};
pub use schedule::{CallSchedule, CallTimings};
pub use state::{CallInfo, CallState, EventCause};

/// Everything the service needs to place and follow calls.
#[derive(Debug, Clone)]
pub struct CallConfig {
    pub timings: CallTimings,
    pub phones: PhoneNetwork,
    /// The time calls are read at; a [`ManualClock`] in tests.
    pub clock: Arc<dyn Clock>,
}

impl Default for CallConfig {
    /// Default timings, every number answers, the system clock.
    fn default() -> Self {
        Self {
            timings: CallTimings::default(),
            phones: PhoneNetwork::default(),
            clock: Arc::new(SystemClock),
        }
    }
}
