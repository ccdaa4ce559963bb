//! What an operator relies on, with the server binary as it runs in production and the
//! Confluence emulator as Confluence: one access line per request with its id and site,
//! request ids taken from a trusted proxy and passed on to Confluence, Prometheus metrics on
//! their own address, and a rotation of `CONNECT_SECRET_KEY` that keeps every site's secret
//! and every key derived for open editing sessions.

mod common;

use std::time::{Duration, Instant};

use connect::{
    store::{
        secrets::SecretBox,
        server_key,
        testing::{Backend, TestDb},
    },
    test_host::TestHost,
};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use server::migrator::Migrator;

/// `GET` of the configure page as Confluence's iframe would load it.
async fn configure_page(
    http: &reqwest::Client,
    app: u16,
    host: &TestHost,
    request_id: Option<&str>,
) -> reqwest::Response {
    let path = format!(
        "{}?xdm_e=http%3A%2F%2F127.0.0.1&lic=active",
        app::descriptor::paths::CONFIGURE
    );
    let token = host.host_token("GET", &path);
    let mut request = http.get(format!("http://127.0.0.1:{app}{path}&jwt={token}"));
    if let Some(id) = request_id {
        request = request.header("x-request-id", id);
    }
    request.send().await.expect("the server answers")
}

async fn eventually<F: Future<Output = bool>>(what: &str, mut check: impl FnMut() -> F) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{what}: not within 30 s");
}

