//! HTTPS for the emulator: a certificate made at start, or one it is given.
//!
//! A made certificate comes from a private CA made at the same time, and
//! only the CA's certificate needs to be trusted by clients
//! ([`RunningEmulator::tls_root_pem`](crate::RunningEmulator::tls_root_pem)).
//! The server certificate names `localhost`, `127.0.0.1`, `::1`, the
//! address the emulator is bound to and its FQDN. The CA's key is dropped
//! once the server certificate is signed, so nothing else can ever be
//! issued under it.
//!
//! rustls uses the ring provider, as the client's reqwest does, so the
//! workspace builds one TLS stack. Only HTTP/1.1 is offered by ALPN.

use std::fmt;
use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};

use crate::secret::Secret;

/// Where the emulator's HTTPS certificate comes from.
#[derive(Clone, PartialEq, Eq)]
pub enum TlsConfig {
    /// A CA and a server certificate made at start, valid for loopback.
    Generated,
    /// A certificate chain (server certificate first) and its private key,
    /// both PEM.
    Pem {
        certificate_chain: String,
        private_key: Secret,
    },
}

impl TlsConfig {
    /// Reads a PEM certificate chain and a PEM private key (PKCS#8, PKCS#1
    /// or SEC1) from files.
    pub fn from_files(certificate: &Path, key: &Path) -> Result<Self, TlsError> {
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|source| TlsError::Read {
                path: path.display().to_string(),
                source,
            })
        };
        Ok(Self::Pem {
            certificate_chain: read(certificate)?,
            private_key: Secret::new(read(key)?),
        })
    }
}

impl fmt::Debug for TlsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Generated => f.write_str("Generated"),
            Self::Pem { .. } => f.write_str("Pem { private_key: <redacted>, .. }"),
        }
    }
}

/// Why HTTPS could not be set up. Never quotes key material.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("the certificate file holds no PEM certificate")]
    NoCertificate,
    #[error("the certificate file is not valid PEM: {0}")]
    BadCertificate(String),
    #[error("the key file holds no PEM private key (PKCS#8, PKCS#1 or SEC1)")]
    NoKey,
    #[error("cannot make the certificate: {0}")]
    Generate(#[from] rcgen::Error),
    #[error("rustls refused the certificate or key: {0}")]
    Rustls(#[from] rustls::Error),
}

/// What the server needs for HTTPS, ready to accept connections.
#[derive(Clone)]
pub(crate) struct ServerTls {
    pub acceptor: TlsAcceptor,
    /// What a client should trust: the generated CA, or the given chain.
    pub root_pem: String,
}

impl ServerTls {
    /// `names` are the extra DNS names and IP addresses a generated server
    /// certificate is valid for.
    pub(crate) fn new(config: &TlsConfig, names: &[String]) -> Result<Self, TlsError> {
        let (chain, key, root_pem) = match config {
            TlsConfig::Generated => generate(names)?,
            TlsConfig::Pem {
                certificate_chain,
                private_key,
            } => {
                let (chain, key) = parse(certificate_chain, private_key)?;
                (chain, key, certificate_chain.clone())
            }
        };
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut server = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_single_cert(chain, key)?;
        server.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Self {
            acceptor: TlsAcceptor::from(Arc::new(server)),
            root_pem,
        })
    }
}

type Material = (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>, String);

/// A CA, and a server certificate it signs for loopback and `names`.
fn generate(names: &[String]) -> Result<Material, TlsError> {
    let mut ca = CertificateParams::new(Vec::<String>::new())?;
    ca.distinguished_name
        .push(DnType::CommonName, "exchange-um-emulator CA");
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate()?)?;

    let mut subject_names = vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
    ];
    for name in names {
        let unspecified = name.parse::<IpAddr>().is_ok_and(|ip| ip.is_unspecified());
        if !unspecified && !subject_names.contains(name) {
            subject_names.push(name.clone());
        }
    }
    let mut server = CertificateParams::new(subject_names)?;
    server
        .distinguished_name
        .push(DnType::CommonName, "exchange-um-emulator");
    server.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    server.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let key = KeyPair::generate()?;
    let certificate = server.signed_by(&key, &ca)?;
    let private_key = PrivateKeyDer::try_from(key.serialize_der())
        .map_err(|reason| TlsError::BadCertificate(reason.to_owned()))?;
    let chain = vec![certificate.der().clone(), ca.der().clone()];
    Ok((chain, private_key, ca.pem()))
}

fn parse(
    chain_pem: &str,
    key_pem: &Secret,
) -> Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>), TlsError> {
    let chain = CertificateDer::pem_slice_iter(chain_pem.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TlsError::BadCertificate(e.to_string()))?;
    if chain.is_empty() {
        return Err(TlsError::NoCertificate);
    }
    // The parser's error could quote the key; it is not passed on.
    let key =
        PrivateKeyDer::from_pem_slice(key_pem.expose().as_bytes()).map_err(|_| TlsError::NoKey)?;
    Ok((chain, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_certificate_is_accepted_by_rustls_and_its_ca_is_pem() {
        let tls = ServerTls::new(&TlsConfig::Generated, &["um.example".to_owned()]);
        let tls = tls.unwrap_or_else(|e| panic!("{e}"));
        assert!(tls.root_pem.starts_with("-----BEGIN CERTIFICATE-----"));
    }

    #[test]
    fn given_pem_is_checked_and_the_key_never_printed() {
        let config = TlsConfig::Pem {
            certificate_chain: "not pem".to_owned(),
            private_key: Secret::new("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n"),
        };
        assert!(!format!("{config:?}").contains("c2VjcmV0"));
        let err = ServerTls::new(&config, &[]).err();
        assert!(matches!(err, Some(TlsError::NoCertificate)), "{err:?}");
    }
}
