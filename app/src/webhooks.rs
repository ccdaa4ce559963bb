//! What Confluo does when Confluence reports a change: remembers the attachment's newest
//! version, so open screens can tell the document changed.

use connect::{ConnectBuilder, webhooks::WebhookEvent};
use sea_orm::DatabaseConnection;

/// Registers the app's webhook handlers.
pub fn register(builder: ConnectBuilder, db: DatabaseConnection) -> ConnectBuilder {
    let mut builder = builder;
    for event in ["attachment_created", "attachment_updated"] {
        let db = db.clone();
        builder = builder.on_webhook(event, move |event: WebhookEvent| {
            let db = db.clone();
            async move { attachment_changed(&db, event).await }
        });
    }
    builder
}

async fn attachment_changed(db: &DatabaseConnection, event: WebhookEvent) -> Result<(), String> {
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
    .map_err(|err| format!("recording the attachment change failed: {err}"))
}
