//! [`HostClient`]: REST calls to one tenant, as the app (HS256 JWT with a QSH of exactly the
//! request that goes on the wire) or as a user (OAuth 2.0 bearer token).
//!
//! Only the tenant's own origin is ever called: a path is joined onto the tenant's base URL, an
//! absolute URL must be under it, and redirects are followed only within it (re-signed each
//! time). A 429 is retried once after its `Retry-After` when that is short. A user token the
//! host refuses (401) is dropped from the cache and the call made once more with a fresh one.
//!
//! An attachment download ([`HostClient::download`]) is the one exception: Confluence's REST
//! download endpoint redirects to its media service on another origin, and that single hop is
//! followed when the host is one of the [`MediaOrigins`], with no credentials sent there.
//!
//! API calls are bounded at [`API_TIMEOUT`]; file transfers ([`HostClient::download`],
//! [`HostClient::send_stream`]) at [`TRANSFER_TIMEOUT`], with the client's read timeout
//! dropping a transfer that stalls.

use std::time::Duration;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use reqwest::{Method, StatusCode, header};
use serde::{Serialize, de::DeserializeOwned};
use sha2::Digest;
use url::Url;

use super::{
    media::MediaOrigins,
    oauth::{OAuthError, UserTokens},
};
use crate::{jwt, qsh, store::tenant::Tenant};

/// Lifetime of the tokens we sign for the host (ACE uses 3 minutes).
const APP_TOKEN_SECS: i64 = 180;
const MAX_REDIRECTS: usize = 5;
/// Longest `Retry-After` we wait for inside one call.
const MAX_RETRY_AFTER_SECS: u64 = 10;
/// How long one REST call may take, answer included.
pub const API_TIMEOUT: Duration = Duration::from_secs(30);
/// How long one file transfer may take (the read timeout of the client drops a stalled one
/// much earlier).
pub const TRANSFER_TIMEOUT: Duration = Duration::from_secs(30 * 60);

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
        let (head, tail) = multipart_frame(&boundary, file_name, media_type, fields);
        let mut out = Vec::with_capacity(head.len() + data.len() + tail.len());
        out.extend_from_slice(&head);
        out.extend_from_slice(data);
        out.extend_from_slice(&tail);
        Self {
            content_type: format!("multipart/form-data; boundary={boundary}"),
            bytes: out.into(),
        }
    }
}

/// A `multipart/form-data` body whose file part is streamed: sent once, never again (not on a
/// redirect, not after a 429), so the file is never held in memory.
pub struct StreamBody {
    content_type: String,
    length: Option<u64>,
    body: reqwest::Body,
}

impl StreamBody {
    /// One file part named `file` streamed from `data` (`length` bytes when known), after the
    /// plain text `fields`: the shape Confluence's attachment upload expects.
    pub fn multipart_file<S, E>(
        file_name: &str,
        media_type: &str,
        data: S,
        length: Option<u64>,
        fields: &[(&str, &str)],
    ) -> Self
    where
        S: Stream<Item = Result<Bytes, E>> + Send + 'static,
        E: Into<Box<dyn std::error::Error + Send + Sync>> + 'static,
    {
        // The file is not read ahead, so the boundary cannot be derived from it: 128 random
        // bits make a collision with the file's bytes practically impossible.
        let boundary = format!("connect-{}", random_hex(16));
        let (head, tail) = multipart_frame(&boundary, file_name, media_type, fields);
        let length = length.map(|n| n + head.len() as u64 + tail.len() as u64);
        let parts = futures::stream::once(async move { Ok::<Bytes, E>(Bytes::from(head)) })
            .chain(data)
            .chain(futures::stream::once(async move {
                Ok::<Bytes, E>(Bytes::from(tail))
            }));
        Self {
            content_type: format!("multipart/form-data; boundary={boundary}"),
            length,
            body: reqwest::Body::wrap_stream(parts),
        }
    }
}

/// The bytes before and after the file in a one-file multipart body.
fn multipart_frame(
    boundary: &str,
    file_name: &str,
    media_type: &str,
    fields: &[(&str, &str)],
) -> (Vec<u8>, Vec<u8>) {
    let quote = |s: &str| s.replace(['"', '\r', '\n'], "_");
    let mut head = Vec::with_capacity(512);
    for (name, value) in fields {
        head.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                quote(name)
            )
            .as_bytes(),
        );
    }
    head.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
            quote(file_name),
            quote(media_type)
        )
        .as_bytes(),
    );
    (head, format!("\r\n--{boundary}--\r\n").into_bytes())
}

