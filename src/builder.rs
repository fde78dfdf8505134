//! The builder behind [`UmClient::builder`]: the SOAP client's settings,
//! then a [`UmClient`].

use std::time::Duration;

use xsdgen_runtime::Error;
use xsdgen_runtime::auth::Credentials;
use xsdgen_runtime::client::{ClientBuilder, RetryPolicy};

use crate::UmClient;

/// Settings of a [`UmClient`]; each method is the runtime's
/// [`ClientBuilder`] method of the same name.
#[must_use]
#[derive(Debug)]
pub struct UmClientBuilder {
    inner: ClientBuilder,
}

/// Each setting hands its argument to the runtime's builder; one macro so
/// that the two lists cannot drift apart.
macro_rules! settings {
    ($($name:ident($arg:ident: $ty:ty);)*) => {
        $(
            #[doc = concat!("See [`ClientBuilder::", stringify!($name), "`].")]
            pub fn $name(self, $arg: $ty) -> Self {
                Self { inner: self.inner.$name($arg) }
            }
        )*
    };
}

impl UmClientBuilder {
    pub(crate) fn new(endpoint: String) -> Self {
        Self {
            inner: ClientBuilder::new(endpoint),
        }
    }

    settings! {
        credentials(credentials: Credentials);
        timeout(timeout: Duration);
        connect_timeout(timeout: Duration);
        retry_policy(policy: impl RetryPolicy + 'static);
        user_agent(user_agent: impl Into<String>);
        log_bodies(enabled: bool);
        max_response_bytes(limit: usize);
        add_root_certificate_pem(pem: impl Into<Vec<u8>>);
        danger_accept_invalid_certs(accept: bool);
        allow_insecure_http_for(host: impl Into<String>);
    }

    /// The client; fails on an endpoint that is not a URL, a zero timeout,
    /// or credentials over plain HTTP to a host not allowed to see them.
    pub fn build(self) -> Result<UmClient, Error> {
        Ok(UmClient::from_client(self.inner.build()?))
    }

    /// The blocking client (feature `blocking`).
    #[cfg(feature = "blocking")]
    pub fn build_blocking(self) -> Result<crate::blocking::UmClient, Error> {
        crate::blocking::UmClient::new(self.inner.build()?)
    }
}
