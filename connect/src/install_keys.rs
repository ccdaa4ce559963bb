//! The public keys that sign `installed` and `uninstalled`, fetched from the install-keys CDN by
//! `kid`.
//!
//! Stricter than ACE: the answer must be HTTP 200 with a PEM public key, and nothing but the
//! validated kid is ever appended to the configured CDN URL. Keys are kept for a day, so a key
//! Atlassian withdraws stops being trusted; kids the key server does not know are remembered
//! for a while, and fetches of kids not yet seen are rate-limited, so a flood of made-up kids
//! cannot make the server fetch once per request.

use std::{sync::Arc, time::Duration};

use url::Url;

/// Largest body accepted from the key server (an RSA-4096 PEM is under 1 KB).
const MAX_KEY_BYTES: usize = 16 * 1024;
/// Kids cached at most.
const MAX_CACHED_KEYS: u64 = 256;
/// How long a fetched key is trusted before it is fetched again.
pub const KEY_TTL: Duration = Duration::from_secs(24 * 3600);
/// How long a kid the key server did not know is answered from memory.
const UNKNOWN_TTL: Duration = Duration::from_secs(10 * 60);
const MAX_UNKNOWN_KIDS: u64 = 10_000;
/// Key server fetches allowed per minute (a burst of this many, refilled evenly).
pub const FETCHES_PER_MINUTE: u32 = 30;

/// Why no key could be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The key server does not know the kid (it answered 404 or 403).
    #[error("the install key {0:?} is unknown to the key server")]
    UnknownKid(String),
    /// The key server could not be reached or answered with an error or a non-key body.
    #[error("the install-keys server cannot be used: {0}")]
    Unavailable(String),
}

/// Fetches and caches install keys.
#[derive(Clone)]
pub struct InstallKeys {
    cdn: Url,
    http: reqwest::Client,
    keys: moka::future::Cache<String, Arc<Vec<u8>>>,
    unknown: moka::future::Cache<String, ()>,
    fetches: Arc<crate::rate::RateLimit>,
}

impl std::fmt::Debug for InstallKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InstallKeys")
            .field("cdn", &self.cdn.as_str())
            .finish()
    }
}

impl InstallKeys {
    pub fn new(cdn: Url, http: reqwest::Client) -> Self {
        Self::with_ttl(cdn, http, KEY_TTL)
    }

    /// Keys kept for `ttl` (tests use a short one).
    pub fn with_ttl(cdn: Url, http: reqwest::Client, ttl: Duration) -> Self {
        Self {
            cdn,
            http,
            keys: moka::future::Cache::builder()
                .max_capacity(MAX_CACHED_KEYS)
                .time_to_live(ttl)
                .build(),
            unknown: moka::future::Cache::builder()
                .max_capacity(MAX_UNKNOWN_KIDS)
                .time_to_live(UNKNOWN_TTL)
                .build(),
            fetches: Arc::new(crate::rate::RateLimit::per_minute(FETCHES_PER_MINUTE)),
        }
    }

    /// The PEM for `kid`, which must already have passed [`crate::jwt::lifecycle_key_id`].
    pub async fn get(&self, kid: &str) -> Result<Arc<Vec<u8>>, KeyError> {
        if self.unknown.contains_key(kid) {
            return Err(KeyError::UnknownKid(kid.to_owned()));
        }
        // One fetch per kid however many requests wait for it.
        let result = self
            .keys
            .try_get_with(kid.to_owned(), self.fetch(kid))
            .await
            .map_err(|err| (*err).clone());
        if let Err(KeyError::UnknownKid(_)) = &result {
            self.unknown.insert(kid.to_owned(), ()).await;
        }
        result
    }

    async fn fetch(&self, kid: &str) -> Result<Arc<Vec<u8>>, KeyError> {
        if !self.fetches.allow() {
            return Err(KeyError::Unavailable(
                "too many install keys asked for; try again in a minute".into(),
            ));
        }
        let url = format!("{}/{kid}", self.cdn.as_str().trim_end_matches('/'));
        let response = self
            .http
            .get(&url)
            .timeout(Duration::from_secs(10))
            .send()
            .await
            .map_err(|e| KeyError::Unavailable(without_url(&e)))?;
        let status = response.status();
        if status == reqwest::StatusCode::NOT_FOUND || status == reqwest::StatusCode::FORBIDDEN {
            return Err(KeyError::UnknownKid(kid.to_owned()));
        }
        if !status.is_success() {
            return Err(KeyError::Unavailable(format!("HTTP {status}")));
        }
        if response
            .content_length()
            .is_some_and(|n| n > MAX_KEY_BYTES as u64)
        {
            return Err(KeyError::Unavailable("the key is too large".into()));
        }
        let body = response
            .bytes()
            .await
            .map_err(|e| KeyError::Unavailable(without_url(&e)))?;
        if body.len() > MAX_KEY_BYTES {
            return Err(KeyError::Unavailable("the key is too large".into()));
        }
        let pem = body.to_vec();
        if !is_public_key_pem(&pem) {
            return Err(KeyError::Unavailable(
                "the answer is not a PEM public key".into(),
            ));
        }
        Ok(Arc::new(pem))
    }
}

fn is_public_key_pem(body: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    let text = text.trim();
    text.starts_with("-----BEGIN PUBLIC KEY-----") && text.ends_with("-----END PUBLIC KEY-----")
}

// reqwest errors print the URL; ours carry no secret, but keep messages short and uniform.
fn without_url(err: &reqwest::Error) -> String {
    if err.is_timeout() {
        "timed out".into()
    } else if err.is_connect() {
        "connection failed".into()
    } else {
        "request failed".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pem_public_keys_pass() {
        assert!(is_public_key_pem(
            b"-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"
        ));
        assert!(!is_public_key_pem(b"<html>Not found</html>"));
        assert!(!is_public_key_pem(
            b"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----"
        ));
        assert!(!is_public_key_pem(&[0xff, 0xfe]));
    }
}
