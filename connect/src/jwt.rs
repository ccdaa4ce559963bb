//! Connect JWTs: verification with a pinned algorithm, required times and a QSH rule, and
//! HS256 signing for outbound calls.
//!
//! Signatures are checked by `jsonwebtoken` (constant-time HMAC, RSA). The header is read here
//! first so that the pinned algorithm, never the header's, decides how a token is checked.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Validation};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::qsh;

/// Tokens longer than this are refused before any parsing (they arrive in URLs and headers).
pub const MAX_TOKEN_LEN: usize = 8 * 1024;
/// Clock skew tolerated on `exp` and `iat`.
pub const LEEWAY_SECS: i64 = 30;
/// Longest `exp - iat` accepted from the host.
pub const MAX_LIFETIME_SECS: i64 = 3600;

/// The algorithm a route accepts. Never taken from the token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alg {
    Hs256,
    Rs256,
}

impl Alg {
    fn name(self) -> &'static str {
        match self {
            Alg::Hs256 => "HS256",
            Alg::Rs256 => "RS256",
        }
    }
    fn jsonwebtoken(self) -> Algorithm {
        match self {
            Alg::Hs256 => Algorithm::HS256,
            Alg::Rs256 => Algorithm::RS256,
        }
    }
}

/// Why a token was refused. The messages are safe to show: they never contain the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwtError {
    #[error("no token: send `Authorization: JWT <token>` or `?jwt=<token>`")]
    Missing,
    #[error("the token was sent both in the query and in the Authorization header")]
    Ambiguous,
    #[error("the token is too long")]
    TooLarge,
    #[error("the token is malformed: {0}")]
    Malformed(&'static str),
    #[error("the token's algorithm {found:?} is not accepted here (expected {expected})")]
    AlgorithmNotAllowed {
        found: String,
        expected: &'static str,
    },
    #[error("the token's key id (kid) is missing or invalid")]
    BadKeyId,
    #[error("the token's signature does not verify")]
    BadSignature,
    #[error("the token has no `{0}` claim")]
    MissingClaim(&'static str),
    #[error("the token has expired")]
    Expired,
    #[error("the token was issued in the future")]
    IssuedInFuture,
    #[error("the token's lifetime is longer than allowed")]
    LifetimeTooLong,
    #[error("the token is not bound to this request (qsh mismatch)")]
    QshMismatch,
    #[error("a context token cannot be used for this request")]
    ContextTokenNotAllowed,
    #[error("this endpoint accepts only context tokens from AP.context.getToken()")]
    ContextTokenRequired,
    #[error("the token's audience is not this app")]
    WrongAudience,
    #[error("the token was issued by an unknown or uninstalled tenant")]
    UnknownIssuer,
    #[error("the token's issuer does not match the request")]
    IssuerMismatch,
}

/// `aud` may be a string or an array; both read as a list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl Audience {
    pub fn contains(&self, value: &str) -> bool {
        let trim = |s: &str| s.trim_end_matches('/').to_owned();
        let value = trim(value);
        match self {
            Audience::None => false,
            Audience::One(a) => trim(a) == value,
            Audience::Many(list) => list.iter().any(|a| trim(a) == value),
        }
    }
    fn is_none(&self) -> bool {
        matches!(self, Audience::None)
    }
}

/// The claims Connect uses; anything else stays in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub: Option<String>,
    #[serde(default, skip_serializing_if = "Audience::is_none")]
    pub aud: Audience,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qsh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

impl Claims {
    /// The acting user's Atlassian account id (`sub`, or the deprecated `context.user.accountId`).
    pub fn account_id(&self) -> Option<&str> {
        self.sub.as_deref().or_else(|| {
            self.context
                .as_ref()?
                .get("user")?
                .get("accountId")?
                .as_str()
        })
    }
}

/// The request a token must be bound to.
#[derive(Debug, Clone, Copy)]
pub struct BoundRequest<'a> {
    pub method: &'a str,
    /// The path as sent on the wire, not decoded.
    pub raw_path: &'a str,
    pub raw_query: Option<&'a str>,
    /// The path of the app's base URL (`""` for a bare origin).
    pub base_path: &'a str,
}

