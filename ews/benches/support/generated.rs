//! One read and one write through the generated EWS 2016 types.

use xsdgen_ews::ews2016::messages::FindItemResponse;
use xsdgen_ews::ews2016::operations::FindItemOutputHeaders;
use xsdgen_runtime::soap::{
    Body, Envelope, EnvelopeStyle, read_envelope_with_headers, write_envelope_with_headers,
};

pub type Response = Envelope<FindItemOutputHeaders, FindItemResponse>;

pub fn read(xml: &[u8]) -> Response {
    match read_envelope_with_headers::<FindItemOutputHeaders, FindItemResponse>(xml) {
        Ok(Envelope {
            headers,
            body: Body::Content(body),
        }) => Envelope { headers, body },
        other => panic!("the document must decode: {other:?}"),
    }
}

pub fn write(value: &Response) -> String {
    write_envelope_with_headers(&value.headers, &value.body, &EnvelopeStyle::COMPACT)
        .expect("a response read from a document writes")
}
