//! The messages and the NTLMv2 computation against the published test
//! vectors of [MS-NLMP] 4.2.1 (common values) and 4.2.4 (NTLMv2), and the
//! readers against truncated and hostile input.

use super::*;

/// 4.2.1: user "User", domain "Domain", password "Password", server
/// challenge 0123456789abcdef, client challenge aa..aa, time 0.
const SERVER_CHALLENGE: [u8; 8] = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef];
const CLIENT_CHALLENGE: [u8; 8] = [0xaa; 8];

/// 4.2.4.3: the CHALLENGE_MESSAGE.
const CHALLENGE: &str = "4e544c4d53535000020000000c000c003800000033828ae2\
    0123456789abcdef00000000000000002400240044000000060070170000000f\
    53006500720076006500720002000c0044006f006d00610069006e0001000c00\
    53006500720076006500720000000000";

/// 4.2.4.3: the AUTHENTICATE_MESSAGE (with the Version field).
const AUTHENTICATE: &str = "4e544c4d5353500003000000180018006c00000054005400\
    840000000c000c0048000000080008005400000010001000\
    5c00000010001000d8000000358288e20501280a0000000f\
    44006f006d00610069006e00550073006500720043004f00\
    4d005000550054004500520086c35097ac9cec102554764a\
    57cccc19aaaaaaaaaaaaaaaa68cd0ab851e51c96aabc927b\
    ebef6a1c01010000000000000000000000000000aaaaaaaa\
    aaaaaaaa0000000002000c0044006f006d00610069006e00\
    01000c005300650072007600650072000000000000000000\
    c5dad2544fc9799094ce1ce90bc9d03e";

/// 4.2.4: MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server".
const TARGET_INFO: &str =
    "02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000";

/// 4.2.4.2.2: NTProofStr followed by temp.
const NT_RESPONSE: &str = "68cd0ab851e51c96aabc927bebef6a1c\
    01010000000000000000000000000000aaaaaaaaaaaaaaaa00000000\
    02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000\
    00000000";

fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks_exact(2)
        .map(|pair| {
            let s = std::str::from_utf8(pair).expect("hex digits are ASCII");
            u8::from_str_radix(s, 16).expect("two hex digits")
        })
        .collect()
}

fn hex16(text: &str) -> [u8; 16] {
    hex(text).try_into().expect("16 bytes")
}

fn credentials() -> NtlmCredentials {
    NtlmCredentials::new("Domain\\User", "Password")
}

#[test]
fn nt_hash_of_password() {
    // 4.2.2.1.2 NTOWFv1 ("Password").
    let hash = NtHash::from_password("Password");
    assert_eq!(
        hash.expose_bytes(),
        &hex16("a4f49c406510bdcab6824ee7c30fd852")
    );
    assert_eq!(hash.expose_hex(), "a4f49c406510bdcab6824ee7c30fd852");
    assert_eq!(NtHash::from_hex(&hash.expose_hex()), Some(hash));
    assert_eq!(NtHash::from_hex("a4f4"), None);
    assert_eq!(NtHash::from_hex(&"zz".repeat(16)), None);
}

#[test]
fn ntowfv2() {
    // 4.2.4.1.1
    let key = NtHash::from_password("Password").response_key("User", "Domain");
    assert_eq!(
        key.expose_bytes(),
        &hex16("0c868a403bfd7a93a3001ef22ef02e3f")
    );
    // The user name is case-insensitive, the domain is not.
    let upper = NtHash::from_password("Password").response_key("USER", "Domain");
    assert_eq!(upper, key);
    let domain = NtHash::from_password("Password").response_key("User", "DOMAIN");
    assert_ne!(domain, key);
}

#[test]
fn lmv2_response_vector() {
    // 4.2.4.2.1
    let key = NtHash::from_password("Password").response_key("User", "Domain");
    let lm = lmv2_response(&key, &SERVER_CHALLENGE, &CLIENT_CHALLENGE);
    assert_eq!(
        lm.to_vec(),
        hex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa")
    );
}

#[test]
fn ntlmv2_response_and_session_base_key() {
    // 4.2.4.2.2 and 4.2.4.1.2
    let key = NtHash::from_password("Password").response_key("User", "Domain");
    let (response, session) = ntlmv2_response(
        &key,
        &SERVER_CHALLENGE,
        &CLIENT_CHALLENGE,
        0,
        &hex(TARGET_INFO),
    );
    assert_eq!(response, hex(NT_RESPONSE));
    assert_eq!(
        session.expose_bytes(),
        &hex16("8de40ccadbc14a82f15cb0ad0de95ca3")
    );
}

