use super::*;

const T0: Timestamp = Timestamp(1_000_000);

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// 10 ms to ring, answered 20 ms later, unanswered after 50 ms of ringing,
/// hung up after 30 ms on the line.
fn timings() -> CallTimings {
    CallTimings {
        connecting: ms(10),
        ringing: ms(20),
        no_answer_after: ms(50),
        connected_for: ms(30),
    }
}

fn at(schedule: &CallSchedule, millis: u64) -> (CallState, EventCause) {
    let info = schedule.info_at(T0.after(ms(millis)));
    (info.state, info.event_cause)
}

#[test]
fn an_answered_call_goes_through_every_state_and_ends_normally() {
    let call = CallSchedule::plan(T0, PhoneBehaviour::Answer, &timings());
    use CallState::*;
    let none = EventCause::None;
    assert_eq!(at(&call, 0), (Connecting, none));
    assert_eq!(at(&call, 9), (Connecting, none));
    assert_eq!(at(&call, 10), (Alerted, none));
    assert_eq!(at(&call, 29), (Alerted, none));
    assert_eq!(at(&call, 30), (Connected, none));
    assert_eq!(at(&call, 59), (Connected, none));
    assert_eq!(at(&call, 60), (Disconnected, none));
    assert_eq!(at(&call, 100_000), (Disconnected, none));
}

#[test]
fn failing_numbers_end_with_their_cause() {
    let t = timings();
    let no_answer = CallSchedule::plan(T0, PhoneBehaviour::NoAnswer, &t);
    assert_eq!(at(&no_answer, 10), (CallState::Alerted, EventCause::None));
    assert_eq!(at(&no_answer, 59), (CallState::Alerted, EventCause::None));
    assert_eq!(
        at(&no_answer, 60),
        (CallState::Disconnected, EventCause::NoAnswer)
    );
    for (behaviour, cause) in [
        (PhoneBehaviour::Busy, EventCause::UserBusy),
        (PhoneBehaviour::Unavailable, EventCause::Unavailable),
        (PhoneBehaviour::Fail, EventCause::Other),
    ] {
        let call = CallSchedule::plan(T0, behaviour, &t);
        assert_eq!(at(&call, 9), (CallState::Connecting, EventCause::None));
        assert_eq!(at(&call, 10), (CallState::Disconnected, cause));
        assert_eq!(call.alerted, None);
    }
}

#[test]
fn a_phone_that_rings_past_the_timeout_is_not_answered() {
    let slow = CallTimings {
        ringing: ms(50),
        ..timings()
    };
    let call = CallSchedule::plan(T0, PhoneBehaviour::Answer, &slow);
    assert_eq!(call.connected, None);
    assert_eq!(
        at(&call, 60),
        (CallState::Disconnected, EventCause::NoAnswer)
    );
}

#[test]
fn hanging_up_ends_a_call_in_any_state_but_not_an_ended_one_again() {
    let t = timings();
    for hang_up_at in [0, 15, 40] {
        let mut call = CallSchedule::plan(T0, PhoneBehaviour::Answer, &t);
        assert!(call.hang_up(T0.after(ms(hang_up_at))));
        assert_eq!(
            at(&call, hang_up_at),
            (CallState::Disconnected, EventCause::None)
        );
    }
    let mut busy = CallSchedule::plan(T0, PhoneBehaviour::Busy, &t);
    assert!(!busy.hang_up(T0.after(ms(20))));
    assert_eq!(
        at(&busy, 20),
        (CallState::Disconnected, EventCause::UserBusy)
    );
}

#[test]
fn zero_timings_connect_at_once() {
    let instant = CallTimings {
        connecting: Duration::ZERO,
        ringing: Duration::ZERO,
        ..timings()
    };
    let call = CallSchedule::plan(T0, PhoneBehaviour::Answer, &instant);
    assert_eq!(at(&call, 0), (CallState::Connected, EventCause::None));
}
