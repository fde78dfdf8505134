//! What to do about a failed call, said after the error: the runtime's
//! errors state what happened, and only the command line knows the URL it
//! was given and which flags would help.

use xsdgen_runtime::Error;

/// A hint for `error` of a call to `url` (None: the embedded emulator).
pub fn hint(error: &Error, url: Option<&str>) -> Option<String> {
    let at = url.unwrap_or("the embedded emulator");
    match error {
        Error::Http { status: 404, .. } => Some(format!(
            "{at} has no UM service; Exchange 2010-2016 serve it at \
             https://<server>/EWS/UM2007Legacy.asmx, Exchange 2007 at \
             https://<server>/UnifiedMessaging/Service.asmx"
        )),
        Error::Connect { .. } | Error::ConnectTimeout { .. } => {
            Some(match url.and_then(host_port) {
                Some(host) => format!(
                    "nothing answered at {host}: check the host, the port and that the server is up"
                ),
                None => format!("nothing answered at {at}"),
            })
        }
        Error::Unauthorized { challenges, .. } => {
            let offers: Vec<&str> = challenges
                .iter()
                .filter_map(|c| c.split_whitespace().next())
                .collect();
            Some(format!(
                "check --user and the password variable; the server offers {}, chosen with --auth",
                if offers.is_empty() {
                    "no scheme".to_owned()
                } else {
                    offers.join(", ")
                }
            ))
        }
        Error::InsecureHttp { host } => Some(format!(
            "use https://, or pass --allow-insecure-http {host} for a test server"
        )),
        _ => None,
    }
}

/// `host:port` of `url`, with the scheme's default port.
fn host_port(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    if authority.is_empty() {
        return None;
    }
    let has_port = authority
        .rsplit_once(':')
        .is_some_and(|(_, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if has_port {
        return Some(authority.to_owned());
    }
    let port = match scheme {
        "http" => 80,
        _ => 443,
    };
    Some(format!("{authority}:{port}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_404_names_the_url_and_the_service_paths() {
        let e = Error::Http {
            status: 404,
            snippet: String::new(),
            challenges: Vec::new(),
            cas_error_code: None,
            retry_after: None,
        };
        let h = hint(&e, Some("https://mail.example.com/ews")).unwrap();
        assert!(
            h.starts_with("https://mail.example.com/ews has no UM service"),
            "{h}"
        );
        assert!(h.contains("/EWS/UM2007Legacy.asmx"), "{h}");
    }

    #[test]
    fn a_refused_connection_names_host_and_port() {
        let e = Error::Connect {
            detail: "refused".into(),
        };
        let h = hint(
            &e,
            Some("https://user@mail.example.com/EWS/UM2007Legacy.asmx"),
        )
        .unwrap();
        assert!(
            h.contains("nothing answered at mail.example.com:443"),
            "{h}"
        );
        let h = hint(&e, Some("http://127.0.0.1:8080/x")).unwrap();
        assert!(h.contains("127.0.0.1:8080"), "{h}");
    }

    #[test]
    fn other_errors_have_no_hint() {
        assert_eq!(hint(&Error::Config("x".into()), None), None);
    }
}
