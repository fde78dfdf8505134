use std::time::Duration;

use super::*;

#[test]
fn queue_first_then_standing_then_nothing() {
    let faults = FaultInjection::new();
    faults.push(InjectedFault::HtmlError);
    faults.set_standing(InjectedFault::DropAfterApply);
    faults.set_delay(Duration::from_millis(5));
    assert_eq!(
        faults.next_request("alice", None),
        (Duration::from_millis(5), Some(InjectedFault::HtmlError))
    );
    assert_eq!(
        faults.next_request("alice", None).1,
        Some(InjectedFault::DropAfterApply)
    );
    faults.clear();
    assert_eq!(faults.next_request("alice", None), (Duration::ZERO, None));
    assert_eq!((faults.soap_requests(), faults.faults_served()), (3, 2));
}

#[test]
fn user_rules_are_counted_per_user_and_come_before_the_queue() {
    let faults = FaultInjection::new();
    faults.push(InjectedFault::HtmlError);
    faults.for_user("Alice", FaultRule::times(2, InjectedFault::AccountLocked));
    faults.for_user("alice", FaultRule::always(InjectedFault::TruncatedBody));
    faults.for_user("bob", FaultRule::times(0, InjectedFault::AccountLocked));
    let next = |user| faults.next_request(user, None).1;
    assert_eq!(next("ALICE"), Some(InjectedFault::AccountLocked));
    assert_eq!(next("bob"), Some(InjectedFault::HtmlError), "the queue");
    assert_eq!(next("alice"), Some(InjectedFault::AccountLocked));
    for _ in 0..3 {
        assert_eq!(next("alice"), Some(InjectedFault::TruncatedBody));
    }
    assert_eq!(next("bob"), None);
    faults.clear_user("alice");
    assert_eq!(next("alice"), None);
}

#[test]
fn the_header_fault_wins() {
    let faults = FaultInjection::new();
    faults.for_user("alice", FaultRule::once(InjectedFault::HtmlError));
    let busy = InjectedFault::ServerBusy { back_off: None };
    assert_eq!(
        faults.next_request("alice", Some(busy.clone())).1,
        Some(busy)
    );
    assert_eq!(
        faults.next_request("alice", None).1,
        Some(InjectedFault::HtmlError),
        "the rule was not used up by the header's request"
    );
}

#[test]
fn text_forms_read_back() {
    let cases = [
        ("busy", InjectedFault::ServerBusy { back_off: None }),
        (
            "busy;backoff=200",
            InjectedFault::ServerBusy {
                back_off: Some(Duration::from_millis(200)),
            },
        ),
        (
            "unavailable;retry-after=2",
            InjectedFault::ServiceUnavailable {
                retry_after: Some(Duration::from_secs(2)),
            },
        ),
        (
            "unavailable",
            InjectedFault::ServiceUnavailable { retry_after: None },
        ),
        ("html", InjectedFault::HtmlError),
        ("locked", InjectedFault::AccountLocked),
        (
            "cas;status=401;code=AuthFailure",
            InjectedFault::CasError {
                status: 401,
                code: "AuthFailure".to_owned(),
            },
        ),
        (
            "slow;delay=1500",
            InjectedFault::Slow {
                delay: Duration::from_millis(1500),
            },
        ),
        ("truncate", InjectedFault::TruncatedBody),
        ("drop", InjectedFault::DropAfterApply),
    ];
    for (text, fault) in cases {
        assert_eq!(text.parse::<InjectedFault>().as_ref(), Ok(&fault), "{text}");
        assert_eq!(fault.to_string().parse::<InjectedFault>(), Ok(fault));
    }
    assert_eq!(
        " Busy ; BackOff = 5 ;".parse::<InjectedFault>(),
        Ok(InjectedFault::ServerBusy {
            back_off: Some(Duration::from_millis(5))
        })
    );
    assert_eq!(
        "456".parse::<InjectedFault>(),
        Ok(InjectedFault::AccountLocked)
    );
    assert_eq!(
        "cas".parse::<InjectedFault>(),
        Ok(InjectedFault::CasError {
            status: 500,
            code: DEFAULT_CAS_ERROR_CODE.to_owned()
        })
    );
}

#[test]
fn bad_text_forms_say_why() {
    let err = |text: &str| text.parse::<InjectedFault>().err();
    assert_eq!(err(""), Some(FaultSpecError::Empty));
    assert!(matches!(err("bsy"), Some(FaultSpecError::UnknownKind(_))));
    assert!(matches!(
        err("html;backoff=1"),
        Some(FaultSpecError::UnknownKey { kind: "html", .. })
    ));
    assert!(matches!(
        err("busy;backoff"),
        Some(FaultSpecError::MissingValue(_))
    ));
    for bad in [
        "busy;backoff=-1",
        "busy;backoff=1.5",
        "unavailable;retry-after=x",
        "cas;status=200",
        "cas;status=99999",
        "cas;code=a b",
        "cas;code=a\r\nSet-Cookie: x",
        "slow;delay=",
    ] {
        assert!(
            matches!(err(bad), Some(FaultSpecError::BadValue { .. })),
            "{bad}: {:?}",
            err(bad)
        );
    }
}
