//! A size limit on every request body, chosen by route and applied before a handler runs: a
//! body that announces more is answered `413` at once, without reading it; one that streams
//! more is cut off at the limit; one that does not arrive in time gets `408`.

use std::time::Duration;

use axum::{
    body::Body,
    extract::{Request, State},
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http_body_util::{BodyExt, LengthLimitError, Limited};

/// Lifecycle bodies are a few hundred bytes of JSON.
pub const LIFECYCLE: usize = 64 * 1024;
/// A Document Server callback: JSON whose `history` grows with a long session's changes.
pub const CALLBACK: usize = 256 * 1024;
/// Server functions and webhooks.
pub const API: usize = 1024 * 1024;
/// Everything else: pages, assets and file links take no body worth the name.
pub const OTHER: usize = 16 * 1024;
/// How long a body may take to arrive.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// Which limit applies where.
#[derive(Clone, Debug)]
pub struct BodyLimits {
    lifecycle_paths: Vec<String>,
}

impl BodyLimits {
    pub fn new(lifecycle_paths: Vec<String>) -> Self {
        Self { lifecycle_paths }
    }

    pub fn for_path(&self, path: &str) -> usize {
        if self.lifecycle_paths.iter().any(|p| p == path) {
            LIFECYCLE
        } else if path == app::office::paths::CALLBACK {
            CALLBACK
        } else if path.starts_with("/api/") || path.starts_with(app::descriptor::paths::WEBHOOKS) {
            API
        } else {
            OTHER
        }
    }
}

fn too_large(limit: usize) -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONNECTION, "close")],
        format!(
            "The request body is larger than the {} KiB this address accepts.\n",
            limit / 1024
        ),
    )
        .into_response()
}

/// The middleware: reads the body up to its route's limit, then hands it on.
pub async fn limit(State(limits): State<BodyLimits>, request: Request, next: Next) -> Response {
    let limit = limits.for_path(request.uri().path());
    let headers = request.headers();
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > limit as u64) {
        return too_large(limit);
    }
    let chunked = headers.contains_key(header::TRANSFER_ENCODING);
    if !chunked && announced.unwrap_or(0) == 0 {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    match tokio::time::timeout(BODY_TIMEOUT, Limited::new(body, limit).collect()).await {
        Err(_) => (
            StatusCode::REQUEST_TIMEOUT,
            [(header::CONNECTION, "close")],
            "The request body did not arrive in time.\n",
        )
            .into_response(),
        Ok(Err(err)) if err.downcast_ref::<LengthLimitError>().is_some() => too_large(limit),
        Ok(Err(_)) => (
            StatusCode::BAD_REQUEST,
            "The request body could not be read.\n",
        )
            .into_response(),
        Ok(Ok(collected)) => {
            next.run(Request::from_parts(parts, Body::from(collected.to_bytes())))
                .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_route_has_its_limit() {
        let limits = BodyLimits::new(vec!["/installed".into(), "/uninstalled".into()]);
        assert_eq!(limits.for_path("/installed"), LIFECYCLE);
        assert_eq!(limits.for_path("/office/callback"), CALLBACK);
        assert_eq!(limits.for_path("/api/document-server/save"), API);
        assert_eq!(limits.for_path("/webhooks/attachment_created"), API);
        assert_eq!(limits.for_path("/office/file"), OTHER);
        assert_eq!(limits.for_path("/macro/document"), OTHER);
    }
}
