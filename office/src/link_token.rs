//! Confluo's own link tokens, in the query of the file and callback URLs handed to the Document
//! Server: which site, attachment, version, session and person a link is for, what it may be
//! used for, and until when. Signed with a key derived from the server's secret key (not the
//! site's shared secret, which a reinstall rotates in the middle of a long editing session).

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// How long a file link works: the Document Server fetches it right after the editor opens.
pub const FILE_SECS: i64 = 5 * 60;
/// How long a callback link works: it must outlive the longest editing session.
pub const CALLBACK_SECS: i64 = 7 * 24 * 3600;
/// The purpose the signing key is derived for.
pub const KEY_PURPOSE: &str = "confluo/office-link/v1";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    /// The Document Server downloads the attachment.
    File,
    /// The Document Server reports on an editing session.
    Callback,
    /// The settings check: the Document Server fetches a small test file.
    Probe,
    /// The editor fetches a saved version's changes archive.
    Changes,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkClaims {
    /// The site's clientKey.
    pub tnt: String,
    /// The person the link was made for.
    pub sub: String,
    pub page: String,
    pub att: String,
    /// The attachment version the link serves or the session started from.
    pub ver: i32,
    /// The document key of the session (callbacks must report this key).
    pub key: String,
    pub pur: Purpose,
    /// Made for ONLYOFFICE's demo server, whose sessions keep saving there after the demo ends.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LinkError {
    #[error("the link has expired")]
    Expired,
    #[error("the link is not valid")]
    Invalid,
    #[error("the link is not meant for this")]
    WrongPurpose,
}

impl LinkClaims {
    /// Claims for `purpose`, valid from `now` for that purpose's lifetime.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        purpose: Purpose,
        client_key: &str,
        account_id: &str,
        page_id: &str,
        attachment_id: &str,
        version: i32,
        doc_key: &str,
        now: i64,
    ) -> Self {
        let life = match purpose {
            Purpose::File | Purpose::Probe | Purpose::Changes => FILE_SECS,
            Purpose::Callback => CALLBACK_SECS,
        };
        Self {
            tnt: client_key.to_owned(),
            sub: account_id.to_owned(),
            page: page_id.to_owned(),
            att: attachment_id.to_owned(),
            ver: version,
            key: doc_key.to_owned(),
            pur: purpose,
            demo: false,
            iat: now,
            exp: now + life,
        }
    }

    pub fn sign(&self, key: &[u8; 32]) -> Result<String, LinkError> {
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            self,
            &EncodingKey::from_secret(key),
        )
        .map_err(|_| LinkError::Invalid)
    }

    /// Verifies `token` for `purpose`. No leeway: we signed it on our own clock.
    pub fn verify(token: &str, key: &[u8; 32], purpose: Purpose) -> Result<Self, LinkError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp"]);
        validation.validate_aud = false;
        let claims =
            jsonwebtoken::decode::<Self>(token, &DecodingKey::from_secret(key), &validation)
                .map_err(|err| match err.kind() {
                    jsonwebtoken::errors::ErrorKind::ExpiredSignature => LinkError::Expired,
                    _ => LinkError::Invalid,
                })?
                .claims;
        if claims.pur != purpose {
            return Err(LinkError::WrongPurpose);
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(purpose: Purpose, now: i64) -> LinkClaims {
        LinkClaims::new(purpose, "site", "acc-1", "1001", "att9", 3, "key-v3", now)
    }

    #[test]
    fn round_trip_and_purpose() {
        let key = [7u8; 32];
        let now = chrono::Utc::now().timestamp();
        let token = claims(Purpose::File, now).sign(&key).unwrap();
        let back = LinkClaims::verify(&token, &key, Purpose::File).unwrap();
        assert_eq!(back, claims(Purpose::File, now));
        assert_eq!(
            LinkClaims::verify(&token, &key, Purpose::Callback),
            Err(LinkError::WrongPurpose)
        );
        assert_eq!(
            LinkClaims::verify(&token, &[8u8; 32], Purpose::File),
            Err(LinkError::Invalid)
        );
        assert_eq!(
            LinkClaims::verify("not-a-token", &key, Purpose::File),
            Err(LinkError::Invalid)
        );
    }

    #[test]
    fn lifetimes() {
        let key = [7u8; 32];
        let now = chrono::Utc::now().timestamp();
        let stale_file = claims(Purpose::File, now - FILE_SECS - 1)
            .sign(&key)
            .unwrap();
        assert_eq!(
            LinkClaims::verify(&stale_file, &key, Purpose::File),
            Err(LinkError::Expired)
        );
        // A callback link made as long ago still works: sessions last hours or days.
        let callback = claims(Purpose::Callback, now - FILE_SECS - 1)
            .sign(&key)
            .unwrap();
        assert!(LinkClaims::verify(&callback, &key, Purpose::Callback).is_ok());
    }
}
