//! `/metrics` in Prometheus's text format, on its own address (`METRICS_ADDR`), so the
//! operator's scraper reaches it and Confluence's sites never do.
//!
//! The recorder is process-wide (the `metrics` facade has one), installed once; counters and
//! histograms are written where things happen (`connect::observe`, `app::office::observe`,
//! [`crate::access_log`]), the database pool is read at each scrape.

use std::sync::OnceLock;

use axum::{Router, extract::State, http::header, response::IntoResponse, routing::get};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use sea_orm::{DatabaseBackend, DatabaseConnection};

/// Requests, by `method`, `route` (the route's template, never the raw URL) and `status`.
pub const HTTP_REQUESTS: &str = "http_requests_total";
/// Request latency, by `method` and `route`.
pub const HTTP_SECONDS: &str = "http_request_duration_seconds";
/// The database pool's connections, by `state` (`idle`, `in_use`).
pub const DB_POOL_CONNECTIONS: &str = "db_pool_connections";
/// The most connections the pool opens.
pub const DB_POOL_MAX: &str = "db_pool_max_connections";

/// Latency buckets, in seconds: from a cached page (under a millisecond) to a long save.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0, 60.0,
];

/// The process's recorder, installed the first time it is asked for.
pub fn handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            // Every histogram is in seconds: one bucket list for all. It fails only when the
            // list is empty, and then summaries are written instead.
            let builder = PrometheusBuilder::new()
                .set_buckets(&BUCKETS)
                .unwrap_or_else(|_| PrometheusBuilder::new());
            let recorder = builder.build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("another metrics recorder is installed; /metrics stays empty");
            }
            handle
        })
        .clone()
}

#[derive(Clone)]
struct Scrape {
    handle: PrometheusHandle,
    db: DatabaseConnection,
}

/// The metrics listener's routes: `GET /metrics`.
pub fn router(db: DatabaseConnection) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(Scrape {
            handle: handle(),
            db,
        })
}

async fn scrape(State(scrape): State<Scrape>) -> impl IntoResponse {
    record_pool(&scrape.db);
    scrape.handle.run_upkeep();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        scrape.handle.render(),
    )
}

/// The pool's size now, as gauges.
fn record_pool(db: &DatabaseConnection) {
    // The pool getters panic on the other backend, so ask for the one in use only.
    let (size, idle, max) = match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            )
        }
        DatabaseBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            )
        }
        _ => return,
    };
    let idle = idle as f64;
    metrics::gauge!(DB_POOL_CONNECTIONS, "state" => "idle").set(idle);
    metrics::gauge!(DB_POOL_CONNECTIONS, "state" => "in_use")
        .set((f64::from(size) - idle).max(0.0));
    metrics::gauge!(DB_POOL_MAX).set(f64::from(max));
}
