//! What Confluo does when Confluence reports a change: remembers the attachment's newest
//! version, so open screens can tell the document changed, and passes a new name on to the
//! editors that have the attachment open.

use connect::{ConnectBuilder, webhooks::WebhookEvent};
use sea_orm::DatabaseConnection;

/// Registers the app's webhook handlers.
/// `demo_url` is ONLYOFFICE's demo server, for sites that use it.
pub fn register(builder: ConnectBuilder, db: DatabaseConnection, demo_url: &str) -> ConnectBuilder {
    let mut builder = builder;
    // One client for the Document Server commands webhooks send; building it cannot fail
    // in practice, and a webhook without it only skips the editors' title update.
    let http = crate::office::ds_client::HttpClients::new().ok();
    for event in ["attachment_created", "attachment_updated"] {
        let (db, http, demo_url) = (db.clone(), http.clone(), demo_url.to_owned());
        builder = builder.on_webhook(event, move |event: WebhookEvent| {
            let (db, http, demo_url) = (db.clone(), http.clone(), demo_url.clone());
            async move { attachment_changed(&db, http.as_ref(), &demo_url, event).await }
        });
    }
    builder
}

async fn attachment_changed(
    db: &DatabaseConnection,
    http: Option<&crate::office::ds_client::HttpClients>,
    demo_url: &str,
    event: WebhookEvent,
) -> Result<(), String> {
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
        db,
        &event.tenant.client_key,
        &attachment_id,
        &event.event,
        version,
        event.account_id.as_deref(),
    )
    .await
    .map_err(|err| format!("recording the attachment change failed: {err}"))?;
    if event.event == "attachment_updated"
        && let Some(http) = http
    {
        // Best effort: the editors keep working under the old name if this fails.
        if let Err(err) = crate::office::rename::follow(
            db,
            http,
            &event.connect,
            demo_url,
            &event.tenant,
            &attachment_id,
        )
        .await
        {
            tracing::info!(attachment = %attachment_id, error = %err, "editors not told the title");
        }
    }
    Ok(())
}
