use leptos::prelude::*;

/// Shown for any path no screen claims.
#[component]
pub fn NotFound() -> impl IntoView {
    let t = crate::i18n::use_tr();
    #[cfg(feature = "ssr")]
    {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(axum::http::StatusCode::NOT_FOUND);
        }
    }
    view! {
        <main class="page">
            <h1>{t.text("Page not found")}</h1>
            <p>{t.text("Nothing lives at this address. Confluo's screens open from inside Confluence.")}</p>
        </main>
    }
}