#[test]
fn the_server_verifies_the_vector_and_refuses_tampering() {
    let hash = NtHash::from_password("Password");
    let response = hex(NT_RESPONSE);
    let session = verify_ntlmv2(&hash, "User", "Domain", &SERVER_CHALLENGE, &response)
        .expect("the published response verifies");
    assert_eq!(
        session.expose_bytes(),
        &hex16("8de40ccadbc14a82f15cb0ad0de95ca3")
    );
    // Any flipped bit, in the proof or in the blob it covers, fails.
    for at in [0, 15, 16 + 8, 16 + 20, response.len() - 5] {
        let mut tampered = response.clone();
        tampered[at] ^= 0x01;
        assert!(
            verify_ntlmv2(&hash, "User", "Domain", &SERVER_CHALLENGE, &tampered).is_err(),
            "byte {at}"
        );
    }
    let wrong = NtHash::from_password("password");
    assert_eq!(
        verify_ntlmv2(&wrong, "User", "Domain", &SERVER_CHALLENGE, &response),
        Err(NtlmError::Mismatch)
    );
    let other_challenge = [0u8; 8];
    assert_eq!(
        verify_ntlmv2(&hash, "User", "Domain", &other_challenge, &response),
        Err(NtlmError::Mismatch)
    );
    // An NTLMv1 response (24 bytes) or a blob of the wrong version.
    assert_eq!(
        verify_ntlmv2(&hash, "User", "Domain", &SERVER_CHALLENGE, &[0; 24]),
        Err(NtlmError::NotNtlmV2)
    );
    let mut v3 = response.clone();
    v3[16] = 3;
    assert_eq!(
        verify_ntlmv2(&hash, "User", "Domain", &SERVER_CHALLENGE, &v3),
        Err(NtlmError::NotNtlmV2)
    );
}

#[test]
fn challenge_message_vector() {
    let bytes = hex(CHALLENGE);
    let challenge = ChallengeMessage::decode(&bytes).expect("the vector decodes");
    assert_eq!(challenge.flags, NegotiateFlags(0xe28a_8233));
    assert_eq!(challenge.target_name, "Server");
    assert_eq!(challenge.server_challenge, SERVER_CHALLENGE);
    assert_eq!(challenge.target_info, hex(TARGET_INFO));
    assert_eq!(
        challenge.version,
        Some(Version {
            major: 6,
            minor: 0,
            build: 6000,
            revision: 15
        })
    );
    let info = TargetInfo::parse(&challenge.target_info).expect("AV pairs");
    assert_eq!(info.text(AvId::NbDomainName).as_deref(), Some("Domain"));
    assert_eq!(info.text(AvId::NbComputerName).as_deref(), Some("Server"));
    assert_eq!(info.timestamp(), None);
    assert_eq!(info.encode().expect("encodes"), challenge.target_info);
    assert_eq!(challenge.encode().expect("encodes"), bytes);
}

#[test]
fn authenticate_message_vector() {
    let bytes = hex(AUTHENTICATE);
    let message = AuthenticateMessage::decode(&bytes).expect("the vector decodes");
    assert_eq!(message.flags, NegotiateFlags(0xe288_8235));
    assert_eq!(message.domain, "Domain");
    assert_eq!(message.user, "User");
    assert_eq!(message.workstation, "COMPUTER");
    assert_eq!(
        message.lm_response,
        hex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa")
    );
    assert_eq!(message.nt_response, hex(NT_RESPONSE));
    assert_eq!(
        message.encrypted_session_key,
        hex("c5dad2544fc9799094ce1ce90bc9d03e")
    );
    assert_eq!(message.mic, None);
    assert_eq!(message.encode().expect("encodes"), bytes);
    let hash = NtHash::from_password("Password");
    assert!(
        verify_ntlmv2(
            &hash,
            &message.user,
            &message.domain,
            &SERVER_CHALLENGE,
            &message.nt_response
        )
        .is_ok()
    );
}

