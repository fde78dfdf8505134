//! Call ids as Exchange writes them: standard base64 (padded) of the UTF-8
//! text `<GUID>@<UM server FQDN>`, the GUID in lower-case hexadecimal with
//! hyphens, e.g. `413b136c-e16f-452e-b7c7-48d117017b9f@df-eum-01.exchange.corp.microsoft.com`
//! as in the documentation's PlayOnPhone sample.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// A decoded call id: which call, placed by which UM server.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CallId {
    guid: String,
    server: String,
}

/// Why a text is not a call id of the Exchange shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CallIdError {
    #[error("a call id is base64 text, this is not")]
    NotBase64,
    #[error("a call id decodes to text, this decodes to other bytes")]
    NotText,
    #[error("a call id decodes to <GUID>@<server>, this has no '@' or no server")]
    NoServer,
    #[error("a call id starts with a GUID, this does not")]
    NotGuid,
}

/// The operating system could not give random bytes for a GUID.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the operating system's random number generator failed: {0}")]
pub struct RandomError(pub getrandom::Error);

impl CallId {
    /// A new call id with a random (version 4) GUID, placed by `server_fqdn`.
    pub fn generate(server_fqdn: &str) -> Result<Self, RandomError> {
        let mut b = [0u8; 16];
        getrandom::fill(&mut b).map_err(RandomError)?;
        // RFC 4122 version 4, variant 1.
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        let guid = format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        );
        Ok(Self {
            guid,
            server: server_fqdn.to_owned(),
        })
    }

    /// Reads a call id as a client received it.
    pub fn decode(text: &str) -> Result<Self, CallIdError> {
        let bytes = STANDARD
            .decode(text.trim())
            .map_err(|_| CallIdError::NotBase64)?;
        let text = String::from_utf8(bytes).map_err(|_| CallIdError::NotText)?;
        let (guid, server) = text.split_once('@').ok_or(CallIdError::NoServer)?;
        if server.is_empty() {
            return Err(CallIdError::NoServer);
        }
        if !is_guid(guid) {
            return Err(CallIdError::NotGuid);
        }
        Ok(Self {
            guid: guid.to_ascii_lowercase(),
            server: server.to_owned(),
        })
    }

    /// The wire form.
    pub fn encode(&self) -> String {
        STANDARD.encode(format!("{}@{}", self.guid, self.server))
    }

    /// The GUID, lower-case and hyphenated.
    pub fn guid(&self) -> &str {
        &self.guid
    }

    /// The FQDN of the UM server that placed the call.
    pub fn server(&self) -> &str {
        &self.server
    }
}

impl fmt::Display for CallId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

/// `8-4-4-4-12` hexadecimal digits.
fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documentation_sample() -> Result<(), CallIdError> {
        let sample = "NDEzYjEzNmMtZTE2Zi00NTJlLWI3YzctNDhkMTE3MDE3YjlmQGRmLWV1bS0wMS5leGNoYW5nZS5jb3JwLm1pY3Jvc29mdC5jb20=";
        let id = CallId::decode(sample)?;
        assert_eq!(id.guid(), "413b136c-e16f-452e-b7c7-48d117017b9f");
        assert_eq!(id.server(), "df-eum-01.exchange.corp.microsoft.com");
        assert_eq!(id.encode(), sample);
        Ok(())
    }

    #[test]
    fn generated_ids_are_version_4_guids_at_the_server() -> Result<(), Box<dyn std::error::Error>> {
        let a = CallId::generate("um01.contoso.test")?;
        let b = CallId::generate("um01.contoso.test")?;
        assert_ne!(a, b);
        let read = CallId::decode(&a.encode())?;
        assert_eq!(read, a);
        assert_eq!(read.server(), "um01.contoso.test");
        assert_eq!(read.guid().len(), 36);
        assert_eq!(read.guid().as_bytes()[14], b'4');
        Ok(())
    }

    #[test]
    fn rejects_other_shapes() {
        let encode = |text: &str| STANDARD.encode(text);
        assert_eq!(CallId::decode("nope!"), Err(CallIdError::NotBase64));
        assert_eq!(
            CallId::decode(&STANDARD.encode([0xff, 0xfe])),
            Err(CallIdError::NotText)
        );
        assert_eq!(
            CallId::decode(&encode("413b136c-e16f-452e-b7c7-48d117017b9f")),
            Err(CallIdError::NoServer)
        );
        assert_eq!(
            CallId::decode(&encode("not-a-guid@server")),
            Err(CallIdError::NotGuid)
        );
    }
}
