//! Starts Confluo: `confluo` with no arguments, configured by environment variables.
//! `confluo healthcheck [path]` asks the server configured the same way for `/healthz` (or
//! `path`) and exits 0 when it answers 2xx: the container image's `HEALTHCHECK`, which has no
//! shell or curl to do it.

use std::process::ExitCode;

use server::{config::Config, routes, telemetry};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    // A missing .env is normal; a broken one is worth one line.
    if let Err(err) = dotenvy::dotenv()
        && !err.not_found()
    {
        eprintln!("confluo: cannot read .env: {err}");
        return ExitCode::from(2);
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("confluo: {err}");
            return ExitCode::from(2);
        }
    };
    if std::env::args().nth(1).as_deref() == Some("healthcheck") {
        let path = std::env::args().nth(2).unwrap_or_else(|| "/healthz".into());
        return healthcheck(&config, &path).await;
    }
    let telemetry = telemetry::init(config.log_format);
    let code = match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err}");
            eprintln!("confluo: {err}");
            ExitCode::FAILURE
        }
    };
    telemetry.shutdown();
    code
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let db = server::open_store(&config).await?;
    let state = server::state(&config, db).await?;
    let router = routes::router(
        state.clone(),
        server::access_log::TrustedProxies::new(config.trusted_proxies.clone()),
    );
    let housekeeping = server::maintenance::spawn(
        state.clone(),
        server::maintenance::Sweep {
            every: config.housekeeping_every,
            retention_days: config.retention_days,
        },
    );
    // Every URL the descriptor announces must be a route we serve.
    state
        .connect
        .check_routes(router.clone())
        .await
        .map_err(server::BootError::from)?;
    // After the route check, so its probes are not counted.
    // `/metrics` on its own address: for the operator's scraper, never Confluence's sites.
    let metrics = match config.metrics_addr {
        Some(addr) => {
            let listener = TcpListener::bind(addr)
                .await
                .map_err(|e| format!("cannot listen on {addr} (METRICS_ADDR): {e}"))?;
            tracing::info!("metrics on http://{}/metrics", listener.local_addr()?);
            let metrics = server::prometheus::router(state.db.clone());
            Some(tokio::spawn(async move {
                if let Err(err) = axum::serve(listener, metrics).await {
                    tracing::error!(error = %err, "the metrics listener stopped");
                }
            }))
        }
        None => None,
    };
    let listener = TcpListener::bind(config.listen_addr)
        .await
        .map_err(|e| format!("cannot listen on {} (LISTEN_ADDR): {e}", config.listen_addr))?;
    tracing::info!(
        base_url = %config.base_url,
        environment = ?config.environment,
        "Confluo listening on http://{}",
        listener.local_addr()?
    );
    server::listen::serve(listener, router, config.header_timeout, shutdown_signal()).await;
    housekeeping.stop(&state).await;
    if let Some(metrics) = metrics {
        metrics.abort();
    }
    tracing::info!("shutting down: closing the database");
    state.db.close().await?;
    Ok(())
}

/// `GET path` on this machine's listening address; success for a 2xx answer within 5 s.
async fn healthcheck(config: &Config, path: &str) -> ExitCode {
    let mut addr = config.listen_addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let url = format!("http://{addr}{path}");
    let answer = match reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .no_proxy()
        .build()
    {
        Ok(client) => client.get(&url).send().await,
        Err(err) => {
            eprintln!("confluo healthcheck: {err}");
            return ExitCode::FAILURE;
        }
    };
    match answer {
        Ok(r) if r.status().is_success() => ExitCode::SUCCESS,
        Ok(r) => {
            eprintln!("confluo healthcheck: {url} answered {}", r.status());
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("confluo healthcheck: {url}: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on SIGINT or SIGTERM so in-flight requests can finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
