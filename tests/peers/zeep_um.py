"""The UM service called by zeep, a SOAP stack written elsewhere.

Usage: zeep_um.py WSDL URL USER PASSWORD

Loads the project's WSDL, calls ResetPIN, IsUMEnabled and GetUMProperties,
and a GetCallInfo for a call that does not exist, which the service answers
with a fault. Prints one line per call for the Rust test to check; a
failure exits non-zero with the reason.
"""

import sys

import zeep
from requests import Session
from requests.auth import HTTPBasicAuth
from zeep.transports import Transport

NS = "http://schemas.microsoft.com/exchange/services/2006/messages"


def main(wsdl, url, user, password):
    session = Session()
    session.auth = HTTPBasicAuth(user, password)
    client = zeep.Client(wsdl, transport=Transport(session=session, timeout=10))
    service = client.create_service("{%s}UMServiceBinding" % NS, url)

    service.ResetPIN()
    print("ResetPIN ok")
    enabled = service.IsUMEnabled()
    print("IsUMEnabled %s" % enabled)
    service.GetUMProperties()
    print("GetUMProperties ok")
    try:
        service.GetCallInfo(CallId="no-such-call")
    except zeep.exceptions.Fault as fault:
        print("GetCallInfo fault %s" % fault.code)
    else:
        sys.exit("GetCallInfo for an unknown call did not fault")


if __name__ == "__main__":
    main(*sys.argv[1:5])
