//! Credentials never travel in clear text to another machine by accident.
//!
//! A Basic password or a bearer token sent over plain `http://` can be read
//! by anyone on the path. Loopback is exempt (an emulator, a local proxy
//! that adds TLS); any other host must be named by the caller with
//! `ClientBuilder::allow_insecure_http_for`. The check runs when the client
//! is built, so nothing is ever sent from a client that would break it.

use std::net::IpAddr;

use reqwest::Url;

use crate::error::Error;

/// Refuses `endpoint` when it is plain http to a host that is neither
/// loopback nor in `allowed` (compared without regard to case), and the
/// client sends credentials.
pub(crate) fn check(
    endpoint: &Url,
    sends_credentials: bool,
    allowed: &[String],
) -> Result<(), Error> {
    if endpoint.scheme() != "http" || !sends_credentials {
        return Ok(());
    }
    let Some(host) = endpoint.host_str() else {
        return Ok(());
    };
    if is_loopback(host) || allowed.iter().any(|a| same_host(a, host)) {
        return Ok(());
    }
    Err(Error::InsecureHttp {
        host: host.to_owned(),
    })
}

/// `host` as [`Url::host_str`] gives it: an IPv6 address in brackets.
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip.is_loopback(),
        Ok(IpAddr::V6(ip)) => {
            ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
        // RFC 6761 reserves `localhost` and its subdomains for loopback.
        Err(_) => {
            let name = bare.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
    }
}

/// `allowed` as the caller wrote it (perhaps with brackets around an IPv6
/// address, or a trailing dot) against the URL's host.
fn same_host(allowed: &str, host: &str) -> bool {
    let strip = |h: &str| {
        h.trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim_end_matches('.')
            .to_ascii_lowercase()
    };
    strip(allowed) == strip(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(url: &str, allowed: &[&str]) -> Result<(), Error> {
        let url = Url::parse(url).unwrap();
        let allowed: Vec<String> = allowed.iter().map(|s| (*s).to_owned()).collect();
        check(&url, true, &allowed)
    }

    #[test]
    fn loopback_https_and_named_hosts_pass() {
        for url in [
            "http://127.0.0.1:8080/EWS",
            "http://127.8.9.10/EWS",
            "http://[::1]:80/EWS",
            "http://[::ffff:127.0.0.1]/EWS",
            "http://localhost/EWS",
            "http://LOCALHOST./EWS",
            "http://emulator.localhost/EWS",
            "https://mail.contoso.com/EWS",
        ] {
            assert!(verdict(url, &[]).is_ok(), "{url}");
        }
        assert!(verdict("http://Exchange.Internal/EWS", &["exchange.internal"]).is_ok());
        assert!(verdict("http://[fd00::1]/EWS", &["fd00::1"]).is_ok());
        let url = Url::parse("http://mail.contoso.com/EWS").unwrap();
        assert!(
            check(&url, false, &[]).is_ok(),
            "no credentials, nothing to leak"
        );
    }

    #[test]
    fn other_hosts_are_refused() {
        for url in [
            "http://mail.contoso.com/EWS",
            "http://10.0.0.5/EWS",
            "http://localhost.contoso.com/EWS",
            "http://[fd00::1]/EWS",
        ] {
            let err = verdict(url, &["exchange.internal"]).unwrap_err();
            assert!(matches!(err, Error::InsecureHttp { .. }), "{url}: {err:?}");
        }
    }
}
