//! Document keys: the Document Server's name for an editing session and its cache.
//!
//! Everyone opening the same attachment version must get the same key (that is what makes
//! them co-editors), every saved version a new one, and keys from different sites sharing one
//! Document Server must never collide. Allowed characters are `0-9 a-z A-Z - . _ =`, at most
//! 128 of them.

use sha2::{Digest, Sha256};

pub const MAX_LEN: usize = 128;

/// Whether `key` is acceptable to the Document Server.
pub fn is_valid(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_LEN
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'='))
}

/// The site part: a hash of the clientKey, so the key reveals nothing about the site.
fn tenant_part(client_key: &str) -> String {
    hex::encode(&Sha256::digest(client_key.as_bytes())[..8])
}

/// Whether `key` is one of `client_key`'s keys (editing or conversion).
pub fn belongs_to(key: &str, client_key: &str) -> bool {
    key.strip_prefix(&tenant_part(client_key))
        .is_some_and(|rest| rest.starts_with('-'))
}

/// An id as it may appear in a key: itself when short and plain, otherwise a hash of it.
fn id_part(id: &str) -> String {
    if !id.is_empty() && id.len() <= 40 && is_valid(id) {
        id.to_owned()
    } else {
        hex::encode(&Sha256::digest(id.as_bytes())[..12])
    }
}

/// The editing key of `attachment_id` at `version` on the site `client_key`.
pub fn editing(client_key: &str, attachment_id: &str, version: i32) -> String {
    format!(
        "{}-{}-v{version}",
        tenant_part(client_key),
        id_part(attachment_id)
    )
}

/// The key of a conversion of that version to `target`: the Document Server caches results per
/// key, so it changes with the source version.
pub fn conversion(client_key: &str, attachment_id: &str, version: i32, target: &str) -> String {
    format!(
        "{}-to-{}",
        editing(client_key, attachment_id, version),
        id_part(target)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_version_same_key_new_version_new_key() {
        let a = editing("site-1", "att42", 3);
        assert_eq!(a, editing("site-1", "att42", 3));
        assert_ne!(a, editing("site-1", "att42", 4));
        assert_ne!(a, editing("site-2", "att42", 3));
        assert_ne!(a, editing("site-1", "att43", 3));
        assert!(a.ends_with("-att42-v3"), "{a}");
        assert!(!a.contains("site-1"));
        assert!(belongs_to(&a, "site-1"));
        assert!(!belongs_to(&a, "site-2"));
        assert!(!belongs_to("x", "site-1"));
    }

    #[test]
    fn keys_always_use_allowed_characters() {
        for id in ["att42", "a/b+c==", "ä ö", &"x".repeat(500), "", "../../etc"] {
            for key in [
                editing("https://x.atlassian.net/wiki?a=b", id, i32::MAX),
                conversion("c", id, 1, "docx"),
            ] {
                assert!(is_valid(&key), "{key:?} from {id:?}");
            }
        }
        // Distinct odd ids stay distinct.
        assert_ne!(editing("c", "a/b", 1), editing("c", "a+b", 1));
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