/// What the `qsh` claim must be.
#[derive(Debug, Clone, Copy)]
pub enum QshRule<'a> {
    /// The QSH of this request (iframe loads, webhooks, lifecycle).
    Request(BoundRequest<'a>),
    /// Exactly `context-qsh` (routes that opted in to `AP.context.getToken()` tokens).
    Context,
    /// No qsh check: tokens this app issued itself and signs with its own rules.
    Unchecked,
}

/// The unverified header fields we look at.
#[derive(Debug, Clone, Deserialize)]
pub struct Header {
    pub alg: String,
    #[serde(default)]
    pub kid: Option<String>,
}

/// Splits and decodes a token without verifying it: only to find the issuer (whose secret
/// verifies it) or the key id. Nothing read here is trusted until [`verify`] succeeds.
pub fn peek(token: &str) -> Result<(Header, Claims), JwtError> {
    if token.len() > MAX_TOKEN_LEN {
        return Err(JwtError::TooLarge);
    }
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Malformed("expected three dot-separated parts"));
    };
    let header: Header = decode_part(h, "the header is not base64url JSON")?;
    let claims: Claims = decode_part(p, "the payload is not base64url JSON")?;
    Ok((header, claims))
}

fn decode_part<T: for<'de> Deserialize<'de>>(
    part: &str,
    what: &'static str,
) -> Result<T, JwtError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .map_err(|_| JwtError::Malformed(what))?;
    serde_json::from_slice(&bytes).map_err(|_| JwtError::Malformed(what))
}

/// The key a token is verified with.
pub enum Key<'a> {
    /// The tenant's shared secret (HS256).
    Secret(&'a [u8]),
    /// An RSA public key in PEM (RS256, lifecycle only).
    RsaPem(&'a [u8]),
}

/// Verifies signature, algorithm, times and QSH. `now` is Unix seconds.
pub fn verify(
    token: &str,
    alg: Alg,
    key: Key<'_>,
    qsh_rule: QshRule<'_>,
    now: i64,
) -> Result<Claims, JwtError> {
    let (header, _) = peek(token)?;
    if header.alg != alg.name() {
        return Err(JwtError::AlgorithmNotAllowed {
            found: header.alg,
            expected: alg.name(),
        });
    }
    let decoding_key = match (alg, key) {
        (Alg::Hs256, Key::Secret(secret)) => DecodingKey::from_secret(secret),
        (Alg::Rs256, Key::RsaPem(pem)) => {
            DecodingKey::from_rsa_pem(pem).map_err(|_| JwtError::BadSignature)?
        }
        // A route pinned to one algorithm never verifies with the other's key type.
        _ => {
            return Err(JwtError::AlgorithmNotAllowed {
                found: header.alg,
                expected: alg.name(),
            });
        }
    };
    let mut validation = Validation::new(alg.jsonwebtoken());
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.leeway = 0;
    let claims = jsonwebtoken::decode::<Claims>(token, &decoding_key, &validation)
        .map_err(|err| match err.kind() {
            jsonwebtoken::errors::ErrorKind::InvalidSignature => JwtError::BadSignature,
            jsonwebtoken::errors::ErrorKind::InvalidAlgorithm => JwtError::AlgorithmNotAllowed {
                found: String::new(),
                expected: alg.name(),
            },
            _ => JwtError::Malformed("the token cannot be decoded"),
        })?
        .claims;
    check_times(&claims, now)?;
    check_qsh(&claims, qsh_rule)?;
    Ok(claims)
}

fn check_times(claims: &Claims, now: i64) -> Result<(), JwtError> {
    let exp = claims.exp.ok_or(JwtError::MissingClaim("exp"))?;
    let iat = claims.iat.ok_or(JwtError::MissingClaim("iat"))?;
    if now > exp + LEEWAY_SECS {
        return Err(JwtError::Expired);
    }
    if iat > now + LEEWAY_SECS {
        return Err(JwtError::IssuedInFuture);
    }
    if exp - iat > MAX_LIFETIME_SECS {
        return Err(JwtError::LifetimeTooLong);
    }
    Ok(())
}

fn check_qsh(claims: &Claims, rule: QshRule<'_>) -> Result<(), JwtError> {
    match rule {
        QshRule::Unchecked => Ok(()),
        QshRule::Context => match claims.qsh.as_deref() {
            Some(qsh::CONTEXT_QSH) => Ok(()),
            Some(_) => Err(JwtError::ContextTokenRequired),
            None => Err(JwtError::MissingClaim("qsh")),
        },
        QshRule::Request(r) => match claims.qsh.as_deref() {
            None => Err(JwtError::MissingClaim("qsh")),
            Some(qsh::CONTEXT_QSH) => Err(JwtError::ContextTokenNotAllowed),
            Some(claimed)
                if qsh::matches(claimed, r.method, r.raw_path, r.raw_query, r.base_path) =>
            {
                Ok(())
            }
            Some(_) => Err(JwtError::QshMismatch),
        },
    }
}

/// Signs `claims` with HS256, header `{"typ":"JWT","alg":"HS256"}` as Atlassian writes it.
pub fn sign_hs256<T: Serialize>(claims: &T, secret: &[u8]) -> Result<String, JwtError> {
    let header = jsonwebtoken::Header::new(Algorithm::HS256);
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(secret))
        .map_err(|_| JwtError::Malformed("the claims cannot be encoded"))
}

