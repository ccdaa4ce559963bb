//! A site's office setup: its Document Server with the secret opened, and the key that signs
//! Confluo's own links.

use axum::http::StatusCode;
use connect::store::tenant::Tenant;

use super::{
    ds_client::{DocumentServer, MAX_FILE_BYTES},
    error::OfficeError,
    link_token,
};
use crate::state::AppState;

/// The site's Document Server, or [`OfficeError::NotConfigured`].
pub async fn document_server(
    state: &AppState,
    client_key: &str,
) -> Result<DocumentServer, OfficeError> {
    document_server_of(&state.db, &state.connect, client_key).await
}

/// [`document_server`] from its parts (for code that runs outside a request, like webhooks).
pub async fn document_server_of(
    db: &sea_orm::DatabaseConnection,
    connect: &connect::Connect,
    client_key: &str,
) -> Result<DocumentServer, OfficeError> {
    let row = crate::store::document_server::find(db, client_key)
        .await?
        .ok_or(OfficeError::NotConfigured)?;
    let secret = match &row.secret_sealed {
        Some(sealed) => Some(
            connect
                .tenants()
                .secrets()
                .open(sealed, client_key)
                .map_err(|_| OfficeError::SecretUnreadable)?,
        ),
        None => None,
    };
    let options = crate::store::editor_options::find(db, client_key).await?;
    Ok(DocumentServer {
        public_url: row.public_url,
        internal_url: row.internal_url,
        secret,
        jwt_header: row.jwt_header,
        verify_certificates: !row.skip_certificate_check,
        // An edit of a file near the limit may come back larger: results are never refused
        // below the Document Server's own limit.
        max_download_bytes: options.max_file_bytes().max(MAX_FILE_BYTES),
    })
}

/// The site's editing options.
pub async fn options(
    state: &AppState,
    client_key: &str,
) -> Result<crate::editor_options::EditorOptions, OfficeError> {
    Ok(crate::store::editor_options::find(&state.db, client_key).await?)
}

/// The key Confluo signs its file and callback links with.
pub fn link_key(state: &AppState) -> [u8; 32] {
    state
        .connect
        .tenants()
        .secrets()
        .derive_key(link_token::KEY_PURPOSE)
}

/// An absolute URL of this app.
pub fn app_url(state: &AppState, path_and_query: &str) -> String {
    format!(
        "{}{path_and_query}",
        state.connect.settings().base_url_str()
    )
}

/// The installed site a Document Server request is for, and its Document Server; otherwise the
/// status to answer and why (gone: uninstalled; unavailable: try again later).
pub async fn for_document_server(
    state: &AppState,
    client_key: &str,
) -> Result<(Tenant, DocumentServer), (StatusCode, String)> {
    let tenant = match state.connect.tenants().find(client_key).await {
        Ok(Some(tenant)) if tenant.installed => tenant,
        Ok(_) => {
            return Err((
                StatusCode::GONE,
                "Confluo is no longer installed on this site".into(),
            ));
        }
        Err(err) => {
            tracing::error!(error = %err, "tenant lookup failed");
            return Err((StatusCode::SERVICE_UNAVAILABLE, "try again".into()));
        }
    };
    match document_server(state, &tenant.client_key).await {
        Ok(ds) => Ok((tenant, ds)),
        Err(err) => {
            tracing::error!(error = %err, "no usable Document Server settings");
            Err((StatusCode::SERVICE_UNAVAILABLE, err.to_string()))
        }
    }
}
