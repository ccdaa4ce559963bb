//! Shared secrets at rest: XChaCha20-Poly1305 with a random nonce per value, bound to the
//! tenant's clientKey (associated data) so a ciphertext cannot be moved to another row.
//!
//! A key ring, so the key can be rotated: the current key encrypts, previous keys still
//! decrypt until every row is sealed again with the current one ([`SecretBox::is_current`]).
//! The keys the server derives for its own use (link tokens, document keys) come from a root
//! kept in the database ([`super::server_key`]), so a rotation changes none of them.

use std::path::Path;

use base64::{Engine, engine::general_purpose::STANDARD};
use chacha20poly1305::{
    KeyInit, XChaCha20Poly1305, XNonce,
    aead::{Aead, AeadCore, OsRng, Payload},
};
use sha2::{Digest, Sha256};

/// Ciphertexts start with this, so a future key or algorithm change can be told apart.
const PREFIX: &str = "v1:";

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "CONNECT_SECRET_KEY must be 32 bytes, base64-encoded (generate one with `openssl rand -base64 32`)"
    )]
    BadKey,
    #[error("CONNECT_SECRET_KEY is required in production")]
    MissingKey,
    #[error("cannot use the development key file {path}: {reason}")]
    KeyFile { path: String, reason: String },
    #[error(
        "CONNECT_SECRET_KEY_PREVIOUS holds a key that is not 32 bytes, base64-encoded (keys are separated by commas)"
    )]
    BadPreviousKey,
    #[error(
        "a stored secret cannot be decrypted (wrong CONNECT_SECRET_KEY, or the row was altered)"
    )]
    Decrypt,
}

/// Encrypts tenant secrets with the current key and decrypts them with any key of the ring.
#[derive(Clone)]
pub struct SecretBox {
    /// The current key first, then the previous ones.
    ciphers: Vec<XChaCha20Poly1305>,
    /// Keys for other purposes are derived from this one, never the cipher key itself.
    derive_root: [u8; 32],
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(..)")
    }
}

impl SecretBox {
    /// From a base64-encoded 32-byte key.
    pub fn from_base64(key: &str) -> Result<Self, SecretError> {
        let (cipher, bytes) = cipher(key).ok_or(SecretError::BadKey)?;
        // Until the store gives the root (`server_key::load`), it is the one every version
        // before the stored root derived from the key: upgrading changes no derived key.
        let derive_root = Sha256::new()
            .chain_update(b"connect/secret-box/derive/v1")
            .chain_update(&bytes)
            .finalize()
            .into();
        Ok(Self {
            ciphers: vec![cipher],
            derive_root,
        })
    }

    /// The same box, also decrypting with `previous` keys (base64, as the current one).
    pub fn with_previous(mut self, previous: &[String]) -> Result<Self, SecretError> {
        for key in previous {
            let (cipher, _) = cipher(key).ok_or(SecretError::BadPreviousKey)?;
            self.ciphers.push(cipher);
        }
        Ok(self)
    }

    /// Whether the ring holds keys besides the current one (a rotation is under way).
    pub fn has_previous(&self) -> bool {
        self.ciphers.len() > 1
    }

    /// The root derived keys come from.
    pub(crate) fn derive_root(&self) -> [u8; 32] {
        self.derive_root
    }

    /// The same box deriving its keys from `root`.
    pub(crate) fn with_derive_root(mut self, root: [u8; 32]) -> Self {
        self.derive_root = root;
        self
    }

    /// A fresh random key, base64-encoded.
    pub fn generate_key() -> String {
        STANDARD.encode(XChaCha20Poly1305::generate_key(&mut OsRng))
    }

    /// The key from `CONNECT_SECRET_KEY`; without it, in development only, a key kept in
    /// `dev_key_file` (created on first use, readable by the owner only).
    pub fn from_env_or_dev_file(
        env_value: Option<&str>,
        production: bool,
        dev_key_file: &Path,
    ) -> Result<(Self, Option<String>), SecretError> {
        if let Some(key) = env_value.filter(|k| !k.trim().is_empty()) {
            return Ok((Self::from_base64(key)?, None));
        }
        if production {
            return Err(SecretError::MissingKey);
        }
        let file_err = |reason: String| SecretError::KeyFile {
            path: dev_key_file.display().to_string(),
            reason,
        };
        let key = match std::fs::read_to_string(dev_key_file) {
            Ok(key) => key,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = dev_key_file.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| file_err(e.to_string()))?;
                }
                let key = Self::generate_key();
                write_private(dev_key_file, &key).map_err(|e| file_err(e.to_string()))?;
                key
            }
            Err(err) => return Err(file_err(err.to_string())),
        };
        let warning = format!(
            "CONNECT_SECRET_KEY is not set: tenant secrets are encrypted with the development key in {}",
            dev_key_file.display()
        );
        Ok((Self::from_base64(&key)?, Some(warning)))
    }

    /// A 32-byte key for `purpose` (e.g. signing an app's own link tokens), derived from the
    /// secret key: stable across restarts, different per purpose, useless for decryption.
    pub fn derive_key(&self, purpose: &str) -> [u8; 32] {
        Sha256::new()
            .chain_update(self.derive_root)
            .chain_update((purpose.len() as u64).to_be_bytes())
            .chain_update(purpose.as_bytes())
            .finalize()
            .into()
    }

    /// `v1:` + base64(nonce ‖ ciphertext), bound to `context` (the clientKey).
    pub fn seal(&self, plaintext: &str, context: &str) -> String {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Encryption with a valid key and nonce cannot fail for in-memory buffers.
        let ciphertext = self.ciphers[0]
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: context.as_bytes(),
                },
            )
            .unwrap_or_default();
        let mut out = nonce.to_vec();
        out.extend(ciphertext);
        format!("{PREFIX}{}", STANDARD.encode(out))
    }

    /// The plaintext of `sealed`, with whichever key of the ring sealed it.
    pub fn open(&self, sealed: &str, context: &str) -> Result<String, SecretError> {
        self.ciphers
            .iter()
            .find_map(|cipher| open_with(cipher, sealed, context).ok())
            .ok_or(SecretError::Decrypt)
    }

    /// Whether `sealed` is sealed with the current key (otherwise it should be sealed again).
    pub fn is_current(&self, sealed: &str, context: &str) -> bool {
        open_with(&self.ciphers[0], sealed, context).is_ok()
    }
}

