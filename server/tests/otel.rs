//! With the `otel` feature, the server binary exports its request spans to the collector at
//! `OTEL_EXPORTER_OTLP_ENDPOINT` (OTLP over HTTP, protobuf): a stand-in collector on 127.0.0.1
//! receives them.
#![cfg(feature = "otel")]

mod common;

use std::sync::{Arc, Mutex};

use axum::{Router, body::Bytes, extract::State, http::HeaderMap, routing::post};
use connect::store::{
    secrets::SecretBox,
    testing::{Backend, TestDb},
};
use server::migrator::Migrator;

type Received = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

async fn collect(State(received): State<Received>, headers: HeaderMap, body: Bytes) {
    let kind = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if let Ok(mut received) = received.lock() {
        received.push((kind, body.to_vec()));
    }
}

#[tokio::test]
async fn request_spans_reach_the_collector() {
    let received: Received = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let collector = listener.local_addr().unwrap();
    let app = Router::new()
        .route("/v1/traces", post(collect))
        .with_state(received.clone());
    let task = tokio::spawn(async move { axum::serve(listener, app).await });

    let db = TestDb::new::<Migrator>(Backend::Sqlite).await;
    let http = reqwest::Client::new();
    let (app_port, emulator) = (common::free_port(), common::free_port());
    let server = common::server(
        &http,
        app_port,
        emulator,
        &db.database_url,
        &SecretBox::generate_key(),
        &[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", format!("http://{collector}")),
            ("TRUSTED_PROXIES", "127.0.0.1".into()),
            ("RUST_LOG", "info".into()),
        ],
    )
    .await;
    let r = http
        .get(format!("http://127.0.0.1:{app_port}/healthz"))
        .header("x-request-id", "traced-1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let found = loop {
        let batches = received.lock().unwrap().clone();
        // Protobuf keeps strings as they are: the service, the span's route and request id.
        let hit = batches.iter().find(|(_, body)| {
            let text = String::from_utf8_lossy(body);
            text.contains("confluo") && text.contains("/healthz") && text.contains("traced-1")
        });
        if let Some((kind, _)) = hit {
            break kind.clone();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no span of the request reached the collector ({} batches: {:?})",
            batches.len(),
            batches
                .iter()
                .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(found, "application/x-protobuf");
    drop(server);
    task.abort();
}
