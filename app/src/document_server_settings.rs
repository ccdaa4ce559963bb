//! The server functions behind the configure page's Document Server settings, and the checks
//! only the server can make; the form and its own checks are the office domain's
//! (`office::document_server_settings`).

use crate::app_error::AppError;
use leptos::prelude::*;

use crate::context_client::ContextClient;
#[cfg(feature = "ssr")]
use crate::i18n::Lang;
pub use office::document_server_settings::*;
pub use office::field_error::{FieldError, FieldErrors};

/// The site's settings, or `None` before an administrator has saved any. Administrators only:
/// the internal address is nobody else's business.
#[server(endpoint = "document-server/load", client = ContextClient)]
pub async fn load_document_server() -> Result<Option<DocumentServerView>, AppError> {
    let scope = admin_scope().await?;
    crate::store::document_server::view(&scope.state.db, scope.client_key())
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "loading document server settings failed");
            AppError::internal(
                crate::i18n::current_lang().text("The settings could not be read; try again."),
            )
        })
}

/// What the server adds to [`DocumentServerForm::validate`]: the operator's egress policy for
/// both addresses (a site administrator cannot point Confluo at the operator's network), and,
/// in production, a JWT secret (without one, anyone who reaches the Document Server can use it
/// and sign saves for it).
#[cfg(feature = "ssr")]
pub async fn server_checks(
    scope: &crate::tenant_scope::TenantScope,
    form: &DocumentServerForm,
    lang: Lang,
) -> Vec<FieldError> {
    let mut errors = FieldErrors::default();
    let policy = scope.state.egress.policy();
    for (field, raw) in [
        ("public_url", &form.public_url),
        ("internal_url", &form.internal_url),
    ] {
        let Ok(url) = url::Url::parse(raw.trim()) else {
            continue;
        };
        if policy.check_url_now(&url).await.is_err() {
            errors.fail(
                field,
                lang.text("This address is on a private network; the operator has not allowed it.")
                    .into(),
            );
        }
    }
    if scope.state.production() {
        let stored =
            match crate::store::document_server::view(&scope.state.db, scope.client_key()).await {
                Ok(view) => view.is_some_and(|v| v.secret_set),
                Err(_) => false,
            };
        let will_have = !form.secret.trim().is_empty() || (stored && !form.clear_secret);
        if !will_have {
            errors.fail(
                "secret",
                lang.text("Set the Document Server's JWT secret: without it anyone who reaches the Document Server could use it and sign saves.")
                    .into(),
            );
        }
    }
    errors.into_vec()
}

/// The caller, verified to be a site administrator (asked of Confluence as the app).
#[cfg(feature = "ssr")]
pub async fn admin_scope() -> Result<crate::tenant_scope::TenantScope, AppError> {
    use axum::http::StatusCode;
    let scope = crate::tenant_scope::tenant_scope().await?;
    let lang = crate::i18n::current_lang();
    let Some(account_id) = scope.account_id.clone() else {
        return Err(AppError::refuse(
            StatusCode::FORBIDDEN,
            lang.text("Only a signed-in administrator may change the settings."),
        ));
    };
    if !crate::permissions::is_site_admin(&scope, &account_id).await? {
        return Err(AppError::refuse(
            StatusCode::FORBIDDEN,
            lang.text("Only site administrators may change Confluo's settings."),
        ));
    }
    Ok(scope)
}

/// Validates and saves the site's settings. Only site administrators may.
#[server(endpoint = "document-server/save", client = ContextClient)]
pub async fn save_document_server(
    form: DocumentServerForm,
) -> Result<Result<DocumentServerView, Vec<FieldError>>, AppError> {
    let scope = admin_scope().await?;
    let account_id = scope.account_id.clone().unwrap_or_default();
    let lang = crate::i18n::current_lang();
    let mut errors = form.validate(lang);
    if errors.is_empty() {
        errors = server_checks(&scope, &form, lang).await;
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let db = &scope.state.db;
    let secrets = scope.state.connect.tenants().secrets();
    crate::store::document_server::save(db, secrets, scope.client_key(), &form, Some(&account_id))
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "saving document server settings failed");
            AppError::internal(lang.text("The settings could not be saved; nothing was changed."))
        })?;
    tracing::info!(
        client_key = scope.client_key(),
        "document server settings saved"
    );
    match crate::store::document_server::view(db, scope.client_key()).await {
        Ok(Some(view)) => Ok(Ok(view)),
        _ => Err(AppError::internal(lang.text(
            "The settings were saved but cannot be read back; reload the page.",
        ))),
    }
}
