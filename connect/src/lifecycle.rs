//! The lifecycle callbacks: `installed`, `uninstalled`, `enabled`, `disabled`.
//!
//! installed/uninstalled are signed RS256 by Atlassian (signed install): the key comes from the
//! install-keys CDN by the token's `kid`. enabled/disabled are signed HS256 with the stored
//! secret (RS256 accepted too). Every call, accepted or refused, lands in the audit table.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{StatusCode, request::Parts},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use crate::{
    Connect,
    auth::{raw_path_and_query, token_from},
    jwt::{self, Alg, BoundRequest, Claims, JwtError, Key, QshRule},
    rejection::Rejection,
    store::{audit, tenant::Installation},
};

/// Lifecycle bodies are a few hundred bytes; anything near this is not from the host.
const MAX_BODY_BYTES: usize = 64 * 1024;
/// Atlassian documents secrets of up to 128 characters; leave room, refuse absurd ones.
const MAX_SECRET_LEN: usize = 1024;

/// Which callback a request is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    Installed,
    Uninstalled,
    Enabled,
    Disabled,
}

impl Event {
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Installed => "installed",
            Event::Uninstalled => "uninstalled",
            Event::Enabled => "enabled",
            Event::Disabled => "disabled",
        }
    }

    fn signed_install(self) -> bool {
        matches!(self, Event::Installed | Event::Uninstalled)
    }
}

/// The lifecycle payload (see the Connect spec); unknown fields are ignored.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Payload {
    key: String,
    client_key: String,
    #[serde(default)]
    shared_secret: Option<String>,
    base_url: String,
    #[serde(default)]
    display_url: Option<String>,
    #[serde(default)]
    product_type: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    server_version: Option<String>,
    #[serde(default)]
    plugins_version: Option<String>,
    #[serde(default)]
    oauth_client_id: Option<String>,
    #[serde(default)]
    entitlement_id: Option<String>,
    #[serde(default)]
    entitlement_number: Option<String>,
    event_type: String,
}

pub(crate) async fn installed(State(c): State<Connect>, request: Request) -> Response {
    handle(c, request, Event::Installed).await
}

pub(crate) async fn uninstalled(State(c): State<Connect>, request: Request) -> Response {
    handle(c, request, Event::Uninstalled).await
}

pub(crate) async fn enabled(State(c): State<Connect>, request: Request) -> Response {
    handle(c, request, Event::Enabled).await
}

pub(crate) async fn disabled(State(c): State<Connect>, request: Request) -> Response {
    handle(c, request, Event::Disabled).await
}

async fn handle(connect: Connect, request: Request, event: Event) -> Response {
    let (parts, body) = request.into_parts();
    let mut client_key: Option<String> = None;
    let outcome = process(&connect, &parts, body, event, &mut client_key).await;
    if let Some(key) = &client_key {
        crate::request_context::note_client_key(key);
    }
    crate::observe::lifecycle(event.as_str(), outcome.is_ok());
    let reason = outcome.as_ref().err().map(ToString::to_string);
    // Accepted calls are signed by the host and always recorded; refused ones can come from
    // anyone, so past a rate only the log sees them.
    if outcome.is_ok() || connect.may_audit_refusal() {
        if let Err(err) = audit::record(
            connect.tenants().db(),
            client_key.as_deref(),
            event.as_str(),
            outcome.is_ok(),
            reason.as_deref(),
        )
        .await
        {
            tracing::error!(error = %err, event = event.as_str(), "cannot write the lifecycle audit entry");
        }
    } else {
        tracing::warn!(
            event = event.as_str(),
            reason = reason.as_deref(),
            "lifecycle refused (audit rows rate-limited)"
        );
    }
    match outcome {
        Ok(()) => {
            tracing::info!(
                event = event.as_str(),
                client_key = client_key.as_deref(),
                "lifecycle accepted"
            );
            StatusCode::NO_CONTENT.into_response()
        }
        Err(rejection) => rejection.into_response(),
    }
}

