//! The public keys that sign `installed` and `uninstalled`, fetched from the install-keys CDN by
//! `kid` and kept for the life of the process (Atlassian never reuses a kid for another key).
//!
//! Stricter than ACE: the answer must be HTTP 200 with a PEM public key, and nothing but the
//! validated kid is ever appended to the configured CDN URL.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use url::Url;

/// Largest body accepted from the key server (an RSA-4096 PEM is under 1 KB).
const MAX_KEY_BYTES: usize = 16 * 1024;
/// Kids cached at most; a flood of random kids cannot grow memory without bound.
const MAX_CACHED_KEYS: usize = 256;

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
    cache: Arc<Mutex<HashMap<String, Arc<Vec<u8>>>>>,
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
        Self {
            cdn,
            http,
            cache: Arc::default(),
        }
    }

    /// The PEM for `kid`, which must already have passed [`crate::jwt::lifecycle_key_id`].
    pub async fn get(&self, kid: &str) -> Result<Arc<Vec<u8>>, KeyError> {
        if let Some(pem) = self.cached(kid) {
            return Ok(pem);
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
        let pem = Arc::new(pem);
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= MAX_CACHED_KEYS {
                cache.clear();
            }
            cache.insert(kid.to_owned(), pem.clone());
        }
        Ok(pem)
    }

    fn cached(&self, kid: &str) -> Option<Arc<Vec<u8>>> {
        self.cache.lock().ok()?.get(kid).cloned()
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
