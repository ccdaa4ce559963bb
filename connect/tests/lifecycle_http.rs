//! The lifecycle callbacks through the HTTP stack, with install keys from a local key server:
//! a real signed install, every hostile install the spec names, and the lifecycle sequences.
//! Each test runs on SQLite and on PostgreSQL.

mod common;

use axum::http::StatusCode;
use common::{APP_BASE, Fixture, call};
use connect::{
    store::{Migrator, audit},
    test_host::{INSTALL_PUBLIC_KEY_PEM, KID, KeyServer, OTHER_KEY_PEM, TestHost},
};
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};

async fn signed_install_through_http(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    let host = f.host("acme");
    f.install(&host).await;
    let tenant = f.connect.tenants().active("acme").await.unwrap().unwrap();
    assert_eq!(tenant.base_url, "https://acme.atlassian.net/wiki");
    assert_eq!(tenant.shared_secret, host.shared_secret);
    assert_eq!(tenant.oauth_client_id.as_deref(), Some("oauth-acme"));
    // The key is fetched once and then cached by kid.
    f.install(&host).await;
    assert_eq!(f.keys.hits(), 1);
    let entries = audit::recent(db, 10).await.unwrap();
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.accepted && e.event == "installed"));
    assert_eq!(entries[0].client_key.as_deref(), Some("acme"));
}

/// A token with these claims changed, signed with the install key.
fn install_token_with(host: &TestHost, path: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut claims = host.install_claims(path);
    change(&mut claims);
    TestHost::sign_rs256(&claims, KID, connect::test_host::INSTALL_KEY_PEM)
}

fn b64(s: &str) -> String {
    use base64_like::encode;
    encode(s.as_bytes())
}

// Minimal base64url without padding, to hand-craft malformed tokens.
mod base64_like {
    pub fn encode(bytes: &[u8]) -> String {
        const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
            for i in 0..=chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        out
    }
}

fn with_field(body: &Value, key: &str, value: Value) -> Value {
    let mut b = body.clone();
    b[key] = value;
    b
}

fn without_field(body: &Value, key: &str) -> Value {
    let mut b = body.clone();
    b.as_object_mut().unwrap().remove(key);
    b
}

