//! TLS settings: certificates are verified unless the caller turns that
//! off by a method whose name says the danger, and more trust anchors can
//! be added (a private CA, the emulator's self-signed certificate).

use std::fmt;

use crate::error::Error;

#[derive(Clone, Default)]
pub(crate) struct TlsOptions {
    /// PEM texts, each with one or more certificates to trust besides the
    /// built-in roots.
    pub(crate) extra_roots_pem: Vec<Vec<u8>>,
    pub(crate) accept_invalid_certs: bool,
}

impl TlsOptions {
    /// `builder` with these settings. Turning verification off is logged
    /// at `warn` every time a client is built that way, so that it cannot
    /// go unnoticed in a deployment.
    pub(crate) fn apply(
        &self,
        mut builder: reqwest::ClientBuilder,
        host: &str,
    ) -> Result<reqwest::ClientBuilder, Error> {
        for pem in &self.extra_roots_pem {
            let certificates = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
                Error::Config(format!("cannot read the extra root certificate: {e}"))
            })?;
            if certificates.is_empty() {
                return Err(Error::Config(
                    "the extra root certificate holds no PEM certificate".into(),
                ));
            }
            for certificate in certificates {
                builder = builder.add_root_certificate(certificate);
            }
        }
        if self.accept_invalid_certs {
            tracing::warn!(
                host,
                "TLS certificate verification is OFF for this client: any server can pose as \
                 the endpoint and read the credentials"
            );
            builder = builder.danger_accept_invalid_certs(true);
        }
        Ok(builder)
    }
}

impl fmt::Debug for TlsOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsOptions")
            .field("extra_roots", &self.extra_roots_pem.len())
            .field("accept_invalid_certs", &self.accept_invalid_certs)
            .finish()
    }
}
