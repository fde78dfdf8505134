//! Building faults: the UM service's shapes, SOAP's own faults in either
//! version, and converting a fault from one version to the other.

use std::time::Duration;

use super::fault::exchange_ns::TYPES;
use super::{Fault, FaultCode, FaultDetail, HeaderName, SoapVersion, StandardCode};

const SERVER_BUSY_MESSAGE: &str =
    "The server cannot service this request right now. Try again later.";

/// The language SOAP 1.2 faults built here get: `xml:lang` is required
/// on 1.2 reason texts.
const DEFAULT_LANG: &str = "en";

impl Fault {
    /// A fault with `code` and the message `string`, in the version whose
    /// namespace the code is in ([`FaultCode::soap12`] makes a SOAP 1.2
    /// fault, with `xml:lang` `en` as 1.2 requires), else SOAP 1.1.
    pub fn new(code: FaultCode, string: impl Into<String>) -> Self {
        let version = match code.standard_code() {
            Some((SoapVersion::V12, _)) => SoapVersion::V12,
            _ => SoapVersion::V11,
        };
        Self {
            version,
            code,
            subcodes: Vec::new(),
            string: string.into(),
            lang: (version == SoapVersion::V12).then(|| DEFAULT_LANG.to_owned()),
            translations: Vec::new(),
            node: None,
            actor: None,
            detail: FaultDetail::default(),
            upgrade: Vec::new(),
            not_understood: Vec::new(),
        }
    }

    /// A fault with one of SOAP's own codes, in `version`.
    pub fn standard(version: SoapVersion, code: StandardCode, string: impl Into<String>) -> Self {
        Self::new(FaultCode::standard(version, code), string).with_version(version)
    }

    /// The message was wrong: 1.2 `Sender`, 1.1 `Client`.
    pub fn sender(version: SoapVersion, string: impl Into<String>) -> Self {
        Self::standard(version, StandardCode::Sender, string)
    }

    /// Processing failed: 1.2 `Receiver`, 1.1 `Server`.
    pub fn receiver(version: SoapVersion, string: impl Into<String>) -> Self {
        Self::standard(version, StandardCode::Receiver, string)
    }

    /// The answer to a message that is no envelope of a version this node
    /// speaks (SOAP 1.2 Part 1, section 5.4.7), with an `Upgrade` header
    /// block listing both versions. Written in `version`: SOAP 1.2's
    /// appendix A asks a node to answer a 1.1 sender in 1.1, with the
    /// `Upgrade` block all the same.
    pub fn version_mismatch(version: SoapVersion) -> Self {
        let mut fault = Self::standard(
            version,
            StandardCode::VersionMismatch,
            "The envelope is not of a SOAP version this node supports.",
        );
        fault.upgrade = SoapVersion::ALL.to_vec();
        fault
    }

    /// The answer to header entries marked `mustUnderstand` that this node
    /// does not understand (section 5.4.8): in SOAP 1.2 each is named in a
    /// `NotUnderstood` header block; SOAP 1.1 has no such block, and the
    /// entries are named in the message only.
    pub fn must_understand(version: SoapVersion, entries: Vec<HeaderName>) -> Self {
        let names: Vec<String> = entries.iter().map(ToString::to_string).collect();
        let mut fault = Self::standard(
            version,
            StandardCode::MustUnderstand,
            format!(
                "Header entries marked mustUnderstand were not understood: {}",
                names.join(", ")
            ),
        );
        fault.not_understood = entries;
        fault
    }

    /// The same fault in `version`: SOAP's own codes become their
    /// counterparts (1.1 `Client`/`Server` are 1.2 `Sender`/`Receiver`).
    ///
    /// - To 1.2: a code that is not one of SOAP's (an application code,
    ///   as EWS's `a:ErrorInvalidRequest`) cannot be a 1.2 `Value`; it
    ///   becomes the first subcode of a `Receiver` fault. The text gets
    ///   `xml:lang` `en` when it has none.
    /// - To 1.1: the innermost subcode, if any, is the `faultcode` (so the
    ///   trip from 1.1 and back is lossless); `Node` and the other reason
    ///   texts, which 1.1 cannot say, are dropped.
    ///
    /// The detail is kept; written in the other version it is renamed
    /// (`detail` and `Detail`) with its content as it is.
    pub fn with_version(mut self, version: SoapVersion) -> Self {
        let (code, subcodes) = codes_in(&self, version);
        self.code = code;
        self.subcodes = subcodes;
        match version {
            SoapVersion::V12 => {
                self.lang.get_or_insert_with(|| DEFAULT_LANG.to_owned());
            }
            SoapVersion::V11 => {
                self.translations.clear();
                self.node = None;
            }
        }
        self.version = version;
        self
    }

    /// An EWS error: `a:<code>` in the types namespace, `ResponseCode` and
    /// `Message` as detail, `faultstring` in `en-US`, as the front end
    /// writes `ErrorInvalidRequest`. A SOAP 1.1 fault
    /// ([`Self::with_version`] for 1.2).
    pub fn ews_error(response_code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut fault = Self::new(FaultCode::qualified("a", TYPES, response_code), &message);
        fault.lang = Some("en-US".into());
        fault.detail = FaultDetail {
            response_code: Some(response_code.to_owned()),
            message: Some(message),
            ..FaultDetail::default()
        };
        fault
    }

    /// The malformed-request fault.
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::ews_error("ErrorInvalidRequest", message)
    }

    /// The throttling fault, with `BackOffMilliseconds`.
    pub fn server_busy(back_off: Duration) -> Self {
        let mut fault = Self::ews_error("ErrorServerBusy", SERVER_BUSY_MESSAGE);
        fault.detail.values.push((
            "BackOffMilliseconds".into(),
            back_off.as_millis().to_string(),
        ));
        fault
    }

    /// A failed operation as the UM service reports it: the exception class
    /// name behind the undeclared prefix `a`, and `ExceptionType` as detail.
    pub fn exception(exception_type: &str, message: impl Into<String>) -> Self {
        let mut fault = Self::new(FaultCode::undeclared("a", exception_type), message);
        fault.detail.exception_type = Some(exception_type.to_owned());
        fault
    }
}

/// The code and subcodes `fault` has in `version`; see
/// [`Fault::with_version`].
fn codes_in(fault: &Fault, version: SoapVersion) -> (FaultCode, Vec<FaultCode>) {
    match version {
        SoapVersion::V11 => {
            let code = fault.subcodes.last().unwrap_or(&fault.code);
            (code.in_version(version), Vec::new())
        }
        SoapVersion::V12 => {
            let code = fault.code.in_version(version);
            if matches!(code.standard_code(), Some((SoapVersion::V12, _))) {
                (code, fault.subcodes.clone())
            } else {
                let mut subcodes = Vec::with_capacity(fault.subcodes.len() + 1);
                subcodes.push(code);
                subcodes.extend(fault.subcodes.iter().cloned());
                (
                    FaultCode::standard(version, StandardCode::Receiver),
                    subcodes,
                )
            }
        }
    }
}
