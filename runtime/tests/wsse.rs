//! WS-Security UsernameToken: the header written, read back and verified,
//! replays, freshness, what is printed, and tokens written by zeep, an
//! independent implementation, accepted.
#![cfg(feature = "wsse")]

mod wsse_common;

use std::sync::Arc;
use std::time::Duration;

use wsse_common::*;
use xsdgen_runtime::auth::Secret;
use xsdgen_runtime::wsse::{
    FaultCode, Identity, PasswordKind, ReplayCache, SOAP12_NS, UsernameToken,
    UsernameTokenVerifier, WSSE_NS, WSU_NS, WsseError, find_in_envelope, read_security,
    read_security_xml,
};
use xsdgen_runtime::xml::{Name, XmlReader, XmlWriter, ns};

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, ns: &str, local: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|c| {
            c.is_element() && c.tag_name().namespace() == Some(ns) && c.tag_name().name() == local
        })
        .unwrap_or_else(|| panic!("no {{{ns}}}{local} in {:?}", node.tag_name()))
}

#[test]
fn header_is_namespace_well_formed_with_the_profile_names() {
    let token = UsernameToken::digest("alice", "secret").must_understand(ns::SOAP11);
    let xml = envelope(&token, ns::SOAP11, created(), &NONCE);
    let doc = roxmltree::Document::parse(&xml).expect("namespace-well-formed XML");
    let header = child(doc.root_element(), ns::SOAP11, "Header");
    let security = child(header, WSSE_NS, "Security");
    assert_eq!(
        security.attribute((ns::SOAP11, "mustUnderstand")),
        Some("1")
    );
    let token = child(security, WSSE_NS, "UsernameToken");
    let names: Vec<_> = token
        .children()
        .filter(|c| c.is_element())
        .map(|c| (c.tag_name().namespace().unwrap_or(""), c.tag_name().name()))
        .collect();
    assert_eq!(
        names,
        [
            (WSSE_NS, "Username"),
            (WSSE_NS, "Password"),
            (WSSE_NS, "Nonce"),
            (WSU_NS, "Created"),
        ]
    );
    assert_eq!(child(token, WSSE_NS, "Username").text(), Some("alice"));
    let password = child(token, WSSE_NS, "Password");
    assert_eq!(
        password.attribute("Type"),
        Some(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
        )
    );
    // python3: base64.b64encode(hashlib.sha1(bytes(range(16))
    //   + b"2026-12-03T14:00:00Z" + b"secret").digest())
    assert_eq!(password.text(), Some("7AFvYvBvGMRCODOpYGrH4S9pUp4="));
    let nonce = child(token, WSSE_NS, "Nonce");
    assert_eq!(
        nonce.attribute("EncodingType"),
        Some(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
        )
    );
    assert_eq!(nonce.text(), Some("AAECAwQFBgcICQoLDA0ODw=="));
    assert_eq!(
        child(token, WSU_NS, "Created").text(),
        Some("2026-12-03T14:00:00Z")
    );
    assert!(!xml.contains(">secret<"), "{xml}");
}

#[test]
fn text_password_is_escaped_and_must_understand_follows_the_envelope() {
    let token = UsernameToken::text("alice", "a<b&c\"d").must_understand(SOAP12_NS);
    let xml = envelope(&token, SOAP12_NS, created(), &NONCE);
    let doc = roxmltree::Document::parse(&xml).expect("namespace-well-formed XML");
    let header = child(doc.root_element(), SOAP12_NS, "Header");
    let security = child(header, WSSE_NS, "Security");
    assert_eq!(security.attribute((SOAP12_NS, "mustUnderstand")), Some("1"));
    assert_eq!(security.attribute((ns::SOAP11, "mustUnderstand")), None);
    let password = child(
        child(security, WSSE_NS, "UsernameToken"),
        WSSE_NS,
        "Password",
    );
    assert_eq!(password.text(), Some("a<b&c\"d"));

    let unmarked = envelope(
        &UsernameToken::text("alice", "x"),
        ns::SOAP11,
        created(),
        &NONCE,
    );
    assert!(!unmarked.contains("mustUnderstand"), "{unmarked}");
}