async fn hostile_installs_are_refused(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    let host = f.host("acme");
    let body = host.lifecycle_body("installed");
    let now = TestHost::now();
    let hs_claims = host.install_claims("/installed");

    let mut cases: Vec<(&str, Option<String>, Value, StatusCode, &str)> = vec![
        (
            "unsigned install",
            None,
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "no token",
        ),
        (
            "HS256 install signed with the body's secret",
            Some(host.sign_hs256(&hs_claims)),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "HS256",
        ),
        (
            "signed with another key",
            Some(TestHost::sign_rs256(&hs_claims, KID, OTHER_KEY_PEM)),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "signature",
        ),
        (
            "unknown kid",
            Some(TestHost::sign_rs256(
                &hs_claims,
                "test/unknown",
                connect::test_host::INSTALL_KEY_PEM,
            )),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "unknown to the key server",
        ),
        (
            "kid walking up the path",
            Some(TestHost::sign_rs256(
                &hs_claims,
                "../etc/passwd",
                connect::test_host::INSTALL_KEY_PEM,
            )),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "key id",
        ),
        (
            "wrong aud",
            Some(install_token_with(&host, "/installed", |c| {
                c["aud"] = json!(["https://other-app.example.com"])
            })),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "audience",
        ),
        (
            "clientKey in the body differs from iss",
            Some(install_token_with(&host, "/installed", |c| {
                c["iss"] = json!("someone-else")
            })),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "issuer",
        ),
        (
            "expired",
            Some(install_token_with(&host, "/installed", |c| {
                c["iat"] = json!(now - 3600);
                c["exp"] = json!(now - 1800);
            })),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "expired",
        ),
        (
            "no exp",
            Some(install_token_with(&host, "/installed", |c| {
                c.as_object_mut().unwrap().remove("exp");
            })),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "`exp`",
        ),
        (
            "qsh of another request",
            Some(host.install_token("/uninstalled")),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "qsh",
        ),
        (
            "no qsh",
            Some(install_token_with(&host, "/installed", |c| {
                c.as_object_mut().unwrap().remove("qsh");
            })),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "`qsh`",
        ),
        (
            "context qsh",
            Some(install_token_with(&host, "/installed", |c| {
                c["qsh"] = json!("context-qsh")
            })),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "context token",
        ),
        (
            "alg none",
            Some(format!(
                "{}.{}.",
                b64(r#"{"alg":"none","typ":"JWT","kid":"test/install-key-1"}"#),
                b64(&hs_claims.to_string())
            )),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "algorithm",
        ),
        (
            "alg confusion: HS256 keyed with the public key PEM",
            Some({
                let mut h = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
                h.kid = Some(KID.into());
                jsonwebtoken::encode(
                    &h,
                    &hs_claims,
                    &jsonwebtoken::EncodingKey::from_secret(INSTALL_PUBLIC_KEY_PEM.as_bytes()),
                )
                .unwrap()
            }),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "algorithm",
        ),
        (
            "oversized token",
            Some("a".repeat(9000)),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "too long",
        ),
        (
            "garbage base64",
            Some("!!!.@@@.###".into()),
            body.clone(),
            StatusCode::UNAUTHORIZED,
            "malformed",
        ),
        (
            "body for another app",
            Some(host.install_token("/installed")),
            with_field(&body, "key", json!("io.other.app")),
            StatusCode::FORBIDDEN,
            "for the app",
        ),
        (
            "site outside the host allow-list",
            Some(host.install_token("/installed")),
            with_field(&body, "baseUrl", json!("https://evil.example.com/wiki")),
            StatusCode::FORBIDDEN,
            "allow-list",
        ),
        (
            "eventType of another callback",
            Some(host.install_token("/installed")),
            with_field(&body, "eventType", json!("enabled")),
            StatusCode::BAD_REQUEST,
            "eventType",
        ),
        (
            "not a lifecycle body",
            Some(host.install_token("/installed")),
            json!({"hello": "world"}),
            StatusCode::BAD_REQUEST,
            "not a lifecycle payload",
        ),
        (
            "no shared secret",
            Some(host.install_token("/installed")),
            without_field(&body, "sharedSecret"),
            StatusCode::BAD_REQUEST,
            "sharedSecret",
        ),
    ];
    // The token is also accepted in ?jwt=, but not twice with different values.
    let ambiguous = TestHost::post_json(
        &format!("/installed?jwt={}", host.install_token("/installed")),
        &body,
        Some(&host.install_token("/uninstalled")),
    );
    let (status, text) = f.call(ambiguous).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");

    for (name, token, body, expected, reason) in cases.drain(..) {
        let (status, text) = f
            .call(TestHost::post_json("/installed", &body, token.as_deref()))
            .await;
        assert_eq!(status, expected, "{name}: {text}");
        assert!(
            text.contains(reason),
            "{name}: {text:?} should mention {reason:?}"
        );
        if let Some(token) = &token {
            assert!(
                !text.contains(token.as_str()),
                "{name}: the token is echoed"
            );
        }
    }
    assert!(
        f.connect.tenants().find("acme").await.unwrap().is_none(),
        "nothing was installed"
    );
    let entries = audit::recent(db, 100).await.unwrap();
    assert_eq!(entries.len(), 22);
    assert!(entries.iter().all(|e| !e.accepted && e.reason.is_some()));
    assert!(
        entries.iter().all(|e| !e
            .reason
            .as_deref()
            .unwrap_or_default()
            .contains(&host.shared_secret)),
        "the audit never holds the secret"
    );
}

async fn key_server_down_is_a_retryable_refusal(db: &DatabaseConnection) {
    // A key server that answers with errors, then one that is gone.
    let broken = KeyServer::start(vec![(KID.to_owned(), "<html>oops</html>".to_owned())])
        .await
        .unwrap();
    let f = Fixture::with_keys(db, broken, common::descriptor()).await;
    let host = f.host("acme");
    let (status, text) = f
        .call(host.lifecycle_request("installed", "/installed"))
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{text}");
    assert!(text.contains("not a PEM public key"), "{text}");

    let gone = KeyServer::standard().await.unwrap();
    let url = gone.url.clone();
    drop(gone);
    tokio::task::yield_now().await;
    let mut settings = common::settings(&url);
    settings.keys_cdn_url = url::Url::parse(&url).unwrap();
    let connect = connect::Connect::builder(settings, common::descriptor(), common::tenants(db))
        .on_webhook("attachment_created", |_e| async { Ok(()) })
        .build()
        .unwrap();
    let router = connect.routes().with_state(connect.clone());
    let (status, text) = call(&router, host.lifecycle_request("installed", "/installed")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{text}");
    assert!(connect.tenants().find("acme").await.unwrap().is_none());
}

async fn install_rotate_uninstall_reinstall(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    let mut host = f.host("acme");
    f.install(&host).await;
    let old = host.clone();
    assert_eq!(
        f.call(old.iframe_request("/hello?pageId=1")).await.0,
        StatusCode::OK
    );

    // Reinstall with a rotated secret: the old secret stops working at once.
    host.shared_secret = "rotated-secret-0123456789abcdef".into();
    f.install(&host).await;
    assert_eq!(
        f.call(old.iframe_request("/hello?pageId=1")).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, text) = f
        .call(host.iframe_request("/hello?pageId=1&lic=active"))
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(text, "hello 557058:viewer from acme (lic=active)");

    // Uninstall keeps the row but refuses every host call.
    let (status, _) = f
        .call(host.lifecycle_request("uninstalled", "/uninstalled"))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let t = f.connect.tenants().find("acme").await.unwrap().unwrap();
    assert!(!t.installed);
    let (status, text) = f.call(host.iframe_request("/hello?pageId=1")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(text.contains("unknown or uninstalled"), "{text}");

    // A late `enabled` does not bring it back; a reinstall does, with a new base URL.
    let (status, _) = f.call(host.lifecycle_request("enabled", "/enabled")).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(
        !f.connect
            .tenants()
            .find("acme")
            .await
            .unwrap()
            .unwrap()
            .installed
    );
    host.base_url = "https://acme-renamed.atlassian.net/wiki".into();
    f.install(&host).await;
    let t = f.connect.tenants().active("acme").await.unwrap().unwrap();
    assert_eq!(t.base_url, "https://acme-renamed.atlassian.net/wiki");
    assert_eq!(
        f.call(host.iframe_request("/hello?pageId=1")).await.0,
        StatusCode::OK
    );

    // Uninstall of an unknown site is idempotent.
    let stranger = f.host("stranger");
    let (status, _) = f
        .call(stranger.lifecycle_request("uninstalled", "/uninstalled"))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}

async fn disabled_and_uninstalled_commute(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    for (client, order) in [
        ("one", ["disabled", "uninstalled"]),
        ("two", ["uninstalled", "disabled"]),
    ] {
        let host = f.host(client);
        f.install(&host).await;
        for event in order {
            let (status, text) = f
                .call(host.lifecycle_request(event, &format!("/{event}")))
                .await;
            assert_eq!(status, StatusCode::NO_CONTENT, "{client} {event}: {text}");
        }
        let t = f.connect.tenants().find(client).await.unwrap().unwrap();
        assert!(!t.installed && !t.enabled, "{client}: {t:?}");
    }
    // enabled/disabled are HS256 with the stored secret; a forged one is refused.
    let host = f.host("three");
    f.install(&host).await;
    let mut forger = host.clone();
    forger.shared_secret = "guessed".into();
    let (status, _) = f
        .call(forger.lifecycle_request("disabled", "/disabled"))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        f.connect
            .tenants()
            .find("three")
            .await
            .unwrap()
            .unwrap()
            .enabled
    );
    let (status, _) = f
        .call(host.lifecycle_request("disabled", "/disabled"))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(
        !f.connect
            .tenants()
            .find("three")
            .await
            .unwrap()
            .unwrap()
            .enabled
    );
}

async fn reimport_makes_a_new_tenant(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    let original = f.host("original");
    f.install(&original).await;
    let mut copy = f.host("imported-copy");
    copy.base_url = original.base_url.clone();
    f.install(&copy).await;
    let old = f.connect.tenants().find("original").await.unwrap().unwrap();
    let new = f
        .connect
        .tenants()
        .find("imported-copy")
        .await
        .unwrap()
        .unwrap();
    assert!(old.stale && !new.stale);
    assert_ne!(old.shared_secret, new.shared_secret);
}

async fn concurrent_installs_end_in_one_row(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    let hosts: Vec<TestHost> = (0..8)
        .map(|i| {
            let mut h = f.host("busy");
            h.shared_secret = format!("secret-{i}-0123456789abcdef");
            h
        })
        .collect();
    let calls = hosts
        .iter()
        .map(|h| f.call(h.lifecycle_request("installed", "/installed")));
    for (status, text) in connect::store::testing::join_all(calls).await {
        assert_eq!(status, StatusCode::NO_CONTENT, "{text}");
    }
    let rows = connect::store::tenant::all_rows(db).await.unwrap();
    assert_eq!(rows.len(), 1);
    let t = f.connect.tenants().active("busy").await.unwrap().unwrap();
    let winner = hosts
        .iter()
        .find(|h| h.shared_secret == t.shared_secret)
        .unwrap();
    assert_eq!(
        f.call(winner.iframe_request("/hello")).await.0,
        StatusCode::OK
    );
}

async fn descriptor_is_served_and_checked_against_routes(db: &DatabaseConnection) {
    let f = Fixture::new(db).await;
    let request = axum::http::Request::get("/atlassian-connect.json")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(f.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "application/json; charset=utf-8"
    );
    let (_, text) = f
        .call(
            axum::http::Request::get("/atlassian-connect.json")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["baseUrl"], APP_BASE);
    assert_eq!(json["lifecycle"]["installed"], "/installed");
    assert_eq!(json["apiMigrations"]["signed-install"], true);

    // Every URL is mounted in the full router…
    f.connect.check_routes(f.router.clone()).await.unwrap();
    // …and the check names the module whose route is missing.
    let without_app = f.connect.routes().with_state(f.connect.clone());
    let err = f.connect.check_routes(without_app).await.unwrap_err();
    assert!(err.to_string().contains("hello"), "{err}");
    assert!(err.to_string().contains("no route is mounted"), "{err}");
}

connect::store_tests!(Migrator =>
    signed_install_through_http,
    hostile_installs_are_refused,
    key_server_down_is_a_retryable_refusal,
    install_rotate_uninstall_reinstall,
    disabled_and_uninstalled_commute,
    reimport_makes_a_new_tenant,
    concurrent_installs_end_in_one_row,
    descriptor_is_served_and_checked_against_routes,
);