/// Signs raw header and payload JSON texts byte for byte (used to reproduce exact tokens).
pub fn sign_raw_hs256(
    header_json: &str,
    payload_json: &str,
    secret: &[u8],
) -> Result<String, JwtError> {
    let message = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header_json),
        URL_SAFE_NO_PAD.encode(payload_json)
    );
    let signature = jsonwebtoken::crypto::sign(
        message.as_bytes(),
        &EncodingKey::from_secret(secret),
        Algorithm::HS256,
    )
    .map_err(|_| JwtError::Malformed("cannot sign"))?;
    Ok(format!("{message}.{signature}"))
}

/// Verifies a host-issued HS256 token: the issuer (`iss` = clientKey) names the tenant whose
/// secret must verify it; `secret_for` returns `None` for unknown or uninstalled tenants.
pub fn verify_host_token(
    token: &str,
    qsh_rule: QshRule<'_>,
    now: i64,
    secret_for: impl FnOnce(&str) -> Option<Vec<u8>>,
) -> Result<Claims, JwtError> {
    let (_, unverified) = peek(token)?;
    let iss = unverified.iss.ok_or(JwtError::MissingClaim("iss"))?;
    let secret = secret_for(&iss).ok_or(JwtError::UnknownIssuer)?;
    verify(token, Alg::Hs256, Key::Secret(&secret), qsh_rule, now)
}

/// Verifies a signed-install lifecycle token (RS256): signature with the key for its `kid`,
/// times, request-bound QSH, `aud` = one of our base URLs, `iss` present.
pub fn verify_lifecycle_token(
    token: &str,
    public_key_pem: &[u8],
    our_base_urls: &[&str],
    bound: BoundRequest<'_>,
    now: i64,
) -> Result<Claims, JwtError> {
    let claims = verify(
        token,
        Alg::Rs256,
        Key::RsaPem(public_key_pem),
        QshRule::Request(bound),
        now,
    )?;
    if !our_base_urls.iter().any(|base| claims.aud.contains(base)) {
        return Err(JwtError::WrongAudience);
    }
    if claims.iss.as_deref().is_none_or(str::is_empty) {
        return Err(JwtError::MissingClaim("iss"));
    }
    Ok(claims)
}

/// The `kid` of a lifecycle token, checked against the characters key ids use
/// (`[A-Za-z0-9_\-/]`, no `..`, bounded length) before it becomes part of a URL.
pub fn lifecycle_key_id(token: &str) -> Result<String, JwtError> {
    let (header, _) = peek(token)?;
    if header.alg != Alg::Rs256.name() {
        return Err(JwtError::AlgorithmNotAllowed {
            found: header.alg,
            expected: Alg::Rs256.name(),
        });
    }
    let kid = header.kid.ok_or(JwtError::BadKeyId)?;
    let valid = !kid.is_empty()
        && kid.len() <= 256
        && !kid.contains("..")
        && !kid.starts_with('/')
        && kid
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'/'));
    if valid {
        Ok(kid)
    } else {
        Err(JwtError::BadKeyId)
    }
}
