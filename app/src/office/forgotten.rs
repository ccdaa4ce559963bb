//! Edits the Document Server kept because they could not be stored at the time ("forgotten"
//! files: every retry of the final callback failed, say while Confluence was down). An
//! administrator sees this site's on the settings page and stores each as a new version.

use serde_json::{Value, json};

use super::{error::OfficeError, site_setup};
use crate::{
    store::{
        office_save::{self, Claim, Intent, Lease},
        office_session,
    },
    tenant_scope::TenantScope,
};
use office::{ds_client::DocumentServer, views::ForgottenFile};

/// This site's forgotten files, with the attachment each belongs to.
pub async fn list(scope: &TenantScope) -> Result<Vec<ForgottenFile>, OfficeError> {
    let state = &scope.state;
    let ds = site_setup::document_server(state, scope.client_key()).await?;
    let answer = ds
        .command(&state.egress, json!({ "c": "getForgottenList" }))
        .await?;
    let ours = site_setup::doc_keys(state);
    let keys: Vec<String> = answer
        .get("keys")
        .and_then(Value::as_array)
        .map(|keys| {
            keys.iter()
                .filter_map(Value::as_str)
                // The Document Server may serve other sites too: only ours are shown.
                .filter(|k| ours.belongs_to(k, scope.client_key()))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let confluence = super::confluence::Confluence::new(&state.connect, &scope.tenant);
    let mut out = Vec::new();
    for key in keys {
        let Some(session) = office_session::get(&state.db, &key).await? else {
            continue;
        };
        let title = match confluence.by_id(&session.attachment_id).await? {
            Some(att) => att.title().to_owned(),
            None => String::new(),
        };
        out.push(ForgottenFile {
            key,
            page_id: session.page_id,
            attachment_id: session.attachment_id,
            title,
            base_version: session.base_version,
        });
    }
    Ok(out)
}

/// Stores the forgotten file `key` as a new version of its attachment, as the administrator
/// `account_id`, then lets the Document Server delete it. The new version's number.
pub async fn recover(scope: &TenantScope, account_id: &str, key: &str) -> Result<i32, OfficeError> {
    let state = &scope.state;
    if !site_setup::doc_keys(state).belongs_to(key, scope.client_key()) {
        return Err(OfficeError::Other(
            "no such unsaved edit on this site".into(),
        ));
    }
    let session = office_session::get(&state.db, key)
        .await?
        .ok_or_else(|| OfficeError::Other("no such unsaved edit on this site".into()))?;
    let ds = site_setup::document_server(state, scope.client_key()).await?;
    let save_id = format!("{key}/final");
    let version = match office_save::claim(&state.db, &save_id, scope.client_key()).await? {
        // A late retry stored it after all: only the Document Server's copy is left to drop.
        Claim::Done(version) => version.parse().unwrap_or_default(),
        Claim::InProgress => {
            return Err(OfficeError::Other(
                "this edit is being saved right now; try again in a minute".into(),
            ));
        }
        Claim::Mine { lease, interrupted } => {
            let _renewing = lease.keep_alive(state.db.clone());
            let stored = store(scope, &ds, account_id, key, &session, &lease, interrupted).await;
            match stored {
                Ok(version) => {
                    lease.complete(&state.db, &version.to_string()).await?;
                    version
                }
                Err(err) => {
                    let _ = lease.release(&state.db).await;
                    return Err(err);
                }
            }
        }
    };
    ds.command(&state.egress, json!({ "c": "deleteForgotten", "key": key }))
        .await?;
    tracing::info!(key, version, "forgotten edit recovered");
    Ok(version)
}

async fn store(
    scope: &TenantScope,
    ds: &DocumentServer,
    account_id: &str,
    key: &str,
    session: &office_session::Model,
    lease: &Lease,
    interrupted: Option<Intent>,
) -> Result<i32, OfficeError> {
    let state = &scope.state;
    let confluence = super::confluence::Confluence::new(&state.connect, &scope.tenant);
    let att = confluence
        .by_id(&session.attachment_id)
        .await?
        .ok_or_else(|| OfficeError::Gone("the attachment".into()))?;
    // A save that stopped mid-way (a crashed callback) may have stored the edit after all.
    if let Some(version) =
        super::callback::landed(&confluence, account_id, &att, interrupted.as_ref()).await?
    {
        office_session::saved(&state.db, key, version, office_session::SAVED, None).await?;
        return Ok(version);
    }
    let answer = ds
        .command(&state.egress, json!({ "c": "getForgotten", "key": key }))
        .await?;
    let url = answer
        .get("url")
        .and_then(Value::as_str)
        .ok_or_else(|| OfficeError::Other("the Document Server gave no file for it".into()))?;
    let data = ds.fetch_file(&state.egress, url).await?;
    let person = confluence.person(account_id).await?;
    let comment = format!(
        "Recovered from ONLYOFFICE by {}: an edit of version {} that could not be saved at the time",
        person.display_name, session.base_version
    );
    lease
        .intend(
            &state.db,
            &Intent {
                comment: comment.clone(),
                before: att.version(),
            },
        )
        .await?;
    let version = confluence
        .upload_version(
            account_id,
            &session.page_id,
            att.id(),
            super::confluence::Upload {
                file_name: att.title(),
                media_type: att.media_type(),
                data: super::confluence::UploadData::Stream(data),
                comment: &comment,
            },
        )
        .await?;
    office_session::saved(&state.db, key, version, office_session::SAVED, None).await?;
    Ok(version)
}
