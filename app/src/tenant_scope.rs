//! The one door from a server function to tenant data: [`tenant_scope`] verifies the context
//! token the iframe sent (`qsh` must be `context-qsh`) and yields the site and the user. Store
//! functions take the clientKey it returns, so data is always scoped to that site.

use axum::http::{StatusCode, request::Parts};
use connect::{auth::ContextRequest, store::tenant::Tenant};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

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
pub async fn tenant_scope() -> Result<TenantScope, ServerFnError> {
    let state = use_context::<AppState>()
        .ok_or_else(|| ServerFnError::new("the server is not fully started"))?;
    let mut parts =
        use_context::<Parts>().ok_or_else(|| ServerFnError::new("no request to authenticate"))?;
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
            Err(refuse(
                status,
                crate::i18n::current_lang().fmt(
                    "Confluence did not vouch for this request ({reason}). Reload the page and try again.",
                    &[("reason", &rejection.to_string())],
                ),
            ))
        }
    }
}

/// Marks the response with `status` and returns a server-function error saying `message`.
pub fn refuse(status: StatusCode, message: impl Into<String>) -> ServerFnError {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
    ServerFnError::new(message.into())
}
