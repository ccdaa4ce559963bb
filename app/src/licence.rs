//! Licensing as people meet it. With licensing on (`CONNECT_LICENSING=true`, a Marketplace
//! listing), a site whose licence is not active views documents but does not edit, convert or
//! create them (see `office::service`), and its screens say why. Edits already under way still
//! save: a lapsed licence never loses anyone's work.

use crate::app_error::AppError;
use leptos::prelude::*;

use crate::context_client::ContextClient;

/// Whether the caller's site may edit: no licensing, or an active licence (the license API,
/// cached by the framework). When Confluence cannot be asked, the site keeps working.
#[cfg(feature = "ssr")]
pub async fn site_is_licensed(scope: &crate::tenant_scope::TenantScope) -> bool {
    match scope.state.connect.is_licensed(&scope.tenant).await {
        Ok(licensed) => licensed,
        Err(err) => {
            tracing::warn!(error = %err, "licence: Confluence could not be asked; allowed");
            true
        }
    }
}

/// The notice a screen shows on a site without an active licence (`None` when licensed).
#[server(endpoint = "site/licence", client = ContextClient)]
pub async fn licence_notice() -> Result<Option<String>, AppError> {
    let scope = crate::tenant_scope::tenant_scope().await?;
    let lang = crate::i18n::current_lang();
    Ok((!site_is_licensed(&scope).await)
        .then(|| crate::office::error::OfficeError::Unlicensed.message(lang)))
}

/// A notice at the top of a screen when the site's licence is not active. The host's `lic`
/// in the page's address spares the question when it says `active`; anything else is asked of
/// the server, which knows whether licensing is on.
#[component]
pub fn LicenceNotice() -> impl IntoView {
    let notice = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    {
        let lic = leptos_router::hooks::use_query_map()
            .read_untracked()
            .get("lic");
        if lic.as_deref() != Some("active") {
            Effect::new(move |_| {
                leptos::task::spawn_local(async move {
                    if let Ok(Some(text)) = licence_notice().await {
                        notice.set(Some(text));
                        crate::pages::frame::resize_soon();
                    }
                });
            });
        }
    }
    view! {
        <Show when=move || notice.get().is_some()>
            <p class="notice notice-warning" role="status" data-testid="licence-notice">
                {move || notice.get().unwrap_or_default()}
            </p>
        </Show>
    }
}