async fn process(
    connect: &Connect,
    parts: &Parts,
    body: Body,
    event: Event,
    client_key: &mut Option<String>,
) -> Result<(), Rejection> {
    let settings = connect.settings();
    let (path, query) = raw_path_and_query(parts);
    let token = token_from(&parts.headers, query.as_deref())?;
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| Rejection::TooLarge)?;
    let payload: Payload = serde_json::from_slice(&bytes).map_err(|e| {
        Rejection::BadRequest(format!(
            "the {} body is not a lifecycle payload: {e}",
            event.as_str()
        ))
    })?;
    // Only for the audit line until the token is verified.
    *client_key = Some(payload.client_key.clone());

    if payload.event_type != event.as_str() {
        return Err(Rejection::BadRequest(format!(
            "eventType {:?} was sent to the {} callback",
            payload.event_type,
            event.as_str()
        )));
    }
    if payload.key != settings.app_key {
        return Err(Rejection::Forbidden(format!(
            "this callback is for the app {:?}, not {:?}",
            settings.app_key, payload.key
        )));
    }
    if !settings.host_allowlist.allows_url(&payload.base_url) {
        return Err(Rejection::Forbidden(
            "the site's baseUrl is not on this app's host allow-list".into(),
        ));
    }

    let bound = BoundRequest {
        method: parts.method.as_str(),
        raw_path: &path,
        raw_query: query.as_deref(),
        base_path: settings.base_path(),
    };
    let (header, _) = jwt::peek(&token)?;
    let claims = if event.signed_install() || header.alg == "RS256" {
        verify_signed_install(connect, &token, bound).await?
    } else {
        verify_with_stored_secret(connect, &token, &payload.client_key, bound).await?
    };
    if claims.iss.as_deref() != Some(payload.client_key.as_str()) {
        return Err(JwtError::IssuerMismatch.into());
    }

    let tenants = connect.tenants();
    match event {
        Event::Installed => {
            let installation = installation(&payload, settings.production)?;
            tenants.installed(&installation).await?;
        }
        Event::Uninstalled => {
            // An unknown clientKey is fine: uninstall is idempotent.
            tenants.uninstalled(&payload.client_key).await?;
        }
        Event::Enabled => {
            tenants.enabled(&payload.client_key).await?;
        }
        Event::Disabled => {
            tenants.disabled(&payload.client_key).await?;
        }
    }
    if event.signed_install() {
        // Tokens and licenses cached under the old secret or state are void.
        connect.forget_tenant(&payload.client_key);
    }
    Ok(())
}

async fn verify_signed_install(
    connect: &Connect,
    token: &str,
    bound: BoundRequest<'_>,
) -> Result<Claims, Rejection> {
    let kid = jwt::lifecycle_key_id(token)?;
    let pem = connect.install_keys().get(&kid).await?;
    let settings = connect.settings();
    let ours: Vec<String> = std::iter::once(settings.base_url_str())
        .chain(
            settings
                .alternate_base_urls
                .iter()
                .map(|u| u.as_str().trim_end_matches('/').to_owned()),
        )
        .collect();
    let ours: Vec<&str> = ours.iter().map(String::as_str).collect();
    Ok(jwt::verify_lifecycle_token(
        token,
        &pem,
        &ours,
        bound,
        connect.now(),
    )?)
}

/// enabled/disabled: HS256 with the secret of the tenant the token names (installed or not:
/// a `disabled` racing an `uninstalled` must still verify).
async fn verify_with_stored_secret(
    connect: &Connect,
    token: &str,
    client_key: &str,
    bound: BoundRequest<'_>,
) -> Result<Claims, Rejection> {
    let (_, unverified) = jwt::peek(token)?;
    let iss = unverified.iss.ok_or(JwtError::MissingClaim("iss"))?;
    if iss != client_key {
        return Err(JwtError::IssuerMismatch.into());
    }
    let tenant = connect
        .tenants()
        .find(&iss)
        .await?
        .ok_or(JwtError::UnknownIssuer)?;
    Ok(jwt::verify(
        token,
        Alg::Hs256,
        Key::Secret(tenant.shared_secret.as_bytes()),
        QshRule::Request(bound),
        connect.now(),
    )?)
}

fn installation(p: &Payload, production: bool) -> Result<Installation, Rejection> {
    let secret = p
        .shared_secret
        .as_deref()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Rejection::BadRequest("installed without a sharedSecret".into()))?;
    if secret.len() > MAX_SECRET_LEN {
        return Err(Rejection::BadRequest("the sharedSecret is too long".into()));
    }
    if p.client_key.is_empty() || p.client_key.len() > 255 {
        return Err(Rejection::BadRequest(
            "the clientKey is empty or too long".into(),
        ));
    }
    let base = url::Url::parse(&p.base_url)
        .map_err(|_| Rejection::BadRequest("the baseUrl is not a URL".into()))?;
    let scheme_ok = base.scheme() == "https" || (!production && base.scheme() == "http");
    if !scheme_ok
        || base.query().is_some()
        || base.fragment().is_some()
        || !base.username().is_empty()
    {
        return Err(Rejection::BadRequest(
            "the baseUrl must be a plain https URL".into(),
        ));
    }
    Ok(Installation {
        client_key: p.client_key.clone(),
        app_key: p.key.clone(),
        base_url: p.base_url.trim_end_matches('/').to_owned(),
        display_url: p.display_url.clone(),
        product_type: p
            .product_type
            .clone()
            .unwrap_or_else(|| "confluence".into()),
        description: p.description.clone().unwrap_or_default(),
        server_version: p.server_version.clone(),
        plugins_version: p.plugins_version.clone(),
        oauth_client_id: p.oauth_client_id.clone(),
        entitlement_id: p.entitlement_id.clone(),
        entitlement_number: p.entitlement_number.clone(),
        shared_secret: secret.to_owned(),
    })
}
