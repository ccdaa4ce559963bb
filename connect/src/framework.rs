//! [`Connect`]: the framework's shared state and its routes. One per process, cheap to clone.

use std::{collections::HashSet, sync::Arc, time::Duration};

use axum::{
    Router,
    body::Body,
    extract::FromRef,
    http::{HeaderValue, Method, Request, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use bytes::Bytes;
use tower::ServiceExt;

use crate::{
    descriptor::{Descriptor, DescriptorError},
    host::{client::HostClient, oauth::UserTokens},
    install_keys::InstallKeys,
    jwt::{self, Alg, Claims, JwtError, Key, QshRule},
    license::Licenses,
    lifecycle,
    rejection::Rejection,
    settings::Settings,
    store::tenant::{Tenant, TenantStore},
    webhooks::{self, WebhookHandler, Webhooks},
};

/// Why the framework cannot start.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Descriptor(#[from] DescriptorError),
    #[error(
        "the descriptor's baseUrl {descriptor} differs from the configured base URL {configured}"
    )]
    BaseUrl {
        descriptor: String,
        configured: String,
    },
    #[error(
        "the app key in the descriptor ({descriptor}) differs from the configured one ({configured})"
    )]
    AppKey {
        descriptor: String,
        configured: String,
    },
    #[error("cannot build the HTTP client: {0}")]
    Http(String),
    #[error("cannot serialize the descriptor: {0}")]
    Serialize(String),
}

/// The framework: settings, descriptor, tenants, install keys, outbound client, webhook handlers.
#[derive(Clone)]
pub struct Connect(Arc<Inner>);

struct Inner {
    settings: Settings,
    descriptor: Descriptor,
    descriptor_json: Bytes,
    tenants: TenantStore,
    keys: InstallKeys,
    http: reqwest::Client,
    user_tokens: UserTokens,
    licenses: Licenses,
    webhooks: Webhooks,
    /// Paths of the descriptor's host-signed pages (see [`crate::host_pages`]).
    host_pages: HashSet<String>,
    /// Audit rows of refused lifecycle calls allowed per minute.
    refusal_audits: crate::rate::RateLimit,
}

/// Audit rows of refused lifecycle calls written per minute, at most.
pub const REFUSAL_AUDITS_PER_MINUTE: u32 = 120;

impl std::fmt::Debug for Connect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connect")
            .field("app_key", &self.0.settings.app_key)
            .field("base_url", &self.0.settings.base_url.as_str())
            .finish_non_exhaustive()
    }
}

/// Collects webhook handlers before the framework starts.
pub struct ConnectBuilder {
    settings: Settings,
    descriptor: Descriptor,
    tenants: TenantStore,
    webhooks: Webhooks,
    http: Option<reqwest::Client>,
}

impl ConnectBuilder {
    /// Handles deliveries of `event` (a webhook the descriptor declares).
    pub fn on_webhook(mut self, event: &str, handler: impl WebhookHandler) -> Self {
        self.webhooks.insert(event, handler);
        self
    }

    /// Uses this HTTP client for outbound calls (tests point it at local servers).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Checks the descriptor (keys, URLs, migrations) except which routes are mounted (see
    /// [`Connect::check_routes`]) and serializes it once.
    pub fn build(self) -> Result<Connect, BuildError> {
        let d = &self.descriptor;
        if d.base_url.trim_end_matches('/') != self.settings.base_url_str() {
            return Err(BuildError::BaseUrl {
                descriptor: d.base_url.clone(),
                configured: self.settings.base_url_str(),
            });
        }
        if d.key != self.settings.app_key {
            return Err(BuildError::AppKey {
                descriptor: d.key.clone(),
                configured: self.settings.app_key.clone(),
            });
        }
        d.check(self.settings.production, |_| true)?;
        self.webhooks.check_against(d)?;
        let descriptor_json = serde_json::to_vec_pretty(d)
            .map(Bytes::from)
            .map_err(|e| BuildError::Serialize(e.to_string()))?;
        let http = match self.http {
            Some(http) => http,
            None => default_http_client().map_err(|e| BuildError::Http(e.to_string()))?,
        };
        let host_pages = d
            .host_page_urls()
            .iter()
            .map(|(_, url)| path_of(url).to_owned())
            .collect();
        let mut settings = self.settings;
        settings.licensing = d.enable_licensing;
        Ok(Connect(Arc::new(Inner {
            keys: InstallKeys::new(settings.keys_cdn_url.clone(), http.clone()),
            user_tokens: UserTokens::default(),
            licenses: Licenses::default(),
            settings,
            descriptor: self.descriptor,
            descriptor_json,
            tenants: self.tenants,
            http,
            webhooks: self.webhooks,
            host_pages,
            refusal_audits: crate::rate::RateLimit::per_minute(REFUSAL_AUDITS_PER_MINUTE),
        })))
    }
}