#[test]
fn the_initiator_reproduces_the_vector_responses() {
    let challenge = ChallengeMessage::decode(&hex(CHALLENGE)).expect("decodes");
    let creds = credentials().workstation("COMPUTER");
    let message = Initiator::new(&creds)
        .authenticate_with(&challenge, CLIENT_CHALLENGE, 0)
        .expect("answers");
    assert_eq!(message.nt_response, hex(NT_RESPONSE));
    assert_eq!(
        message.lm_response,
        hex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa")
    );
    assert_eq!(
        (
            message.user.as_str(),
            message.domain.as_str(),
            message.workstation.as_str()
        ),
        ("User", "Domain", "COMPUTER")
    );
    assert!(message.flags.contains(NegotiateFlags::UNICODE));
    assert!(!message.flags.contains(NegotiateFlags::KEY_EXCHANGE));
    assert!(!message.flags.contains(NegotiateFlags::SEAL));
    let encoded = message.encode().expect("encodes");
    assert_eq!(
        AuthenticateMessage::decode(&encoded).expect("decodes"),
        message
    );
}

#[test]
fn with_a_server_timestamp_the_lm_response_is_zero_and_the_time_is_the_servers() {
    let mut info = TargetInfo::parse(&hex(TARGET_INFO)).expect("AV pairs");
    info.pairs.push(AvPair::timestamp(0x01d0_0000_0000_0000));
    let challenge = ChallengeMessage {
        target_info: info.encode().expect("encodes"),
        ..ChallengeMessage::decode(&hex(CHALLENGE)).expect("decodes")
    };
    let message = Initiator::new(&credentials())
        .authenticate_with(&challenge, CLIENT_CHALLENGE, 42)
        .expect("answers");
    assert_eq!(message.lm_response, vec![0; 24]);
    assert_eq!(
        &message.nt_response[24..32],
        &0x01d0_0000_0000_0000u64.to_le_bytes()
    );
    let hash = NtHash::from_password("Password");
    assert!(
        verify_ntlmv2(
            &hash,
            "User",
            "Domain",
            &SERVER_CHALLENGE,
            &message.nt_response
        )
        .is_ok()
    );
}

#[test]
fn the_negotiate_message_round_trips() {
    let bytes = Initiator::new(&credentials()).negotiate().expect("encodes");
    assert!(is_ntlmssp(&bytes));
    assert_eq!(bytes.len(), 32);
    let message = NegotiateMessage::decode(&bytes).expect("decodes");
    assert!(
        message
            .flags
            .contains(NegotiateFlags::NTLM | NegotiateFlags::UNICODE)
    );
    assert!(!message.flags.contains(NegotiateFlags::DOMAIN_SUPPLIED));
    let named = NegotiateMessage {
        domain: "CONTOSO".into(),
        workstation: "WS01".into(),
        version: Some(Version {
            major: 10,
            minor: 0,
            build: 19041,
            revision: 15,
        }),
        ..message
    };
    let again = NegotiateMessage::decode(&named.encode().expect("encodes")).expect("decodes");
    assert!(
        again
            .flags
            .contains(NegotiateFlags::DOMAIN_SUPPLIED | NegotiateFlags::VERSION)
    );
    assert_eq!(
        (again.domain.as_str(), again.workstation.as_str()),
        ("CONTOSO", "WS01")
    );
    assert_eq!(again.version, named.version);
}

#[test]
fn oem_strings_and_a_mic_are_read() {
    let challenge = ChallengeMessage::decode(&hex(CHALLENGE)).expect("decodes");
    let mut message = Initiator::new(&credentials())
        .authenticate_with(&challenge, CLIENT_CHALLENGE, 0)
        .expect("answers");
    message.flags = message.flags.without(NegotiateFlags::UNICODE) | NegotiateFlags::OEM;
    message.mic = Some([7; 16]);
    let bytes = message.encode().expect("encodes");
    let read = AuthenticateMessage::decode(&bytes).expect("decodes");
    assert_eq!(read.user, "User");
    assert_eq!(read.mic, Some([7; 16]));
    assert_eq!(read, message);
}

#[test]
fn every_truncation_of_the_vectors_is_an_error_not_a_panic() {
    let authenticate = hex(AUTHENTICATE);
    for len in 0..authenticate.len() {
        assert!(
            AuthenticateMessage::decode(&authenticate[..len]).is_err(),
            "{len}"
        );
    }
    let challenge = hex(CHALLENGE);
    for len in 0..challenge.len() {
        // A challenge cut right after the fixed fields of the NT4 format
        // is still a valid (old) challenge; anything else is an error.
        let _ = ChallengeMessage::decode(&challenge[..len]);
    }
    for len in 0..48 {
        assert!(
            ChallengeMessage::decode(&challenge[..len]).is_err(),
            "{len}"
        );
    }
}

