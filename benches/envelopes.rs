//! Generated readers and writers against serde's `quick_xml::de` and
//! `quick_xml::se` on equivalent hand-written structs, in the same run.
//!
//! The serde structs are what one would write by hand for these messages;
//! they match elements by name only (serde has no notion of XML namespaces),
//! so the generated readers do strictly more work: they check every
//! element's namespace URI.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use exchange_um::um;
use serde::{Deserialize, Serialize};
use xsdgen_runtime::soap::{Body, EnvelopeStyle, read_envelope, write_envelope};

const RESET_PIN_RESPONSE: &str = include_str!("../schemas/examples/ResetPIN.response.xml");
const GET_UM_PROPERTIES_RESPONSE: &str =
    include_str!("../schemas/examples/GetUMProperties.response.xml");

mod serde_model {
    use super::*;

    pub const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";
    pub const MESSAGES: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(rename = "soap:Envelope")]
    pub struct Envelope<B> {
        #[serde(rename = "@xmlns:soap")]
        pub xmlns_soap: String,
        #[serde(rename = "Body", alias = "soap:Body")]
        pub body: B,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct ResetPinBody {
        #[serde(rename = "ResetPINResponse")]
        pub response: ResetPinResponse,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct ResetPinResponse {
        #[serde(rename = "@xmlns")]
        pub xmlns: String,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct GetUmPropertiesBody {
        #[serde(rename = "GetUMPropertiesResponse")]
        pub response: GetUmPropertiesResponse,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct GetUmPropertiesResponse {
        #[serde(rename = "@xmlns")]
        pub xmlns: String,
        #[serde(rename = "GetUMPropertiesResponse")]
        pub inner: Option<UmProperties>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct UmProperties {
        pub oof_status: bool,
        pub missed_call_notification_enabled: bool,
        pub play_on_phone_dial_string: Option<String>,
        pub telephone_access_numbers: Option<String>,
        pub telephone_access_folder_email: Option<String>,
    }
}

fn generated_properties() -> um::GetUmPropertiesResponse {
    match read_envelope::<um::GetUmPropertiesResponse>(GET_UM_PROPERTIES_RESPONSE.as_bytes()) {
        Ok(Body::Content(value)) => value,
        other => panic!("the example must decode: {other:?}"),
    }
}

fn serde_properties() -> serde_model::Envelope<serde_model::GetUmPropertiesBody> {
    quick_xml::de::from_str(GET_UM_PROPERTIES_RESPONSE).expect("the example must decode")
}

fn readers(c: &mut Criterion) {
    let mut group = c.benchmark_group("read");
    group.bench_function("ResetPINResponse/generated", |b| {
        b.iter(|| read_envelope::<um::ResetPinResponse>(black_box(RESET_PIN_RESPONSE.as_bytes())))
    });
    group.bench_function("ResetPINResponse/serde", |b| {
        b.iter(|| {
            quick_xml::de::from_str::<serde_model::Envelope<serde_model::ResetPinBody>>(black_box(
                RESET_PIN_RESPONSE,
            ))
        })
    });
    group.bench_function("GetUMPropertiesResponse/generated", |b| {
        b.iter(|| {
            read_envelope::<um::GetUmPropertiesResponse>(black_box(
                GET_UM_PROPERTIES_RESPONSE.as_bytes(),
            ))
        })
    });
    group.bench_function("GetUMPropertiesResponse/serde", |b| {
        b.iter(|| {
            quick_xml::de::from_str::<serde_model::Envelope<serde_model::GetUmPropertiesBody>>(
                black_box(GET_UM_PROPERTIES_RESPONSE),
            )
        })
    });
    group.finish();
}

fn writers(c: &mut Criterion) {
    let mut group = c.benchmark_group("write");
    let reset = um::ResetPinResponse::default();
    let serde_reset = serde_model::Envelope {
        xmlns_soap: serde_model::SOAP.to_owned(),
        body: serde_model::ResetPinBody {
            response: serde_model::ResetPinResponse {
                xmlns: serde_model::MESSAGES.to_owned(),
            },
        },
    };
    group.bench_function("ResetPINResponse/generated", |b| {
        b.iter(|| write_envelope(black_box(&reset), &EnvelopeStyle::COMPACT))
    });
    group.bench_function("ResetPINResponse/serde", |b| {
        b.iter(|| quick_xml::se::to_string(black_box(&serde_reset)))
    });
    let props = generated_properties();
    let serde_props = serde_properties();
    group.bench_function("GetUMPropertiesResponse/generated", |b| {
        b.iter(|| write_envelope(black_box(&props), &EnvelopeStyle::COMPACT))
    });
    group.bench_function("GetUMPropertiesResponse/serde", |b| {
        b.iter(|| quick_xml::se::to_string(black_box(&serde_props)))
    });
    group.finish();
}

criterion_group!(benches, readers, writers);
criterion_main!(benches);
