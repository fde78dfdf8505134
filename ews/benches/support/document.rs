//! A FindItem response of any length, as Exchange 2016 writes one for an
//! item shape close to `AllProperties`: on one line, the version header
//! with its own default namespace, the `m:` and `t:` prefixes declared on
//! the response element.
//!
//! A message carries 26 or 27 properties, in the order of `t:ItemType`'s
//! sequence and then `t:MessageType`'s. Every seventh item is a meeting
//! request, whose properties of `t:MeetingMessageType` and
//! `t:MeetingRequestMessageType` follow, so that the item choice is
//! exercised. Subjects, topics and message ids carry entity references,
//! names and places non-ASCII letters now and then, so that text is
//! decoded as well as borrowed.
//!
//! The document depends on nothing but `items`: the same count gives the
//! same bytes, and nothing large is kept in the repository. Every choice
//! made per item cycles with a period dividing 420 (kind 7, sender 5,
//! subject 6, recipients 3, Cc 4, sensitivity 12, ...), so 420 items hold
//! every combination.

use std::fmt::Write as _;

/// Name, address, mailbox type and culture of whoever sends an item.
const SENDERS: [(&str, &str, &str, &str); 5] = [
    (
        "Jörg Müller",
        "joerg.mueller@contoso.com",
        "Mailbox",
        "de-DE",
    ),
    ("Megan Bowen", "megan.bowen@contoso.com", "Mailbox", "en-US"),
    ("Finance Team", "finance@contoso.com", "PublicDL", "en-US"),
    ("Adele Vance", "adele.vance@contoso.com", "Mailbox", "en-GB"),
    (
        "Nestor Wilke",
        "nestor.wilke@contoso.com",
        "Mailbox",
        "en-US",
    ),
];

/// The owner of the mailbox searched: every item is addressed to them.
const OWNER: (&str, &str) = ("Alex Wilber", "alex.wilber@contoso.com");

/// Subject and conversation topic (the subject without its prefix).
const SUBJECTS: [(&str, &str); 6] = [
    (
        "Q3 figures &amp; the budget review on Thursday",
        "Q3 figures &amp; the budget review on Thursday",
    ),
    (
        "Budget review (FY25 planning)",
        "Budget review (FY25 planning)",
    ),
    (
        "RE: Budget template for 2025 (draft)",
        "Budget template for 2025 (draft)",
    ),
    (
        "Weekly sync: notes and action items",
        "Weekly sync: notes and action items",
    ),
    (
        "FW: Travel request &lt;approved&gt;",
        "Travel request &lt;approved&gt;",
    ),
    (
        "Lunch on Friday at Café Österreich?",
        "Lunch on Friday at Café Österreich?",
    ),
];

const IMPORTANCE: [&str; 3] = ["Normal", "High", "Low"];

/// Mostly normal, as in a real inbox.
const SENSITIVITY: [&str; 12] = [
    "Normal",
    "Normal",
    "Normal",
    "Personal",
    "Normal",
    "Normal",
    "Normal",
    "Normal",
    "Private",
    "Normal",
    "Normal",
    "Confidential",
];

const LOCATIONS: [&str; 3] = [
    "Konferenzraum Zürich (3. OG)",
    "Microsoft Teams Meeting",
    "Room 4.12 &amp; online",
];

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The mailbox's inbox, which holds every item.
const INBOX: &str = "AAMkADk0N2Y1ZjBiLTQ4ZGUtNDdhNC1iZGQ1LWE1NDAxMzhmYTJjYQAuAAAAAAAsnPvOdVaNQ7hzjJBtpqkBAQCKbx1Xak+sQ4dDjbqckaQrAAAAAAEMAAA=";

/// `n` as four base64 digits, so that every item has its own id.
fn digits(n: usize) -> String {
    (0..4)
        .rev()
        .map(|i| char::from(BASE64[(n >> (6 * i)) & 63]))
        .collect()
}

