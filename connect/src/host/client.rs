//! [`HostClient`]: REST calls to one tenant, as the app (HS256 JWT with a QSH of exactly the
//! request that goes on the wire) or as a user (OAuth 2.0 bearer token).
//!
//! Only the tenant's own origin is ever called: a path is joined onto the tenant's base URL, an
//! absolute URL must be under it, and redirects are followed only within it (re-signed each
//! time). A 429 is retried once after its `Retry-After` when that is short.

use std::time::Duration;

use bytes::Bytes;
use reqwest::{Method, StatusCode, header};
use serde::{Serialize, de::DeserializeOwned};
use sha2::Digest;
use url::Url;

use super::oauth::{OAuthError, UserTokens};
use crate::{jwt, qsh, store::tenant::Tenant};

/// Lifetime of the tokens we sign for the host (ACE uses 3 minutes).
const APP_TOKEN_SECS: i64 = 180;
const MAX_REDIRECTS: usize = 5;
/// Longest `Retry-After` we wait for inside one call.
const MAX_RETRY_AFTER_SECS: u64 = 10;

/// Why a host call failed.
#[derive(Debug, thiserror::Error)]
pub enum HostError {
    #[error("{0} is not under the tenant's base URL; only the tenant's own origin is called")]
    ForeignUrl(String),
    #[error("the host redirected to another origin ({0}); not followed")]
    CrossOriginRedirect(String),
    #[error("too many redirects")]
    TooManyRedirects,
    #[error("the tenant's base URL is invalid")]
    BadBaseUrl,
    #[error("cannot sign the request: {0}")]
    Sign(#[from] jwt::JwtError),
    #[error(transparent)]
    OAuth(#[from] OAuthError),
    #[error("the host could not be reached: {0}")]
    Transport(String),
    #[error("the host answered {status}: {body}")]
    Status { status: StatusCode, body: String },
    #[error("the host's answer is not the expected JSON: {0}")]
    Decode(String),
}

impl HostError {
    /// The HTTP status the host answered, for errors that carry one.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            HostError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }
}

enum Auth {
    App {
        app_key: String,
    },
    User {
        account_id: String,
        oauth_url: Url,
        tokens: UserTokens,
    },
    /// No credentials: what anonymous visitors see.
    Anonymous,
}

/// A request body that can be sent again (redirects, retries).
#[derive(Clone, Debug)]
pub struct HostBody {
    pub content_type: String,
    pub bytes: Bytes,
}

impl HostBody {
    pub fn json<T: Serialize>(value: &T) -> Result<Self, HostError> {
        Ok(Self {
            content_type: "application/json".into(),
            bytes: serde_json::to_vec(value)
                .map_err(|e| HostError::Decode(e.to_string()))?
                .into(),
        })
    }
}

impl HostBody {
    /// A `multipart/form-data` body with one file part named `file` and plain text fields,
    /// the shape Confluence's attachment upload expects.
    pub fn multipart_file(
        file_name: &str,
        media_type: &str,
        data: &[u8],
        fields: &[(&str, &str)],
    ) -> Self {
        // A boundary that cannot occur in the file: derived from its hash.
        let boundary = format!("connect-{}", hex::encode(&sha2::Sha256::digest(data)[..12]));
        let quote = |s: &str| s.replace(['"', '\r', '\n'], "_");
        let mut out = Vec::with_capacity(data.len() + 512);
        for (name, value) in fields {
            out.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                    quote(name)
                )
                .as_bytes(),
            );
        }
        out.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: {media_type}\r\n\r\n",
                quote(file_name)
            )
            .as_bytes(),
        );
        out.extend_from_slice(data);
        out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        Self {
            content_type: format!("multipart/form-data; boundary={boundary}"),
            bytes: out.into(),
        }
    }
}

/// REST calls to one tenant.
pub struct HostClient {
    http: reqwest::Client,
    tenant: Tenant,
    auth: Auth,
    extra_headers: Vec<(header::HeaderName, header::HeaderValue)>,
}

impl HostClient {
    pub(crate) fn as_app(http: reqwest::Client, app_key: &str, tenant: Tenant) -> Self {
        Self {
            http,
            tenant,
            auth: Auth::App {
                app_key: app_key.to_owned(),
            },
            extra_headers: Vec::new(),
        }
    }

    pub(crate) fn as_user(
        http: reqwest::Client,
        tenant: Tenant,
        account_id: &str,
        oauth_url: Url,
        tokens: UserTokens,
    ) -> Self {
        Self {
            http,
            tenant,
            auth: Auth::User {
                account_id: account_id.to_owned(),
                oauth_url,
                tokens,
            },
            extra_headers: Vec::new(),
        }
    }

    pub(crate) fn anonymous(http: reqwest::Client, tenant: Tenant) -> Self {
        Self {
            http,
            tenant,
            auth: Auth::Anonymous,
            extra_headers: Vec::new(),
        }
    }

    /// Adds a header to every request (e.g. `X-Atlassian-Token: no-check` for uploads).
    pub fn with_header(mut self, name: header::HeaderName, value: header::HeaderValue) -> Self {
        self.extra_headers.push((name, value));
        self
    }

    pub fn tenant(&self) -> &Tenant {
        &self.tenant
    }

