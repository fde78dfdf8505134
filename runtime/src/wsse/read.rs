//! Reading the UsernameToken out of a `wsse:Security` header entry.

use super::token::PasswordKind;
use super::{
    BASE64_BINARY, CREATED, NONCE, PASSWORD, SECURITY, SOAP12_NS, USERNAME, USERNAME_TOKEN,
    WsseError,
};
use crate::auth::Secret;
use crate::xml::{Name, ReadError, ReadErrorKind, Start, XmlReader, ns};

/// A nonce longer than this is refused: the replay cache keeps every
/// nonce for a window, so its size bounds the cache's memory. Senders use
/// 16 bytes.
pub const MAX_NONCE_LEN: usize = 128;

/// The SOAP 1.1 `actor` and the SOAP 1.2 `role` values that address the
/// node a request is sent to.
const FOR_THIS_NODE: [&str; 3] = [
    "http://schemas.xmlsoap.org/soap/actor/next",
    "http://www.w3.org/2003/05/soap-envelope/role/next",
    "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
];

/// What a `wsse:UsernameToken` says, not yet verified.
#[derive(Debug, Clone)]
pub struct ReceivedToken {
    /// The user name, XML whitespace around it removed.
    pub username: String,
    pub password: Option<ReceivedPassword>,
    /// The decoded `wsse:Nonce`.
    pub nonce: Option<Vec<u8>>,
    /// `wsu:Created` exactly as sent: the digest is over this text.
    pub created: Option<String>,
}

/// `wsse:Password`: its type, and its text (the password or its digest).
#[derive(Debug, Clone)]
pub struct ReceivedPassword {
    pub kind: PasswordKind,
    pub value: Secret,
}