fn random_hex(bytes: usize) -> String {
    use chacha20poly1305::aead::{OsRng, rand_core::RngCore};
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// REST calls to one tenant.
pub struct HostClient {
    http: reqwest::Client,
    tenant: Tenant,
    auth: Auth,
    extra_headers: Vec<(header::HeaderName, header::HeaderValue)>,
    /// Where a download may be redirected to (none: downloads stay on the tenant's origin).
    media: Option<MediaOrigins>,
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
            media: None,
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
            media: None,
        }
    }

    pub(crate) fn anonymous(http: reqwest::Client, tenant: Tenant) -> Self {
        Self {
            http,
            tenant,
            auth: Auth::Anonymous,
            extra_headers: Vec::new(),
            media: None,
        }
    }

    /// Adds a header to every request (e.g. `X-Atlassian-Token: no-check` for uploads).
    pub fn with_header(mut self, name: header::HeaderName, value: header::HeaderValue) -> Self {
        self.extra_headers.push((name, value));
        self
    }

    /// Lets downloads follow one redirect to these media hosts.
    pub fn with_media(mut self, media: MediaOrigins) -> Self {
        self.media = Some(media);
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
        self.send_within(method, target, body, API_TIMEOUT, false)
            .await
    }

    /// `GET` of a file (an attachment's bytes), as a response to stream, with the time a
    /// transfer may take rather than an API call's. One redirect to a media host is followed
    /// without credentials; its answer must be the file itself.
    pub async fn download(&self, target: &str) -> Result<reqwest::Response, HostError> {
        let response = self
            .send_within(Method::GET, target, None, TRANSFER_TIMEOUT, true)
            .await?;
        require_success(response).await
    }

    /// The media service's answer for `url`: a plain GET with nothing of ours on it (the URL
    /// carries the service's own token), and no further redirect.
    async fn fetch_media(
        &self,
        url: Url,
        timeout: Duration,
    ) -> Result<reqwest::Response, HostError> {
        let response = self
            .http
            .get(url)
            .timeout(timeout)
            .send()
            .await
            .map_err(transport)?;
        if response.status().is_redirection() {
            return Err(HostError::TooManyRedirects);
        }
        Ok(response)
    }

    /// Sends a streamed body once, for a file transfer; a redirect or a refused token is
    /// answered as an error (the body cannot be sent again).
    pub async fn send_stream(
        &self,
        method: Method,
        target: &str,
        body: StreamBody,
    ) -> Result<reqwest::Response, HostError> {
        let url = self.resolve(target)?;
        let mut request = self
            .authorized(&method, &url)
            .await?
            .header(header::CONTENT_TYPE, &body.content_type)
            .timeout(TRANSFER_TIMEOUT);
        if let Some(length) = body.length {
            request = request.header(header::CONTENT_LENGTH, length);
        }
        let response = request.body(body.body).send().await.map_err(transport)?;
        if response.status() == StatusCode::UNAUTHORIZED {
            self.forget_user_token().await;
        }
        require_success(response).await
    }

    async fn send_within(
        &self,
        method: Method,
        target: &str,
        body: Option<HostBody>,
        timeout: Duration,
        to_media: bool,
    ) -> Result<reqwest::Response, HostError> {
        let base = Url::parse(&self.tenant.base_url).map_err(|_| HostError::BadBaseUrl)?;
        let mut url = self.resolve(target)?;
        let mut method = method;
        let mut body = body;
        let mut redirects = 0;
        let mut retried = false;
        let mut fresh_token = false;
        loop {
            let response = self
                .send_once(&method, &url, body.as_ref(), timeout)
                .await?;
            let status = response.status();
            if status == StatusCode::UNAUTHORIZED
                && !fresh_token
                && matches!(self.auth, Auth::User { .. })
            {
                // The host no longer takes the cached token: fetch a new one, once.
                self.forget_user_token().await;
                fresh_token = true;
                continue;
            }
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
                    if to_media
                        && method == Method::GET
                        && self.media.as_ref().is_some_and(|m| m.allows(&next))
                    {
                        return self.fetch_media(next, timeout).await;
                    }
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
                let wait = retry_after(response.headers());
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
        timeout: Duration,
    ) -> Result<reqwest::Response, HostError> {
        let mut request = self.authorized(method, url).await?.timeout(timeout);
        // A GET with a body is refused by the host; never send one.
        if let Some(body) = body.filter(|_| *method != Method::GET) {
            request = request
                .header(header::CONTENT_TYPE, &body.content_type)
                .body(body.bytes.clone());
        }
        request.send().await.map_err(transport)
    }

    /// A request to `url` with this client's credentials and extra headers.
    async fn authorized(
        &self,
        method: &Method,
        url: &Url,
    ) -> Result<reqwest::RequestBuilder, HostError> {
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
        if let Some(id) = crate::request_context::current_id() {
            request = request.header(crate::request_context::HEADER, id);
        }
        Ok(request)
    }

    /// Drops the cached token of the user this client acts as.
    async fn forget_user_token(&self) {
        if let Auth::User {
            account_id, tokens, ..
        } = &self.auth
        {
            tokens.forget(&self.tenant.client_key, account_id).await;
        }
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
        require_success(self.send(method, target, body).await?).await
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

/// The seconds a `Retry-After` header asks to wait (the HTTP-date form is not used by the host).
pub(crate) fn retry_after(headers: &header::HeaderMap) -> Option<u64> {
    headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// The response when it is 2xx; otherwise the status and the start of what the host said.
pub(crate) async fn require_success(
    response: reqwest::Response,
) -> Result<reqwest::Response, HostError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    // An error body is short; a hostile one is not read past 4 KiB.
    let mut text = Vec::new();
    let mut stream = response.bytes_stream();
    while let Some(Ok(chunk)) = stream.next().await {
        text.extend_from_slice(&chunk);
        if text.len() >= 4096 {
            break;
        }
    }
    Err(HostError::Status {
        status,
        body: String::from_utf8_lossy(&text).chars().take(300).collect(),
    })
}

fn transport(err: reqwest::Error) -> HostError {
    HostError::Transport(if err.is_timeout() {
        "timed out".into()
    } else {
        "connection failed".into()
    })
}