/// Outbound HTTP: rustls, no automatic redirects (the host client follows same-origin ones
/// itself, re-signing each), bounded time: each call sets its own total (short for API calls,
/// long for file transfers), and a read that waits a minute for bytes ends the call.
pub fn default_http_client() -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .read_timeout(Duration::from_secs(60))
        .user_agent(concat!("confluo-connect/", env!("CARGO_PKG_VERSION")))
        .build()
}

impl Connect {
    pub fn builder(
        settings: Settings,
        descriptor: Descriptor,
        tenants: TenantStore,
    ) -> ConnectBuilder {
        ConnectBuilder {
            settings,
            descriptor,
            tenants,
            webhooks: Webhooks::default(),
            http: None,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.0.settings
    }

    pub fn descriptor(&self) -> &Descriptor {
        &self.0.descriptor
    }

    pub fn tenants(&self) -> &TenantStore {
        &self.0.tenants
    }

    pub(crate) fn install_keys(&self) -> &InstallKeys {
        &self.0.keys
    }

    pub(crate) fn webhooks(&self) -> &Webhooks {
        &self.0.webhooks
    }

    pub(crate) fn licenses(&self) -> &Licenses {
        &self.0.licenses
    }

    /// Drops what is cached for a tenant whose secret or state just changed.
    pub(crate) fn forget_tenant(&self, client_key: &str) {
        self.0.user_tokens.forget_tenant(client_key);
        self.0.licenses.forget_tenant(client_key);
    }

    /// Whether a refused lifecycle call may still be written to the audit table this minute.
    pub(crate) fn may_audit_refusal(&self) -> bool {
        self.0.refusal_audits.allow()
    }

    /// Forgets what the framework keeps only for a while: old audit entries (and refused ones
    /// past a count), old webhook deliveries. Safe to run on every replica at once.
    pub async fn prune(&self) -> Result<u64, sea_orm::DbErr> {
        let db = self.0.tenants.db();
        Ok(crate::store::audit::prune(db).await?
            + crate::store::webhook_delivery::prune(db).await?)
    }

    /// Unix seconds.
    pub fn now(&self) -> i64 {
        chrono::Utc::now().timestamp()
    }

    /// A client for the tenant's REST API, signing as the app.
    pub fn host_client(&self, tenant: &Tenant) -> HostClient {
        HostClient::as_app(
            self.0.http.clone(),
            &self.0.settings.app_key,
            tenant.clone(),
        )
        .with_media(self.0.settings.media.clone())
    }

    /// A client for the tenant's REST API acting as `account_id` (OAuth 2.0 JWT bearer; the
    /// descriptor needs the `ACT_AS_USER` scope).
    pub fn host_client_as_user(&self, tenant: &Tenant, account_id: &str) -> HostClient {
        HostClient::as_user(
            self.0.http.clone(),
            tenant.clone(),
            account_id,
            self.0.settings.oauth_url.clone(),
            self.0.user_tokens.clone(),
        )
        .with_media(self.0.settings.media.clone())
    }

    /// A client for the tenant's REST API that sends no credentials: it sees what Confluence
    /// shows people who are not logged in (spaces open to anonymous access), nothing more.
    pub fn host_client_anonymous(&self, tenant: &Tenant) -> HostClient {
        HostClient::anonymous(self.0.http.clone(), tenant.clone())
    }

    /// Verifies a tenant-signed HS256 token: `iss` must name an installed tenant (never the
    /// app itself: that is a token of ours travelling the wrong way) whose secret verifies it.
    pub async fn verify_tenant_token(
        &self,
        token: &str,
        rule: QshRule<'_>,
    ) -> Result<(Tenant, Claims), Rejection> {
        let (_, unverified) = jwt::peek(token)?;
        let iss = unverified.iss.ok_or(JwtError::MissingClaim("iss"))?;
        if iss == self.0.settings.app_key {
            return Err(JwtError::IssuerMismatch.into());
        }
        let tenant = self
            .0
            .tenants
            .active(&iss)
            .await?
            .ok_or(JwtError::UnknownIssuer)?;
        let claims = jwt::verify(
            token,
            Alg::Hs256,
            Key::Secret(tenant.shared_secret.as_bytes()),
            rule,
            self.now(),
        )?;
        crate::request_context::note_client_key(&tenant.client_key);
        Ok((tenant, claims))
    }

    /// The framework's routes: the descriptor, the four lifecycle callbacks and one route per
    /// declared webhook. Merge them into the app's router.
    pub fn routes<S>(&self) -> Router<S>
    where
        Connect: FromRef<S>,
        S: Clone + Send + Sync + 'static,
    {
        let l = &self.0.descriptor.lifecycle;
        let mut router = Router::new()
            .route("/atlassian-connect.json", get(serve_descriptor))
            .route(&l.installed, post(lifecycle::installed))
            .route(&l.uninstalled, post(lifecycle::uninstalled))
            .route(&l.enabled, post(lifecycle::enabled))
            .route(&l.disabled, post(lifecycle::disabled));
        for hook in &self.0.descriptor.modules.webhooks {
            let event = hook.event.clone();
            router = router.route(
                path_of(&hook.url),
                post(move |state, request| webhooks::deliver(state, request, event.clone())),
            );
        }
        router
    }

    /// Guards every host-signed page of the descriptor in `router`: requests to them must carry
    /// a verified host token bound to the URL, and handlers find the [`HostRequest`] in the
    /// request extensions. Apply it to the router that serves the app's pages.
    ///
    /// [`HostRequest`]: crate::auth::HostRequest
    pub fn protect_host_pages<S>(&self, router: Router<S>) -> Router<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        router.layer(axum::middleware::from_fn_with_state(
            self.clone(),
            crate::host_pages::guard,
        ))
    }

