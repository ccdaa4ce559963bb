//! Log setup: human-readable by default, JSON lines with `LOG_FORMAT=json`; with the `otel`
//! feature and `OTEL_EXPORTER_OTLP_ENDPOINT` set, the spans are also exported over OTLP.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::config::LogFormat;

/// The variable that turns OpenTelemetry export on (read by the OTLP exporter itself too).
pub const OTLP_ENDPOINT: &str = "OTEL_EXPORTER_OTLP_ENDPOINT";

/// What must happen at shutdown for the last spans to leave.
pub struct Guard {
    #[cfg(feature = "otel")]
    provider: Option<opentelemetry_sdk::trace::SdkTracerProvider>,
}

impl Guard {
    /// Sends the spans still queued.
    pub fn shutdown(self) {
        #[cfg(feature = "otel")]
        if let Some(provider) = self.provider
            && let Err(err) = provider.shutdown()
        {
            tracing::warn!(error = %err, "OpenTelemetry export did not finish");
        }
    }
}

/// Installs the global subscriber. `RUST_LOG` filters (default: info, quiet database driver).
pub fn init(format: LogFormat) -> Guard {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,tower_http=info"));
    let endpoint = std::env::var(OTLP_ENDPOINT)
        .ok()
        .filter(|v| !v.trim().is_empty());
    #[cfg(feature = "otel")]
    let (otel, provider) = match endpoint.as_deref().map(otel::provider) {
        Some(Ok(provider)) => (Some(otel::layer(&provider)), Some(provider)),
        Some(Err(err)) => {
            eprintln!("confluo: OpenTelemetry export is off: {err}");
            (None, None)
        }
        None => (None, None),
    };
    #[cfg(not(feature = "otel"))]
    let otel: Option<tracing_subscriber::layer::Identity> = None;
    let registry = tracing_subscriber::registry().with(filter).with(otel);
    match format {
        LogFormat::Json => registry
            .with(fmt::layer().json().flatten_event(true))
            .init(),
        LogFormat::Text => registry.with(fmt::layer().compact()).init(),
    }
    #[cfg(not(feature = "otel"))]
    if endpoint.is_some() {
        tracing::warn!(
            "{OTLP_ENDPOINT} is set, but this build has no OpenTelemetry export (build with --features otel)"
        );
    }
    Guard {
        #[cfg(feature = "otel")]
        provider,
    }
}

#[cfg(feature = "otel")]
mod otel {
    use opentelemetry::trace::TracerProvider as _;
    use opentelemetry_otlp::WithExportConfig;
    use opentelemetry_sdk::{Resource, trace::SdkTracerProvider};

    /// A provider exporting in batches to `endpoint` (OTLP over HTTP; `/v1/traces` is added).
    pub fn provider(endpoint: &str) -> Result<SdkTracerProvider, String> {
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .with_endpoint(format!("{}/v1/traces", endpoint.trim_end_matches('/')))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .with_resource(Resource::builder().with_service_name("confluo").build())
            .build())
    }

    pub fn layer<S>(provider: &SdkTracerProvider) -> impl tracing_subscriber::Layer<S>
    where
        S: tracing::Subscriber + for<'span> tracing_subscriber::registry::LookupSpan<'span>,
    {
        tracing_opentelemetry::layer().with_tracer(provider.tracer("confluo"))
    }
}
