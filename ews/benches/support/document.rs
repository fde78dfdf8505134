//! A FindItem response of any length, as Exchange 2016 writes one for the
//! default item shape plus `Size`, `From` and `IsRead`: on one line, the
//! version header with its own default namespace, the `m:` and `t:`
//! prefixes declared on the response element. Every seventh item is a
//! meeting request, so that the item choice is exercised; subjects carry
//! entity references and names non-ASCII letters now and then, so that
//! text is decoded as well as borrowed.
//!
//! The document depends on nothing but `items`: the same count gives the
//! same bytes, and nothing large is kept in the repository.

use std::fmt::Write as _;

const SENDERS: [(&str, &str); 5] = [
    ("Jörg Müller", "joerg.mueller@contoso.com"),
    ("Megan Bowen", "megan.bowen@contoso.com"),
    ("Finance Team", "finance@contoso.com"),
    ("Adele Vance", "adele.vance@contoso.com"),
    ("Nestor Wilke", "nestor.wilke@contoso.com"),
];

const SUBJECTS: [&str; 6] = [
    "Q3 figures &amp; the budget review on Thursday",
    "Budget review (FY25 planning)",
    "RE: Budget template for 2025 (draft)",
    "Weekly sync: notes and action items",
    "FW: Travel request &lt;approved&gt;",
    "Lunch on Friday?",
];

const IMPORTANCE: [&str; 3] = ["Normal", "High", "Low"];

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `n` as four base64 digits, so that every item has its own id.
fn digits(n: usize) -> String {
    (0..4)
        .rev()
        .map(|i| char::from(BASE64[(n >> (6 * i)) & 63]))
        .collect()
}

/// The complete envelope with `items` items in the root folder.
pub fn find_item_response(items: usize) -> String {
    let mut xml = String::with_capacity(600 * items + 1200);
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
    let kind = if i % 7 == 6 {
        "MeetingRequest"
    } else {
        "Message"
    };
    let (name, address) = SENDERS[i % SENDERS.len()];
    let id = digits(i);
    let _ = write!(
        xml,
        concat!(
            "<t:{kind}>",
            r#"<t:ItemId Id="AAMkADk0N2Y1ZjBiLTQ4ZGUtNDdhNC1iZGQ1LWE1NDAxMzhmYTJjYQBGAAAAAAAsnPvOdVaNQ7hzjJBtpqkBBwCKbx1Xak+sQ4dDjbqckaQrAAAAAAEMAACKbx1Xak+sQ4dDjbqckaQrAAAKG{id}AAA=" ChangeKey="CQAAABYAAACKbx1Xak+sQ4dDjbqckaQrAAAKG{id}"/>"#,
            "<t:Subject>{subject}</t:Subject>",
            "<t:DateTimeReceived>2024-10-{day:02}T{hour:02}:{minute:02}:19Z</t:DateTimeReceived>",
            "<t:Size>{size}</t:Size>",
            "<t:Importance>{importance}</t:Importance>",
            "<t:HasAttachments>{attachments}</t:HasAttachments>",
            "<t:From><t:Mailbox><t:Name>{name}</t:Name><t:EmailAddress>{address}</t:EmailAddress>",
            "<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox></t:From>",
            "<t:IsRead>{read}</t:IsRead>",
            "</t:{kind}>",
        ),
        kind = kind,
        id = id,
        subject = SUBJECTS[i % SUBJECTS.len()],
        day = 1 + i % 28,
        hour = i % 24,
        minute = i % 60,
        size = 4_000 + (i * 7_919) % 90_000,
        importance = IMPORTANCE[i % IMPORTANCE.len()],
        attachments = i % 3 == 0,
        name = name,
        address = address,
        read = i % 2 == 0,
    );
}