    /// Whether `path` is one of the descriptor's host-signed pages.
    pub fn is_host_page(&self, path: &str) -> bool {
        self.0.host_pages.contains(path)
    }

    /// Checks that every relative URL of the descriptor is a route `router` really mounts, by
    /// asking the router in-process. An `OPTIONS` probe reaches no handler: a mounted path
    /// answers 405 (or whatever its handler says), an unknown one the fallback's 404.
    pub async fn check_routes(&self, router: Router) -> Result<(), DescriptorError> {
        let mut mounted = HashSet::new();
        for (_, url) in self.0.descriptor.relative_urls() {
            let path = path_of(&url).to_owned();
            let Ok(request) = Request::builder()
                .method(Method::OPTIONS)
                .uri(&path)
                .body(Body::empty())
            else {
                continue;
            };
            let status = match router.clone().oneshot(request).await {
                Ok(response) => response.status(),
                Err(never) => match never {},
            };
            if status != StatusCode::NOT_FOUND {
                mounted.insert(path);
            }
        }
        self.0
            .descriptor
            .check(self.0.settings.production, |p| mounted.contains(p))
    }
}

fn path_of(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

async fn serve_descriptor(
    axum::extract::State(connect): axum::extract::State<Connect>,
) -> Response {
    let mut response = connect.0.descriptor_json.clone().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}
