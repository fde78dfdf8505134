//! `GET <endpoint>?wsdl` on both service paths, as ASMX services answer it.

mod common;

use common::{TestResult, client, demo};

#[tokio::test]
async fn the_wsdl_is_served_on_both_paths_as_text_xml_without_credentials() -> TestResult {
    let emu = demo().await?;
    for url in [emu.ews_url(), emu.legacy_url()] {
        for query in ["wsdl", "WSDL"] {
            let response = client().get(format!("{url}?{query}")).send().await?;
            assert_eq!(response.status().as_u16(), 200, "{url}?{query}");
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            assert!(content_type.starts_with("text/xml"), "{content_type}");
            let wsdl = response.text().await?;
            let doc = document_element(&wsdl)?;
            assert_eq!(doc, "definitions");
            // The service's address is the endpoint that served it.
            assert!(wsdl.contains(&format!("location=\"{url}\"")), "{wsdl}");
            for operation in [
                "IsUMEnabled",
                "GetUMProperties",
                "SetOofStatus",
                "SetPlayOnPhoneDialString",
                "SetTelephoneAccessFolderEmail",
                "SetMissedCallNotificationEnabled",
                "ResetPIN",
                "PlayOnPhone",
                "GetCallInfo",
                "Disconnect",
                "PlayOnPhoneGreeting",
            ] {
                assert!(
                    wsdl.contains(&format!("operation name=\"{operation}\"")),
                    "{operation} missing from {url}?{query}"
                );
            }
        }
    }
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn the_imported_schemas_are_next_to_each_endpoint() -> TestResult {
    let emu = demo().await?;
    for dir in ["EWS", "UnifiedMessaging"] {
        for file in ["um-messages.xsd", "um-types.xsd"] {
            let url = format!("{}/{dir}/{file}", emu.base_url());
            let response = client().get(&url).send().await?;
            assert_eq!(response.status().as_u16(), 200, "{url}");
            assert!(response.text().await?.contains("schema"), "{url}");
        }
        let missing = format!("{}/{dir}/nothing.xsd", emu.base_url());
        let response = client().get(&missing).send().await?;
        assert_eq!(response.status().as_u16(), 404, "{missing}");
    }
    emu.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_get_without_wsdl_is_a_page_pointing_at_it() -> TestResult {
    let emu = demo().await?;
    let response = client().get(emu.ews_url()).send().await?;
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.text().await?.contains("?wsdl"));
    emu.shutdown().await?;
    Ok(())
}

/// The local name of the document element, found without an XML parser
/// dependency: the first element after the prolog and comments.
fn document_element(xml: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut rest = xml;
    loop {
        let start = rest.find('<').ok_or("no element")?;
        rest = &rest[start + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect();
        return Ok(name.rsplit(':').next().unwrap_or_default().to_owned());
    }
}
