//! Reading the content of a `Fault` element, in either version.
//!
//! Children are matched by local name: SOAP 1.1 makes them unqualified and
//! some stacks qualify them anyway, SOAP 1.2 qualifies them and a lenient
//! reading costs nothing. Unknown children are skipped: a fault is worth
//! reporting even when it is odd, and a fault without its required parts
//! is still reported, with them empty, rather than lost to a decode error.

use crate::xml::{Name, NamespaceContext, ReadError, XmlReader, ns};

use super::detail::read_detail;
use super::{Fault, FaultCode, ReasonText, SoapVersion};

const XML_LANG: Name = Name::new(ns::XML, "lang");

/// Reads the content of a `Fault` whose start tag has been read.
pub(crate) fn read_fault(r: &mut XmlReader<'_>, version: SoapVersion) -> Result<Fault, ReadError> {
    let mut fault = match version {
        SoapVersion::V11 => read_fault11(r)?,
        SoapVersion::V12 => read_fault12(r)?,
    };
    fault.version = version;
    Ok(fault)
}

fn empty_fault() -> Fault {
    let mut fault = Fault::new(FaultCode::parse("", |_| None), "");
    fault.version = SoapVersion::V11;
    fault
}

fn read_fault11(r: &mut XmlReader<'_>) -> Result<Fault, ReadError> {
    let mut fault = empty_fault();
    while let Some(child) = r.next_child()? {
        match child.local_name() {
            "faultcode" => fault.code = read_code_text(r)?,
            "faultstring" => {
                fault.lang = r.attribute(&child, XML_LANG)?.map(|l| l.into_owned());
                fault.string = r.read_text()?.into_owned();
            }
            "faultactor" => fault.actor = Some(r.read_text()?.into_owned()),
            "detail" => fault.detail = read_detail(r, &child)?,
            _ => r.skip()?,
        }
    }
    Ok(fault)
}

fn read_fault12(r: &mut XmlReader<'_>) -> Result<Fault, ReadError> {
    let mut fault = empty_fault();
    let mut codes = Vec::new();
    let mut texts = Vec::new();
    while let Some(child) = r.next_child()? {
        match child.local_name() {
            "Code" => codes = read_codes(r)?,
            "Reason" => texts = read_reason(r)?,
            "Node" => fault.node = Some(r.read_text()?.into_owned()),
            "Role" => fault.actor = Some(r.read_text()?.into_owned()),
            "Detail" => fault.detail = read_detail(r, &child)?,
            _ => r.skip()?,
        }
    }
    let mut codes = codes.into_iter();
    if let Some(code) = codes.next() {
        fault.code = code;
    }
    fault.subcodes = codes.collect();
    let mut texts = texts.into_iter();
    if let Some(first) = texts.next() {
        fault.string = first.text;
        fault.lang = first.lang;
    }
    fault.translations = texts.collect();
    Ok(fault)
}

/// The `Value`s of `Code` and its nested `Subcode`s, outermost first.
/// Iterative, so that a deep nesting costs no stack.
fn read_codes(r: &mut XmlReader<'_>) -> Result<Vec<FaultCode>, ReadError> {
    let mut codes = Vec::new();
    // `Subcode` elements open inside `Code`.
    let mut depth = 0usize;
    loop {
        match r.next_child()? {
            Some(child) => match child.local_name() {
                "Value" => codes.push(read_code_text(r)?),
                "Subcode" => depth += 1,
                _ => r.skip()?,
            },
            None if depth == 0 => return Ok(codes),
            None => depth -= 1,
        }
    }
}

fn read_reason(r: &mut XmlReader<'_>) -> Result<Vec<ReasonText>, ReadError> {
    let mut texts = Vec::new();
    while let Some(child) = r.next_child()? {
        if child.local_name() != "Text" {
            r.skip()?;
            continue;
        }
        let lang = r.attribute(&child, XML_LANG)?.map(|l| l.into_owned());
        let text = r.read_text()?.into_owned();
        texts.push(ReasonText { lang, text });
    }
    Ok(texts)
}

/// A code's text, whose element's start tag has just been read.
fn read_code_text(r: &mut XmlReader<'_>) -> Result<FaultCode, ReadError> {
    let text = r.read_text()?.into_owned();
    // The element's declarations stay in scope until the next event, so a
    // prefix declared on the code's element itself resolves.
    Ok(FaultCode::parse(&text, |p| r.resolve_prefix(p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::soap::FaultDetail;

    #[test]
    fn a_deeply_nested_code_is_read_without_recursion() {
        let depth = 5_000;
        let mut xml = String::from(
            r#"<F xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Code><e:Value>e:Sender</e:Value>"#,
        );
        for i in 0..depth {
            xml.push_str(&format!("<e:Subcode><e:Value>c{i}</e:Value>"));
        }
        xml.push_str(&"</e:Subcode>".repeat(depth));
        xml.push_str("</e:Code><e:Reason><e:Text xml:lang=\"en\">r</e:Text></e:Reason></F>");
        let mut r = XmlReader::new(&xml);
        r.root().unwrap();
        let fault = read_fault(&mut r, SoapVersion::V12).unwrap();
        assert_eq!(fault.code.local, "Sender");
        assert_eq!(fault.subcodes.len(), depth);
        assert_eq!(fault.subcodes[depth - 1].local, format!("c{}", depth - 1));
        assert_eq!(fault.detail, FaultDetail::default());
    }
}