#[test]
fn digest_and_text_round_trip() {
    for kind in [PasswordKind::Digest, PasswordKind::Text] {
        let token = received(kind, &NONCE);
        assert_eq!(token.username, "alice");
        assert_eq!(token.nonce.as_deref(), Some(&NONCE[..]));
        assert_eq!(token.created.as_deref(), Some("2026-12-03T14:00:00Z"));
        assert_eq!(token.password.as_ref().map(|p| p.kind), Some(kind));
        assert_eq!(
            verifier().verify(&token, after(10)),
            Ok(Identity {
                username: "alice".into(),
                kind
            })
        );
    }
}

#[test]
fn header_entry_read_at_its_start_tag() {
    let xml = envelope(&alice(PasswordKind::Digest), ns::SOAP11, created(), &NONCE);
    let mut r = XmlReader::new(&xml);
    let _envelope = r.root().expect("root");
    let header = r.next_child().expect("xml").expect("a header");
    assert_eq!(header.local_name(), "Header");
    let entry = r.next_child().expect("xml").expect("an entry");
    let token = read_security(&mut r, &entry).expect("a token");
    assert!(verifier().verify(&token, after(1)).is_ok());
    // The reader is left after the entry's end tag.
    assert!(r.next_child().expect("xml").is_none());
}

#[test]
fn wrong_password_and_unknown_user_fail_alike() {
    for kind in [PasswordKind::Digest, PasswordKind::Text] {
        for token in [
            UsernameToken::new("alice", "hunter2-Correct-Horsf", kind),
            UsernameToken::new("alice", "", kind),
            UsernameToken::new("mallory", PASSWORD, kind),
        ] {
            let xml = envelope(&token, ns::SOAP11, created(), &NONCE);
            let received = find_in_envelope(xml.as_bytes()).expect("reads");
            let err = verifier().verify(&received, after(1)).expect_err("refused");
            assert_eq!(err, WsseError::WrongCredentials);
            assert_eq!(err.fault_code(), FaultCode::FailedAuthentication);
            assert_eq!(
                err.fault_code().name(),
                Name::new(WSSE_NS, "FailedAuthentication")
            );
        }
    }
}

#[test]
fn a_replayed_nonce_is_refused() {
    let verifier = verifier();
    let token = received(PasswordKind::Digest, &NONCE);
    assert!(verifier.verify(&token, after(1)).is_ok());
    let err = verifier.verify(&token, after(2)).expect_err("a replay");
    assert_eq!(err, WsseError::Replayed);
    assert_eq!(err.fault_code(), FaultCode::InvalidSecurity);
    // A new nonce from the same client is fine.
    let next = received(PasswordKind::Digest, b"another nonce 16");
    assert!(verifier.verify(&next, after(3)).is_ok());
}