#[tokio::test]
async fn access_lines_request_ids_and_metrics() {
    let db = TestDb::new::<Migrator>(Backend::Sqlite).await;
    let http = reqwest::Client::new();
    let (app, emulator, metrics) = (
        common::free_port(),
        common::free_port(),
        common::free_port(),
    );
    let _emulator = common::emulator(&http, emulator, app, 10).await;
    let log_path = std::env::temp_dir().join(format!("confluo-ops-{}.log", std::process::id()));
    let log = std::fs::File::create(&log_path).expect("log file");
    let _server = common::server_logging(
        &http,
        app,
        emulator,
        &db.database_url,
        &SecretBox::generate_key(),
        &[
            ("METRICS_ADDR", format!("127.0.0.1:{metrics}")),
            ("TRUSTED_PROXIES", "127.0.0.1/32".into()),
            ("LOG_FORMAT", "json".into()),
            ("RUST_LOG", "info".into()),
        ],
        log,
    )
    .await;
    let host = common::installed_host(&http, emulator, app).await;

    // A proxy's id is kept and answered back; without one, the server makes one.
    let r = http
        .get(format!("http://127.0.0.1:{app}/healthz?jwt=not-for-logs"))
        .header("x-request-id", "proxy-id-1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["x-request-id"], "proxy-id-1");
    let r = http
        .get(format!("http://127.0.0.1:{app}/healthz"))
        .send()
        .await
        .unwrap();
    let made = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(made.len(), 32, "{made}");
    // An id a log line cannot hold is replaced.
    let r = http
        .get(format!("http://127.0.0.1:{app}/healthz"))
        .header("x-request-id", "a\"b")
        .send()
        .await
        .unwrap();
    assert_ne!(r.headers()["x-request-id"], "a\"b");
    let r = http
        .get(format!("http://127.0.0.1:{app}/no/such/page/42"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    // The build's files are counted under one route, whatever the file.
    let r = http
        .get(format!("http://127.0.0.1:{app}/pkg/no-such-file-9.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    // A host-signed page: its Confluence calls carry the request's id.
    let page = configure_page(&http, app, &host, Some("page-id-7")).await;
    assert_eq!(page.status(), 200);
    let state = common::emu_state(&http, emulator).await;
    let calls: Vec<&Value> = state["calls"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["requestId"] == "page-id-7")
        .collect();
    assert!(
        !calls.is_empty(),
        "no Confluence call carried the page's request id: {}",
        state["calls"]
    );

    // A forged Document Server callback, refused.
    let r = http
        .post(format!(
            "http://127.0.0.1:{app}/office/callback?token=forged"
        ))
        .json(&json!({"key": "k", "status": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    let scrape = http
        .get(format!("http://127.0.0.1:{metrics}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(scrape.status(), 200);
    assert!(
        scrape.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = scrape.text().await.unwrap();
    let value = |series: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
            .unwrap_or_else(|| panic!("{series} missing from\n{text}"))
    };
    // Three here, and the harness's own health checks while it waited for the server.
    let health = r#"http_requests_total{method="GET",route="/healthz",status="200"}"#;
    assert!(value(health) >= 3.0);
    assert_eq!(
        value(r#"http_request_duration_seconds_count{method="GET",route="/healthz"}"#),
        value(health)
    );
    assert!(
        !text.contains(r#"method="OPTIONS""#),
        "the boot's route check is not counted"
    );
    for expected in [
        r#"http_requests_total{method="GET",route="unmatched",status="404"} 1"#,
        r#"http_requests_total{method="GET",route="/pkg/{*file}",status="404"} 1"#,
        r#"http_requests_total{method="GET",route="/admin/settings",status="200"} 1"#,
        r#"http_requests_total{method="POST",route="/installed",status="204"} 1"#,
        r#"http_request_duration_seconds_bucket{method="GET",route="/healthz",le="0.001"}"#,
        r#"connect_lifecycle_events_total{event="installed",outcome="accepted"} 1"#,
        r#"office_callbacks_total{status="none",outcome="refused"} 1"#,
        r#"db_pool_connections{state="idle"}"#,
        "db_pool_max_connections ",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }
    for leaked in [
        "not-for-logs",
        "/no/such/page",
        "no-such-file-9",
        "proxy-id-1",
        &host.client_key,
    ] {
        assert!(!text.contains(leaked), "{leaked} in the metrics");
    }
    // The app's own listener does not serve them.
    let r = http
        .get(format!("http://127.0.0.1:{app}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    // One JSON access line per request, with its id; the page's names its site; no token.
    let log = std::fs::read_to_string(&log_path).expect("log");
    let _ = std::fs::remove_file(&log_path);
    let lines: Vec<Value> = log
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|l: &Value| l["message"] == "request")
        .collect();
    let line_of = |id: &str| {
        lines
            .iter()
            .find(|l| l["span"]["request_id"] == id)
            .unwrap_or_else(|| panic!("no access line for {id}:\n{log}"))
    };
    let health = line_of("proxy-id-1");
    assert_eq!(health["status"], 200);
    assert_eq!(health["span"]["route"], "/healthz");
    assert_eq!(health["span"]["method"], "GET");
    assert!(health["latency_ms"].as_f64().is_some());
    assert_eq!(health["uri"], "/healthz?jwt=[redacted]");
    let page = line_of("page-id-7");
    assert_eq!(page["client_key"], host.client_key.as_str());
    assert_eq!(page["span"]["route"], "/admin/settings");
    assert!(!log.contains("not-for-logs"), "a token in the log");
    assert!(
        !log.contains(&host.host_token("GET", "/x")[..20]),
        "a host token in the log"
    );
}

/// Rotating `CONNECT_SECRET_KEY` (new key, old one in `CONNECT_SECRET_KEY_PREVIOUS`, then the
/// new key alone) keeps every site's secret usable and changes no derived key.
async fn a_key_rotation_loses_nothing(backend: Backend) {
    let db = TestDb::new::<Migrator>(backend).await;
    let http = reqwest::Client::new();
    let (app, emulator) = (common::free_port(), common::free_port());
    let _emulator = common::emulator(&http, emulator, app, 10).await;
    let (old_key, new_key) = (SecretBox::generate_key(), SecretBox::generate_key());
    let boot = |key: String, extra: Vec<(&'static str, String)>| {
        let (http, url) = (http.clone(), db.database_url.clone());
        async move { common::server(&http, app, emulator, &url, &key, &extra).await }
    };

    let server = boot(old_key.clone(), vec![]).await;
    let host = common::installed_host(&http, emulator, app).await;
    assert_eq!(configure_page(&http, app, &host, None).await.status(), 200);
    let old_box = SecretBox::from_base64(&old_key).unwrap();
    let form = app::document_server_settings::DocumentServerForm {
        public_url: "http://127.0.0.1:9/".into(),
        internal_url: String::new(),
        secret: "a-document-server-secret".into(),
        clear_secret: false,
        jwt_header: app::document_server_settings::DEFAULT_JWT_HEADER.into(),
        skip_certificate_check: false,
    };
    app::store::document_server::save(&db.conn, &old_box, &host.client_key, &form, None)
        .await
        .unwrap();
    let derived_before = server_key::load(&db.conn, old_box.clone())
        .await
        .unwrap()
        .derive_key("confluo/office-link/v1");
    drop(server);

    // Step 2 of the rotation: the new key encrypts, the old one still decrypts.
    let server = boot(
        new_key.clone(),
        vec![
            ("CONNECT_SECRET_KEY_PREVIOUS", old_key.clone()),
            ("HOUSEKEEPING_SECS", "1".into()),
        ],
    )
    .await;
    assert_eq!(configure_page(&http, app, &host, None).await.status(), 200);
    let new_box = SecretBox::from_base64(&new_key).unwrap();
    let conn = db.conn.clone();
    eventually("every tenant secret sealed with the new key", || {
        let (conn, new_box) = (conn.clone(), new_box.clone());
        async move {
            let rows = connect::store::tenant::all_rows(&conn).await.unwrap();
            !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| new_box.is_current(&r.shared_secret, &r.client_key))
        }
    })
    .await;
    eventually("the Document Server secret sealed with the new key", || {
        let (conn, new_box, key) = (conn.clone(), new_box.clone(), host.client_key.clone());
        async move {
            let sealed = app::store::document_server::find(&conn, &key)
                .await
                .unwrap()
                .and_then(|s| s.secret_sealed)
                .unwrap_or_default();
            new_box.is_current(&sealed, &key)
        }
    })
    .await;
    let resealed = app::store::document_server::find(&db.conn, &host.client_key)
        .await
        .unwrap()
        .and_then(|s| s.secret_sealed)
        .unwrap();
    assert_eq!(
        new_box.open(&resealed, &host.client_key).unwrap(),
        "a-document-server-secret"
    );
    let root_row = server_key::entity::Entity::find_by_id("derive-root".to_owned())
        .one(&db.conn)
        .await
        .unwrap()
        .expect("the root is stored");
    assert!(new_box.is_current(&root_row.sealed, "derive-root"));
    drop(server);

    // Step 3: the old key is gone; sites and derived keys are as before.
    let server = boot(new_key.clone(), vec![]).await;
    assert_eq!(configure_page(&http, app, &host, None).await.status(), 200);
    let derived_after = server_key::load(&db.conn, new_box)
        .await
        .unwrap()
        .derive_key("confluo/office-link/v1");
    assert_eq!(
        derived_before, derived_after,
        "links of open sessions still verify"
    );
    // The old key alone no longer reads anything.
    assert!(server_key::load(&db.conn, old_box).await.is_err());
    drop(server);
    db.cleanup().await;
}

#[tokio::test]
async fn a_key_rotation_loses_nothing_on_sqlite() {
    a_key_rotation_loses_nothing(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_key_rotation_loses_nothing_on_postgres() {
    a_key_rotation_loses_nothing(Backend::Postgres).await;
}
