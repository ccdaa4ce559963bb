//! "Test connection" on the configure page: the health check, then the `version` command, which
//! only answers when the secret and header name match the Document Server's.

use super::{
    ConnectionCheck, ConnectionReport, ds_client::DocumentServer, error::OfficeError, site,
};
use crate::{settings::DocumentServerForm, tenant_scope::TenantScope};

/// The Document Server the form describes; an empty secret means the stored one.
async fn from_form(
    scope: &TenantScope,
    form: &DocumentServerForm,
) -> Result<DocumentServer, OfficeError> {
    let secret = if form.clear_secret {
        None
    } else if !form.secret.trim().is_empty() {
        Some(form.secret.trim().to_owned())
    } else {
        match site::document_server(&scope.state, scope.client_key()).await {
            Ok(stored) => stored.secret,
            Err(OfficeError::NotConfigured) => None,
            Err(err) => return Err(err),
        }
    };
    Ok(DocumentServer {
        public_url: form.public_url.trim().to_owned(),
        internal_url: Some(form.internal_url.trim().to_owned()).filter(|u| !u.is_empty()),
        secret,
        jwt_header: form.jwt_header.trim().to_owned(),
    })
}

pub async fn run(
    scope: &TenantScope,
    form: &DocumentServerForm,
) -> Result<ConnectionReport, OfficeError> {
    let errors = form.validate();
    if let Some(first) = errors.first() {
        return Err(OfficeError::Other(format!(
            "Correct the form first: {}",
            first.message
        )));
    }
    let ds = from_form(scope, form).await?;
    let http = &scope.state.http;
    let mut checks = Vec::new();
    let health = ds.healthcheck(http).await;
    checks.push(ConnectionCheck {
        name: "Health check".into(),
        ok: health.is_ok(),
        message: match &health {
            Ok(()) => format!("{} answers and reports healthy", ds.server_url()),
            Err(err) => err.to_string(),
        },
    });
    let mut version = None;
    if health.is_ok() {
        let answer = ds.version(http).await;
        checks.push(ConnectionCheck {
            name: "Secret and header".into(),
            ok: answer.is_ok(),
            message: match &answer {
                Ok(v) if ds.secret.is_some() => {
                    format!("ONLYOFFICE Docs {v} accepted Confluo's signed request")
                }
                Ok(v) => format!(
                    "ONLYOFFICE Docs {v} answered without a secret: anyone who can reach it can use it; set a JWT secret on both sides"
                ),
                Err(err) => err.to_string(),
            },
        });
        version = answer.ok();
    }
    tracing::info!(
        client_key = scope.client_key(),
        ok = checks.iter().all(|c| c.ok),
        "document server connection tested"
    );
    Ok(ConnectionReport { checks, version })
}
