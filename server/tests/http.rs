//! The server's HTTP surface, in process, on SQLite and on PostgreSQL.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use sea_orm::DatabaseConnection;
use server::migrator::Migrator;
use tower::ServiceExt;

fn config() -> server::config::Config {
    // One key for the whole run: the database keeps the key root sealed with it.
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let mut config = server::config::Config::from_lookup(|_| None).unwrap();
    config.secret_key = Some(
        KEY.get_or_init(connect::store::secrets::SecretBox::generate_key)
            .clone(),
    );
    config
}

async fn router(db: &DatabaseConnection) -> axum::Router {
    server::routes::router(
        server::state(&config(), db.clone()).await.expect("state"),
        Default::default(),
    )
}

async fn send(db: &DatabaseConnection, request: Request<Body>) -> (StatusCode, String) {
    let response = router(db)
        .await
        .oneshot(request)
        .await
        .expect("router answers");
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// The request the browser sends for `run_self_check` (no arguments, URL-encoded form).
fn self_check_request() -> Request<Body> {
    Request::post("/api/self-check")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap()
}

async fn healthz_answers_ok_when_the_database_does(db: &DatabaseConnection) {
    let (status, body) = send(db, Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "ok\n");
}

/// A request id from a peer that is not one of the operator's proxies is not taken: the answer
/// carries one of the server's own.
async fn request_ids_from_untrusted_peers_are_replaced(db: &DatabaseConnection) {
    let request = Request::get("/healthz")
        .header("x-request-id", "chosen-by-the-caller")
        .body(Body::empty())
        .unwrap();
    let response = router(db).await.oneshot(request).await.unwrap();
    let id = response.headers()["x-request-id"].to_str().unwrap();
    assert_ne!(id, "chosen-by-the-caller");
    assert_eq!(id.len(), 32);
}

async fn self_check_counts_every_call(db: &DatabaseConnection) {
    let (status, first) = send(db, self_check_request()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(first["checks"], 1);
    let backend = first["database"].as_str().unwrap();
    assert!(backend == "sqlite" || backend == "postgres", "{backend}");
    let (_, second) = send(db, self_check_request()).await;
    let second: serde_json::Value = serde_json::from_str(&second).unwrap();
    assert_eq!(second["checks"], 2);
}

async fn concurrent_self_checks_lose_no_count(db: &DatabaseConnection) {
    let calls = (0..12).map(|_| send(db, self_check_request()));
    for (status, body) in connect::store::testing::join_all(calls).await {
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (_, last) = send(db, self_check_request()).await;
    let last: serde_json::Value = serde_json::from_str(&last).unwrap();
    assert_eq!(last["checks"], 13);
}

async fn unknown_paths_get_a_404_page(db: &DatabaseConnection) {
    let (status, body) = send(
        db,
        Request::get("/no/such/page").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Page not found"), "{body}");
}

async fn home_page_is_rendered_on_the_server(db: &DatabaseConnection) {
    let (status, body) = send(db, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Run self-check"), "{body}");
    assert!(
        body.contains("/pkg/confluo.js"),
        "hydration script missing: {body}"
    );
}

async fn descriptor_is_served_and_every_url_is_mounted(db: &DatabaseConnection) {
    let (status, body) = send(
        db,
        Request::get("/atlassian-connect.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["key"], app::descriptor::APP_KEY);
    assert_eq!(json["baseUrl"], "http://localhost:3000");
    assert_eq!(json["authentication"]["type"], "jwt");
    assert_eq!(json["apiMigrations"]["context-qsh"], true);
    let state = server::state(&config(), db.clone()).await.unwrap();
    state.connect.check_routes(router(db).await).await.unwrap();
}

async fn a_lifecycle_call_without_a_token_is_refused_and_audited(db: &DatabaseConnection) {
    let request = Request::post("/installed")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"key":"io.confluo.confluence","clientKey":"x","baseUrl":"https://x.atlassian.net/wiki","eventType":"installed"}"#))
        .unwrap();
    let (status, body) = send(db, request).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let entries = connect::store::audit::recent(db, 5).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert!(!entries[0].accepted);
}

connect::store_tests!(Migrator =>
    healthz_answers_ok_when_the_database_does,
    request_ids_from_untrusted_peers_are_replaced,
    self_check_counts_every_call,
    concurrent_self_checks_lose_no_count,
    unknown_paths_get_a_404_page,
    home_page_is_rendered_on_the_server,
    descriptor_is_served_and_every_url_is_mounted,
    a_lifecycle_call_without_a_token_is_refused_and_audited,
);
