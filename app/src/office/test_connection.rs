//! "Test connection" on the configure page: the health check, then the `version` command, which
//! only answers when the secret and header name match the Document Server's.

use std::time::Duration;

use axum::{
    extract::{Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{callback::LinkQuery, error::OfficeError, site_setup};
use crate::{document_server_settings::DocumentServerForm, tenant_scope::TenantScope};
use crate::{i18n::Lang, state::AppState};
use office::{
    ds_client::{ConvertRequest, DocumentServer},
    link_token::{LinkClaims, Purpose},
    views::ConnectionCheck,
    views::ConnectionReport,
};

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
        let state = &scope.state;
        match site_setup::own_server(&state.db, &state.connect, scope.client_key()).await {
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
        verify_certificates: !form.skip_certificate_check,
        max_download_bytes: scope.state.max_file_bytes,
        demo_until: None,
    })
}

/// Each check's name and outcome in `lang`; what the Document Server answered, as it is.
pub async fn run(
    scope: &TenantScope,
    form: &DocumentServerForm,
    lang: Lang,
) -> Result<ConnectionReport, OfficeError> {
    let mut errors = form.validate(lang);
    if errors.is_empty() {
        // The operator's egress policy first: a refused address is never contacted.
        errors = crate::document_server_settings::server_checks(scope, form, lang)
            .await
            .into_iter()
            .filter(|e| e.field != "secret")
            .collect();
    }
    if let Some(first) = errors.first() {
        return Err(OfficeError::Other(lang.fmt(
            "Correct the form first: {problem}",
            &[("problem", &first.message)],
        )));
    }
    let ds = from_form(scope, form).await?;
    let http = &scope.state.egress;
    let mut checks = Vec::new();
    let health = ds.healthcheck(http).await;
    checks.push(ConnectionCheck {
        name: lang.text("Health check").into(),
        ok: health.is_ok(),
        message: match &health {
            Ok(()) => lang.fmt(
                "{address} answers and reports healthy",
                &[("address", ds.server_url())],
            ),
            Err(err) => err.message(lang),
        },
    });
    let mut version = None;
    if health.is_ok() {
        let answer = ds.version(http).await;
        checks.push(ConnectionCheck {
            name: lang.text("Secret and header").into(),
            ok: answer.is_ok(),
            message: match &answer {
                Ok(v) if ds.secret.is_some() => lang.fmt(
                    "ONLYOFFICE Docs {version} accepted Confluo's signed request",
                    &[("version", v)],
                ),
                Ok(v) => lang.fmt(
                    "ONLYOFFICE Docs {version} answered without a secret: anyone who can reach it can use it; set a JWT secret on both sides",
                    &[("version", v)],
                ),
                Err(err) => err.message(lang),
            },
        });
        version = answer.ok();
    }
    if checks.iter().all(|c| c.ok) {
        let reached = reaches_confluo(scope, &ds, lang).await;
        let address = scope.state.connect.settings().base_url_str();
        checks.push(ConnectionCheck {
            name: lang.text("Conversion").into(),
            ok: reached.is_ok(),
            message: match reached {
                Ok(()) => lang.fmt(
                    "the Document Server fetched a test file from Confluo at {address} and converted it",
                    &[("address", &address)],
                ),
                Err(err) => lang.fmt(
                    "{problem}. The Document Server must be able to reach Confluo at {address}",
                    &[("problem", &err.message(lang)), ("address", &address)],
                ),
            },
        });
    }
    tracing::info!(
        client_key = scope.client_key(),
        ok = checks.iter().all(|c| c.ok),
        "document server connection tested"
    );
    Ok(ConnectionReport { checks, version })
}

/// What the probe serves: plain text any Document Server converts.
const PROBE_TEXT: &str = "Confluo connection test\n";

/// Has the Document Server convert a small text file it downloads from Confluo, then fetches the
/// result: both directions work, with the form's secret.
async fn reaches_confluo(
    scope: &TenantScope,
    ds: &DocumentServer,
    lang: Lang,
) -> Result<(), OfficeError> {
    let state = &scope.state;
    let now = state.connect.now();
    // A fresh key each time: the Document Server caches results per key.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let key = format!("confluo-probe-{now}-{nanos}");
    let account = scope.account_id.as_deref().unwrap_or_default();
    let token = LinkClaims::new(
        Purpose::Probe,
        scope.client_key(),
        account,
        "",
        "",
        0,
        &key,
        now,
    )
    .sign(&site_setup::link_key(state))?;
    let url = site_setup::app_url(state, &format!("{}?token={token}", office::paths::PROBE));
    let request = ConvertRequest {
        key: &key,
        file_type: "txt",
        output_type: "docx",
        url: &url,
        title: "confluo-test.docx",
        pdf: None,
    };
    match ds
        .convert_and_wait(&state.egress, &request, Duration::from_secs(15))
        .await?
    {
        Some(file_url) => {
            // A converted one-line text is a few KiB.
            ds.download_small(&state.egress, &file_url, 1024 * 1024)
                .await?;
            Ok(())
        }
        None => Err(OfficeError::Other(
            lang.text("the test conversion did not finish within 15 seconds")
                .into(),
        )),
    }
}

/// `GET /office/probe?token=…`: the test file, for a valid probe link only.
pub async fn probe(State(state): State<AppState>, Query(query): Query<LinkQuery>) -> Response {
    match LinkClaims::verify(query.token(), &site_setup::link_key(&state), Purpose::Probe) {
        Ok(_) => {
            let mut response = (
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                PROBE_TEXT,
            )
                .into_response();
            super::file_link::as_download(response.headers_mut());
            response
        }
        Err(err) => (StatusCode::UNAUTHORIZED, format!("the test file {err}\n")).into_response(),
    }
}