/// A cipher for a base64-encoded 32-byte key, and the key's bytes.
fn cipher(key: &str) -> Option<(XChaCha20Poly1305, Vec<u8>)> {
    let bytes = STANDARD.decode(key.trim()).ok()?;
    let cipher = XChaCha20Poly1305::new_from_slice(&bytes).ok()?;
    Some((cipher, bytes))
}

fn open_with(
    cipher: &XChaCha20Poly1305,
    sealed: &str,
    context: &str,
) -> Result<String, SecretError> {
    let raw = STANDARD
        .decode(sealed.strip_prefix(PREFIX).ok_or(SecretError::Decrypt)?)
        .map_err(|_| SecretError::Decrypt)?;
    if raw.len() < 24 {
        return Err(SecretError::Decrypt);
    }
    let (nonce, ciphertext) = raw.split_at(24);
    let nonce: [u8; 24] = nonce.try_into().map_err(|_| SecretError::Decrypt)?;
    let plain = cipher
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: ciphertext,
                aad: context.as_bytes(),
            },
        )
        .map_err(|_| SecretError::Decrypt)?;
    String::from_utf8(plain).map_err(|_| SecretError::Decrypt)
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(contents.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_tampering_or_another_row() {
        let sb = SecretBox::from_base64(&SecretBox::generate_key()).unwrap();
        let sealed = sb.seal("s3cret", "client-a");
        assert!(!sealed.contains("s3cret"));
        assert_ne!(sealed, sb.seal("s3cret", "client-a"), "nonces differ");
        assert_eq!(sb.open(&sealed, "client-a").unwrap(), "s3cret");
        assert!(sb.open(&sealed, "client-b").is_err());
        let other = SecretBox::from_base64(&SecretBox::generate_key()).unwrap();
        assert!(other.open(&sealed, "client-a").is_err());
        assert!(sb.open("v1:AAAA", "client-a").is_err());
    }

    #[test]
    fn a_rotated_ring_opens_old_values_and_seals_with_the_new_key() {
        let (old_key, new_key) = (SecretBox::generate_key(), SecretBox::generate_key());
        let old = SecretBox::from_base64(&old_key).unwrap();
        let sealed_old = old.seal("s3cret", "c");
        let ring = SecretBox::from_base64(&new_key)
            .unwrap()
            .with_previous(std::slice::from_ref(&old_key))
            .unwrap();
        assert!(ring.has_previous());
        assert_eq!(ring.open(&sealed_old, "c").unwrap(), "s3cret");
        assert!(!ring.is_current(&sealed_old, "c"));
        let sealed_new = ring.seal("s3cret", "c");
        assert!(ring.is_current(&sealed_new, "c"));
        assert!(old.open(&sealed_new, "c").is_err(), "the new key encrypts");
        // Without the previous key, the old value is lost: that is what the ring is for.
        let alone = SecretBox::from_base64(&new_key).unwrap();
        assert!(alone.open(&sealed_old, "c").is_err());
        assert!(matches!(
            alone.with_previous(&["short".into()]),
            Err(SecretError::BadPreviousKey)
        ));
    }

    #[test]
    fn production_needs_a_key_and_development_keeps_one_in_a_file() {
        let dir = std::env::temp_dir().join(format!("confluo-key-{}", std::process::id()));
        let file = dir.join("connect-secret.key");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(matches!(
            SecretBox::from_env_or_dev_file(None, true, &file),
            Err(SecretError::MissingKey)
        ));
        assert!(matches!(
            SecretBox::from_env_or_dev_file(Some("short"), false, &file),
            Err(SecretError::BadKey)
        ));
        let (first, warning) = SecretBox::from_env_or_dev_file(None, false, &file).unwrap();
        assert!(warning.is_some());
        let sealed = first.seal("x", "c");
        let (again, _) = SecretBox::from_env_or_dev_file(None, false, &file).unwrap();
        assert_eq!(
            again.open(&sealed, "c").unwrap(),
            "x",
            "the same key is reused"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
