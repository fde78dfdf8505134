//! The server's checks of a received UsernameToken.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::digest::{digest_matches, text_matches};
use super::replay::{ReplayCache, ReplayRefusal};
use super::time::parse_date_time;
use super::{PasswordKind, ReceivedToken, WsseError};
use crate::auth::Secret;

/// Where a verifier finds the password of a user. PasswordDigest needs the
/// password itself, not a hash of it (the profile's digest is over the
/// plain password).
pub trait PasswordLookup: Send + Sync {
    fn password(&self, username: &str) -> Option<Secret>;
}

impl<F> PasswordLookup for F
where
    F: Fn(&str) -> Option<Secret> + Send + Sync,
{
    fn password(&self, username: &str) -> Option<Secret> {
        self(username)
    }
}

/// Who a verified token says the sender is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub username: String,
    /// How the password was sent: a server may accept text only over TLS.
    pub kind: PasswordKind,
}

/// Checks UsernameTokens against a [`PasswordLookup`], with freshness and
/// replay detection (the order of the checks is in the module docs).
/// Share one verifier, or at least one [`ReplayCache`], between every
/// connection: a cache per connection lets a replay through on another.
pub struct UsernameTokenVerifier<L> {
    lookup: L,
    freshness: Duration,
    clock_skew: Duration,
    accept_text: bool,
    require_nonce: bool,
    cache: Arc<ReplayCache>,
}

impl<L> fmt::Debug for UsernameTokenVerifier<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UsernameTokenVerifier")
            .field("freshness", &self.freshness)
            .field("clock_skew", &self.clock_skew)
            .field("accept_text", &self.accept_text)
            .field("require_nonce", &self.require_nonce)
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}

impl<L: PasswordLookup> UsernameTokenVerifier<L> {
    /// How old a `wsu:Created` may be, by default.
    pub const DEFAULT_FRESHNESS: Duration = Duration::from_secs(300);
    /// How far ahead of this clock a `wsu:Created` may be, by default.
    pub const DEFAULT_CLOCK_SKEW: Duration = Duration::from_secs(60);
    /// The longest freshness window and skew: a day. A longer window is no
    /// replay protection to speak of, and the bound keeps the expiry of
    /// every accepted nonce within what `SystemTime` can hold.
    pub const MAX_WINDOW: Duration = Duration::from_secs(86_400);

    /// A verifier with the defaults: five minutes' freshness, a minute of
    /// skew, text and digest passwords, a nonce required with digests only,
    /// and a replay cache of its own of [`ReplayCache::DEFAULT_CAPACITY`].
    pub fn new(lookup: L) -> Self {
        Self {
            lookup,
            freshness: Self::DEFAULT_FRESHNESS,
            clock_skew: Self::DEFAULT_CLOCK_SKEW,
            accept_text: true,
            require_nonce: false,
            cache: Arc::new(ReplayCache::default()),
        }
    }

    /// How old `wsu:Created` may be; also how long a nonce is remembered.
    /// At most [`Self::MAX_WINDOW`].
    pub fn freshness(mut self, window: Duration) -> Self {
        self.freshness = window.min(Self::MAX_WINDOW);
        self
    }

    /// How far ahead of the server's clock `wsu:Created` may be. At most
    /// [`Self::MAX_WINDOW`].
    pub fn clock_skew(mut self, skew: Duration) -> Self {
        self.clock_skew = skew.min(Self::MAX_WINDOW);
        self
    }

    /// Whether `#PasswordText` tokens are accepted (refused as
    /// `wsse:UnsupportedSecurityToken` when not).
    pub fn accept_text(mut self, accept: bool) -> Self {
        self.accept_text = accept;
        self
    }

    /// Whether text tokens too must carry a nonce and `wsu:Created`.
    /// Off by default: the profile makes them optional, common clients
    /// (zeep, WSS4J's defaults) leave them out of text tokens, and whoever
    /// can replay a text token can read its password anyway. Digest tokens
    /// always need both.
    pub fn require_nonce(mut self, require: bool) -> Self {
        self.require_nonce = require;
        self
    }

    /// Uses `cache` instead of a cache of its own, to share one between
    /// verifiers.
    pub fn replay_cache(mut self, cache: Arc<ReplayCache>) -> Self {
        self.cache = cache;
        self
    }

    pub fn cache(&self) -> &Arc<ReplayCache> {
        &self.cache
    }

    /// [`UsernameTokenVerifier::verify`] at the system clock's time.
    pub fn verify_now(&self, token: &ReceivedToken) -> Result<Identity, WsseError> {
        self.verify(token, SystemTime::now())
    }

    /// Checks `token` as received at `now`.
    pub fn verify(&self, token: &ReceivedToken, now: SystemTime) -> Result<Identity, WsseError> {
        let password = token.password.as_ref().ok_or(WsseError::NoPassword)?;
        if password.kind == PasswordKind::Text && !self.accept_text {
            return Err(WsseError::UnsupportedPasswordType(
                PasswordKind::Text.type_uri().to_owned(),
            ));
        }
        if password.kind == PasswordKind::Digest || self.require_nonce {
            if token.nonce.is_none() {
                return Err(WsseError::MissingFreshness("wsse:Nonce"));
            }
            if token.created.is_none() {
                return Err(WsseError::MissingFreshness("wsu:Created"));
            }
        }
        let created = match &token.created {
            Some(text) => Some(self.check_fresh(text, now)?),
            None => None,
        };

        let stored = self.lookup.password(&token.username);
        // An unknown user costs the same hashing as a wrong password, so
        // that timing does not tell which accounts exist.
        let unknown;
        let against = match &stored {
            Some(stored) => stored,
            None => {
                unknown = Secret::new("");
                &unknown
            }
        };
        let matches = match (password.kind, &token.nonce, &token.created) {
            (PasswordKind::Text, _, _) => text_matches(&password.value, against),
            (PasswordKind::Digest, Some(nonce), Some(created)) => {
                digest_matches(&password.value, nonce, created, against)
            }
            // Refused above already; kept for the match to be complete.
            (PasswordKind::Digest, _, _) => false,
        };
        if !matches || stored.is_none() {
            return Err(WsseError::WrongCredentials);
        }

        if let Some(nonce) = &token.nonce {
            // A token with that `Created` is stale after the window, so
            // its nonce need not be kept longer; without `Created`, a
            // window from now.
            let expires = created.unwrap_or(now) + self.freshness;
            self.cache
                .record(nonce, expires, now)
                .map_err(|refusal| match refusal {
                    ReplayRefusal::Seen => WsseError::Replayed,
                    ReplayRefusal::Full => WsseError::ReplayCacheFull,
                })?;
        }
        Ok(Identity {
            username: token.username.clone(),
            kind: password.kind,
        })
    }

    /// The instant of `created`, if it is within the window.
    fn check_fresh(&self, created: &str, now: SystemTime) -> Result<SystemTime, WsseError> {
        let at = parse_date_time(created).map_err(|_| {
            WsseError::InvalidToken("wsu:Created is not a dateTime with a time zone")
        })?;
        let shown = || created.trim().to_owned();
        match now.duration_since(at) {
            Ok(age) if age > self.freshness => Err(WsseError::Expired {
                created: shown(),
                age_secs: age.as_secs(),
                window_secs: self.freshness.as_secs(),
            }),
            Ok(_) => Ok(at),
            Err(ahead) if ahead.duration() > self.clock_skew => Err(WsseError::CreatedInFuture {
                created: shown(),
                ahead_secs: ahead.duration().as_secs(),
                skew_secs: self.clock_skew.as_secs(),
            }),
            Err(_) => Ok(at),
        }
    }
}
