//! Switches with which tests make the emulator misbehave the way an Exchange
//! front end does under load or failure.
//!
//! Faults apply to authenticated SOAP requests only (not to `?wsdl`, not to
//! `/mailbox`, not to requests answered with 401), so a test can count
//! exactly which calls of its client were affected. Queued faults are served
//! one per request, in order; a standing fault applies to every request while
//! the queue is empty.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// One way of not answering normally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InjectedFault {
    /// HTTP 500 SOAP fault `ErrorServerBusy` with `BackOffMilliseconds` in
    /// `MessageXml`, as EWS throttling answers. The operation is not executed.
    ServerBusy { back_off: Duration },
    /// HTTP 503, with `Retry-After` in whole seconds when given. Not executed.
    ServiceUnavailable { retry_after: Option<Duration> },
    /// HTTP 500 with an HTML error page instead of SOAP. Not executed.
    HtmlError,
    /// Execute the operation, commit it, then close the TCP connection without
    /// sending any response: the client cannot know the outcome.
    DropAfterApply,
}

#[derive(Debug, Default)]
struct Plan {
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

    /// Waits `delay` before handling each SOAP request (zero: no delay).
    pub fn set_delay(&self, delay: Duration) {
        self.plan().delay = delay;
    }

    /// Removes queued and standing faults and the delay.
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

    /// Counts a request and decides its fate: the delay to wait, and the fault
    /// to serve if any.
    pub(crate) fn next_request(&self) -> (Duration, Option<InjectedFault>) {
        self.soap_requests.fetch_add(1, Ordering::SeqCst);
        let mut plan = self.plan();
        let fault = plan.queued.pop_front().or_else(|| plan.standing.clone());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_first_then_standing_then_nothing() {
        let faults = FaultInjection::new();
        faults.push(InjectedFault::HtmlError);
        faults.set_standing(InjectedFault::DropAfterApply);
        faults.set_delay(Duration::from_millis(5));
        assert_eq!(
            faults.next_request(),
            (Duration::from_millis(5), Some(InjectedFault::HtmlError))
        );
        assert_eq!(faults.next_request().1, Some(InjectedFault::DropAfterApply));
        faults.clear();
        assert_eq!(faults.next_request(), (Duration::ZERO, None));
        assert_eq!((faults.soap_requests(), faults.faults_served()), (3, 2));
    }
}
