//! What authentication costs per request:
//! - `qsh_hs256_verify`: canonical request + SHA-256 + HS256 check of an iframe token;
//! - `iframe_route`: a full authenticated iframe load over loopback HTTP (token extraction,
//!   tenant lookup in SQLite, secret decryption, verification, response), one at a time and
//!   64 in flight.

use std::time::Duration;

use axum::{Router, routing::get};
use connect::{
    Connect,
    auth::HostRequest,
    descriptor::Descriptor,
    jwt::{self, Alg, BoundRequest, Key, QshRule},
    settings::Settings,
    store::{
        Migrator,
        secrets::SecretBox,
        tenant::{Installation, TenantStore},
    },
    test_host::TestHost,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sea_orm_migration::MigratorTrait;

const APP_BASE: &str = "https://confluo.example.com";
const URL: &str = "/hello?pageId=98305&spaceKey=DOC&xdm_e=https%3A%2F%2Facme.atlassian.net&xdm_c=channel-1&cp=%2Fwiki&lic=active&cv=1001.0.0";

fn qsh_hs256_verify(c: &mut Criterion) {
    let host = TestHost::new("io.confluo.bench", APP_BASE, "acme");
    let token = host.host_token("GET", URL);
    let (path, query) = URL.split_once('?').unwrap();
    let now = TestHost::now();
    let mut group = c.benchmark_group("auth");
    group.throughput(Throughput::Elements(1));
    group.bench_function("qsh_hs256_verify", |b| {
        b.iter(|| {
            let bound = BoundRequest {
                method: "GET",
                raw_path: path,
                raw_query: Some(query),
                base_path: "",
            };
            jwt::verify(
                &token,
                Alg::Hs256,
                Key::Secret(host.shared_secret.as_bytes()),
                QshRule::Request(bound),
                now,
            )
            .unwrap()
        })
    });
    group.finish();
}

fn iframe_route(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = std::env::temp_dir().join(format!("confluo-bench-{}", std::process::id()));
    let (base, host) = rt.block_on(async {
        let db = connect::store::open(&format!("sqlite://{}/bench.db?mode=rwc", dir.display()))
            .await
            .unwrap();
        Migrator::up(&db, None).await.unwrap();
        let settings =
            Settings::new("io.confluo.bench", url::Url::parse(APP_BASE).unwrap(), true).unwrap();
        let tenants = TenantStore::new(
            db,
            SecretBox::from_base64(&SecretBox::generate_key()).unwrap(),
        );
        let host = TestHost::new("io.confluo.bench", APP_BASE, "acme");
        tenants
            .installed(&Installation {
                client_key: host.client_key.clone(),
                app_key: host.app_key.clone(),
                base_url: host.base_url.clone(),
                display_url: None,
                product_type: "confluence".into(),
                description: String::new(),
                server_version: None,
                plugins_version: None,
                oauth_client_id: None,
                entitlement_id: None,
                entitlement_number: None,
                shared_secret: host.shared_secret.clone(),
            })
            .await
            .unwrap();
        let connect = Connect::builder(
            settings,
            Descriptor::new("io.confluo.bench", "Bench", APP_BASE),
            tenants,
        )
        .build()
        .unwrap();
        let app = Router::new()
            .route(
                "/hello",
                get(|h: HostRequest| async move { h.tenant.client_key }),
            )
            .merge(connect.routes())
            .with_state(connect);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (base, host)
    });
    let client = reqwest::Client::new();
    let url = format!("{base}{URL}&jwt={}", host.host_token("GET", URL));
    let mut group = c.benchmark_group("iframe_route");
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(1));
    group.bench_function("sequential", |b| {
        b.to_async(&rt).iter(|| async {
            let r = client.get(&url).send().await.unwrap();
            assert!(r.status().is_success());
        })
    });
    group.throughput(Throughput::Elements(64));
    group.bench_function("64_in_flight", |b| {
        b.to_async(&rt).iter(|| async {
            let calls = (0..64).map(|_| {
                let client = client.clone();
                let url = url.clone();
                tokio::spawn(async move { client.get(&url).send().await.unwrap().status() })
            });
            for call in calls.collect::<Vec<_>>() {
                assert!(call.await.unwrap().is_success());
            }
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, qsh_hs256_verify, iframe_route);
criterion_main!(benches);