    /// The absolute URL for `target`: a path relative to the tenant's base URL
    /// (`/rest/api/content/1?expand=version`), or an absolute URL under it.
    pub fn resolve(&self, target: &str) -> Result<Url, HostError> {
        let base = Url::parse(&self.tenant.base_url).map_err(|_| HostError::BadBaseUrl)?;
        let url = if target.starts_with('/') && !target.starts_with("//") {
            Url::parse(&format!(
                "{}{target}",
                self.tenant.base_url.trim_end_matches('/')
            ))
            .map_err(|_| HostError::ForeignUrl(target.to_owned()))?
        } else {
            Url::parse(target).map_err(|_| HostError::ForeignUrl(target.to_owned()))?
        };
        if !self.is_under_base(&base, &url) {
            return Err(HostError::ForeignUrl(url.origin().ascii_serialization()));
        }
        Ok(url)
    }

    fn is_under_base(&self, base: &Url, url: &Url) -> bool {
        let base_path = base.path().trim_end_matches('/');
        url.origin() == base.origin()
            && url.username().is_empty()
            && (url.path() == base_path || url.path().starts_with(&format!("{base_path}/")))
    }

    /// Sends a request and returns the response, whatever its status.
    pub async fn send(
        &self,
        method: Method,
        target: &str,
        body: Option<HostBody>,
    ) -> Result<reqwest::Response, HostError> {
        let base = Url::parse(&self.tenant.base_url).map_err(|_| HostError::BadBaseUrl)?;
        let mut url = self.resolve(target)?;
        let mut method = method;
        let mut body = body;
        let mut redirects = 0;
        let mut retried = false;
        loop {
            let response = self.send_once(&method, &url, body.as_ref()).await?;
            let status = response.status();
            if status.is_redirection()
                && let Some(location) = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
            {
                redirects += 1;
                if redirects > MAX_REDIRECTS {
                    return Err(HostError::TooManyRedirects);
                }
                let next = url
                    .join(location)
                    .map_err(|_| HostError::CrossOriginRedirect(location.to_owned()))?;
                if !self.is_under_base(&base, &next) {
                    return Err(HostError::CrossOriginRedirect(
                        next.origin().ascii_serialization(),
                    ));
                }
                if status == StatusCode::SEE_OTHER
                    || ((status == StatusCode::MOVED_PERMANENTLY || status == StatusCode::FOUND)
                        && method == Method::POST)
                {
                    method = Method::GET;
                    body = None;
                }
                url = next;
                continue;
            }
            if status == StatusCode::TOO_MANY_REQUESTS && !retried {
                let wait = response
                    .headers()
                    .get(header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok());
                if let Some(secs) = wait.filter(|s| *s <= MAX_RETRY_AFTER_SECS) {
                    retried = true;
                    tokio::time::sleep(Duration::from_secs(secs)).await;
                    continue;
                }
            }
            return Ok(response);
        }
    }

    async fn send_once(
        &self,
        method: &Method,
        url: &Url,
        body: Option<&HostBody>,
    ) -> Result<reqwest::Response, HostError> {
        let authorization = match &self.auth {
            Auth::App { app_key } => Some(format!("JWT {}", self.app_token(app_key, method, url)?)),
            Auth::User {
                account_id,
                oauth_url,
                tokens,
            } => {
                let token = tokens
                    .get(&self.http, oauth_url, &self.tenant, account_id)
                    .await?;
                Some(format!("Bearer {token}"))
            }
            Auth::Anonymous => None,
        };
        let mut request = self
            .http
            .request(method.clone(), url.clone())
            .header(header::ACCEPT, "application/json");
        if let Some(authorization) = authorization {
            request = request.header(header::AUTHORIZATION, authorization);
        }
        for (name, value) in &self.extra_headers {
            request = request.header(name, value);
        }
        // A GET with a body is refused by the host; never send one.
        if let Some(body) = body.filter(|_| *method != Method::GET) {
            request = request
                .header(header::CONTENT_TYPE, &body.content_type)
                .body(body.bytes.clone());
        }
        request.send().await.map_err(|e| {
            HostError::Transport(if e.is_timeout() {
                "timed out".into()
            } else {
                "connection failed".into()
            })
        })
    }

    /// The app's token for this exact URL: qsh over the path relative to the tenant's base
    /// path and the query exactly as they go on the wire.
    fn app_token(&self, app_key: &str, method: &Method, url: &Url) -> Result<String, HostError> {
        let base = Url::parse(&self.tenant.base_url).map_err(|_| HostError::BadBaseUrl)?;
        let now = chrono::Utc::now().timestamp();
        let claims = jwt::Claims {
            iss: Some(app_key.to_owned()),
            iat: Some(now),
            exp: Some(now + APP_TOKEN_SECS),
            qsh: Some(qsh::qsh(
                method.as_str(),
                url.path(),
                url.query(),
                base.path().trim_end_matches('/'),
            )),
            aud: jwt::Audience::Many(vec![self.tenant.client_key.clone()]),
            ..jwt::Claims::default()
        };
        Ok(jwt::sign_hs256(
            &claims,
            self.tenant.shared_secret.as_bytes(),
        )?)
    }

    /// Sends and requires a 2xx answer.
    pub async fn send_ok(
        &self,
        method: Method,
        target: &str,
        body: Option<HostBody>,
    ) -> Result<reqwest::Response, HostError> {
        let response = self.send(method, target, body).await?;
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let text = response.text().await.unwrap_or_default();
        Err(HostError::Status {
            status,
            body: text.chars().take(300).collect(),
        })
    }

    /// `GET` and decode JSON.
    pub async fn get_json<T: DeserializeOwned>(&self, target: &str) -> Result<T, HostError> {
        let response = self.send_ok(Method::GET, target, None).await?;
        response
            .json()
            .await
            .map_err(|e| HostError::Decode(e.to_string()))
    }
}
