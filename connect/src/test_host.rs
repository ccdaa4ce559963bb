//! A stand-in for the Confluence side in Rust tests of apps built on the framework: signs
//! lifecycle calls (RS256, signed install) and host calls (HS256, request-bound qsh) exactly as
//! the Connect spec describes, and serves install keys like the CDN.
//!
//! The RSA keys in `testdata/` are test-only keys, generated for this purpose.

use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
};

use axum::{
    Router,
    body::Body,
    extract::Path,
    http::{Request, StatusCode, header},
    response::IntoResponse,
    routing::get,
};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use tokio::task::JoinHandle;

use crate::{jwt, qsh};

/// The private half of the test install key.
pub const INSTALL_KEY_PEM: &str = include_str!("../testdata/install-key.pem");
/// Its public half, as the install-keys CDN serves it.
pub const INSTALL_PUBLIC_KEY_PEM: &str = include_str!("../testdata/install-key.pub.pem");
/// Another private key: tokens signed with it must not verify against the install key.
pub const OTHER_KEY_PEM: &str = include_str!("../testdata/other-key.pem");
/// The kid under which the key server publishes [`INSTALL_PUBLIC_KEY_PEM`].
pub const KID: &str = "test/install-key-1";

/// A local install-keys CDN: `GET /{kid}` → PEM, counting requests.
pub struct KeyServer {
    pub url: String,
    pub hits: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl KeyServer {
    /// Serves `keys` (kid, body) on 127.0.0.1; other kids get 404.
    pub async fn start(keys: Vec<(String, String)>) -> std::io::Result<Self> {
        let hits = Arc::new(AtomicUsize::new(0));
        let keys = Arc::new(keys);
        let counter = hits.clone();
        let app = Router::new().route(
            "/{*kid}",
            get(move |Path(kid): Path<String>| {
                let keys = keys.clone();
                let counter = counter.clone();
                async move {
                    counter.fetch_add(1, Ordering::SeqCst);
                    match keys.iter().find(|(k, _)| *k == kid) {
                        Some((_, pem)) => (
                            [(header::CONTENT_TYPE, "application/x-pem-file")],
                            pem.clone(),
                        )
                            .into_response(),
                        None => (StatusCode::NOT_FOUND, "<html>no such key</html>").into_response(),
                    }
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Self { url, hits, task })
    }

    /// The usual server: the test install key under [`KID`].
    pub async fn standard() -> std::io::Result<Self> {
        Self::start(vec![(KID.to_owned(), INSTALL_PUBLIC_KEY_PEM.to_owned())]).await
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

impl Drop for KeyServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One Confluence site as the app sees it.
#[derive(Clone, Debug)]
pub struct TestHost {
    pub client_key: String,
    pub shared_secret: String,
    /// The site's base URL, e.g. `https://acme.atlassian.net/wiki`.
    pub base_url: String,
    pub app_key: String,
    /// The app's base URL (the `aud` of install tokens).
    pub app_base_url: String,
    pub kid: String,
}

impl TestHost {
    pub fn new(app_key: &str, app_base_url: &str, client_key: &str) -> Self {
        Self {
            client_key: client_key.to_owned(),
            shared_secret: format!("secret-of-{client_key}-0123456789abcdef"),
            base_url: format!("https://{client_key}.atlassian.net/wiki"),
            app_key: app_key.to_owned(),
            app_base_url: app_base_url.trim_end_matches('/').to_owned(),
            kid: KID.to_owned(),
        }
    }

    pub fn now() -> i64 {
        chrono::Utc::now().timestamp()
    }

    /// The JSON body Confluence posts for `event`.
    pub fn lifecycle_body(&self, event: &str) -> Value {
        json!({
            "key": self.app_key,
            "clientKey": self.client_key,
            "sharedSecret": self.shared_secret,
            "baseUrl": self.base_url,
            "displayUrl": self.base_url,
            "productType": "confluence",
            "description": "Test site",
            "serverVersion": "6452",
            "pluginsVersion": "1.1.0",
            "oauthClientId": format!("oauth-{}", self.client_key),
            "eventType": event,
        })
    }

    /// Claims of a signed-install token for `POST {path}`.
    pub fn install_claims(&self, path: &str) -> Value {
        let now = Self::now();
        json!({
            "iss": self.client_key,
            "aud": [self.app_base_url],
            "iat": now,
            "exp": now + 180,
            "qsh": qsh::qsh("POST", path, None, base_path(&self.app_base_url)),
            "sub": "557058:admin",
        })
    }

    /// An RS256 token over `claims` with `kid`, signed by `private_pem`.
    pub fn sign_rs256(claims: &Value, kid: &str, private_pem: &str) -> String {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(kid.to_owned());
        let key = EncodingKey::from_rsa_pem(private_pem.as_bytes()).unwrap_or_else(|e| {
            panic!("test RSA key does not load: {e}");
        });
        jsonwebtoken::encode(&header, claims, &key).unwrap_or_else(|e| panic!("cannot sign: {e}"))
    }

    /// A correctly signed `installed`/`uninstalled` token for `path`.
    pub fn install_token(&self, path: &str) -> String {
        Self::sign_rs256(&self.install_claims(path), &self.kid, INSTALL_KEY_PEM)
    }

    /// An HS256 token with the tenant secret, bound to `method` + `path_and_query`.
    pub fn host_token(&self, method: &str, path_and_query: &str) -> String {
        let (path, query) = path_and_query
            .split_once('?')
            .map_or((path_and_query, None), |(p, q)| (p, Some(q)));
        let now = Self::now();
        self.sign_hs256(&json!({
            "iss": self.client_key,
            "sub": "557058:viewer",
            "iat": now,
            "exp": now + 180,
            "qsh": qsh::qsh(method, path, query, base_path(&self.app_base_url)),
            "context": {"confluence": {"content": {"id": "12345"}}},
        }))
    }

    /// A token like `AP.context.getToken()` returns.
    pub fn context_token(&self) -> String {
        let now = Self::now();
        self.sign_hs256(&json!({
            "iss": self.client_key,
            "sub": "557058:viewer",
            "iat": now,
            "exp": now + 900,
            "qsh": qsh::CONTEXT_QSH,
        }))
    }

    pub fn sign_hs256(&self, claims: &Value) -> String {
        jwt::sign_hs256(claims, self.shared_secret.as_bytes())
            .unwrap_or_else(|e| panic!("cannot sign: {e}"))
    }

    /// `POST {path}` with a JSON body and `Authorization: JWT {token}` (no header when `None`).
    pub fn post_json(path: &str, body: &Value, token: Option<&str>) -> Request<Body> {
        let mut builder = Request::post(path).header(header::CONTENT_TYPE, "application/json");
        if let Some(token) = token {
            builder = builder.header(header::AUTHORIZATION, format!("JWT {token}"));
        }
        builder
            .body(Body::from(body.to_string()))
            .unwrap_or_else(|e| panic!("bad test request: {e}"))
    }

    /// A correctly signed lifecycle call for `event` at `path`.
    pub fn lifecycle_request(&self, event: &str, path: &str) -> Request<Body> {
        let token = if matches!(event, "installed" | "uninstalled") {
            self.install_token(path)
        } else {
            self.host_token("POST", path)
        };
        Self::post_json(path, &self.lifecycle_body(event), Some(&token))
    }

    /// `GET {path_and_query}&jwt=…` as an iframe load.
    pub fn iframe_request(&self, path_and_query: &str) -> Request<Body> {
        let token = self.host_token("GET", path_and_query);
        let sep = if path_and_query.contains('?') {
            '&'
        } else {
            '?'
        };
        Request::get(format!("{path_and_query}{sep}jwt={token}"))
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("bad test request: {e}"))
    }
}

fn base_path(base_url: &str) -> &str {
    url_path(base_url).trim_end_matches('/')
}

fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("", |i| &after_scheme[i..])
}
