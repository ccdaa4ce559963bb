//! A framework wired the way an app wires it, on a test database, driven in-process.

#![allow(dead_code)]

use std::sync::{
    Arc,
    atomic::{AtomicUsize, Ordering},
};

use axum::{
    Json, Router,
    body::Body,
    http::{Request, StatusCode},
    routing::{get, post},
};
use connect::{
    Connect,
    auth::{ContextRequest, HostRequest},
    descriptor::{Descriptor, Page, Webhook},
    settings::Settings,
    store::{secrets::SecretBox, tenant::TenantStore},
    test_host::{KeyServer, TestHost},
    webhooks::WebhookEvent,
};
use http_body_util::BodyExt;
use sea_orm::DatabaseConnection;
use tower::ServiceExt;

pub const APP_KEY: &str = "io.confluo.test";
pub const APP_BASE: &str = "https://confluo.example.com";

pub struct Fixture {
    pub connect: Connect,
    pub router: Router,
    pub keys: KeyServer,
    /// Webhook deliveries the app's handler acted on.
    pub acted: Arc<AtomicUsize>,
    /// Deliveries the handler should fail before succeeding.
    pub fail_next: Arc<AtomicUsize>,
}

pub fn descriptor() -> Descriptor {
    let mut d = Descriptor::new(APP_KEY, "Confluo test", APP_BASE);
    d.modules.general_pages.push(Page {
        key: "hello".into(),
        name: "Hello".into(),
        url: "/hello?pageId={page.id}".into(),
        location: None,
        conditions: vec![],
    });
    d.modules.webhooks.push(Webhook {
        event: "attachment_created".into(),
        url: "/webhooks/attachment-created".into(),
        exclude_body: None,
    });
    d
}

pub fn settings(keys_url: &str) -> Settings {
    let mut s = Settings::new(APP_KEY, url::Url::parse(APP_BASE).unwrap(), true).unwrap();
    s.keys_cdn_url = url::Url::parse(keys_url).unwrap();
    s
}

pub fn tenants(db: &DatabaseConnection) -> TenantStore {
    TenantStore::new(
        db.clone(),
        SecretBox::from_base64(&SecretBox::generate_key()).unwrap(),
    )
}

/// The app routes the tests call: one host-authenticated page, one context-token API.
pub fn app_routes() -> Router<Connect> {
    Router::new()
        .route(
            "/hello",
            get(|host: HostRequest| async move {
                format!(
                    "hello {} from {} (lic={})",
                    host.account_id().unwrap_or("anonymous"),
                    host.tenant.client_key,
                    host.lic.as_deref().unwrap_or("-")
                )
            }),
        )
        .route(
            "/api/whoami",
            post(|ctx: ContextRequest| async move {
                Json(serde_json::json!({
                    "clientKey": ctx.tenant.client_key,
                    "accountId": ctx.account_id(),
                }))
            }),
        )
}

impl Fixture {
    pub async fn new(db: &DatabaseConnection) -> Self {
        let keys = KeyServer::standard().await.unwrap();
        Self::with_keys(db, keys, descriptor()).await
    }

    pub async fn with_keys(db: &DatabaseConnection, keys: KeyServer, d: Descriptor) -> Self {
        let acted = Arc::new(AtomicUsize::new(0));
        let fail_next = Arc::new(AtomicUsize::new(0));
        let (a, f) = (acted.clone(), fail_next.clone());
        let connect = Connect::builder(settings(&keys.url), d, tenants(db))
            .on_webhook("attachment_created", move |event: WebhookEvent| {
                let (a, f) = (a.clone(), f.clone());
                async move {
                    assert_eq!(event.entity_id("attachment").as_deref(), Some("att-1"));
                    if f.load(Ordering::SeqCst) > 0 {
                        f.fetch_sub(1, Ordering::SeqCst);
                        return Err("downstream unavailable".to_owned());
                    }
                    a.fetch_add(1, Ordering::SeqCst);
                    Ok(())
                }
            })
            .build()
            .unwrap();
        let router = connect
            .routes()
            .merge(app_routes())
            .with_state(connect.clone());
        Self {
            connect,
            router,
            keys,
            acted,
            fail_next,
        }
    }

    pub fn host(&self, client_key: &str) -> TestHost {
        TestHost::new(APP_KEY, APP_BASE, client_key)
    }

    pub async fn call(&self, request: Request<Body>) -> (StatusCode, String) {
        call(&self.router, request).await
    }

    pub async fn install(&self, host: &TestHost) {
        let (status, body) = self
            .call(host.lifecycle_request("installed", "/installed"))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT, "install refused: {body}");
    }
}

pub async fn call(router: &Router, request: Request<Body>) -> (StatusCode, String) {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}
