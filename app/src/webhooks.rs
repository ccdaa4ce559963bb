//! What Confluo does when Confluence reports a change: remembers the attachment's newest
//! version, so open screens can tell the document changed, passes a new name on to the
//! editors that have the attachment open, and stops the editing of a file that gets a label
//! set to view only.

use std::sync::{Arc, OnceLock};

use connect::{ConnectBuilder, webhooks::WebhookEvent};

use crate::state::AppState;

/// The application state the handlers work with: the one the server functions use, set once
/// the server has built it (the framework, which delivers webhooks, is built first). The state
/// holds the framework, which holds the handlers, which hold the slot: a cycle that lives as
/// long as the process, as the state does.
pub type StateSlot = Arc<OnceLock<AppState>>;

/// Registers the app's webhook handlers, which act through the state `slot` will hold.
pub fn register(builder: ConnectBuilder, slot: &StateSlot) -> ConnectBuilder {
    let mut builder = builder;
    for event in ["attachment_created", "attachment_updated"] {
        let slot = slot.clone();
        builder = builder.on_webhook(event, move |event: WebhookEvent| {
            let slot = slot.clone();
            async move { attachment_changed(ready(&slot)?, event).await }
        });
    }
    let slot = slot.clone();
    builder.on_webhook("label_added", move |event: WebhookEvent| {
        let slot = slot.clone();
        async move { label_added(ready(&slot)?, event).await }
    })
}

/// The state, or a failure the host retries (only while the server is still starting).
fn ready(slot: &StateSlot) -> Result<&AppState, String> {
    slot.get()
        .ok_or_else(|| "the server is still starting".to_owned())
}

/// A label on a file: if the site sets it to view only, the people editing the file are
/// dropped now rather than when someone next joins or leaves.
async fn label_added(state: &AppState, event: WebhookEvent) -> Result<(), String> {
    let client_key = &event.tenant.client_key;
    let options = crate::store::editor_options::find(&state.db, client_key)
        .await
        .map_err(|err| format!("reading the editing options failed: {err}"))?;
    // The body is not signed, and its shape varies: it only says where to look. The file's
    // labels are read from Confluence before anyone is dropped.
    let label = event
        .payload
        .get("label")
        .and_then(|l| l.get("name"))
        .and_then(serde_json::Value::as_str);
    let relevant = match label {
        Some(name) => options.view_only_label(&[name.to_owned()]).is_some(),
        None => !options.view_only_labels.is_empty(),
    };
    if !relevant {
        return Ok(());
    }
    let labelled = ["labeled", "content", "attachment"]
        .iter()
        .find_map(|entity| event.entity_id(entity));
    crate::office::revoke::sweep(state, &event.tenant, &options, labelled.as_deref())
        .await
        .map(|_| ())
        .map_err(|err| format!("checking the labelled file's sessions failed: {err}"))
}

async fn attachment_changed(state: &AppState, event: WebhookEvent) -> Result<(), String> {
    // The body is not signed: it only says which attachment to look at. The id and version are
    // shown as "reported by Confluence", never acted on as facts.
    let Some(attachment_id) = event.entity_id("attachment") else {
        tracing::warn!(event = %event.event, "webhook without an attachment id ignored");
        return Ok(());
    };
    let version = event
        .payload
        .get("attachment")
        .and_then(|a| a.get("version"))
        .and_then(|v| v.as_i64())
        .and_then(|v| i32::try_from(v).ok());
    crate::store::attachment_activity::record(
        &state.db,
        &event.tenant.client_key,
        &attachment_id,
        &event.event,
        version,
        event.account_id.as_deref(),
    )
    .await
    .map_err(|err| format!("recording the attachment change failed: {err}"))?;
    if event.event == "attachment_updated" {
        // Best effort: the editors keep working under the old name if this fails.
        if let Err(err) = crate::office::rename::follow(state, &event.tenant, &attachment_id).await
        {
            tracing::info!(attachment = %attachment_id, error = %err, "editors not told the title");
        }
    }
    Ok(())
}
