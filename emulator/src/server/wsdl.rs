//! `GET <endpoint>?wsdl`, as ASMX services answer it, and the schema files
//! the WSDL imports by relative location.

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use super::routes::AppState;

const WSDL: &str = include_str!("../../../schemas/um.wsdl");
const SCHEMAS: [(&str, &str); 2] = [
    (
        "um-messages.xsd",
        include_str!("../../../schemas/um-messages.xsd"),
    ),
    (
        "um-types.xsd",
        include_str!("../../../schemas/um-types.xsd"),
    ),
];

/// GET on an endpoint: the WSDL with `?wsdl`, else a short service page.
pub(super) async fn endpoint_get(State(state): State<AppState>, uri: Uri) -> Response {
    let wants_wsdl = uri
        .query()
        .is_some_and(|q| q.split('&').any(|part| part.eq_ignore_ascii_case("wsdl")));
    if !wants_wsdl {
        let page = format!(
            "<html><body><h1>UM web service</h1><p>The service description is at \
             <a href=\"{0}?wsdl\">{0}?wsdl</a>.</p></body></html>",
            uri.path()
        );
        return ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response();
    }
    let location = format!("{}{}", state.base_url, uri.path());
    let wsdl = with_soap_address(WSDL, &location);
    ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], wsdl).into_response()
}

/// The XSD files next to the endpoint, where the WSDL's relative imports point.
pub(super) async fn schema_file(Path(file): Path<String>) -> Response {
    match SCHEMAS.iter().find(|(name, _)| *name == file) {
        Some((_, text)) => {
            ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], *text).into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Points every `soap:address` at the endpoint actually serving, as ASMX does.
fn with_soap_address(wsdl: &str, location: &str) -> String {
    const MARK: &str = "address location=\"";
    let mut out = String::with_capacity(wsdl.len() + 64);
    let mut rest = wsdl;
    while let Some(start) = rest.find(MARK) {
        let value_start = start + MARK.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        match rest.find('"') {
            Some(end) => {
                out.push_str(location);
                rest = &rest[end..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::with_soap_address;

    #[test]
    fn rewrites_every_address() {
        let wsdl = r#"<soap:address location="https://x/a"/><soap12:address location="y"/>"#;
        assert_eq!(
            with_soap_address(wsdl, "http://127.0.0.1:1/EWS/UM2007Legacy.asmx"),
            r#"<soap:address location="http://127.0.0.1:1/EWS/UM2007Legacy.asmx"/><soap12:address location="http://127.0.0.1:1/EWS/UM2007Legacy.asmx"/>"#
        );
    }
}
