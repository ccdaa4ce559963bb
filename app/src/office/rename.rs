//! An attachment renamed in Confluence while it is being edited: the open editors show the new
//! name (the Document Server's `meta` command), so nobody saves or downloads under the old one.

use serde_json::json;

use super::{confluence::Confluence, error::OfficeError, site_setup};
use crate::{state::AppState, store::office_session};

/// Tells the Document Server the current title of `attachment_id` for each of its open
/// sessions. The title is read from Confluence (as the app), not taken from the webhook body.
pub async fn follow(
    state: &AppState,
    tenant: &connect::store::tenant::Tenant,
    attachment_id: &str,
) -> Result<usize, OfficeError> {
    let sessions =
        office_session::open_for_attachment(&state.db, &tenant.client_key, attachment_id).await?;
    if sessions.is_empty() {
        return Ok(0);
    }
    let Some(att) = Confluence::new(&state.connect, tenant)
        .by_id(attachment_id)
        .await?
    else {
        return Ok(0);
    };
    let ds = site_setup::document_server(state, &tenant.client_key).await?;
    let mut told = 0;
    for session in sessions {
        let fields =
            json!({ "c": "meta", "key": session.doc_key, "meta": { "title": att.title() } });
        match ds.command(&state.egress, fields).await {
            Ok(_) => told += 1,
            // The session ended meanwhile (error 1: unknown key): nothing to update.
            Err(err) => tracing::info!(key = %session.doc_key, error = %err, "title not updated"),
        }
    }
    Ok(told)
}
