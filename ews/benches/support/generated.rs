//! One read and one write through the generated EWS 2016 types.

use xsdgen_ews::ews2016::messages::FindItemResponse;
use xsdgen_ews::ews2016::operations::FindItemOutputHeaders;
use xsdgen_ews::ews2016::types::{AnyMessageType, MeetingRequestMessageType};
use xsdgen_ews::ews2016::{MESSAGES_NS as MESSAGES, TYPES_NS as TYPES};
use xsdgen_runtime::soap::{
    Body, Envelope, EnvelopeStyle, read_envelope_with_headers, write_envelope_with_headers,
};
use xsdgen_runtime::xml::ns::SOAP11 as SOAP11_NS;
use xsdgen_runtime::xml::{Children, Name, XmlRead};

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

/// The path from the envelope to the items of a FindItem response.
const ITEMS: [Name; 7] = [
    Name::new(SOAP11_NS, "Envelope"),
    Name::new(SOAP11_NS, "Body"),
    Name::new(MESSAGES, "FindItemResponse"),
    Name::new(MESSAGES, "ResponseMessages"),
    Name::new(MESSAGES, "FindItemResponseMessage"),
    Name::new(MESSAGES, "RootFolder"),
    Name::new(TYPES, "Items"),
];

/// One item of the folder, as the response's choice of items has it.
#[derive(Debug, PartialEq)]
pub enum Item {
    Message(AnyMessageType),
    MeetingRequest(Box<MeetingRequestMessageType>),
}

/// Reads the items one by one, giving each to `each`; their count.
pub fn stream(xml: &[u8], mut each: impl FnMut(Item)) -> usize {
    let mut items = Children::open(xml, &ITEMS).expect("the document has items");
    let mut count = 0;
    while let Some(item) = items.next_with(|r, start| match start.local_name() {
        "MeetingRequest" => {
            MeetingRequestMessageType::read_xml(r, start).map(|m| Item::MeetingRequest(Box::new(m)))
        }
        _ => AnyMessageType::read_xml(r, start).map(Item::Message),
    }) {
        each(item.expect("each item reads"));
        count += 1;
    }
    items
        .finish()
        .expect("the rest of the document is well-formed");
    count
}