/// The complete envelope with `items` items in the root folder.
pub fn find_item_response(items: usize) -> String {
    let mut xml = String::with_capacity(1_900 * items + 1_200);
    xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="utf-8"?>"#,
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">"#,
        r#"<s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" xmlns="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></s:Header>"#,
        r#"<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">"#,
        r#"<m:FindItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">"#,
        r#"<m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>"#,
    ));
    let _ = write!(
        xml,
        r#"<m:RootFolder IndexedPagingOffset="{items}" TotalItemsInView="{items}" IncludesLastItemInRange="true"><t:Items>"#
    );
    for i in 0..items {
        item(&mut xml, i);
    }
    xml.push_str(concat!(
        "</t:Items></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages>",
        "</m:FindItemResponse></s:Body></s:Envelope>",
    ));
    xml
}

fn item(xml: &mut String, i: usize) {
    let meeting = i % 7 == 6;
    let kind = if meeting { "MeetingRequest" } else { "Message" };
    let _ = write!(xml, "<t:{kind}>");
    item_properties(xml, i, meeting);
    message_properties(xml, i);
    if meeting {
        meeting_request_properties(xml, i);
    }
    let _ = write!(xml, "</t:{kind}>");
}

/// When the item was received: a different minute for each item.
fn received(i: usize) -> (usize, usize, usize) {
    (1 + i % 28, i % 24, i % 60)
}

/// Who the item is to: the owner, and every third item someone else too.
fn recipients(i: usize) -> Vec<(&'static str, &'static str)> {
    let mut to = vec![OWNER];
    if i % 3 == 1 {
        let (name, address, _, _) = SENDERS[(i + 2) % SENDERS.len()];
        to.push((name, address));
    }
    to
}

/// `t:ItemType`'s part, in its order.
fn item_properties(xml: &mut String, i: usize, meeting: bool) {
    let (sender, _, _, culture) = SENDERS[i % SENDERS.len()];
    let (subject, _) = SUBJECTS[i % SUBJECTS.len()];
    let (day, hour, minute) = received(i);
    let (class, change) = if meeting {
        ("IPM.Schedule.Meeting.Request", "CwAAAB")
    } else {
        ("IPM.Note", "CQAAAB")
    };
    let id = digits(i);
    let _ = write!(
        xml,
        concat!(
            r#"<t:ItemId Id="AAMkADk0N2Y1ZjBiLTQ4ZGUtNDdhNC1iZGQ1LWE1NDAxMzhmYTJjYQBGAAAAAAAsnPvOdVaNQ7hzjJBtpqkBBwCKbx1Xak+sQ4dDjbqckaQrAAAAAAEMAACKbx1Xak+sQ4dDjbqckaQrAAAKG{id}AAA=" ChangeKey="{change}YAAACKbx1Xak+sQ4dDjbqckaQrAAAKG{id}"/>"#,
            r#"<t:ParentFolderId Id="{inbox}" ChangeKey="AQAAAA=="/>"#,
            "<t:ItemClass>{class}</t:ItemClass>",
            "<t:Subject>{subject}</t:Subject>",
            "<t:Sensitivity>{sensitivity}</t:Sensitivity>",
            "<t:DateTimeReceived>2024-10-{day:02}T{hour:02}:{minute:02}:19Z</t:DateTimeReceived>",
            "<t:Size>{size}</t:Size>",
            "<t:Importance>{importance}</t:Importance>",
            "<t:IsSubmitted>false</t:IsSubmitted>",
            "<t:IsDraft>false</t:IsDraft>",
            "<t:IsFromMe>false</t:IsFromMe>",
            "<t:DateTimeSent>2024-10-{day:02}T{hour:02}:{minute:02}:12Z</t:DateTimeSent>",
            "<t:DateTimeCreated>2024-10-{day:02}T{hour:02}:{minute:02}:20Z</t:DateTimeCreated>",
        ),
        id = id,
        change = change,
        inbox = INBOX,
        class = class,
        subject = subject,
        sensitivity = SENSITIVITY[i % SENSITIVITY.len()],
        size = 4_000 + (i * 7_919) % 90_000,
        importance = IMPORTANCE[i % IMPORTANCE.len()],
        day = day,
        hour = hour,
        minute = minute,
    );
    if i % 4 == 1 {
        let (cc, _, _, _) = SENDERS[(i + 3) % SENDERS.len()];
        let _ = write!(xml, "<t:DisplayCc>{cc}</t:DisplayCc>");
    }
    xml.push_str("<t:DisplayTo>");
    for (n, (name, _)) in recipients(i).into_iter().enumerate() {
        if n > 0 {
            xml.push_str("; ");
        }
        xml.push_str(name);
    }
    xml.push_str("</t:DisplayTo>");
    let _ = write!(
        xml,
        concat!(
            "<t:HasAttachments>{attachments}</t:HasAttachments>",
            "<t:Culture>{culture}</t:Culture>",
            "<t:LastModifiedName>{modifier}</t:LastModifiedName>",
            "<t:LastModifiedTime>2024-10-{day:02}T{hour:02}:{minute:02}:23Z</t:LastModifiedTime>",
            r#"<t:ConversationId Id="AAQkADk0N2Y1ZjBiLTQ4ZGUtNDdhNC1iZGQ1LWE1NDAxMzhmYTJjYQAQAE{conversation}dVaNQ7hzjJBtpqkE="/>"#,
        ),
        attachments = i % 3 == 0,
        culture = culture,
        // A message the owner has read was last changed by them.
        modifier = if i % 2 == 0 { OWNER.0 } else { sender },
        day = day,
        hour = hour,
        minute = minute,
        conversation = digits(i % SUBJECTS.len()),
    );
}

