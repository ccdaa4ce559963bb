//! Headers every answer carries, and the script policy of the pages.
//!
//! - `X-Content-Type-Options: nosniff` everywhere, so no answer is read as another type.
//! - `Strict-Transport-Security` in production.
//! - Every HTML page gets a `Content-Security-Policy` whose `script-src` allows Confluo's own
//!   scripts, the inline hydration script by a per-response nonce, WebAssembly, Atlassian's
//!   all.js origin and, on the pages that embed the editor, the site's Document Server. The
//!   host guard adds `frame-ancestors` as a second policy; browsers enforce both.

use axum::{
    extract::{Request, State},
    http::{HeaderValue, Method, header},
    middleware::Next,
    response::Response,
};
use connect::auth::HostRequest;

use app::{csp::ScriptNonce, descriptor::paths, state::AppState};

/// `nosniff` on every answer; HSTS in production.
pub async fn common(State(production): State<bool>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if production {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Pages that load the Document Server's editor script.
fn embeds_editor(request: &Request) -> bool {
    let path = request.uri().path();
    path == paths::DOCUMENT_PAGE
        || (path == paths::DOCUMENT_MACRO
            && request
                .uri()
                .query()
                .is_some_and(|q| q.split('&').any(|p| p == "preview=true")))
}

/// The script policy of HTML pages. Runs inside the host guard, so it knows the site.
pub async fn page_scripts(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET || request.uri().path().starts_with("/pkg/") {
        return next.run(request).await;
    }
    let mut extra = Vec::new();
    if embeds_editor(&request)
        && let Some(host) = request.extensions().get::<HostRequest>()
    {
        match app::office::site_setup::document_server(&state, &host.tenant.client_key).await {
            Ok(ds) => extra.extend(app::csp::origin(&ds.public_url)),
            // No Document Server: the page says so, and loads no editor.
            Err(err) => tracing::debug!(error = %err, "no Document Server for the page's policy"),
        }
    }
    let nonce = ScriptNonce::generate();
    let (mut parts, body) = request.into_parts();
    parts.extensions.insert(nonce.clone());
    let mut response = next.run(Request::from_parts(parts, body)).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && let Ok(value) = HeaderValue::from_str(&app::csp::policy(&nonce, &extra)) {
        response
            .headers_mut()
            .append(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}
