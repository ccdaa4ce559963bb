//! Outbound calls against a local stand-in of a tenant's REST API and of the OAuth 2.0
//! authorization server: app tokens bound to exactly the request sent, same-origin rules,
//! act-as-user tokens fetched once and cached, licenses cached.

mod common;

use std::sync::{
    Arc,
    atomic::{AtomicUsize, Ordering},
};

use axum::{
    Form, Json, Router,
    extract::{OriginalUri, State},
    http::{HeaderMap, Method, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use connect::{
    Connect,
    host::client::{HostBody, HostError},
    jwt::{self, Alg, BoundRequest, Key, QshRule},
    store::{Migrator, tenant::Installation},
};
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};

const SECRET: &str = "tenant-secret-0123456789abcdef0123";

#[derive(Clone, Default)]
struct Seen {
    rest: Arc<AtomicUsize>,
    grants: Arc<AtomicUsize>,
    licenses: Arc<AtomicUsize>,
    throttled: Arc<AtomicUsize>,
    /// The media service's origin, and what it was sent: `(path, had Authorization)`.
    media: Arc<std::sync::OnceLock<String>>,
    media_hits: Arc<std::sync::Mutex<Vec<(String, bool)>>>,
}

/// Verifies an app token the way the host does: HS256 with the tenant secret, iss = app key,
/// qsh over the path relative to /wiki.
fn check_app_token(
    headers: &HeaderMap,
    method: &Method,
    uri: &axum::http::Uri,
) -> Result<(), String> {
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or("no Authorization")?;
    let token = auth.strip_prefix("JWT ").ok_or("not a JWT")?;
    let bound = BoundRequest {
        method: method.as_str(),
        raw_path: uri.path(),
        raw_query: uri.query(),
        base_path: "/wiki",
    };
    let claims = jwt::verify(
        token,
        Alg::Hs256,
        Key::Secret(SECRET.as_bytes()),
        QshRule::Request(bound),
        chrono::Utc::now().timestamp(),
    )
    .map_err(|e| e.to_string())?;
    if claims.iss.as_deref() != Some(common::APP_KEY) {
        return Err("iss is not the app key".into());
    }
    if !claims.aud.contains("rest-client") {
        return Err("aud is not the clientKey".into());
    }
    Ok(())
}

async fn rest(
    State(seen): State<Seen>,
    method: Method,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Json(json!({"as": bearer})).into_response();
    }
    if !headers.contains_key(header::AUTHORIZATION) {
        return Json(json!({"as": null, "path": uri.path()})).into_response();
    }
    if let Err(e) = check_app_token(&headers, &method, &uri) {
        return (StatusCode::UNAUTHORIZED, e).into_response();
    }
    seen.rest.fetch_add(1, Ordering::SeqCst);
    match uri.path() {
        "/wiki/moved" => (
            StatusCode::FOUND,
            [(header::LOCATION, "/wiki/rest/api/content/7?expand=version")],
        )
            .into_response(),
        "/wiki/file" => (
            StatusCode::FOUND,
            [(
                header::LOCATION,
                format!(
                    "{}/file/1/binary?token=media-token",
                    seen.media.get().cloned().unwrap_or_default()
                ),
            )],
        )
            .into_response(),
        "/wiki/file-bounce" => (
            StatusCode::FOUND,
            [(
                header::LOCATION,
                format!("{}/bounce", seen.media.get().cloned().unwrap_or_default()),
            )],
        )
            .into_response(),
        "/wiki/file-elsewhere" => (
            StatusCode::FOUND,
            [(header::LOCATION, "http://evil.example/file/1/binary")],
        )
            .into_response(),
        "/wiki/away" => (
            StatusCode::FOUND,
            [(header::LOCATION, "http://localhost:9/steal")],
        )
            .into_response(),
        "/wiki/busy" if seen.throttled.fetch_add(1, Ordering::SeqCst) == 0 => {
            (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response()
        }
        "/wiki/rest/atlassian-connect/1/addons/io.confluo.test" => {
            seen.licenses.fetch_add(1, Ordering::SeqCst);
            Json(json!({"key": "io.confluo.test", "state": "ENABLED", "license": {"active": true, "type": "COMMERCIAL", "evaluation": false}})).into_response()
        }
        path => Json(json!({"path": path, "query": uri.query(), "method": method.as_str()}))
            .into_response(),
    }
}

async fn token(State(seen): State<Seen>, Form(form): Form<Vec<(String, String)>>) -> Response {
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if get("grant_type").as_deref() != Some("urn:ietf:params:oauth:grant-type:jwt-bearer") {
        return (StatusCode::BAD_REQUEST, "grant_type").into_response();
    }
    let Some(assertion) = get("assertion") else {
        return (StatusCode::BAD_REQUEST, "assertion").into_response();
    };
    let claims = match jwt::verify(
        &assertion,
        Alg::Hs256,
        Key::Secret(SECRET.as_bytes()),
        QshRule::Unchecked,
        chrono::Utc::now().timestamp(),
    ) {
        Ok(c) => c,
        Err(e) => return (StatusCode::UNAUTHORIZED, e.to_string()).into_response(),
    };
    let tnt = claims
        .extra
        .get("tnt")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if claims.iss.as_deref() != Some("urn:atlassian:connect:clientid:oauth-rest")
        || claims.sub.as_deref() != Some("urn:atlassian:connect:useraccountid:user-1")
        || !(tnt.starts_with("http://127.0.0.1:") && tnt.ends_with("/wiki"))
    {
        return (StatusCode::UNAUTHORIZED, "claims").into_response();
    }
    let n = seen.grants.fetch_add(1, Ordering::SeqCst);
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    Json(json!({"access_token": format!("user-token-{n}"), "expires_in": 900, "token_type": "Bearer"})).into_response()
}

/// Atlassian's media service: bytes for a token in the query, nothing for credentials.
async fn media(
    State(seen): State<Seen>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    seen.media_hits.lock().unwrap().push((
        uri.path().to_owned(),
        headers.contains_key(header::AUTHORIZATION),
    ));
    match uri.path() {
        "/file/1/binary" if uri.query() == Some("token=media-token") => {
            "the file's bytes".into_response()
        }
        "/bounce" => (
            StatusCode::FOUND,
            [(header::LOCATION, "/file/1/binary?token=media-token")],
        )
            .into_response(),
        _ => StatusCode::UNAUTHORIZED.into_response(),
    }
}

async fn start(seen: Seen) -> String {
    let media_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let _ = seen
        .media
        .set(format!("http://{}", media_listener.local_addr().unwrap()));
    let media_app = Router::new().fallback(get(media)).with_state(seen.clone());
    tokio::spawn(async move {
        let _ = axum::serve(media_listener, media_app).await;
    });
    let app = Router::new()
        .route("/oauth2/token", post(token))
        .fallback(get(rest).post(rest))
        .with_state(seen);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    url
}

async fn setup(db: &DatabaseConnection) -> (Connect, connect::store::tenant::Tenant, Seen, String) {
    let seen = Seen::default();
    let site = start(seen.clone()).await;
    let mut settings = common::settings("http://127.0.0.1:9");
    settings.oauth_url = url::Url::parse(&site).unwrap();
    // The media service stand-in runs on this machine, over plain http.
    settings.media = connect::host::media::MediaOrigins::new(
        connect::allowlist::HostAllowlist::parse("127.0.0.1").unwrap(),
        false,
    );
    let mut d = common::descriptor();
    d.enable_licensing = true;
    let connect = Connect::builder(settings, d, common::tenants(db))
        .on_webhook("attachment_created", |_e| async { Ok(()) })
        .build()
        .unwrap();
    let tenant = connect
        .tenants()
        .installed(&Installation {
            client_key: "rest-client".into(),
            app_key: common::APP_KEY.into(),
            base_url: format!("{site}/wiki"),
            display_url: None,
            product_type: "confluence".into(),
            description: String::new(),
            server_version: None,
            plugins_version: None,
            oauth_client_id: Some("oauth-rest".into()),
            entitlement_id: None,
            entitlement_number: None,
            shared_secret: SECRET.into(),
        })
        .await
        .unwrap();
    (connect, tenant, seen, site)
}

async fn app_calls_are_signed_for_exactly_what_is_sent(db: &DatabaseConnection) {
    let (connect, tenant, seen, site) = setup(db).await;
    let client = connect.host_client(&tenant);
    let got: Value = client
        .get_json("/rest/api/content/search?cql=type%3Dpage%20and%20title~%22a+b%22&limit=5&expand=version,space")
        .await
        .unwrap();
    assert_eq!(got["path"], "/wiki/rest/api/content/search");
    // An absolute URL under the tenant base is fine too.
    let got: Value = client
        .get_json(&format!("{site}/wiki/rest/api/space?keys=A&keys=B"))
        .await
        .unwrap();
    assert_eq!(got["query"], "keys=A&keys=B");
    // POST with a body.
    let response = client
        .send_ok(
            Method::POST,
            "/rest/api/content",
            Some(HostBody::json(&json!({"title": "x"})).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(response.json::<Value>().await.unwrap()["method"], "POST");
    // A same-origin redirect is followed and signed again for its new target.
    let got: Value = client.get_json("/moved").await.unwrap();
    assert_eq!(got["path"], "/wiki/rest/api/content/7");
    // One 429 with a short Retry-After is waited out.
    let got: Value = client.get_json("/busy").await.unwrap();
    assert_eq!(got["path"], "/wiki/busy");
    assert_eq!(seen.rest.load(Ordering::SeqCst), 7);
}

async fn nothing_outside_the_tenant_is_signed(db: &DatabaseConnection) {
    let (connect, tenant, seen, site) = setup(db).await;
    let client = connect.host_client(&tenant);
    for target in [
        "https://evil.example.com/wiki/rest/api/content".to_owned(),
        "//evil.example.com/wiki/rest".to_owned(),
        format!("{site}/rest/api/content"),
        format!("{site}/wikiextra/rest"),
        site.replace("127.0.0.1", "user@127.0.0.1") + "/wiki/rest",
    ] {
        let err = client.send(Method::GET, &target, None).await.unwrap_err();
        assert!(matches!(err, HostError::ForeignUrl(_)), "{target}: {err}");
    }
    let err = client.send(Method::GET, "/away", None).await.unwrap_err();
    assert!(matches!(err, HostError::CrossOriginRedirect(_)), "{err}");
    // Of all of these, only `/away` (under the base) reached the site.
    assert_eq!(seen.rest.load(Ordering::SeqCst), 1);
    // A host answer that is an error is reported with its status.
    let bad = connect.host_client(&connect::store::tenant::Tenant {
        shared_secret: "wrong".into(),
        ..tenant.clone()
    });
    let err = bad
        .get_json::<Value>("/rest/api/content/1")
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
}

async fn user_tokens_are_fetched_once_and_cached(db: &DatabaseConnection) {
    let (connect, tenant, seen, _site) = setup(db).await;
    let calls = (0..5).map(|_| {
        let connect = connect.clone();
        let tenant = tenant.clone();
        tokio::spawn(async move {
            connect
                .host_client_as_user(&tenant, "user-1")
                .get_json::<Value>("/rest/api/user/current")
                .await
                .unwrap()
        })
    });
    for call in calls {
        assert_eq!(call.await.unwrap()["as"], "user-token-0");
    }
    assert_eq!(
        seen.grants.load(Ordering::SeqCst),
        1,
        "one grant for five concurrent calls"
    );
    // Without an oauthClientId there is no acting as a user.
    let no_oauth = connect::store::tenant::Tenant {
        oauth_client_id: None,
        ..tenant
    };
    let err = connect
        .host_client_as_user(&no_oauth, "user-2")
        .get_json::<Value>("/rest/api/user/current")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ACT_AS_USER"), "{err}");
}

async fn license_is_read_from_the_host_and_cached(db: &DatabaseConnection) {
    let (connect, tenant, seen, _site) = setup(db).await;
    let license = connect.license(&tenant).await.unwrap().unwrap();
    assert!(license.active);
    assert_eq!(license.kind.as_deref(), Some("COMMERCIAL"));
    assert!(connect.is_licensed(&tenant).await.unwrap());
    assert_eq!(
        seen.licenses.load(Ordering::SeqCst),
        1,
        "the second check came from the cache"
    );
}

async fn anonymous_calls_carry_no_credentials(db: &DatabaseConnection) {
    let (connect, tenant, seen, _site) = setup(db).await;
    let client = connect.host_client_anonymous(&tenant);
    let got: Value = client.get_json("/rest/api/content/7").await.unwrap();
    assert_eq!(got, json!({"as": null, "path": "/wiki/rest/api/content/7"}));
    // No user token was asked for, and the same-origin rule still holds.
    assert_eq!(seen.grants.load(Ordering::SeqCst), 0);
    let err = client
        .send(Method::GET, "https://evil.example.com/wiki/rest", None)
        .await
        .unwrap_err();
    assert!(matches!(err, HostError::ForeignUrl(_)), "{err}");
}

async fn downloads_follow_one_redirect_to_the_media_service_without_credentials(
    db: &DatabaseConnection,
) {
    let (connect, tenant, seen, _site) = setup(db).await;
    let client = connect.host_client(&tenant);
    let response = client.download("/file").await.unwrap();
    assert_eq!(response.text().await.unwrap(), "the file's bytes");
    assert_eq!(
        *seen.media_hits.lock().unwrap(),
        vec![("/file/1/binary".to_owned(), false)],
        "the media service was asked once, with no Authorization"
    );
    // An API call is never redirected off the tenant's origin, media service or not.
    let err = client.send(Method::GET, "/file", None).await.unwrap_err();
    assert!(matches!(err, HostError::CrossOriginRedirect(_)), "{err}");
    // A host outside the media list is not followed; nor is a second hop.
    let err = client.download("/file-elsewhere").await.unwrap_err();
    assert!(matches!(err, HostError::CrossOriginRedirect(_)), "{err}");
    let err = client.download("/file-bounce").await.unwrap_err();
    assert!(matches!(err, HostError::TooManyRedirects), "{err}");
    assert_eq!(seen.media_hits.lock().unwrap().len(), 2);
    // Production takes https media hosts only.
    let strict = connect::host::media::MediaOrigins::new(
        connect::allowlist::HostAllowlist::parse("127.0.0.1").unwrap(),
        true,
    );
    let url = url::Url::parse(&format!("{}/file/1/binary", seen.media.get().unwrap())).unwrap();
    assert!(!strict.allows(&url));
}

connect::store_tests!(Migrator =>
    downloads_follow_one_redirect_to_the_media_service_without_credentials,
    anonymous_calls_carry_no_credentials,
    app_calls_are_signed_for_exactly_what_is_sent,
    nothing_outside_the_tenant_is_signed,
    user_tokens_are_fetched_once_and_cached,
    license_is_read_from_the_host_and_cached,
);
