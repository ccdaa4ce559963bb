//! People who may no longer edit a file are dropped from its editing session (the Document
//! Server's `drop`: their editor stops editing, what they typed is still saved). Checked when
//! someone joins or leaves a session, and at once for the open sessions a change can touch: all
//! of a site's when an administrator saves the editing options, a file's when it gets a label.

use serde_json::json;

use super::{confluence::Confluence, error::OfficeError, site_setup};
use office::ds_client::DocumentServer;
use office::editor_options::EditorOptions;

use crate::store::office_session;

/// The most sessions one sweep checks; a site with more is checked again at each join or leave.
const SWEEP_MAX: u64 = 500;

/// An open editing session, as the checks need it.
pub struct OpenSession<'a> {
    pub client_key: &'a str,
    pub page_id: &'a str,
    pub attachment_id: &'a str,
    pub doc_key: &'a str,
}

/// Drops those of `users` who may no longer change the session's file, by Confluence or by the
/// site's view-only spaces, groups and labels in `options`. Answers who was dropped; anyone whose
/// check could not be made stays (the next check, and every save, ask again).
pub async fn drop_revoked(
    http: &connect::egress::EgressClient,
    confluence: &Confluence<'_>,
    ds: &DocumentServer,
    options: &EditorOptions,
    session: &OpenSession<'_>,
    users: &[String],
) -> Vec<String> {
    if users.is_empty() {
        return Vec::new();
    }
    // A label set to view only stops everyone editing the file.
    let labelled = match options.view_only_labels.is_empty() {
        true => None,
        false => match confluence.by_id(session.attachment_id).await {
            Ok(att) => att,
            Err(err) => {
                tracing::info!(error = %err, "reading the edited file's labels failed");
                None
            }
        },
    };
    let mut revoked = Vec::new();
    for user in users {
        let mut access = match confluence.access(user, session.page_id).await {
            Ok(access) => access,
            Err(err) => {
                tracing::info!(error = %err, "permission check of a co-editor failed");
                continue;
            }
        };
        if let Err(err) =
            super::service::apply_view_only(confluence, user, &mut access, options).await
        {
            tracing::info!(error = %err, "group check of a co-editor failed");
        }
        if let Some(att) = &labelled {
            super::service::apply_view_only_label(&mut access, att, options);
        }
        if !access.edit {
            revoked.push(user.clone());
        }
    }
    if revoked.is_empty() {
        return revoked;
    }
    let fields = json!({ "c": "drop", "key": session.doc_key, "users": revoked });
    match ds.command(http, fields).await {
        Ok(_) => {
            tracing::info!(key = %session.doc_key, count = revoked.len(), "dropped people who may no longer edit");
            revoked
        }
        Err(err) => {
            tracing::warn!(key = %session.doc_key, error = %err, "dropping people who may no longer edit failed");
            Vec::new()
        }
    }
}

/// Checks the people in the site's open sessions against `options` (the site's, as just read or
/// saved) now: all of them, or those of one attachment. Answers how many people were dropped.
pub async fn sweep(
    state: &crate::state::AppState,
    tenant: &connect::store::tenant::Tenant,
    options: &EditorOptions,
    attachment_id: Option<&str>,
) -> Result<usize, OfficeError> {
    let db = &state.db;
    let sessions =
        office_session::open_with_people(db, &tenant.client_key, attachment_id, SWEEP_MAX).await?;
    if sessions.is_empty() {
        return Ok(0);
    }
    let ds = site_setup::document_server(state, &tenant.client_key).await?;
    let confluence = Confluence::new(&state.connect, tenant);
    let mut dropped = 0;
    for row in &sessions {
        let mut users: Vec<String> = office_session::people(&row.users)
            .map(str::to_owned)
            .collect();
        let session = OpenSession {
            client_key: &row.client_key,
            page_id: &row.page_id,
            attachment_id: &row.attachment_id,
            doc_key: &row.doc_key,
        };
        let gone = drop_revoked(&state.egress, &confluence, &ds, options, &session, &users).await;
        if !gone.is_empty() {
            dropped += gone.len();
            users.retain(|u| !gone.contains(u));
            office_session::set_users(db, &row.doc_key, &users).await?;
        }
    }
    tracing::info!(
        client_key = %tenant.client_key,
        sessions = sessions.len(),
        dropped,
        "open sessions checked"
    );
    Ok(dropped)
}
