//! What one would write by hand for a FindItem response with serde and
//! `quick_xml::de`/`quick_xml::se`: the fields the document carries, its
//! enumerations as enums, the item choice as an enum by element name.
//! Messages and meeting requests share one struct, the meeting request's
//! own properties optional at its end, as a client wanting one type for
//! the items of a folder would write it.
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

/// An item's properties in document order: `t:ItemType`'s, then
/// `t:MessageType`'s, then those of a meeting request, which messages do
/// not have (and so are not written for them).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Message {
    pub item_id: Option<Id>,
    pub parent_folder_id: Option<Id>,
    pub item_class: Option<String>,
    pub subject: Option<String>,
    pub sensitivity: Option<Sensitivity>,
    pub date_time_received: Option<String>,
    pub size: Option<i32>,
    pub importance: Option<Importance>,
    pub is_submitted: Option<bool>,
    pub is_draft: Option<bool>,
    pub is_from_me: Option<bool>,
    pub date_time_sent: Option<String>,
    pub date_time_created: Option<String>,
    // Only items with a Cc have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_cc: Option<String>,
    pub display_to: Option<String>,
    pub has_attachments: Option<bool>,
    pub culture: Option<String>,
    pub last_modified_name: Option<String>,
    pub last_modified_time: Option<String>,
    pub conversation_id: Option<Id>,
    pub sender: Option<SingleRecipient>,
    pub to_recipients: Option<Recipients>,
    pub is_read_receipt_requested: Option<bool>,
    pub conversation_topic: Option<String>,
    pub from: Option<SingleRecipient>,
    pub internet_message_id: Option<String>,
    pub is_read: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_been_processed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_type: Option<ResponseType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_request_type: Option<MeetingRequestType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intended_free_busy_status: Option<LegacyFreeBusy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_all_day_event: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legacy_free_busy_status: Option<LegacyFreeBusy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// The id of an item, a folder or a conversation.
#[derive(Debug, Serialize, Deserialize)]
pub struct Id {
    #[serde(rename = "@Id")]
    pub id: String,
    #[serde(rename = "@ChangeKey", skip_serializing_if = "Option::is_none")]
    pub change_key: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum Sensitivity {
    Normal,
    Personal,
    Private,
    Confidential,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum Importance {
    Low,
    Normal,
    High,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct SingleRecipient {
    #[serde(rename = "Mailbox")]
    pub mailbox: Mailbox,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Recipients {
    #[serde(rename = "Mailbox", default)]
    pub mailboxes: Vec<Mailbox>,
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

#[derive(Debug, Serialize, Deserialize)]
pub enum ResponseType {
    Unknown,
    Organizer,
    Tentative,
    Accept,
    Decline,
    NoResponseReceived,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum MeetingRequestType {
    None,
    FullUpdate,
    InformationalUpdate,
    NewMeetingRequest,
    Outdated,
    SilentUpdate,
    PrincipalWantsCopy,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum LegacyFreeBusy {
    Free,
    Tentative,
    Busy,
    #[serde(rename = "OOF")]
    Oof,
    WorkingElsewhere,
    NoData,
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
