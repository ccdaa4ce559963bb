//! The one door from a server function to tenant data: [`tenant_scope`] verifies the context
//! token the iframe sent (`qsh` must be `context-qsh`) and yields the site and the user. Store
//! functions take the clientKey it returns, so data is always scoped to that site.

use crate::app_error::AppError;
use axum::http::request::Parts;
use connect::{auth::ContextRequest, store::tenant::Tenant};
use leptos::prelude::*;

use crate::state::AppState;

/// A verified caller of a server function.
pub struct TenantScope {
    pub tenant: Tenant,
    /// The Atlassian account id of the person in the iframe, when the token names one.
    pub account_id: Option<String>,
    pub state: AppState,
}

impl TenantScope {
    pub fn client_key(&self) -> &str {
        &self.tenant.client_key
    }
}

/// Verifies the request's context token. A missing, forged or expired token answers 401 with
/// the reason; the server function body never runs.
pub async fn tenant_scope() -> Result<TenantScope, AppError> {
    let state = use_context::<AppState>()
        .ok_or_else(|| AppError::internal("the server is not fully started"))?;
    let mut parts =
        use_context::<Parts>().ok_or_else(|| AppError::internal("no request to authenticate"))?;
    match <ContextRequest as axum::extract::FromRequestParts<AppState>>::from_request_parts(
        &mut parts, &state,
    )
    .await
    {
        Ok(request) => Ok(TenantScope {
            account_id: request
                .account_id()
                .filter(|id| !id.is_empty())
                .map(str::to_owned),
            tenant: request.tenant,
            state,
        }),
        Err(rejection) => {
            let status = rejection.status();
            tracing::info!(status = status.as_u16(), reason = %rejection, "server function refused");
            // The reason is the protocol's (expired, wrong signature): shown as it is.
            Err(AppError::refuse(
                status,
                crate::i18n::current_lang().fmt(
                    "Confluence did not vouch for this request ({reason}). Reload the page and try again.",
                    &[("reason", &rejection.to_string())],
                ),
            ))
        }
    }
}
