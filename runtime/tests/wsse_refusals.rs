//! WS-Security UsernameToken: what is refused before any password is
//! checked, the fault code of each refusal, and which header entry of an
//! envelope is read.
#![cfg(feature = "wsse")]

mod wsse_common;

use wsse_common::*;
use xsdgen_runtime::wsse::{
    FaultCode, PasswordKind, WSSE_NS, WSU_NS, WsseError, find_in_envelope, read_security_xml,
};
use xsdgen_runtime::xml::ns;

#[test]
fn digest_without_nonce_or_created_is_invalid_security() {
    let password = format!(
        r#"<wsse:Password Type="{DIGEST_TYPE}">7AFvYvBvGMRCODOpYGrH4S9pUp4=</wsse:Password>"#
    );
    let no_nonce = security(&format!(
        "<wsse:Username>alice</wsse:Username>{password}<wsu:Created>2026-12-03T14:00:00Z</wsu:Created>"
    ));
    let err = refusal(&no_nonce, after(1));
    assert_eq!(err, WsseError::MissingFreshness("wsse:Nonce"));
    assert_eq!(err.fault_code(), FaultCode::InvalidSecurity);
    let no_created = security(&format!(
        "<wsse:Username>alice</wsse:Username>{password}<wsse:Nonce>AAECAwQFBgcICQoLDA0ODw==</wsse:Nonce>"
    ));
    assert_eq!(
        refusal(&no_created, after(1)),
        WsseError::MissingFreshness("wsu:Created")
    );
}

#[test]
fn children_in_any_order_and_unknown_ones_skipped() {
    // python3 vector again, for "secret"; Created before the nonce, and a
    // 1.1 profile Salt the verifier does not use.
    let xml = security(&format!(
        r#"<wsse:Username> zeep </wsse:Username><wsu:Created>2026-12-03T14:00:00Z</wsu:Created><wsse11:Salt xmlns:wsse11="urn:x">AA==</wsse11:Salt><wsse:Nonce>AAECAwQFBgcICQoLDA0ODw==</wsse:Nonce><wsse:Password Type="{DIGEST_TYPE}">7AFvYvBvGMRCODOpYGrH4S9pUp4=</wsse:Password>"#
    ));
    let token = read_security_xml(xml.as_bytes()).expect("reads");
    assert_eq!(
        verifier().verify(&token, after(1)).map(|i| i.username),
        Ok("zeep".into())
    );
}

#[test]
fn malformed_tokens_get_their_codes() {
    let at = after(1);
    let cases: Vec<(String, FaultCode, WsseError)> = vec![
        (
            security("<wsse:Password>x</wsse:Password>"),
            FaultCode::InvalidSecurityToken,
            WsseError::InvalidToken("no wsse:Username"),
        ),
        (
            security(
                r#"<wsse:Username>alice</wsse:Username><wsse:Password Type="wsse:PasswordDigest">x</wsse:Password>"#,
            ),
            FaultCode::UnsupportedSecurityToken,
            WsseError::UnsupportedPasswordType("wsse:PasswordDigest".into()),
        ),
        (
            security(
                r#"<wsse:Username>alice</wsse:Username><wsse:Nonce EncodingType="urn:hex">00</wsse:Nonce>"#,
            ),
            FaultCode::UnsupportedSecurityToken,
            WsseError::UnsupportedNonceEncoding("urn:hex".into()),
        ),
        (
            security("<wsse:Username>alice</wsse:Username><wsse:Nonce>not base64!</wsse:Nonce>"),
            FaultCode::InvalidSecurityToken,
            WsseError::InvalidToken("the nonce is not base64"),
        ),
        (
            security(&format!(
                "<wsse:Username>alice</wsse:Username><wsse:Nonce>{}</wsse:Nonce>",
                "A".repeat(176)
            )),
            FaultCode::InvalidSecurityToken,
            WsseError::InvalidToken("the nonce is longer than 128 bytes"),
        ),
        (
            security("<wsse:Username>a</wsse:Username><wsse:Username>b</wsse:Username>"),
            FaultCode::InvalidSecurityToken,
            WsseError::InvalidToken("two wsse:Username elements"),
        ),
        (
            security(&format!(
                r#"<wsse:Username>alice</wsse:Username><wsse:Password>{PASSWORD}</wsse:Password><wsu:Created>2026-12-03T14:00:00</wsu:Created>"#
            )),
            FaultCode::InvalidSecurityToken,
            WsseError::InvalidToken("wsu:Created is not a dateTime with a time zone"),
        ),
        (
            security("<wsse:Username>alice</wsse:Username>"),
            FaultCode::FailedAuthentication,
            WsseError::NoPassword,
        ),
        (
            format!(
                r#"<wsse:Security xmlns:wsse="{WSSE_NS}"><wsu:Timestamp xmlns:wsu="{WSU_NS}"/></wsse:Security>"#
            ),
            FaultCode::InvalidSecurity,
            WsseError::NoToken,
        ),
        (
            format!(
                r#"<wsse:Security xmlns:wsse="{WSSE_NS}"><wsse:UsernameToken><wsse:Username>a</wsse:Username></wsse:UsernameToken><wsse:UsernameToken/></wsse:Security>"#
            ),
            FaultCode::InvalidSecurity,
            WsseError::DuplicateToken,
        ),
    ];
    for (xml, code, expected) in cases {
        let err = refusal(&xml, at);
        assert_eq!(err, expected, "{xml}");
        assert_eq!(err.fault_code(), code, "{xml}");
    }
    let err = refusal("<wsse:Security", at);
    assert!(matches!(err, WsseError::Malformed(_)), "{err:?}");
    assert_eq!(err.fault_code(), FaultCode::InvalidSecurity);
}