#[test]
fn hostile_fields_are_refused() {
    let mut bytes = hex(AUTHENTICATE);
    // UserName pointing far outside the message.
    bytes[40..44].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(
        AuthenticateMessage::decode(&bytes),
        Err(NtlmError::OutOfBounds { field: "UserName" })
    );
    // An odd length for a Unicode string.
    let mut bytes = hex(AUTHENTICATE);
    bytes[36] = 7;
    assert_eq!(
        AuthenticateMessage::decode(&bytes),
        Err(NtlmError::BadUnicode { field: "UserName" })
    );
    // Wrong signature or type.
    assert_eq!(
        ChallengeMessage::decode(b"NTLMSSQ\0\x02\0\0\0"),
        Err(NtlmError::NotNtlmssp)
    );
    assert_eq!(
        ChallengeMessage::decode(&hex(AUTHENTICATE)),
        Err(NtlmError::MessageType {
            expected: 2,
            found: 3
        })
    );
    // AV pairs running past the end, or without MsvAvEOL.
    assert_eq!(
        TargetInfo::parse(&[2, 0, 0xff, 0, 1]),
        Err(NtlmError::BadTargetInfo)
    );
    assert_eq!(
        TargetInfo::parse(&[2, 0, 0, 0]),
        Err(NtlmError::BadTargetInfo)
    );
    // A challenge without target information cannot be answered with
    // NTLMv2.
    let bare = ChallengeMessage {
        target_info: Vec::new(),
        ..ChallengeMessage::decode(&hex(CHALLENGE)).expect("decodes")
    };
    assert!(matches!(
        Initiator::new(&credentials()).authenticate_with(&bare, CLIENT_CHALLENGE, 0),
        Err(NtlmError::Unsupported(_))
    ));
}

#[test]
fn account_forms() {
    let down_level = NtlmCredentials::new("CONTOSO\\alice", "pw");
    assert_eq!(
        (down_level.domain(), down_level.user()),
        ("CONTOSO", "alice")
    );
    let upn = NtlmCredentials::new("alice@contoso.com", "pw");
    assert_eq!((upn.domain(), upn.user()), ("", "alice@contoso.com"));
    let bare = NtlmCredentials::new("alice", "pw");
    assert_eq!((bare.domain(), bare.user()), ("", "alice"));
    assert_eq!(bare.http_scheme(), NtlmScheme::Ntlm);
    assert_eq!(
        bare.scheme(NtlmScheme::Negotiate).http_scheme().as_str(),
        "Negotiate"
    );
}

#[test]
fn upper_casing_is_one_character_for_one() {
    // "ß" has no one-character upper case: Windows leaves it alone, and so
    // must NTOWFv2, or the key differs from the domain controller's.
    let hash = NtHash::from_password("x");
    assert_eq!(
        hash.response_key("straße", ""),
        hash.response_key("STRAßE", "")
    );
    assert_ne!(
        hash.response_key("straße", ""),
        hash.response_key("STRASSE", "")
    );
}

#[test]
fn debug_never_shows_keys_or_passwords() {
    let creds = NtlmCredentials::new("CONTOSO\\alice", "Sup3r-Secret!");
    let hash = NtHash::from_password("Sup3r-Secret!");
    let key = hash.response_key("alice", "CONTOSO");
    let (_, session) = ntlmv2_response(&key, &SERVER_CHALLENGE, &CLIENT_CHALLENGE, 0, &[0; 4]);
    let message = Initiator::new(&creds)
        .authenticate_with(
            &ChallengeMessage::decode(&hex(CHALLENGE)).expect("decodes"),
            CLIENT_CHALLENGE,
            0,
        )
        .expect("answers");
    let text = format!("{creds:?} {hash:?} {key:?} {session:?} {message:?} {message:#?}");
    assert!(!text.contains("Sup3r-Secret!"), "{text}");
    assert!(!text.contains(&hash.expose_hex()), "{text}");
    for secret in [
        hash.expose_bytes(),
        key.expose_bytes(),
        session.expose_bytes(),
    ] {
        let as_list = format!("{secret:?}");
        assert!(!text.contains(&as_list[1..as_list.len() - 1]), "{text}");
    }
    assert!(text.contains("alice") && text.contains("CONTOSO"), "{text}");
    assert!(text.contains("NtHash(***)") && text.contains("SessionBaseKey(***)"));
}
