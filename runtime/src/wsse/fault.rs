//! A refused token as the SOAP fault WS-Security 1.0 (SOAP Message
//! Security, section 12) asks a server to answer with.

use super::{FaultCode, WsseError};
use crate::soap::{self, Fault, SoapVersion};

impl FaultCode {
    /// The fault to answer with in `version`: in SOAP 1.1 the code is the
    /// `faultcode` itself (`wsse:FailedAuthentication`); in SOAP 1.2 it is
    /// the subcode of a `Sender` fault, since a 1.2 `Value` must be one of
    /// SOAP's own codes. The reason is the specification's text for the
    /// code ([`FaultCode::fault_string`]), which says nothing of the
    /// request.
    pub fn to_fault(self, version: SoapVersion) -> Fault {
        let name = self.name();
        let code = soap::FaultCode::qualified(self.prefix(), name.ns, name.local);
        match version {
            SoapVersion::V11 => Fault::new(code, self.fault_string()),
            SoapVersion::V12 => {
                let mut fault = Fault::sender(SoapVersion::V12, self.fault_string());
                fault.subcodes.push(code);
                fault
            }
        }
    }
}

impl WsseError {
    /// [`FaultCode::to_fault`] of [`Self::fault_code`].
    pub fn to_fault(&self, version: SoapVersion) -> Fault {
        self.fault_code().to_fault(version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::soap::StandardCode;
    use crate::wsse::{WSSE_NS, WSU_NS};

    #[test]
    fn soap_11_carries_the_code_itself() {
        let fault = WsseError::WrongCredentials.to_fault(SoapVersion::V11);
        assert_eq!(fault.version, SoapVersion::V11);
        assert_eq!(fault.code.raw, "wsse:FailedAuthentication");
        assert_eq!(fault.code.namespace.as_deref(), Some(WSSE_NS));
        assert!(fault.subcodes.is_empty());
        assert_eq!(fault.http_status(), 500);
        assert_eq!(
            fault.string,
            "The security token could not be authenticated or authorized"
        );
    }

    #[test]
    fn soap_12_makes_it_a_subcode_of_sender() {
        let fault = FaultCode::MessageExpired.to_fault(SoapVersion::V12);
        assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
        assert_eq!(fault.subcodes.len(), 1);
        assert_eq!(fault.subcodes[0].raw, "wsu:MessageExpired");
        assert_eq!(fault.subcodes[0].namespace.as_deref(), Some(WSU_NS));
        assert_eq!(fault.error_code(), "MessageExpired");
        assert_eq!(fault.http_status(), 400);
    }
}