/// `t:MessageType`'s part, in its order.
fn message_properties(xml: &mut String, i: usize) {
    let (name, address, mailbox_type, _) = SENDERS[i % SENDERS.len()];
    let (_, topic) = SUBJECTS[i % SUBJECTS.len()];
    xml.push_str("<t:Sender>");
    mailbox(xml, name, address, mailbox_type);
    xml.push_str("</t:Sender><t:ToRecipients>");
    for (to, to_address) in recipients(i) {
        mailbox(xml, to, to_address, "Mailbox");
    }
    let _ = write!(
        xml,
        concat!(
            "</t:ToRecipients>",
            "<t:IsReadReceiptRequested>{receipt}</t:IsReadReceiptRequested>",
            "<t:ConversationTopic>{topic}</t:ConversationTopic>",
        ),
        receipt = i % 10 == 3,
        topic = topic,
    );
    xml.push_str("<t:From>");
    mailbox(xml, name, address, mailbox_type);
    let _ = write!(
        xml,
        concat!(
            "</t:From>",
            "<t:InternetMessageId>&lt;DB7PR03MB4972{hash:08X}@DB7PR03MB4972.eurprd03.prod.outlook.com&gt;</t:InternetMessageId>",
            "<t:IsRead>{read}</t:IsRead>",
        ),
        hash = (i as u64).wrapping_mul(2_654_435_761) & 0xFFFF_FFFF,
        read = i % 2 == 0,
    );
}

/// `t:MeetingMessageType`'s and `t:MeetingRequestMessageType`'s parts.
fn meeting_request_properties(xml: &mut String, i: usize) {
    let (day, _, _) = received(i);
    let start = 9 + i % 8;
    let _ = write!(
        xml,
        concat!(
            "<t:HasBeenProcessed>true</t:HasBeenProcessed>",
            "<t:ResponseType>NoResponseReceived</t:ResponseType>",
            "<t:MeetingRequestType>NewMeetingRequest</t:MeetingRequestType>",
            "<t:IntendedFreeBusyStatus>Busy</t:IntendedFreeBusyStatus>",
            "<t:Start>2024-11-{day:02}T{start:02}:00:00Z</t:Start>",
            "<t:End>2024-11-{day:02}T{end:02}:00:00Z</t:End>",
            "<t:IsAllDayEvent>false</t:IsAllDayEvent>",
            "<t:LegacyFreeBusyStatus>Tentative</t:LegacyFreeBusyStatus>",
            "<t:Location>{location}</t:Location>",
        ),
        day = day,
        start = start,
        end = start + 1,
        location = LOCATIONS[i % LOCATIONS.len()],
    );
}

fn mailbox(xml: &mut String, name: &str, address: &str, mailbox_type: &str) {
    let _ = write!(
        xml,
        concat!(
            "<t:Mailbox><t:Name>{name}</t:Name><t:EmailAddress>{address}</t:EmailAddress>",
            "<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>{mailbox_type}</t:MailboxType></t:Mailbox>",
        ),
        name = name,
        address = address,
        mailbox_type = mailbox_type,
    );
}
