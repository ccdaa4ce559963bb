//! Document keys: the Document Server's name for an editing session and its cache.
//!
//! Everyone opening the same attachment version must get the same key (that is what makes
//! them co-editors), every saved version a new one, and keys from different sites sharing one
//! Document Server must never collide. A key is also a capability: whoever can sign an editor
//! config for it joins the session, and on ONLYOFFICE's demo server the signing secret is
//! public. So keys carry an HMAC under a key derived from the server's secret key, and cannot
//! be guessed from a site and an attachment id. Allowed characters are `0-9 a-z A-Z - . _ =`,
//! at most 128 of them.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub const MAX_LEN: usize = 128;
/// The purpose the keyed hash's key is derived for.
pub const KEY_PURPOSE: &str = "confluo/doc-key/v1";
/// Longest id kept as it is in a key; longer ones are hashed (keeps every key under
/// [`MAX_LEN`]).
const MAX_ID_LEN: usize = 32;

/// Whether `key` is acceptable to the Document Server.
pub fn is_valid(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_LEN
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'='))
}

/// An id as it may appear in a key: itself when short and plain, otherwise a hash of it.
fn id_part(id: &str) -> String {
    if !id.is_empty() && id.len() <= MAX_ID_LEN && is_valid(id) {
        id.to_owned()
    } else {
        hex::encode(&Sha256::digest(id.as_bytes())[..12])
    }
}

/// Makes the keys of every site, with the server's secret.
#[derive(Clone)]
pub struct DocKeys([u8; 32]);

impl DocKeys {
    pub fn new(key: [u8; 32]) -> Self {
        Self(key)
    }

    /// HMAC-SHA256 of `parts`, each ended by a 0 byte (no two lists give the same input).
    fn mac(&self, parts: &[&str]) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            // HMAC takes keys of any length: this never happens.
            return String::new();
        };
        for part in parts {
            mac.update(part.as_bytes());
            mac.update(&[0]);
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// The site part: keyed, so the key reveals nothing about the site.
    fn tenant_part(&self, client_key: &str) -> String {
        self.mac(&["site", client_key])[..16].to_owned()
    }

    /// Whether `key` is one of `client_key`'s keys (editing or conversion).
    pub fn belongs_to(&self, key: &str, client_key: &str) -> bool {
        key.strip_prefix(&self.tenant_part(client_key))
            .is_some_and(|rest| rest.starts_with('-'))
    }

    /// The editing key of `attachment_id` at `version` on the site `client_key`.
    pub fn editing(&self, client_key: &str, attachment_id: &str, version: i32) -> String {
        let version = version.to_string();
        let check = &self.mac(&["edit", client_key, attachment_id, &version])[..20];
        format!(
            "{}-{}-v{version}-{check}",
            self.tenant_part(client_key),
            id_part(attachment_id)
        )
    }

    /// The key of a conversion of that version to `target`: the Document Server caches results
    /// per key, so it changes with the source version.
    pub fn conversion(
        &self,
        client_key: &str,
        attachment_id: &str,
        version: i32,
        target: &str,
    ) -> String {
        format!(
            "{}-to-{}",
            self.editing(client_key, attachment_id, version),
            id_part(target)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> DocKeys {
        DocKeys::new([7; 32])
    }

    #[test]
    fn same_version_same_key_new_version_new_key() {
        let k = keys();
        let a = k.editing("site-1", "att42", 3);
        assert_eq!(a, k.editing("site-1", "att42", 3));
        assert_ne!(a, k.editing("site-1", "att42", 4));
        assert_ne!(a, k.editing("site-2", "att42", 3));
        assert_ne!(a, k.editing("site-1", "att43", 3));
        assert!(a.contains("-att42-v3-"), "{a}");
        assert!(!a.contains("site-1"));
        assert!(k.belongs_to(&a, "site-1"));
        assert!(!k.belongs_to(&a, "site-2"));
        assert!(!k.belongs_to("x", "site-1"));
    }

    #[test]
    fn keys_cannot_be_made_without_the_server_secret() {
        // Everything but the secret is known to an outsider: the site's key and the
        // attachment's id and version. Another secret gives other keys, unrelated ones.
        let ours = keys().editing("site-1", "att42", 3);
        let guess = DocKeys::new([8; 32]).editing("site-1", "att42", 3);
        assert_ne!(ours, guess);
        assert_ne!(ours.split('-').next(), guess.split('-').next());
        assert_ne!(ours.rsplit('-').next(), guess.rsplit('-').next());
        assert_eq!(ours.rsplit('-').next().map(str::len), Some(20));
    }

    #[test]
    fn keys_always_use_allowed_characters() {
        let k = keys();
        for id in ["att42", "a/b+c==", "ä ö", &"x".repeat(500), "", "../../etc"] {
            for key in [
                k.editing("https://x.atlassian.net/wiki?a=b", id, i32::MAX),
                k.conversion("c", id, i32::MIN, &"y".repeat(500)),
                format!("{}_embedded", k.editing("c", id, i32::MIN)),
            ] {
                assert!(is_valid(&key), "{key:?} from {id:?}");
            }
        }
        // Distinct odd ids stay distinct.
        assert_ne!(k.editing("c", "a/b", 1), k.editing("c", "a+b", 1));
    }

    #[test]
    fn validity() {
        assert!(is_valid("abc-DEF_1.2="));
        assert!(!is_valid("a/b"));
        assert!(!is_valid("a+b"));
        assert!(!is_valid(""));
        assert!(!is_valid(&"a".repeat(129)));
        assert!(is_valid(&"a".repeat(128)));
    }
}
