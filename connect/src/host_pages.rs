//! Host-signed pages. Every URL the descriptor gives the host to load (iframes of macros,
//! macro editors, dialogs, web items, panels, general, admin and configure pages; static
//! macros) answers only a request whose host token verifies and is bound to that exact URL.
//! The app's page handlers then find the verified [`HostRequest`] in the request extensions,
//! so no page can render for an unverified caller by forgetting a check.

use axum::{
    extract::{FromRequestParts, Request, State},
    http::{HeaderValue, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{Connect, auth::HostRequest, store::tenant::Tenant};

/// The middleware behind [`Connect::protect_host_pages`].
pub(crate) async fn guard(
    State(connect): State<Connect>,
    request: Request,
    next: Next,
) -> Response {
    // OPTIONS carries no page (the boot-time route check probes with it).
    if request.method() == axum::http::Method::OPTIONS
        || !connect.is_host_page(request.uri().path())
    {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let host = match HostRequest::from_request_parts(&mut parts, &connect).await {
        Ok(host) => host,
        Err(rejection) => return rejection.into_response(),
    };
    let ancestors = frame_ancestors(&host.tenant);
    parts.extensions.insert(host);
    let mut response = next.run(Request::from_parts(parts, body)).await;
    let headers = response.headers_mut();
    // Only the tenant's own pages may frame these pages (clickjacking). X-Frame-Options cannot
    // name an origin, so CSP it is: a policy of its own beside any the page sets (browsers
    // enforce each).
    if let Ok(value) = HeaderValue::from_str(&format!("frame-ancestors {ancestors}")) {
        headers.append(header::CONTENT_SECURITY_POLICY, value);
    }
    // The URL carries a token: never send it on as a referrer.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The origins that may frame a page for `tenant`: its base URL and its display URL.
fn frame_ancestors(tenant: &Tenant) -> String {
    let mut origins: Vec<String> = Vec::new();
    for url in std::iter::once(&tenant.base_url).chain(tenant.display_url.iter()) {
        if let Ok(parsed) = url::Url::parse(url) {
            let origin = parsed.origin().ascii_serialization();
            if origin != "null" && !origins.contains(&origin) {
                origins.push(origin);
            }
        }
    }
    if origins.is_empty() {
        "'none'".to_owned()
    } else {
        origins.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn tenant(base: &str, display: Option<&str>) -> Tenant {
        Tenant {
            client_key: "c".into(),
            base_url: base.into(),
            display_url: display.map(Into::into),
            oauth_client_id: None,
            shared_secret: "s".into(),
            installed: true,
            enabled: true,
            stale: false,
            installed_at: Utc::now(),
            uninstalled_at: None,
        }
    }

    #[test]
    fn frame_ancestors_are_the_tenant_origins() {
        assert_eq!(
            frame_ancestors(&tenant("https://a.atlassian.net/wiki", None)),
            "https://a.atlassian.net"
        );
        assert_eq!(
            frame_ancestors(&tenant(
                "https://a.atlassian.net/wiki",
                Some("https://docs.example.com/wiki")
            )),
            "https://a.atlassian.net https://docs.example.com"
        );
        assert_eq!(
            frame_ancestors(&tenant(
                "https://a.atlassian.net/wiki",
                Some("https://a.atlassian.net/wiki")
            )),
            "https://a.atlassian.net"
        );
        assert_eq!(frame_ancestors(&tenant("not a url", None)), "'none'");
    }
}
