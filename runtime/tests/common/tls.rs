//! The test server's TLS identity: a certificate for `localhost` and
//! 127.0.0.1 issued by a test CA (`tests/fixtures/tls/`).

use std::sync::Arc;

use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// The CA that issued the server's certificate, to be trusted by clients.
pub const CA_PEM: &str = include_str!("../fixtures/tls/ca.pem");
const SERVER_PEM: &str = include_str!("../fixtures/tls/server.pem");
const SERVER_KEY: &str = include_str!("../fixtures/tls/server.key");

pub fn acceptor() -> TlsAcceptor {
    let certs = CertificateDer::pem_slice_iter(SERVER_PEM.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("server certificate");
    let key = PrivateKeyDer::from_pem_slice(SERVER_KEY.as_bytes()).expect("server key");
    let config = ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .expect("server config");
    TlsAcceptor::from(Arc::new(config))
}
