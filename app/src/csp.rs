//! The pages' script policy. Each HTML response gets a fresh nonce that the shell's inline
//! hydration script carries; every other script must come from Confluo itself, Atlassian's
//! all.js origin or, on pages that embed the editor, the site's Document Server.

/// The nonce of one page response (a request extension the server's middleware sets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptNonce(pub String);

/// Where all.js comes from, as a CSP source.
pub const ALL_JS_ORIGIN: &str = "https://connect-cdn.atl-paas.net";

#[cfg(feature = "ssr")]
impl ScriptNonce {
    /// 128 random bits.
    pub fn generate() -> Self {
        Self(leptos::nonce::Nonce::new().to_string())
    }
}

/// The `Content-Security-Policy` of a page with `nonce`, allowing scripts from `extra` origins
/// too.
pub fn policy(nonce: &ScriptNonce, extra: &[String]) -> String {
    let mut sources = format!(
        "'self' 'nonce-{}' 'wasm-unsafe-eval' {ALL_JS_ORIGIN}",
        nonce.0
    );
    for origin in extra {
        sources.push(' ');
        sources.push_str(origin);
    }
    format!("script-src {sources}; object-src 'none'; base-uri 'none'")
}

/// The origin of `url` as a CSP source (`https://docs.example.com:8443`), `None` for anything
/// that is not a plain http(s) address.
pub fn origin(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let origin = parsed.origin().ascii_serialization();
    // A CSP source cannot hold spaces, quotes or semicolons; a parsed origin never does.
    (origin != "null").then_some(origin)
}

/// In the shell, while rendering on the server: hands the response's nonce to Leptos, whose
/// inline scripts then carry it.
pub fn provide_page_nonce() {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::{provide_context, use_context};
        if let Some(nonce) = use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<ScriptNonce>().cloned())
        {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_names_each_source_once() {
        let nonce = ScriptNonce("abc".into());
        assert_eq!(
            policy(&nonce, &["https://docs.example.com".into()]),
            "script-src 'self' 'nonce-abc' 'wasm-unsafe-eval' https://connect-cdn.atl-paas.net https://docs.example.com; object-src 'none'; base-uri 'none'"
        );
        assert_eq!(
            origin("https://docs.example.com:8443/path/").as_deref(),
            Some("https://docs.example.com:8443")
        );
        assert_eq!(origin("javascript:alert(1)"), None);
        assert_eq!(origin("https://a b"), None);
    }
}