#[test]
fn replays_are_caught_across_threads_sharing_a_cache() {
    let cache = Arc::new(ReplayCache::new(1000));
    let token = Arc::new(received(PasswordKind::Digest, &NONCE));
    let accepted: usize = (0..6)
        .map(|_| {
            let verifier = verifier().replay_cache(Arc::clone(&cache));
            let token = Arc::clone(&token);
            std::thread::spawn(move || verifier.verify(&token, after(1)).is_ok())
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| usize::from(h.join().expect("no panic")))
        .sum();
    assert_eq!(accepted, 1);
}

#[test]
fn a_failed_attempt_does_not_use_up_the_nonce() {
    let verifier = verifier();
    let forged = UsernameToken::digest("alice", "guess");
    let xml = envelope(&forged, ns::SOAP11, created(), &NONCE);
    let forged = find_in_envelope(xml.as_bytes()).expect("reads");
    assert_eq!(
        verifier.verify(&forged, after(1)),
        Err(WsseError::WrongCredentials)
    );
    assert!(verifier.cache().is_empty());
    let good = received(PasswordKind::Digest, &NONCE);
    assert!(verifier.verify(&good, after(2)).is_ok());
}

#[test]
fn stale_and_future_created_are_expired() {
    let token = received(PasswordKind::Digest, &NONCE);
    // The window is inclusive at five minutes.
    assert!(verifier().verify(&token, after(300)).is_ok());
    let err = verifier().verify(&token, after(301)).expect_err("stale");
    assert!(
        matches!(
            err,
            WsseError::Expired {
                age_secs: 301,
                window_secs: 300,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.fault_code(), FaultCode::MessageExpired);
    assert_eq!(err.fault_code().name(), Name::new(WSU_NS, "MessageExpired"));

    // Sixty seconds of skew are allowed, not sixty-one.
    assert!(
        verifier()
            .verify(&token, created() - Duration::from_secs(60))
            .is_ok()
    );
    let err = verifier()
        .verify(&token, created() - Duration::from_secs(61))
        .expect_err("from the future");
    assert!(
        matches!(err, WsseError::CreatedInFuture { ahead_secs: 61, .. }),
        "{err:?}"
    );
    assert_eq!(err.fault_code(), FaultCode::MessageExpired);

    let short = verifier()
        .freshness(Duration::from_secs(30))
        .clock_skew(Duration::ZERO);
    assert!(short.verify(&token, after(31)).is_err());
    assert!(
        short
            .verify(&token, created() - Duration::from_secs(1))
            .is_err()
    );
    assert!(short.verify(&token, after(30)).is_ok());
}

#[test]
fn the_cache_refuses_when_full() {
    let verifier = verifier().replay_cache(Arc::new(ReplayCache::new(1)));
    assert!(
        verifier
            .verify(&received(PasswordKind::Digest, &NONCE), after(1))
            .is_ok()
    );
    let err = verifier
        .verify(&received(PasswordKind::Digest, b"second"), after(2))
        .expect_err("full");
    assert_eq!(err, WsseError::ReplayCacheFull);
    assert!(err.is_temporary());
    assert_eq!(err.fault_code(), FaultCode::InvalidSecurity);
    // Once the first nonce's Created leaves the window, there is room.
    let later = UsernameToken::digest("alice", PASSWORD);
    let xml = envelope(&later, ns::SOAP11, after(400), b"third");
    let token = find_in_envelope(xml.as_bytes()).expect("reads");
    assert!(verifier.verify(&token, after(401)).is_ok());
}

#[test]
fn write_header_now_draws_a_new_nonce_each_time() {
    let token = alice(PasswordKind::Digest);
    let write = || {
        let mut w = XmlWriter::new();
        w.declare_prefix("soap", ns::SOAP11);
        w.start(Name::new(ns::SOAP11, "Header"));
        token.write_header_now(&mut w).expect("writes");
        w.end().expect("balanced");
        w.into_string()
    };
    let (first, second) = (write(), write());
    let read = |xml: &str| {
        let mut r = XmlReader::new(xml);
        let _header = r.root().expect("root");
        let entry = r.next_child().expect("xml").expect("entry");
        read_security(&mut r, &entry).expect("reads")
    };
    let (a, b) = (read(&first), read(&second));
    assert_eq!(a.nonce.as_ref().map(Vec::len), Some(16));
    assert_ne!(a.nonce, b.nonce);
    let verifier = verifier();
    assert!(verifier.verify_now(&a).is_ok());
    assert!(verifier.verify_now(&b).is_ok());
}

#[test]
fn nothing_prints_the_password() {
    let digest = xsdgen_runtime::wsse::digest::password_digest(
        &NONCE,
        "2026-12-03T14:00:00Z",
        &Secret::new(PASSWORD),
    );
    let token = alice(PasswordKind::Digest);
    let good = received(PasswordKind::Digest, &NONCE);
    let verifier = verifier();
    let mut printed = vec![
        format!("{token:?}"),
        format!("{:?}", received(PasswordKind::Text, &NONCE)),
        format!("{good:?}"),
    ];
    assert!(
        printed[0].contains("***") && printed[0].contains("alice"),
        "{}",
        printed[0]
    );
    let mut errors = vec![
        verifier.verify(&good, after(301)),
        verifier.verify(&good, created() - Duration::from_secs(61)),
        verifier
            .verify(&good, after(1))
            .and(verifier.verify(&good, after(2))),
    ];
    for case in [
        UsernameToken::text("alice", "wrong-but-distinctive"),
        UsernameToken::digest("alice", "wrong-but-distinctive"),
        // A password typed into the user name field.
        UsernameToken::text(PASSWORD, PASSWORD),
    ] {
        let xml = envelope(&case, ns::SOAP11, created(), b"per-case nonce");
        let t = find_in_envelope(xml.as_bytes()).expect("reads");
        errors.push(self::verifier().verify(&t, after(1)));
    }
    // A password put where only elements belong.
    let misplaced = security(&format!("{PASSWORD}<wsse:Username>a</wsse:Username>"));
    errors.push(read_security_xml(misplaced.as_bytes()).map(|_| Identity {
        username: String::new(),
        kind: PasswordKind::Text,
    }));
    for e in errors {
        let e = e.expect_err("each case is refused");
        printed.push(format!("{e} {e:?} {} {}", e.fault_code(), e.fault_string()));
    }
    printed.push(format!("{verifier:?}"));
    for p in &printed {
        assert!(!p.contains(PASSWORD), "{p}");
        assert!(!p.contains("wrong-but-distinctive"), "{p}");
        assert!(!p.contains(&digest), "{p}");
    }
    assert_eq!(printed.len(), 11);
}

/// A SOAP 1.1 request written by zeep 4.3.3's `UsernameToken`, run by hand
/// through `fixtures/wsse/zeep_tokens.py` (which says how): user "alice",
/// password "secret", `nonce="zeep-fixed-nonce"` and `created`
/// 2026-12-03T14:00:00 UTC fixed, as a digest with zeep's default
/// `+00:00` time, as a digest with `zulu_timestamp=True`, and as text.
fn zeep_fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/wsse/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn zeep_verifier() -> UsernameTokenVerifier<impl Fn(&str) -> Option<Secret>> {
    UsernameTokenVerifier::new(|user: &str| (user == "alice").then(|| Secret::new("secret")))
}

#[test]
fn zeep_tokens_are_accepted() {
    for (file, kind) in [
        ("zeep_digest.xml", PasswordKind::Digest),
        ("zeep_digest_zulu.xml", PasswordKind::Digest),
        ("zeep_text.xml", PasswordKind::Text),
    ] {
        let token = find_in_envelope(&zeep_fixture(file)).expect(file);
        let verifier = zeep_verifier();
        assert_eq!(
            verifier.verify(&token, after(30)),
            Ok(Identity {
                username: "alice".into(),
                kind
            }),
            "{file}"
        );
        if kind == PasswordKind::Digest {
            assert_eq!(
                verifier.verify(&token, after(31)),
                Err(WsseError::Replayed),
                "{file}"
            );
            assert!(matches!(
                zeep_verifier().verify(&token, after(301)),
                Err(WsseError::Expired { .. })
            ));
        }
    }
    // zeep's default Created is "+00:00", not "Z": the digest is over the
    // text as sent, so both verify, and they differ.
    let plus = find_in_envelope(&zeep_fixture("zeep_digest.xml")).expect("reads");
    assert_eq!(plus.created.as_deref(), Some("2026-12-03T14:00:00+00:00"));
    assert_eq!(plus.nonce.as_deref(), Some(&b"zeep-fixed-nonce"[..]));
}
