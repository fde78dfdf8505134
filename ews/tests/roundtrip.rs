//! Hand-written EWS messages (`tests/ews/messages/`, each validated by
//! xmllint against the EWS schemas) read into the generated EWS 2016
//! types and written back: the infoset must be unchanged, and writing what
//! was read again must give the same bytes.

#![cfg(ews_corpus)]

use std::path::{Path, PathBuf};

use xsdgen_testkit::canonical;

use xsdgen_ews::ews2016::{MESSAGES_NS, TYPES_NS, messages, types};
use xsdgen_runtime::xml::{
    Name, ReadError, Start, WriteError, XmlElement, XmlRead, XmlReader, XmlWrite, XmlWriter,
};

const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// Why a message did not round-trip, as a message for the test output.
#[derive(Debug)]
struct Failure(String);

impl From<ReadError> for Failure {
    fn from(e: ReadError) -> Self {
        Self(format!("read: {e}"))
    }
}

impl From<WriteError> for Failure {
    fn from(e: WriteError) -> Self {
        Self(format!("write: {e}"))
    }
}

/// Reads the element `start` as whichever generated type has its name and
/// writes it back.
fn round_trip_element(
    r: &mut XmlReader<'_>,
    start: &Start<'_>,
    w: &mut XmlWriter,
) -> Result<(), Failure> {
    macro_rules! by_name {
        ($($t:ty),* $(,)?) => {
            $(
                if r.is(start, <$t as XmlElement>::NAME) {
                    let value = <$t as XmlRead>::read_xml(r, start)?;
                    value.write_xml(w, <$t as XmlElement>::NAME)?;
                    return Ok(());
                }
            )*
        };
    }
    by_name!(
        types::RequestServerVersion,
        types::ExchangeImpersonation,
        types::MailboxCulture,
        types::TimeZoneContext,
        types::ServerVersionInfo,
        messages::GetItem,
        messages::GetItemResponse,
        messages::FindItem,
        messages::FindItemResponse,
        messages::CreateItem,
        messages::CreateItemResponse,
        messages::GetUserOofSettingsRequest,
        messages::GetUserOofSettingsResponse,
        messages::ResolveNames,
        messages::ResolveNamesResponse,
        messages::SyncFolderItems,
        messages::SyncFolderItemsResponse,
    );
    Err(Failure(format!("no type for {}", r.name_of(start))))
}

/// The envelope read part by part and written again.
fn round_trip(xml: &str) -> Result<String, Failure> {
    let mut r = XmlReader::new(xml);
    let envelope = r.root()?;
    r.expect(&envelope, Name::new(SOAP, "Envelope"))?;
    let mut w = XmlWriter::new();
    w.declaration();
    w.declare_prefix("s", SOAP);
    w.declare_prefix("m", MESSAGES_NS);
    w.declare_prefix("t", TYPES_NS);
    w.start(Name::new(SOAP, "Envelope"));
    while let Some(part) = r.next_child()? {
        let local = part.local_name().to_owned();
        w.start(Name::new(
            SOAP,
            if local == "Header" { "Header" } else { "Body" },
        ));
        while let Some(child) = r.next_child()? {
            round_trip_element(&mut r, &child, &mut w)?;
        }
        w.end()?;
    }
    w.end()?;
    r.finish()?;
    Ok(w.into_string())
}

fn messages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ews/messages")
}

#[test]
fn every_message_round_trips() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(messages_dir())
        .expect("tests/ews/messages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "too few messages: {files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let xml = std::fs::read_to_string(path).expect("a message file");
        match round_trip(&xml) {
            Ok(written) => {
                if canonical(&written) != canonical(&xml) {
                    failures.push(format!("{}: changed:\n{written}", path.display()));
                    continue;
                }
                let again = round_trip(&written).map_err(|e| format!("{e:?}"));
                if again.as_deref() != Ok(written.as_str()) {
                    failures.push(format!("{}: not stable: {again:?}", path.display()));
                }
            }
            Err(e) => failures.push(format!("{}: {}", path.display(), e.0)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_misspelled_element_is_an_error_with_its_path() {
    let xml = std::fs::read_to_string(messages_dir().join("GetItem.response.xml"))
        .expect("GetItem.response.xml");
    let broken =
        xml.replacen("<t:Subject>", "<t:Subjekt>", 1)
            .replacen("</t:Subject>", "</t:Subjekt>", 1);
    let err = round_trip(&broken).expect_err("a misspelled element must not be read");
    assert!(err.0.contains("Subjekt"), "{}", err.0);
    assert!(err.0.contains("/Envelope/Body/GetItemResponse/ResponseMessages/GetItemResponseMessage/Items/Message/Subjekt (line 16"), "{}", err.0);
}

/// Every truncation and thousands of byte mutations of each message are
/// read through the generated EWS types: errors, never a panic.
#[test]
fn mutated_messages_are_errors_not_panics() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(messages_dir())
        .expect("tests/ews/messages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    // A fixed-seed generator keeps every run the same.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    const INTERESTING: &[u8] = b"<>/=\"'&;:! ?x-";
    let mut read = 0;
    for path in &files {
        let xml = std::fs::read(path).expect("a message file");
        for cut in (0..xml.len()).step_by(7) {
            if let Ok(text) = std::str::from_utf8(&xml[..cut]) {
                let _ = round_trip(text);
                read += 1;
            }
        }
        for _ in 0..400 {
            let mut bytes = xml.clone();
            for _ in 0..1 + next() % 4 {
                let at = (next() as usize) % bytes.len();
                bytes[at] = INTERESTING[(next() as usize) % INTERESTING.len()];
            }
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let _ = round_trip(text);
                read += 1;
            }
        }
    }
    assert!(read > 5_000, "only {read} inputs were read");
}

/// The size budget (256 bytes by default) boxes what would make a type
/// larger: EWS's item choices hold every item type, and inline each was
/// as large as `CalendarItemType` (4.8 KB). A struct's own fields still
/// add up (a hundred optional strings are 2.4 KB), but no value inside it
/// is larger than the budget.
#[test]
fn large_types_stay_within_the_size_budget() {
    use std::mem::size_of;
    let choice = size_of::<types::ArrayOfRealItemsTypeChoice>();
    assert!(
        choice <= 256 + 8,
        "ArrayOfRealItemsTypeChoice is {choice} bytes"
    );
    // Fields of at most a word of `Option` tag each beside 24-byte
    // strings and vectors: the struct is its field count times 32 at most.
    let calendar = size_of::<types::CalendarItemType>();
    assert!(calendar < 4096, "CalendarItemType is {calendar} bytes");
    let item = size_of::<types::ItemType>();
    assert!(item < 2168, "ItemType is {item} bytes");
}
