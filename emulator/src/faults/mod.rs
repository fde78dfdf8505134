//! Switches with which tests make the emulator misbehave the way an Exchange
//! front end does under load or failure.
//!
//! Faults apply to authenticated SOAP requests only (not to `?wsdl`, not to
//! `/mailbox`, not to requests answered with 401), so a test can count
//! exactly which calls of its client were affected. A request gets the
//! first of:
//!
//! 1. the fault named by its [`FAULT_HEADER`], when the emulator's config
//!    allows that header ([`EmulatorConfig::fault_header`]);
//! 2. the caller's own rules ([`FaultInjection::for_user`], or `fault` in
//!    the users file), in order, each for a number of requests or for all;
//! 3. the queue ([`FaultInjection::push`]), one fault per request;
//! 4. the standing fault ([`FaultInjection::set_standing`]).
//!
//! A delay ([`FaultInjection::set_delay`]) comes on top, before the request
//! is handled.
//!
//! [`EmulatorConfig::fault_header`]: crate::EmulatorConfig::fault_header

mod kind;

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

pub use kind::{DEFAULT_CAS_ERROR_CODE, FaultSpecError, InjectedFault};

/// The request header that names a fault for that request alone, in the
/// text form of [`InjectedFault`], e.g. `X-Emulator-Fault: busy;backoff=200`.
/// Honoured only when the emulator's config says so; ignored otherwise.
pub const FAULT_HEADER: &str = "X-Emulator-Fault";

/// A fault for some or all of a user's requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    pub fault: InjectedFault,
    /// How many requests it still applies to; `None`: every request.
    pub remaining: Option<u64>,
}

impl FaultRule {
    /// `fault` for every request, until cleared.
    pub fn always(fault: InjectedFault) -> Self {
        Self {
            fault,
            remaining: None,
        }
    }

    /// `fault` for the next `count` requests.
    pub fn times(count: u64, fault: InjectedFault) -> Self {
        Self {
            fault,
            remaining: Some(count),
        }
    }

    /// `fault` for the next request.
    pub fn once(fault: InjectedFault) -> Self {
        Self::times(1, fault)
    }
}

#[derive(Debug, Default)]
struct Plan {
    /// Per user, by lowercase logon name (logon names ignore case).
    users: HashMap<String, VecDeque<FaultRule>>,
    queued: VecDeque<InjectedFault>,
    standing: Option<InjectedFault>,
    delay: Duration,
}

/// The fault switches of one emulator; shared with the server through an `Arc`.
#[derive(Debug, Default)]
pub struct FaultInjection {
    plan: Mutex<Plan>,
    soap_requests: AtomicU64,
    faults_served: AtomicU64,
}

impl FaultInjection {
    /// No faults, no delay.
    pub fn new() -> Self {
        Self::default()
    }

    /// Serves `fault` to the next SOAP request that has no earlier queued fault.
    pub fn push(&self, fault: InjectedFault) {
        self.plan().queued.push_back(fault);
    }

    /// Serves `fault` to every SOAP request once the queue is empty, until
    /// [`clear`](Self::clear).
    pub fn set_standing(&self, fault: InjectedFault) {
        self.plan().standing = Some(fault);
    }

    /// Adds `rule` for the requests of the user logged on as `user`, after
    /// the rules it already has: a count-limited rule is used up first.
    pub fn for_user(&self, user: &str, rule: FaultRule) {
        if rule.remaining == Some(0) {
            return;
        }
        let mut plan = self.plan();
        plan.users
            .entry(user.to_lowercase())
            .or_default()
            .push_back(rule);
    }

    /// Removes the rules of `user`.
    pub fn clear_user(&self, user: &str) {
        self.plan().users.remove(&user.to_lowercase());
    }

    /// Waits `delay` before handling each SOAP request (zero: no delay).
    pub fn set_delay(&self, delay: Duration) {
        self.plan().delay = delay;
    }

    /// Removes every rule, queued and standing fault, and the delay.
    pub fn clear(&self) {
        *self.plan() = Plan::default();
    }

    /// Authenticated SOAP requests received so far, whether faulted or not.
    pub fn soap_requests(&self) -> u64 {
        self.soap_requests.load(Ordering::SeqCst)
    }

    /// Injected faults served so far.
    pub fn faults_served(&self) -> u64 {
        self.faults_served.load(Ordering::SeqCst)
    }

    /// Counts a request of `user` and decides its fate: the delay to wait,
    /// and the fault to serve if any. `requested` is the fault its header
    /// asked for, when the header is honoured.
    pub(crate) fn next_request(
        &self,
        user: &str,
        requested: Option<InjectedFault>,
    ) -> (Duration, Option<InjectedFault>) {
        self.soap_requests.fetch_add(1, Ordering::SeqCst);
        let mut plan = self.plan();
        let fault = requested
            .or_else(|| plan.user_rule(user))
            .or_else(|| plan.queued.pop_front())
            .or_else(|| plan.standing.clone());
        if fault.is_some() {
            self.faults_served.fetch_add(1, Ordering::SeqCst);
        }
        (plan.delay, fault)
    }

    fn plan(&self) -> MutexGuard<'_, Plan> {
        // The plan is plain data that no code path leaves half-written.
        self.plan.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Plan {
    /// The fault of `user`'s first rule, using up one of its requests.
    fn user_rule(&mut self, user: &str) -> Option<InjectedFault> {
        let key = user.to_lowercase();
        let rules = self.users.get_mut(&key)?;
        let rule = rules.front_mut()?;
        let fault = rule.fault.clone();
        if let Some(remaining) = &mut rule.remaining {
            *remaining = remaining.saturating_sub(1);
            if *remaining == 0 {
                rules.pop_front();
            }
        }
        if rules.is_empty() {
            self.users.remove(&key);
        }
        Some(fault)
    }
}

#[cfg(test)]
mod tests;