/// Reads the `wsse:Security` entry whose start tag `start` has just been
/// read, through its end tag. Elements other than `wsse:UsernameToken`
/// (`wsu:Timestamp`, signatures) are skipped: this module checks only the
/// token.
pub fn read_security(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<ReceivedToken, WsseError> {
    r.expect(start, SECURITY).map_err(malformed)?;
    let mut token = None;
    while let Some(child) = r.next_child().map_err(malformed)? {
        if !r.is(&child, USERNAME_TOKEN) {
            r.skip().map_err(malformed)?;
        } else if token.is_some() {
            return Err(WsseError::DuplicateToken);
        } else {
            token = Some(read_token(r)?);
        }
    }
    token.ok_or(WsseError::NoToken)
}

/// [`read_security`] over a `wsse:Security` element on its own (the bytes
/// of one header entry, with the namespace declarations it needs).
pub fn read_security_xml(xml: &[u8]) -> Result<ReceivedToken, WsseError> {
    let mut r = XmlReader::from_bytes(xml).map_err(malformed)?;
    let start = r.root().map_err(malformed)?;
    let token = read_security(&mut r, &start)?;
    r.finish().map_err(malformed)?;
    Ok(token)
}

/// Finds the `wsse:Security` header entry addressed to this node in a SOAP
/// 1.1 or 1.2 request (one with no `actor`/`role`, or the "next" or
/// "ultimate receiver" one) and reads it. Entries for other actors are
/// skipped; two for this node are refused, as WS-Security allows one.
/// Reading stops at the end of `Header`: the body is not looked at.
pub fn find_in_envelope(xml: &[u8]) -> Result<ReceivedToken, WsseError> {
    let mut r = XmlReader::from_bytes(xml).map_err(malformed)?;
    let root = r.root().map_err(malformed)?;
    let envelope_ns = match r.namespace_of(&root) {
        ns::SOAP11 => ns::SOAP11,
        SOAP12_NS => SOAP12_NS,
        _ => {
            return Err(WsseError::Malformed(
                "the root is not a SOAP envelope".into(),
            ));
        }
    };
    r.expect(&root, Name::new(envelope_ns, "Envelope"))
        .map_err(malformed)?;
    let Some(header) = r.next_child().map_err(malformed)? else {
        return Err(WsseError::NoSecurityHeader);
    };
    if !r.is(&header, Name::new(envelope_ns, "Header")) {
        return Err(WsseError::NoSecurityHeader);
    }
    let target = if envelope_ns == ns::SOAP11 {
        "actor"
    } else {
        "role"
    };
    let mut found = None;
    while let Some(entry) = r.next_child().map_err(malformed)? {
        let ours = r.is(&entry, SECURITY)
            && r.attribute(&entry, Name::new(envelope_ns, target))
                .map_err(malformed)?
                .is_none_or(|t| FOR_THIS_NODE.contains(&t.trim()));
        if !ours {
            r.skip().map_err(malformed)?;
        } else if found.is_some() {
            return Err(WsseError::DuplicateSecurityHeader);
        } else {
            found = Some(read_security(&mut r, &entry)?);
        }
    }
    found.ok_or(WsseError::NoSecurityHeader)
}

/// The children of `wsse:UsernameToken`, whose start tag has been read.
/// Its schema fixes only `wsse:Username` as the first child; the others
/// are open content, so they are taken in any order, each at most once,
/// and unknown ones (the 1.1 profile's `Salt` and `Iteration`) skipped.
fn read_token(r: &mut XmlReader<'_>) -> Result<ReceivedToken, WsseError> {
    let mut username = None;
    let mut password = None;
    let mut nonce = None;
    let mut created = None;
    while let Some(child) = r.next_child().map_err(malformed)? {
        if r.is(&child, USERNAME) {
            once(&username, "two wsse:Username elements")?;
            let text = r.read_text().map_err(malformed)?;
            username = Some(text.trim_matches(is_xml_space).to_owned());
        } else if r.is(&child, PASSWORD) {
            once(&password, "two wsse:Password elements")?;
            let kind = password_kind(r, &child)?;
            let value = Secret::new(r.read_text().map_err(malformed)?.into_owned());
            password = Some(ReceivedPassword { kind, value });
        } else if r.is(&child, NONCE) {
            once(&nonce, "two wsse:Nonce elements")?;
            nonce = Some(read_nonce(r, &child)?);
        } else if r.is(&child, CREATED) {
            once(&created, "two wsu:Created elements")?;
            created = Some(r.read_text().map_err(malformed)?.into_owned());
        } else {
            r.skip().map_err(malformed)?;
        }
    }
    Ok(ReceivedToken {
        username: username.ok_or(WsseError::InvalidToken("no wsse:Username"))?,
        password,
        nonce,
        created,
    })
}

fn once<T>(slot: &Option<T>, what: &'static str) -> Result<(), WsseError> {
    match slot {
        Some(_) => Err(WsseError::InvalidToken(what)),
        None => Ok(()),
    }
}

fn password_kind(r: &XmlReader<'_>, start: &Start<'_>) -> Result<PasswordKind, WsseError> {
    let type_uri = r.attribute(start, Name::local("Type")).map_err(malformed)?;
    PasswordKind::from_type_uri(type_uri.as_deref()).ok_or_else(|| {
        WsseError::UnsupportedPasswordType(type_uri.map(|t| t.into_owned()).unwrap_or_default())
    })
}

fn read_nonce(r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<Vec<u8>, WsseError> {
    use base64::Engine as _;
    // Base64Binary is the default and the only encoding the profile names.
    if let Some(encoding) = r
        .attribute(start, Name::local("EncodingType"))
        .map_err(malformed)?
    {
        if encoding.trim() != BASE64_BINARY {
            return Err(WsseError::UnsupportedNonceEncoding(encoding.into_owned()));
        }
    }
    let text = r.read_text().map_err(malformed)?;
    let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let nonce = base64::engine::general_purpose::STANDARD
        .decode(compact)
        .map_err(|_| WsseError::InvalidToken("the nonce is not base64"))?;
    if nonce.len() > MAX_NONCE_LEN {
        return Err(WsseError::InvalidToken(
            "the nonce is longer than 128 bytes",
        ));
    }
    Ok(nonce)
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// A reading error as a `Malformed` header. Text found where only
/// elements belong is not quoted: in a token it could be a password put
/// in the wrong place.
fn malformed(e: ReadError) -> WsseError {
    let message = match &e.kind {
        ReadErrorKind::UnexpectedText(_) => format!(
            "{} (line {}, column {}): text where only elements are allowed",
            e.path, e.line, e.column
        ),
        _ => e.to_string(),
    };
    WsseError::Malformed(message)
}
