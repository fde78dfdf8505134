use crate::soap::{SoapVersion, XmlHeaders};
use crate::xml::XmlElement;

/// One WSDL operation bound as document/literal SOAP 1.1 or 1.2, generated
/// by `xsdgen` as a unit struct per operation.
pub trait Operation {
    /// The element sent as the body of the request.
    type Request: XmlElement;
    /// The element expected as the body of a successful response.
    type Response: XmlElement;
    /// The `soap:Header` entries the binding declares for the request
    /// ([`NoHeaders`](crate::soap::NoHeaders) when it declares none).
    type InputHeaders: XmlHeaders;
    /// The `soap:Header` entries the binding declares for the response.
    type OutputHeaders: XmlHeaders;
    /// The WSDL operation name.
    const NAME: &'static str;
    /// The action (`soap:operation/@soapAction`, without quotes): the
    /// `SOAPAction` header in SOAP 1.1, the `action` parameter of the
    /// content type in SOAP 1.2.
    const SOAP_ACTION: &'static str;
    /// The SOAP version of the binding. Defaults to 1.1, which every
    /// operation was before 1.2 existed here.
    const VERSION: SoapVersion = SoapVersion::V11;
    /// `soap12:operation/@soapActionRequired` (default true): whether a
    /// server needs the action to dispatch. A client sends a non-empty
    /// action either way; a server may accept a request without one when
    /// this is false.
    const SOAP_ACTION_REQUIRED: bool = true;
    /// Whether sending the request twice has the effect of sending it once.
    /// When false, the client never resends it once it may have reached
    /// the server.
    const SAFE_TO_RETRY: bool;
}

/// The same facts as [`Operation`] as data (but for the version and
/// `SOAP_ACTION_REQUIRED`, which only the trait carries so far), for tables that list every
/// operation of a service (dispatch in a server, a CLI's command list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationInfo {
    pub name: &'static str,
    pub soap_action: &'static str,
    pub request: crate::xml::Name,
    pub response: crate::xml::Name,
    /// The elements of [`Operation::InputHeaders`].
    pub input_headers: &'static [crate::xml::Name],
    /// The elements of [`Operation::OutputHeaders`].
    pub output_headers: &'static [crate::xml::Name],
    pub safe_to_retry: bool,
}
