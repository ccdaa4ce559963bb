//! One line per request at `info`, the request's id, and the request metrics.
//!
//! The id comes from `x-request-id` when the peer is one of the operator's proxies
//! (`TRUSTED_PROXIES`) and the value is sane; otherwise it is made here. It is answered back in
//! `x-request-id`, sent on with every call to Confluence and the Document Server made while
//! serving the request (`connect::request_context`), and written on every log line of it.

use std::{net::SocketAddr, sync::Arc, time::Instant};

use axum::{
    extract::{ConnectInfo, MatchedPath, Request, State},
    http::{HeaderValue, Method},
    middleware::Next,
    response::Response,
};
use connect::{
    redact::redact_url,
    request_context::{self, RequestContext},
};
use ipnet::IpNet;
use tracing::Instrument;

use crate::prometheus::{HTTP_REQUESTS, HTTP_SECONDS};

/// The networks whose `x-request-id` is taken as it is.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Arc<Vec<IpNet>>);

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>) -> Self {
        Self(Arc::new(nets))
    }

    fn trusts(&self, peer: Option<SocketAddr>) -> bool {
        peer.is_some_and(|peer| self.0.iter().any(|net| net.contains(&peer.ip())))
    }
}

/// The middleware: scopes the request as its [`RequestContext`], logs and counts it.
pub async fn log(State(proxies): State<TrustedProxies>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let id = proxies
        .trusts(peer)
        .then(|| request.headers().get(request_context::HEADER))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .and_then(request_context::accept_id)
        .map(str::to_owned)
        .unwrap_or_else(request_context::new_id);
    let method = method_label(request.method());
    let route = match request.extensions().get::<MatchedPath>() {
        Some(path) => path.as_str().to_owned(),
        // The build's files are a nested service, which axum gives no matched path.
        None if request.uri().path().starts_with("/pkg/") => "/pkg/{*file}".to_owned(),
        None => "unmatched".to_owned(),
    };
    // Iframe loads carry `?jwt=`: the logged address never holds a token.
    let uri = redact_url(&request.uri().to_string()).into_owned();
    let context = RequestContext::new(id.clone());
    let span = tracing::info_span!("http", request_id = %id, method, route = %route);
    let mut response = request_context::scope(context.clone(), next.run(request))
        .instrument(span.clone())
        .await;
    let took = started.elapsed();
    let status = response.status().as_u16();
    span.in_scope(|| {
        tracing::info!(
            status,
            latency_ms = took.as_secs_f64() * 1000.0,
            client_key = context.client_key(),
            uri = %uri,
            "request"
        );
    });
    metrics::counter!(HTTP_REQUESTS, "method" => method, "route" => route.clone(), "status" => status.to_string())
        .increment(1);
    metrics::histogram!(HTTP_SECONDS, "method" => method, "route" => route).record(took);
    if let Ok(value) = HeaderValue::from_str(&id) {
        response
            .headers_mut()
            .insert(request_context::HEADER, value);
    }
    response
}

/// The method as a label: the standard ones by name, anything else as `other` (a caller may
/// send any token as a method).
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}
