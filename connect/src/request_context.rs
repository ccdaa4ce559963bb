//! What one incoming request is known by while it is served: its request id (taken from a
//! trusted proxy or made here) and, once a signed call names it, the site's clientKey.
//!
//! The server scopes every request in [`scope`]; the host client and the egress client send
//! the id on as `x-request-id`, so a Confluence or Document Server log line can be matched to
//! ours, and the access log writes the clientKey the request turned out to be for.

use std::sync::{Arc, OnceLock};

/// The header the id travels in, both ways.
pub const HEADER: &str = "x-request-id";
/// Longest id accepted from a proxy; a longer one is replaced by our own.
pub const MAX_ID_LEN: usize = 128;

/// One request's identity.
#[derive(Debug)]
pub struct RequestContext {
    id: String,
    client_key: OnceLock<String>,
}

impl RequestContext {
    pub fn new(id: String) -> Arc<Self> {
        Arc::new(Self {
            id,
            client_key: OnceLock::new(),
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The site the request was verified for, if a signed call named one.
    pub fn client_key(&self) -> Option<&str> {
        self.client_key.get().map(String::as_str)
    }
}

tokio::task_local! {
    static CURRENT: Arc<RequestContext>;
}

/// Runs `work` as the request `context`.
pub async fn scope<F: Future>(context: Arc<RequestContext>, work: F) -> F::Output {
    CURRENT.scope(context, work).await
}

/// The id of the request being served, if any.
pub fn current_id() -> Option<String> {
    CURRENT.try_with(|c| c.id.clone()).ok()
}

/// Records that the request being served is for `client_key` (the first site named wins: a
/// request is for one site).
pub fn note_client_key(client_key: &str) {
    let _ = CURRENT.try_with(|c| c.client_key.set(client_key.to_owned()));
}

/// An id from a proxy, if it is one we may log and pass on: 1 to [`MAX_ID_LEN`] visible ASCII
/// characters without spaces or quotes.
pub fn accept_id(raw: &str) -> Option<&str> {
    let ok = !raw.is_empty()
        && raw.len() <= MAX_ID_LEN
        && raw
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\\'));
    ok.then_some(raw)
}

/// A fresh id: 16 random bytes, hex.
pub fn new_id() -> String {
    use chacha20poly1305::aead::{OsRng, rand_core::RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_id_and_site_are_known_inside_the_scope_only() {
        assert_eq!(current_id(), None);
        note_client_key("nobody"); // outside a request: ignored, no panic
        let context = RequestContext::new("abc".into());
        scope(context.clone(), async {
            assert_eq!(current_id().as_deref(), Some("abc"));
            note_client_key("site-1");
            note_client_key("site-2");
        })
        .await;
        assert_eq!(context.client_key(), Some("site-1"));
        assert_eq!(current_id(), None);
    }

    #[test]
    fn ids_from_proxies_are_checked() {
        assert_eq!(accept_id("req-42"), Some("req-42"));
        for bad in ["", "a b", "x\"y", "line\nbreak", &"x".repeat(129)] {
            assert_eq!(accept_id(bad), None, "{bad:?}");
        }
        let (a, b) = (new_id(), new_id());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(accept_id(&a).is_some());
    }
}
