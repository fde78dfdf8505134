"""The stock service of schemas/cases/soap12_service, called by zeep.

Usage: zeep_stock.py WSDL URL BINDING USER PASSWORD

Calls every operation through the binding named (StockSoap or
StockSoap12) with a WS-Security UsernameToken whose password is a digest,
as zeep computes it; then a GetLevel with a wrong password. Prints one
line per call for the Rust test to check; a failure exits non-zero.
"""

import sys

import zeep
from zeep.transports import Transport
from zeep.wsse.username import UsernameToken

WSDL_NS = "urn:xsdgen:test:stock:wsdl"


def detail_text(fault):
    """The detail entry as `Element Sku=...`, from the raw detail zeep keeps."""
    entry = fault.detail[0]
    sku = entry.find("{urn:xsdgen:test:stock}Sku")
    return "%s Sku=%s" % (entry.tag.split("}")[1], sku.text)


def service(wsdl, url, binding, user, password):
    token = UsernameToken(user, password, use_digest=True)
    client = zeep.Client(wsdl, wsse=token, transport=Transport(timeout=10))
    return client.create_service("{%s}%s" % (WSDL_NS, binding), url)


def main(wsdl, url, binding, user, password):
    stock = service(wsdl, url, binding, user, password)
    print("Ping %s" % stock.Ping())
    print("GetLevel %s" % stock.GetLevel(Sku="apple").Level)
    try:
        stock.GetLevel(Sku="plum")
    except zeep.exceptions.Fault as fault:
        print("GetLevel fault %s" % detail_text(fault))
    else:
        sys.exit("GetLevel of an unknown SKU did not fault")
    answer = stock.Reserve(Sku="apple", Count=2, _soapheaders={"tenant": "north"})
    print(
        "Reserve %s %s"
        % (answer.body.ReservationId, answer.header.requestId)
    )
    try:
        stock.Reserve(Sku="apple", Count=40)
    except zeep.exceptions.Fault as fault:
        print("Reserve fault %s" % detail_text(fault))
    else:
        sys.exit("Reserving more than the stock did not fault")
    wrong = service(wsdl, url, binding, user, password + "!")
    try:
        wrong.GetLevel(Sku="apple")
    except zeep.exceptions.Fault as fault:
        # SOAP 1.2 puts the WS-Security code in a subcode, 1.1 in the code.
        codes = [q.text for q in fault.subcodes or []] or [fault.code]
        print("wrong password fault %s" % " ".join(codes))
    else:
        sys.exit("a wrong password was accepted")


if __name__ == "__main__":
    main(*sys.argv[1:6])
