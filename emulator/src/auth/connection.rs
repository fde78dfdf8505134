//! What the server remembers per TCP connection, and the record of who was
//! authenticated on which connection.
//!
//! NTLM authenticates the connection: the CHALLENGE is answered on the
//! connection that received it, and once the AUTHENTICATE message verifies,
//! later requests on that connection need no `Authorization` header (as IIS
//! does by default). The accept loop creates one [`ConnectionAuth`] per TCP
//! connection and hands a clone to each of its requests.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use xsdgen_runtime::auth::NtlmScheme;

use super::{AuthScheme, Caller};

#[derive(Debug, Default)]
enum State {
    #[default]
    Idle,
    /// A CHALLENGE was sent; the next AUTHENTICATE must answer it.
    Challenged {
        scheme: NtlmScheme,
        server_challenge: [u8; 8],
    },
    Authenticated(Caller),
}

/// The authentication state of one TCP connection.
#[derive(Debug, Clone, Default)]
pub struct ConnectionAuth {
    peer: Option<SocketAddr>,
    state: Arc<Mutex<State>>,
}

impl ConnectionAuth {
    pub fn new(peer: SocketAddr) -> Self {
        Self {
            peer: Some(peer),
            state: Arc::default(),
        }
    }

    /// The client's address and port: which connection this is.
    pub fn peer(&self) -> Option<SocketAddr> {
        self.peer
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        // The state is replaced whole under the lock, so a panic elsewhere
        // cannot leave it half-written.
        f(&mut self.state.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// A new handshake starts: whatever the connection was, it now waits
    /// for the answer to this challenge.
    pub(super) fn challenged(&self, scheme: NtlmScheme, server_challenge: [u8; 8]) {
        self.with(|s| {
            *s = State::Challenged {
                scheme,
                server_challenge,
            }
        });
    }

    /// The pending challenge, consumed: an AUTHENTICATE message gets one
    /// try, so a captured one cannot be replayed.
    pub(super) fn take_challenge(&self, scheme: NtlmScheme) -> Option<[u8; 8]> {
        self.with(|s| match std::mem::take(s) {
            State::Challenged {
                scheme: pending,
                server_challenge,
            } if pending == scheme => Some(server_challenge),
            _ => None,
        })
    }

    pub(super) fn authenticated(&self, caller: Caller) {
        self.with(|s| *s = State::Authenticated(caller));
    }

    /// Who this connection was authenticated as, if an NTLM handshake on it
    /// succeeded.
    pub(super) fn caller(&self) -> Option<Caller> {
        self.with(|s| match s {
            State::Authenticated(caller) => Some(caller.clone()),
            _ => None,
        })
    }
}

/// One authenticated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthRecord {
    pub user: String,
    pub scheme: AuthScheme,
    /// The connection it came on (the client's address and port), when the
    /// emulator's own accept loop served it.
    pub peer: Option<SocketAddr>,
}

/// The most recent authenticated requests, oldest first, for tests and
/// diagnostics.
#[derive(Debug, Default)]
pub struct AuthLog {
    records: Mutex<Vec<AuthRecord>>,
}

/// Older records are dropped beyond this many.
const LOG_CAPACITY: usize = 10_000;

impl AuthLog {
    pub fn record(&self, record: AuthRecord) {
        let mut records = self.records.lock().unwrap_or_else(PoisonError::into_inner);
        if records.len() >= LOG_CAPACITY {
            records.remove(0);
        }
        records.push(record);
    }

    pub fn records(&self) -> Vec<AuthRecord> {
        self.records
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}
