//! Webhooks: one route per webhook the descriptor declares, authenticated like every host call
//! (HS256, request-bound qsh), deduplicated (a retried delivery is acted on once), and handed
//! to the app's handler as a [`WebhookEvent`].
//!
//! The body is not signed: treat ids in it as hints and re-read the entity through REST.

use std::{collections::HashMap, future::Future, pin::Pin, sync::Arc};

use axum::{
    extract::{FromRequestParts, Request, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::{
    Connect,
    auth::HostRequest,
    descriptor::{Descriptor, DescriptorError},
    rejection::Rejection,
    store::{tenant::Tenant, webhook_delivery},
};

const MAX_BODY_BYTES: usize = 1024 * 1024;
/// A header some Atlassian products send with a stable delivery id; used when present.
const DELIVERY_ID_HEADER: &str = "x-atlassian-webhook-identifier";

/// The Confluence events the framework names; any other arrives as [`WebhookKind::Other`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookKind {
    AttachmentCreated,
    AttachmentUpdated,
    AttachmentRemoved,
    AttachmentTrashed,
    AttachmentRestored,
    PageCreated,
    PageUpdated,
    PageRemoved,
    PageTrashed,
    PageRestored,
    ConnectAddonEnabled,
    ConnectAddonDisabled,
    Other(String),
}

impl WebhookKind {
    pub fn parse(event: &str) -> Self {
        match event {
            "attachment_created" => Self::AttachmentCreated,
            "attachment_updated" => Self::AttachmentUpdated,
            "attachment_removed" => Self::AttachmentRemoved,
            "attachment_trashed" => Self::AttachmentTrashed,
            "attachment_restored" => Self::AttachmentRestored,
            "page_created" => Self::PageCreated,
            "page_updated" => Self::PageUpdated,
            "page_removed" => Self::PageRemoved,
            "page_trashed" => Self::PageTrashed,
            "page_restored" => Self::PageRestored,
            "connect_addon_enabled" => Self::ConnectAddonEnabled,
            "connect_addon_disabled" => Self::ConnectAddonDisabled,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// One verified, first-time delivery.
#[derive(Debug, Clone)]
pub struct WebhookEvent {
    /// The event name as declared in the descriptor.
    pub event: String,
    pub kind: WebhookKind,
    /// The tenant that sent it (from the verified token).
    pub tenant: Tenant,
    /// The acting user, when the token names one.
    pub account_id: Option<String>,
    /// The JSON body (`Value::Null` for `excludeBody` webhooks).
    pub payload: Value,
    /// The framework, for calling the site back (the body is not signed: read what matters).
    pub connect: Connect,
}

impl WebhookEvent {
    /// The body as a typed value.
    pub fn payload_as<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(&self.payload)
    }

    /// The id of the entity named `entity` (`"attachment"`, `"page"` …) in the body, if any.
    /// Only a hint: the body is not signed.
    pub fn entity_id(&self, entity: &str) -> Option<String> {
        match self.payload.get(entity)?.get("id")? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// What a handler returns when it could not act; the delivery is then forgotten so the
/// host's retry is acted on.
pub type WebhookError = String;
pub type WebhookFuture = Pin<Box<dyn Future<Output = Result<(), WebhookError>> + Send>>;

/// App code that acts on a webhook.
pub trait WebhookHandler: Send + Sync + 'static {
    fn handle(&self, event: WebhookEvent) -> WebhookFuture;
}

impl<F, Fut> WebhookHandler for F
where
    F: Fn(WebhookEvent) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), WebhookError>> + Send + 'static,
{
    fn handle(&self, event: WebhookEvent) -> WebhookFuture {
        Box::pin(self(event))
    }
}

/// Handlers by event name.
#[derive(Default, Clone)]
pub struct Webhooks {
    handlers: HashMap<String, Arc<dyn WebhookHandler>>,
}

impl Webhooks {
    pub(crate) fn insert(&mut self, event: &str, handler: impl WebhookHandler) {
        self.handlers.insert(event.to_owned(), Arc::new(handler));
    }

    /// Every handler has a declared webhook, every declared webhook a handler, every URL one event.
    pub(crate) fn check_against(&self, d: &Descriptor) -> Result<(), DescriptorError> {
        let declared = &d.modules.webhooks;
        let mut urls = HashMap::new();
        for hook in declared {
            if let Some(other) = urls.insert(hook.url.as_str(), hook.event.as_str()) {
                return Err(DescriptorError::Url {
                    module: format!("webhook {}", hook.event),
                    url: hook.url.clone(),
                    reason: if other == hook.event {
                        "is declared twice"
                    } else {
                        "is shared with another event (one URL per event)"
                    },
                });
            }
            if !self.handlers.contains_key(&hook.event) {
                return Err(DescriptorError::Url {
                    module: format!("webhook {}", hook.event),
                    url: hook.url.clone(),
                    reason: "has no handler",
                });
            }
        }
        if let Some(event) = self
            .handlers
            .keys()
            .find(|e| !declared.iter().any(|h| &h.event == *e))
        {
            return Err(DescriptorError::Url {
                module: format!("webhook {event}"),
                url: String::new(),
                reason: "has a handler but is not declared",
            });
        }
        Ok(())
    }
}

/// `POST {webhook url}`: verify, deduplicate, hand over.
pub(crate) async fn deliver(
    State(connect): State<Connect>,
    request: Request,
    event: String,
) -> Response {
    match process(&connect, request, &event).await {
        Ok((status, outcome)) => {
            crate::observe::webhook(&event, outcome);
            status.into_response()
        }
        Err(rejection) => {
            crate::observe::webhook(&event, "refused");
            rejection.into_response()
        }
    }
}

async fn process(
    connect: &Connect,
    request: Request,
    event: &str,
) -> Result<(StatusCode, &'static str), Rejection> {
    let (mut parts, body) = request.into_parts();
    let host = HostRequest::from_request_parts(&mut parts, connect).await?;
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| Rejection::TooLarge)?;
    let payload = if bytes.iter().all(u8::is_ascii_whitespace) {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .map_err(|e| Rejection::BadRequest(format!("the webhook body is not JSON: {e}")))?
    };
    let delivery = match parts
        .headers
        .get(DELIVERY_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 200)
    {
        Some(id) => format!("id:{id}"),
        None => {
            let mut hash = Sha256::new();
            hash.update(event.as_bytes());
            hash.update([0]);
            hash.update(&bytes);
            format!("body:{}", hex::encode(hash.finalize()))
        }
    };
    let db = connect.tenants().db();
    let client_key = host.tenant.client_key.clone();
    if !webhook_delivery::claim(db, &client_key, &delivery).await? {
        tracing::info!(event, client_key, "webhook retry ignored: already acted on");
        return Ok((StatusCode::OK, "duplicate"));
    }
    let Some(handler) = connect.webhooks().handlers.get(event).cloned() else {
        return Ok((StatusCode::NO_CONTENT, "unhandled"));
    };
    let result = handler
        .handle(WebhookEvent {
            event: event.to_owned(),
            kind: WebhookKind::parse(event),
            account_id: host.account_id().map(str::to_owned),
            tenant: host.tenant,
            payload,
            connect: connect.clone(),
        })
        .await;
    match result {
        Ok(()) => Ok((StatusCode::NO_CONTENT, "handled")),
        Err(reason) => {
            tracing::warn!(
                event,
                client_key,
                reason,
                "webhook handler failed; a retry will be acted on"
            );
            webhook_delivery::release(db, &client_key, &delivery).await?;
            Ok((StatusCode::SERVICE_UNAVAILABLE, "failed"))
        }
    }
}
