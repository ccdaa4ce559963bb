//! The HTTP surface: health, the Leptos screens and server functions, static assets.

use app::{App, shell, state::AppState};
use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::IntoResponse,
    routing::get,
};
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

use crate::{access_log, body_limit, security_headers};

/// Builds the complete router; `proxies` are the peers whose request ids are taken.
pub fn router(state: AppState, proxies: access_log::TrustedProxies) -> Router {
    let routes = generate_route_list(App);
    let app = Router::new()
        .route("/healthz", get(healthz))
        .route(
            &format!("{}/{{name}}", app::i18n::WORDS_PATH),
            get(app::i18n::words_file::serve),
        )
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("no-cache"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::VARY,
                    HeaderValue::from_static("accept-encoding"),
                ))
                .service(site_files(&state.leptos_options)),
        )
        .merge(state.connect.routes())
        .merge(app::office::routes())
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security_headers::page_scripts,
        ))
        // Inside the host-page guard: pages speak their person's profile language.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            app::i18n::profile::attach,
        ));
    let lifecycle = &state.connect.descriptor().lifecycle;
    let limits = body_limit::BodyLimits::new(
        [
            &lifecycle.installed,
            &lifecycle.uninstalled,
            &lifecycle.enabled,
            &lifecycle.disabled,
        ]
        .into_iter()
        .map(|p| p.split('?').next().unwrap_or(p).to_owned())
        .collect(),
    );
    // Every page Confluence loads in an iframe renders only for a verified host token.
    state
        .connect
        .protect_host_pages(app)
        .layer(axum::middleware::from_fn_with_state(
            limits,
            body_limit::limit,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.production(),
            security_headers::common,
        ))
        .layer(axum::middleware::from_fn_with_state(
            proxies,
            access_log::log,
        ))
        .with_state(state)
}

/// The build's files (`/pkg/…`): the precompressed brotli or gzip file when the browser takes
/// it, and `304` to a request whose `If-Modified-Since` is still true (Leptos's own file handler
/// passes on only `Accept-Encoding`, so it never answers 304). Their names do not change with
/// their content, so a browser keeps them but asks again each time (`no-cache`).
fn site_files(options: &leptos::config::LeptosOptions) -> ServeDir {
    let dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

/// 200 when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let headers = [(header::CACHE_CONTROL, "no-store")];
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, headers, "ok\n"),
        Err(err) => {
            tracing::warn!(error = %err, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                headers,
                "database unavailable\n",
            )
        }
    }
}
