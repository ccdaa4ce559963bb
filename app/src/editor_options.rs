//! The server functions behind the configure page's editing options; the options themselves,
//! their defaults and their checks are the office domain's (`office::editor_options`).

use crate::app_error::AppError;
use leptos::prelude::*;
pub use office::editor_options::*;
use office::field_error::FieldError;

use crate::context_client::ContextClient;

/// The site's editing options (defaults until an administrator saves some).
#[server(endpoint = "editor-options/load", client = ContextClient)]
pub async fn load_editor_options() -> Result<EditorOptions, AppError> {
    let scope = crate::document_server_settings::admin_scope().await?;
    crate::store::editor_options::find(&scope.state.db, scope.client_key())
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "loading editor options failed");
            AppError::internal(
                crate::i18n::current_lang()
                    .text("The editing options could not be read; try again."),
            )
        })
}

/// Validates and saves the site's editing options. Only site administrators may.
#[server(endpoint = "editor-options/save", client = ContextClient)]
pub async fn save_editor_options(
    options: EditorOptions,
) -> Result<Result<EditorOptions, Vec<FieldError>>, AppError> {
    let scope = crate::document_server_settings::admin_scope().await?;
    let lang = crate::i18n::current_lang();
    let mut errors = options.validate(lang);
    // Sites may set less than the operator's limit, never more.
    let operator_mb = scope.state.max_file_bytes / 1024 / 1024;
    if errors.is_empty() && u64::from(options.max_file_mb) > operator_mb {
        errors.push(FieldError {
            field: "max_file_mb".into(),
            message: lang.fmt(
                "This server opens files up to {max} MB; enter that or less.",
                &[("max", &operator_mb.to_string())],
            ),
        });
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let db = &scope.state.db;
    let failed = |err: sea_orm::DbErr| {
        tracing::error!(error = %err, "saving editor options failed");
        AppError::internal(
            lang.text("The editing options could not be saved; nothing was changed."),
        )
    };
    let before = crate::store::editor_options::find(db, scope.client_key())
        .await
        .map_err(failed)?;
    crate::store::editor_options::save(
        db,
        scope.client_key(),
        &options,
        scope.account_id.as_deref(),
    )
    .await
    .map_err(failed)?;
    tracing::info!(client_key = scope.client_key(), "editor options saved");
    if options.view_only_differs(&before) {
        // People a new policy covers stop editing now, not at the next join or leave. The
        // answer does not wait for the Document Server.
        let (state, tenant, saved) = (scope.state.clone(), scope.tenant.clone(), options.clone());
        tokio::spawn(async move {
            let swept = crate::office::revoke::sweep(&state, &tenant, &saved, None).await;
            if let Err(err) = swept {
                tracing::warn!(error = %err, "checking open sessions after new options failed");
            }
        });
    }
    Ok(Ok(options))
}