#[test]
fn text_policy() {
    let token = received(PasswordKind::Text, &NONCE);
    let err = verifier()
        .accept_text(false)
        .verify(&token, after(1))
        .expect_err("text refused");
    assert_eq!(err.fault_code(), FaultCode::UnsupportedSecurityToken);
    // A text token may leave out nonce and Created unless the verifier asks.
    let bare = security(&format!(
        "<wsse:Username>alice</wsse:Username><wsse:Password>{PASSWORD}</wsse:Password>"
    ));
    let bare = read_security_xml(bare.as_bytes()).expect("reads");
    assert!(verifier().verify(&bare, after(1)).is_ok());
    // Without a nonce there is nothing to replay-check: accepted again.
    assert!(verifier().verify(&bare, after(2)).is_ok());
    assert_eq!(
        verifier().require_nonce(true).verify(&bare, after(1)),
        Err(WsseError::MissingFreshness("wsse:Nonce"))
    );
}

#[test]
fn envelope_search_follows_actors() {
    let entry = |attrs: &str, user: &str| {
        format!(
            r#"<wsse:Security xmlns:wsse="{WSSE_NS}" {attrs}><wsse:UsernameToken><wsse:Username>{user}</wsse:Username></wsse:UsernameToken></wsse:Security>"#
        )
    };
    let env = |entries: &str| {
        format!(
            r#"<s:Envelope xmlns:s="{}"><s:Header>{entries}</s:Header><s:Body/></s:Envelope>"#,
            ns::SOAP11
        )
    };
    let other = entry(r#"s:actor="urn:someone-else""#, "other");
    let ours = entry(
        r#"s:actor="http://schemas.xmlsoap.org/soap/actor/next""#,
        "ours",
    );
    let token = find_in_envelope(env(&format!("{other}{ours}")).as_bytes()).expect("found");
    assert_eq!(token.username, "ours");
    let plain = entry("", "plain");
    assert_eq!(
        find_in_envelope(env(&format!("{plain}{ours}")).as_bytes()).map(|t| t.username),
        Err(WsseError::DuplicateSecurityHeader)
    );
    assert_eq!(
        find_in_envelope(env(&other).as_bytes()).map(|t| t.username),
        Err(WsseError::NoSecurityHeader)
    );
    let no_header = format!(
        r#"<s:Envelope xmlns:s="{}"><s:Body/></s:Envelope>"#,
        ns::SOAP11
    );
    assert_eq!(
        find_in_envelope(no_header.as_bytes()).map(|t| t.username),
        Err(WsseError::NoSecurityHeader)
    );
    assert!(matches!(
        find_in_envelope(b"<Envelope/>"),
        Err(WsseError::Malformed(_))
    ));
}
