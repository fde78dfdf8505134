//! The input of `xml_reader`: arbitrary bytes as an XML document, read by
//! the runtime's reader in two ways, each of which must write back what it
//! read so that reading the output again gives the same value.
//!
//! - As a SOAP envelope of the UM service, through the generated types of
//!   `exchange_um`: the body element's name picks the operation, and the
//!   envelope is read as its request and as its response (a `soap:Fault`
//!   included), as the emulator and the client read them.
//! - As any document: the root element kept verbatim (`AnyElement`, what
//!   wildcards hold), which reaches every construct of the lexer with the
//!   real documents of other schemas as seeds.
//!
//! A read error is the expected answer to broken input. A panic, a value
//! that cannot be written, or one that reads back different, is a bug.

use std::fmt::Debug;

use exchange_um::um;
use xsdgen_runtime::Operation;
use xsdgen_runtime::soap::{
    Body, BodyReader, Envelope, EnvelopeStyle, read_envelope_with_headers,
    read_request_with_headers, write_envelope_with_headers,
};
use xsdgen_runtime::xml::{ReadError, XmlElement, XmlReader, XmlWriter};

pub fn read_document(data: &[u8]) {
    envelope(data);
    document(data);
}

/// Reads `data` as the request and the response of the operation whose
/// request or response element is the body's.
fn envelope(data: &[u8]) {
    let Ok(body) = BodyReader::new(data) else {
        return;
    };
    let name = body.local_name();
    macro_rules! dispatch {
        ($($op:ident),* $(,)?) => {
            $({
                type Op = um::operations::$op;
                let request_name = <<Op as Operation>::Request as XmlElement>::NAME;
                let response_name = <<Op as Operation>::Response as XmlElement>::NAME;
                if body.is_fault() || name == request_name.local || name == response_name.local {
                    request::<Op>(data);
                    response::<Op>(data);
                }
            })*
        };
    }
    dispatch!(
        IsUmEnabled,
        GetUmProperties,
        SetOofStatus,
        SetPlayOnPhoneDialString,
        SetTelephoneAccessFolderEmail,
        SetMissedCallNotificationEnabled,
        ResetPin,
        PlayOnPhone,
        GetCallInfo,
        Disconnect,
        PlayOnPhoneGreeting,
    );
}

fn request<O: Operation>(data: &[u8])
where
    O::Request: PartialEq + Debug,
    O::InputHeaders: PartialEq + Debug,
{
    let Ok(read) = read_request_with_headers::<O::InputHeaders, O::Request>(data) else {
        return;
    };
    let written =
        match write_envelope_with_headers(&read.headers, &read.body, &EnvelopeStyle::COMPACT) {
            Ok(written) => written,
            Err(e) => panic!("{} request read but not written: {e}\n{read:?}", O::NAME),
        };
    match read_request_with_headers::<O::InputHeaders, O::Request>(written.as_bytes()) {
        Ok(again) => assert_eq!(again, read, "{} request, written as\n{written}", O::NAME),
        Err(e) => panic!("{} request written but not read: {e}\n{written}", O::NAME),
    }
}

fn response<O: Operation>(data: &[u8])
where
    O::Response: PartialEq + Debug,
    O::OutputHeaders: PartialEq + Debug,
{
    let Ok(read) = read_envelope_with_headers::<O::OutputHeaders, O::Response>(data) else {
        return;
    };
    let style = EnvelopeStyle::ASMX_RESPONSE;
    let written = match &read.body {
        Body::Content(body) => write_envelope_with_headers(&read.headers, body, &style),
        Body::Fault(fault) => fault.to_envelope_with_headers(&read.headers, &style),
    };
    let written = match written {
        Ok(written) => written,
        Err(e) => panic!("{} response read but not written: {e}\n{read:?}", O::NAME),
    };
    match read_envelope_with_headers::<O::OutputHeaders, O::Response>(written.as_bytes()) {
        Ok(again) => assert_eq!(
            comparable(again),
            comparable(read),
            "{} response, written as\n{written}",
            O::NAME
        ),
        Err(e) => panic!("{} response written but not read: {e}\n{written}", O::NAME),
    }
}

/// A fault's detail is written from its typed fields, laid out anew, when
/// they say all it said: its raw text then compares without the
/// whitespace between tags (and the `xmlns=""` that reading adds).
fn comparable<H, T>(mut envelope: Envelope<H, Body<T>>) -> Envelope<H, Body<T>> {
    if let Body::Fault(fault) = &mut envelope.body {
        if let Some(raw) = &mut fault.detail.raw {
            let squeezed: String = raw
                .replacen("<detail xmlns=\"\"", "<detail", 1)
                .split('<')
                .map(|piece| match piece.split_once('>') {
                    Some((tag, text)) if text.trim().is_empty() => format!("<{tag}>"),
                    Some((tag, text)) => format!("<{tag}>{text}"),
                    None => piece.to_owned(),
                })
                .collect();
            *raw = squeezed;
        }
    }
    envelope
}

/// The root element kept as written, with the bindings it uses declared.
fn document(data: &[u8]) {
    let Ok(read) = raw_root(data) else {
        return;
    };
    let mut w = XmlWriter::new();
    w.raw_element(&read);
    let written = w.into_string();
    match raw_root(written.as_bytes()) {
        Ok(again) => assert_eq!(again, read, "the kept root element changed"),
        Err(e) => panic!("kept root element not read again: {e}\n{written}"),
    }
}

fn raw_root(data: &[u8]) -> Result<String, ReadError> {
    let mut r = XmlReader::from_bytes(data)?;
    let root = r.root()?;
    let raw = r.read_raw(&root)?;
    r.finish()?;
    Ok(raw)
}
