//! Acting as a user: the OAuth 2.0 JWT-bearer grant ("2LO impersonation"). The assertion is
//! signed with the tenant secret; access tokens are cached per (tenant, user) in memory only,
//! refreshed a minute before they expire, and fetched once however many callers wait.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use serde::{Deserialize, Serialize};
use url::Url;

use crate::{jwt, store::tenant::Tenant};

const ASSERTION_SECS: i64 = 60;
/// A cached token is renewed this long before its expiry.
const REFRESH_EARLY_SECS: i64 = 60;
const GRANT_TYPE: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

#[derive(Debug, thiserror::Error)]
pub enum OAuthError {
    #[error("the tenant has no oauthClientId; add the ACT_AS_USER scope and reinstall")]
    NoClientId,
    #[error("cannot sign the assertion: {0}")]
    Sign(#[from] jwt::JwtError),
    #[error("the authorization server could not be reached")]
    Transport,
    #[error("the authorization server refused the grant (HTTP {0})")]
    Refused(u16),
    #[error("the authorization server's answer is not a token")]
    Decode,
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
    expires_at: i64,
}

type Slot = Arc<tokio::sync::Mutex<Option<Cached>>>;

/// The access-token cache, shared by every client of the process.
#[derive(Clone, Default)]
pub struct UserTokens {
    slots: Arc<Mutex<HashMap<(String, String), Slot>>>,
}

impl UserTokens {
    /// A valid access token for `account_id` on `tenant`.
    pub async fn get(
        &self,
        http: &reqwest::Client,
        oauth_url: &Url,
        tenant: &Tenant,
        account_id: &str,
    ) -> Result<String, OAuthError> {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
            slots
                .entry((tenant.client_key.clone(), account_id.to_owned()))
                .or_default()
                .clone()
        };
        // Holding the slot while fetching makes concurrent callers wait for one fetch.
        let mut cached = slot.lock().await;
        let now = chrono::Utc::now().timestamp();
        if let Some(c) = cached
            .as_ref()
            .filter(|c| c.expires_at - REFRESH_EARLY_SECS > now)
        {
            return Ok(c.token.clone());
        }
        let fresh = fetch(http, oauth_url, tenant, account_id, now).await?;
        let token = fresh.token.clone();
        *cached = Some(fresh);
        Ok(token)
    }

    /// Forgets the tokens of a tenant (after its secret changed).
    pub fn forget_tenant(&self, client_key: &str) {
        let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        slots.retain(|(k, _), _| k != client_key);
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
    Ok(Cached {
        token: token.access_token,
        expires_at: now + token.expires_in,
    })
}
