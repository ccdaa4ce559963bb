//! What Confluence lets a person do, asked of Confluence itself (as the app) at the moment it
//! matters; never taken from what the browser says.

use crate::app_error::AppError;
use serde::Deserialize;

use crate::tenant_scope::TenantScope;

/// Anything Confluence returns with `expand=operations` (a user, a page).
#[derive(Deserialize)]
pub(crate) struct WithOperations {
    #[serde(default)]
    pub operations: Vec<Operation>,
    /// A page's space, when asked for with `expand=space`.
    #[serde(default)]
    pub space: Option<SpaceRef>,
}

#[derive(Deserialize)]
pub(crate) struct SpaceRef {
    pub key: String,
}

impl WithOperations {
    pub fn allows(&self, operation: &str, target_type: &str) -> bool {
        self.operations
            .iter()
            .any(|op| op.operation == operation && op.target_type == target_type)
    }
}

#[derive(Deserialize)]
pub(crate) struct Operation {
    operation: String,
    #[serde(rename = "targetType")]
    target_type: String,
}

/// Whether `account_id` administers the site (`administer` on `application`).
pub async fn is_site_admin(scope: &TenantScope, account_id: &str) -> Result<bool, AppError> {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("accountId", account_id)
        .append_pair("expand", "operations")
        .finish();
    let client = scope.state.connect.host_client(&scope.tenant);
    let user: WithOperations = client
        .get_json(&format!("/rest/api/user?{query}"))
        .await
        .map_err(|err| {
            tracing::warn!(error = %err, "reading the user's operations failed");
            AppError::internal("Confluence could not confirm your permissions; try again")
        })?;
    Ok(user.allows("administer", "application"))
}
