//! Calls from the host and from our own frontend after install: iframe loads, context tokens
//! and webhooks, through the HTTP stack on SQLite and PostgreSQL.

mod common;

use std::sync::atomic::Ordering;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::Fixture;
use connect::{store::Migrator, test_host::TestHost};
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};

fn post_with_token(path: &str, token: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header(header::AUTHORIZATION, format!("JWT {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

async fn iframe_and_context_tokens_each_on_their_own_routes(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    let host = f.host("acme");
    f.install(&host).await;

    let (status, text) = f.call(host.iframe_request("/hello?pageId=42")).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(text, "hello 557058:viewer from acme (lic=-)");

    let (status, text) = f
        .call(post_with_token("/api/whoami", &host.context_token(), ""))
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        json,
        json!({"clientKey": "acme", "accountId": "557058:viewer"})
    );

    let now = TestHost::now();
    let refusals: Vec<(&str, Request<Body>, StatusCode, &str)> = vec![
        (
            "context token on a qsh-bound route",
            Request::get(format!("/hello?pageId=42&jwt={}", host.context_token()))
                .body(Body::empty())
                .unwrap(),
            StatusCode::UNAUTHORIZED,
            "context token cannot be used",
        ),
        (
            "request-bound token on a context route",
            post_with_token("/api/whoami", &host.host_token("POST", "/api/whoami"), ""),
            StatusCode::UNAUTHORIZED,
            "only context tokens",
        ),
        (
            "query changed after signing",
            {
                let token = host.host_token("GET", "/hello?pageId=42");
                Request::get(format!("/hello?pageId=43&jwt={token}")).body(Body::empty()).unwrap()
            },
            StatusCode::UNAUTHORIZED,
            "qsh mismatch",
        ),
        (
            "unknown tenant",
            f.host("stranger").iframe_request("/hello"),
            StatusCode::UNAUTHORIZED,
            "unknown or uninstalled",
        ),
        (
            "forged secret",
            {
                let mut forger = host.clone();
                forger.shared_secret = "guessed".into();
                forger.iframe_request("/hello")
            },
            StatusCode::UNAUTHORIZED,
            "signature",
        ),
        (
            "expired context token",
            post_with_token(
                "/api/whoami",
                &host.sign_hs256(&json!({"iss": "acme", "iat": now - 7200, "exp": now - 3600, "qsh": "context-qsh"})),
                "",
            ),
            StatusCode::UNAUTHORIZED,
            "expired",
        ),
        (
            "context token without iat",
            post_with_token(
                "/api/whoami",
                &host.sign_hs256(&json!({"iss": "acme", "exp": now + 60, "qsh": "context-qsh"})),
                "",
            ),
            StatusCode::UNAUTHORIZED,
            "`iat`",
        ),
        (
            "lifetime beyond the cap",
            post_with_token(
                "/api/whoami",
                &host.sign_hs256(&json!({"iss": "acme", "iat": now, "exp": now + 86400, "qsh": "context-qsh"})),
                "",
            ),
            StatusCode::UNAUTHORIZED,
            "lifetime",
        ),
        (
            "a token of the app's own sent back to it",
            post_with_token(
                "/api/whoami",
                &host.sign_hs256(&json!({"iss": common::APP_KEY, "iat": now, "exp": now + 60, "qsh": "context-qsh"})),
                "",
            ),
            StatusCode::UNAUTHORIZED,
            "issuer",
        ),
        (
            "no token at all",
            Request::get("/hello?pageId=42").body(Body::empty()).unwrap(),
            StatusCode::UNAUTHORIZED,
            "no token",
        ),
        (
            "context token in the URL",
            Request::post(format!("/api/whoami?jwt={}", host.context_token())).body(Body::empty()).unwrap(),
            StatusCode::UNAUTHORIZED,
            "no token",
        ),
        (
            "two different tokens",
            {
                let mut r = host.iframe_request("/hello?pageId=42");
                r.headers_mut().insert(header::AUTHORIZATION, "JWT a.b.c".parse().unwrap());
                r
            },
            StatusCode::BAD_REQUEST,
            "both in the query and in the Authorization header",
        ),
        (
            "garbage token",
            Request::get("/hello?jwt=%%%").body(Body::empty()).unwrap(),
            StatusCode::UNAUTHORIZED,
            "malformed",
        ),
    ];
    for (name, request, expected, reason) in refusals {
        let (status, text) = f.call(request).await;
        assert_eq!(status, expected, "{name}: {text}");
        assert!(
            text.contains(reason),
            "{name}: {text:?} should mention {reason:?}"
        );
    }
}

async fn webhooks_are_verified_deduplicated_and_retried_after_failure(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    let host = f.host("acme");
    f.install(&host).await;
    let path = "/webhooks/attachment-created";
    let body = json!({"timestamp": 1700000000123_i64, "attachment": {"id": "att-1"}}).to_string();
    let delivery = || post_with_token(path, &host.host_token("POST", path), &body);

    let (status, text) = f.call(delivery()).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{text}");
    assert_eq!(f.acted.load(Ordering::SeqCst), 1);
    // The host retries the same delivery: acknowledged, not acted on again.
    let (status, _) = f.call(delivery()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(f.acted.load(Ordering::SeqCst), 1);

    // A handler failure answers 503 and leaves the delivery for the retry.
    let body2 = json!({"timestamp": 1700000000999_i64, "attachment": {"id": "att-1"}}).to_string();
    let retried = || post_with_token(path, &host.host_token("POST", path), &body2);
    f.fail_next.store(1, Ordering::SeqCst);
    let (status, _) = f.call(retried()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(f.acted.load(Ordering::SeqCst), 1);
    let (status, _) = f.call(retried()).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(f.acted.load(Ordering::SeqCst), 2);

    // Unsigned, forged or not-JSON deliveries are refused and not acted on.
    let (status, _) = f
        .call(Request::post(path).body(Body::from(body.clone())).unwrap())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = f
        .call(post_with_token(
            path,
            &host.host_token("POST", "/webhooks/other"),
            &body,
        ))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, text) = f
        .call(post_with_token(
            path,
            &host.host_token("POST", path),
            "{not json",
        ))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
    assert_eq!(f.acted.load(Ordering::SeqCst), 2);
}

/// A page handler that never checks a token itself: the guard must have done it.
async fn guarded_page(
    axum::Extension(host): axum::Extension<connect::auth::HostRequest>,
) -> String {
    format!("page for {}", host.account_id().unwrap_or("anonymous"))
}

async fn descriptor_pages_render_only_for_verified_host_calls(db: &DatabaseConnection) {
    let mut d = common::descriptor();
    d.modules.dialogs.push(connect::descriptor::Dialog {
        key: "picker".into(),
        url: "/dialog/picker?pageId={page.id}".into(),
        options: None,
    });
    let keys = connect::test_host::KeyServer::standard().await.unwrap();
    let f = Fixture::with_keys(db, keys, d).await;
    let host = f.host("acme");
    f.install(&host).await;
    let pages = axum::Router::new()
        .route("/dialog/picker", axum::routing::get(guarded_page))
        .route("/public", axum::routing::get(|| async { "public" }));
    let router = f.connect.protect_host_pages(pages);
    assert!(f.connect.is_host_page("/dialog/picker"));
    assert!(!f.connect.is_host_page("/public"));

    let response = tower::ServiceExt::oneshot(
        router.clone(),
        host.iframe_request("/dialog/picker?pageId=7"),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers();
    assert_eq!(
        headers[header::CONTENT_SECURITY_POLICY],
        "frame-ancestors https://acme.atlassian.net"
    );
    assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");

    let (status, text) =
        common::call(&router, host.iframe_request("/dialog/picker?pageId=7")).await;
    assert_eq!(
        (status, text.as_str()),
        (StatusCode::OK, "page for 557058:viewer")
    );
    let unsigned = Request::get("/dialog/picker?pageId=7")
        .body(Body::empty())
        .unwrap();
    let (status, text) = common::call(&router, unsigned).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{text}");
    assert!(text.contains("no token"), "{text}");
    let mut forger = host.clone();
    forger.shared_secret = "guessed".into();
    let (status, _) = common::call(&router, forger.iframe_request("/dialog/picker?pageId=7")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, text) = common::call(
        &router,
        Request::get("/public").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!((status, text.as_str()), (StatusCode::OK, "public"));
}

connect::store_tests!(Migrator =>
    descriptor_pages_render_only_for_verified_host_calls,
    iframe_and_context_tokens_each_on_their_own_routes,
    webhooks_are_verified_deduplicated_and_retried_after_failure,
);
