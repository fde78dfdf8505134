//! What one would write by hand for a FindItem response with serde and
//! `quick_xml::de`/`quick_xml::se`: the fields the document carries, the
//! two enumerations as enums, the item choice as an enum by element name.
//!
//! serde knows no namespaces: it reads elements by local name, and writes
//! what it is given, so the two namespaces of the body are written as
//! default-namespace declarations (`xmlns` fields) and the envelope's
//! prefix is part of the names it writes. The generated readers check
//! every element's namespace URI, strictly more work.

use serde::{Deserialize, Serialize};

pub const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";
pub const MESSAGES: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";
pub const TYPES: &str = "http://schemas.microsoft.com/exchange/services/2006/types";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename(serialize = "s:Envelope", deserialize = "Envelope"))]
pub struct Envelope {
    #[serde(rename = "@xmlns:s", default, skip_deserializing)]
    pub xmlns_s: String,
    #[serde(rename(serialize = "s:Header", deserialize = "Header"))]
    pub header: Header,
    #[serde(rename(serialize = "s:Body", deserialize = "Body"))]
    pub body: Body,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    #[serde(rename = "ServerVersionInfo")]
    pub server_version_info: ServerVersionInfo,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ServerVersionInfo {
    #[serde(rename = "@xmlns", default, skip_deserializing)]
    pub xmlns: String,
    #[serde(rename = "@MajorVersion")]
    pub major_version: i32,
    #[serde(rename = "@MinorVersion")]
    pub minor_version: i32,
    #[serde(rename = "@MajorBuildNumber")]
    pub major_build_number: i32,
    #[serde(rename = "@MinorBuildNumber")]
    pub minor_build_number: i32,
    #[serde(rename = "@Version")]
    pub version: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Body {
    #[serde(rename = "FindItemResponse")]
    pub response: FindItemResponse,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FindItemResponse {
    #[serde(rename = "@xmlns", default, skip_deserializing)]
    pub xmlns: String,
    #[serde(rename = "ResponseMessages")]
    pub response_messages: ResponseMessages,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ResponseMessages {
    #[serde(rename = "FindItemResponseMessage")]
    pub messages: Vec<FindItemResponseMessage>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FindItemResponseMessage {
    #[serde(rename = "@ResponseClass")]
    pub response_class: String,
    #[serde(rename = "ResponseCode")]
    pub response_code: Option<String>,
    #[serde(rename = "RootFolder")]
    pub root_folder: Option<RootFolder>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RootFolder {
    #[serde(rename = "@IndexedPagingOffset")]
    pub indexed_paging_offset: Option<i32>,
    #[serde(rename = "@TotalItemsInView")]
    pub total_items_in_view: Option<i32>,
    #[serde(rename = "@IncludesLastItemInRange")]
    pub includes_last_item_in_range: Option<bool>,
    #[serde(rename = "Items")]
    pub items: Items,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Items {
    #[serde(rename = "@xmlns", default, skip_deserializing)]
    pub xmlns: String,
    #[serde(rename = "$value", default)]
    pub items: Vec<Item>,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum Item {
    Message(Message),
    MeetingRequest(Message),
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Message {
    pub item_id: Option<ItemId>,
    pub subject: Option<String>,
    pub date_time_received: Option<String>,
    pub size: Option<i32>,
    pub importance: Option<Importance>,
    pub has_attachments: Option<bool>,
    pub from: Option<From>,
    pub is_read: Option<bool>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ItemId {
    #[serde(rename = "@Id")]
    pub id: String,
    #[serde(rename = "@ChangeKey")]
    pub change_key: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum Importance {
    Low,
    Normal,
    High,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct From {
    #[serde(rename = "Mailbox")]
    pub mailbox: Mailbox,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Mailbox {
    pub name: Option<String>,
    pub email_address: Option<String>,
    pub routing_type: Option<String>,
    pub mailbox_type: Option<MailboxType>,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum MailboxType {
    Unknown,
    OneOff,
    Mailbox,
    PublicDL,
    PrivateDL,
    Contact,
    PublicFolder,
    GroupMailbox,
    ImplicitContact,
    User,
}

impl Envelope {
    /// Fills in the namespace declarations, which reading leaves empty,
    /// so that what is written means what was read.
    pub fn with_namespaces(mut self) -> Self {
        self.xmlns_s = SOAP.to_owned();
        self.header.server_version_info.xmlns = TYPES.to_owned();
        self.body.response.xmlns = MESSAGES.to_owned();
        for message in &mut self.body.response.response_messages.messages {
            if let Some(folder) = &mut message.root_folder {
                folder.items.xmlns = TYPES.to_owned();
            }
        }
        self
    }
}

pub fn read(xml: &str) -> Envelope {
    quick_xml::de::from_str(xml).expect("the document must decode")
}

pub fn write(value: &Envelope) -> String {
    quick_xml::se::to_string(value).expect("a response read from a document writes")
}
