//! Tokens between Confluo and the Document Server: HS256 with the site's Document Server secret.
//!
//! Outgoing: the editor config is signed as a whole; command and conversion requests carry the
//! fields in a body token and, in the configured header, a token of `{"payload": fields}`.
//! Incoming: callbacks carry both forms; the body token wins, the header token is unwrapped from
//! `payload`, and unsigned fields are never trusted.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde_json::{Map, Value};

/// Lifetime of the tokens we sign (the Document Server allows 60 s of clock skew).
pub const TOKEN_SECS: i64 = 300;
/// Clock skew we accept on tokens the Document Server signs.
pub const LEEWAY_SECS: u64 = 60;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DsTokenError {
    #[error("the request carries no Document Server token")]
    Missing,
    #[error("the Document Server token is expired")]
    Expired,
    #[error("the Document Server token is not signed with this site's secret")]
    BadSignature,
    #[error("the Document Server token is malformed")]
    Malformed,
}

/// Signs `fields` (a JSON object) with `iat`/`exp` added.
pub fn sign(fields: &Value, secret: &str, now: i64) -> Result<String, DsTokenError> {
    let mut claims: Map<String, Value> = match fields {
        Value::Object(map) => map.clone(),
        _ => return Err(DsTokenError::Malformed),
    };
    claims.remove("token");
    claims.insert("iat".into(), now.into());
    claims.insert("exp".into(), (now + TOKEN_SECS).into());
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .map_err(|_| DsTokenError::Malformed)
}

/// The header form: a token of `{"payload": fields}`.
pub fn sign_header(fields: &Value, secret: &str, now: i64) -> Result<String, DsTokenError> {
    sign(&serde_json::json!({ "payload": fields }), secret, now)
}

/// Verifies a token and returns its claims.
pub fn verify(token: &str, secret: &str) -> Result<Map<String, Value>, DsTokenError> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.leeway = LEEWAY_SECS;
    validation.set_required_spec_claims(&["exp"]);
    validation.validate_aud = false;
    jsonwebtoken::decode::<Map<String, Value>>(
        token,
        &DecodingKey::from_secret(secret.as_bytes()),
        &validation,
    )
    .map(|data| data.claims)
    .map_err(|err| match err.kind() {
        jsonwebtoken::errors::ErrorKind::ExpiredSignature => DsTokenError::Expired,
        jsonwebtoken::errors::ErrorKind::InvalidSignature => DsTokenError::BadSignature,
        _ => DsTokenError::Malformed,
    })
}

/// The signed fields of a request from the Document Server: the body's `token` when present,
/// else the header token (`Bearer ` stripped, `payload` unwrapped).
pub fn verified_fields(
    body: &Value,
    header_value: Option<&str>,
    secret: &str,
) -> Result<Value, DsTokenError> {
    if let Some(token) = body.get("token").and_then(Value::as_str) {
        return verify(token, secret).map(Value::Object);
    }
    let token = header_value
        .map(|v| v.trim())
        .map(|v| v.strip_prefix("Bearer").unwrap_or(v).trim())
        .filter(|v| !v.is_empty())
        .ok_or(DsTokenError::Missing)?;
    let mut claims = verify(token, secret)?;
    claims.remove("payload").ok_or(DsTokenError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SECRET: &str = "0123456789abcdef0123";

    fn now() -> i64 {
        chrono::Utc::now().timestamp()
    }

    #[test]
    fn signed_config_verifies_with_the_same_secret_only() {
        let config = json!({"document": {"key": "k", "url": "https://a/f"}, "editorConfig": {"mode": "edit"}});
        let token = sign(&config, SECRET, now()).unwrap();
        let claims = verify(&token, SECRET).unwrap();
        assert_eq!(claims["document"], config["document"]);
        assert_eq!(claims["editorConfig"], config["editorConfig"]);
        assert_eq!(
            claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
            TOKEN_SECS
        );
        assert_eq!(
            verify(&token, "another-secret-000000"),
            Err(DsTokenError::BadSignature)
        );
        assert!(sign(&json!("not an object"), SECRET, now()).is_err());
    }

    #[test]
    fn expiry_allows_a_minute_of_skew() {
        let body = json!({"key": "k", "status": 2});
        let recent = sign(&body, SECRET, now() - TOKEN_SECS - 30).unwrap();
        assert!(verify(&recent, SECRET).is_ok());
        let old = sign(&body, SECRET, now() - TOKEN_SECS - 120).unwrap();
        assert_eq!(verify(&old, SECRET), Err(DsTokenError::Expired));
    }

    #[test]
    fn body_token_wins_then_header_payload() {
        let signed = json!({"key": "k", "status": 2, "url": "https://ds/out.docx"});
        let body_token = sign(&signed, SECRET, now()).unwrap();
        // Plain fields disagree with the token: the token's are used.
        let body = json!({"key": "k", "status": 6, "url": "https://evil/", "token": body_token});
        let fields = verified_fields(&body, None, SECRET).unwrap();
        assert_eq!(fields["status"], 2);
        assert_eq!(fields["url"], "https://ds/out.docx");

        let header = format!("Bearer {}", sign_header(&signed, SECRET, now()).unwrap());
        let fields = verified_fields(&json!({"key": "k"}), Some(&header), SECRET).unwrap();
        assert_eq!(fields["url"], "https://ds/out.docx");

        assert_eq!(
            verified_fields(&json!({"status": 2}), None, SECRET),
            Err(DsTokenError::Missing)
        );
        assert_eq!(
            verified_fields(&json!({}), Some("Bearer "), SECRET),
            Err(DsTokenError::Missing)
        );
        // A header token without `payload` is not a Document Server header token.
        let bare = format!("Bearer {}", sign(&signed, SECRET, now()).unwrap());
        assert_eq!(
            verified_fields(&json!({}), Some(&bare), SECRET),
            Err(DsTokenError::Malformed)
        );
    }
}
