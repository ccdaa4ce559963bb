//! Acting as a user: the OAuth 2.0 JWT-bearer grant ("2LO impersonation"). The assertion is
//! signed with the tenant secret; access tokens are cached per (tenant, user) in memory only,
//! in a bounded cache, renewed a minute before they expire, fetched once however many callers
//! wait, and dropped when the host refuses one.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use url::Url;

use crate::{jwt, store::tenant::Tenant};

const ASSERTION_SECS: i64 = 60;
/// A cached token is renewed this long before its expiry.
const REFRESH_EARLY_SECS: i64 = 60;
const GRANT_TYPE: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// People whose tokens are kept at most (least recently used go first); a token is a few
/// hundred bytes.
pub const MAX_CACHED_TOKENS: u64 = 10_000;

#[derive(Debug, Clone, thiserror::Error)]
pub enum OAuthError {
    #[error("the tenant has no oauthClientId; add the ACT_AS_USER scope and reinstall")]
    NoClientId,
    #[error("cannot sign the assertion: {0}")]
    Sign(String),
    #[error("the authorization server could not be reached")]
    Transport,
    #[error("the authorization server refused the grant (HTTP {0})")]
    Refused(u16),
    #[error("the authorization server's answer is not a token")]
    Decode,
}

impl From<jwt::JwtError> for OAuthError {
    fn from(err: jwt::JwtError) -> Self {
        Self::Sign(err.to_string())
    }
}

#[derive(Serialize)]
struct Assertion<'a> {
    iss: String,
    sub: String,
    tnt: &'a str,
    aud: &'a str,
    iat: i64,
    exp: i64,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    expires_in: i64,
}

#[derive(Clone)]
struct Cached {
    token: String,
    /// How long the token stays in the cache: until a minute before it expires.
    keep_for: Duration,
}

/// Each entry lives as long as its own token is good for.
struct UntilRenewal;

impl moka::Expiry<(String, String), Cached> for UntilRenewal {
    fn expire_after_create(
        &self,
        _key: &(String, String),
        value: &Cached,
        _created_at: Instant,
    ) -> Option<Duration> {
        Some(value.keep_for)
    }
}

/// The access-token cache, shared by every client of the process.
#[derive(Clone)]
pub struct UserTokens {
    cache: moka::future::Cache<(String, String), Cached>,
}

impl Default for UserTokens {
    fn default() -> Self {
        Self::with_capacity(MAX_CACHED_TOKENS)
    }
}

impl UserTokens {
    pub fn with_capacity(capacity: u64) -> Self {
        Self {
            cache: moka::future::Cache::builder()
                .max_capacity(capacity)
                .expire_after(UntilRenewal)
                .support_invalidation_closures()
                .build(),
        }
    }

    /// A valid access token for `account_id` on `tenant`.
    pub async fn get(
        &self,
        http: &reqwest::Client,
        oauth_url: &Url,
        tenant: &Tenant,
        account_id: &str,
    ) -> Result<String, OAuthError> {
        let key = (tenant.client_key.clone(), account_id.to_owned());
        // Concurrent callers for the same person wait for one fetch.
        self.cache
            .try_get_with(key, async {
                let now = chrono::Utc::now().timestamp();
                fetch(http, oauth_url, tenant, account_id, now).await
            })
            .await
            .map(|cached| cached.token)
            .map_err(|err| (*err).clone())
    }

    /// Forgets one person's token (the host refused it).
    pub async fn forget(&self, client_key: &str, account_id: &str) {
        self.cache
            .invalidate(&(client_key.to_owned(), account_id.to_owned()))
            .await;
    }

    /// Forgets the tokens of a tenant (after its secret changed).
    pub fn forget_tenant(&self, client_key: &str) {
        let client_key = client_key.to_owned();
        // Fails only without invalidation closures (enabled above); then drop everything.
        if self
            .cache
            .invalidate_entries_if(move |(k, _), _| *k == client_key)
            .is_err()
        {
            self.cache.invalidate_all();
        }
    }

    /// How many tokens are cached now (after pending evictions ran).
    pub async fn len(&self) -> u64 {
        self.cache.run_pending_tasks().await;
        self.cache.entry_count()
    }

    pub async fn is_empty(&self) -> bool {
        self.len().await == 0
    }
}

async fn fetch(
    http: &reqwest::Client,
    oauth_url: &Url,
    tenant: &Tenant,
    account_id: &str,
    now: i64,
) -> Result<Cached, OAuthError> {
    let client_id = tenant
        .oauth_client_id
        .as_deref()
        .filter(|id| !id.is_empty())
        .ok_or(OAuthError::NoClientId)?;
    let aud = oauth_url.as_str().trim_end_matches('/');
    let assertion = jwt::sign_hs256(
        &Assertion {
            iss: format!("urn:atlassian:connect:clientid:{client_id}"),
            sub: format!("urn:atlassian:connect:useraccountid:{account_id}"),
            tnt: &tenant.base_url,
            aud,
            iat: now,
            exp: now + ASSERTION_SECS,
        },
        tenant.shared_secret.as_bytes(),
    )?;
    let body: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", GRANT_TYPE)
        .append_pair("assertion", &assertion)
        .finish();
    let response = http
        .post(format!("{aud}/oauth2/token"))
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .header(reqwest::header::ACCEPT, "application/json")
        .timeout(Duration::from_secs(15))
        .body(body)
        .send()
        .await
        .map_err(|_| OAuthError::Transport)?;
    if !response.status().is_success() {
        return Err(OAuthError::Refused(response.status().as_u16()));
    }
    let token: TokenResponse = response.json().await.map_err(|_| OAuthError::Decode)?;
    if token.access_token.is_empty() || token.expires_in <= 0 {
        return Err(OAuthError::Decode);
    }
    let keep = u64::try_from(token.expires_in - REFRESH_EARLY_SECS).unwrap_or(0);
    Ok(Cached {
        token: token.access_token,
        keep_for: Duration::from_secs(keep),
    })
}
