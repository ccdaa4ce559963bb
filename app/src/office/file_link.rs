//! The file endpoint the Document Server downloads attachments from: `GET /office/file?token=…`,
//! and the check every Document Server fetch of Confluo's links passes ([`verify_fetch`]).
//!
//! The link token names the site, attachment and version and expires within minutes; when the
//! site has a Document Server secret, the request must also carry the Document Server's header
//! token for exactly this URL. The bytes are streamed from Confluence, read as the app.

use axum::{
    body::Body,
    extract::{OriginalUri, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, Uri, header},
    response::{IntoResponse, Response},
};
use serde_json::Value;

use connect::store::tenant::Tenant;

use super::{callback::LinkQuery, confluence::Confluence, site_setup};
use crate::state::AppState;
use office::{
    ds_client::DocumentServer,
    ds_token,
    file_stream::FileStream,
    link_token::{LinkClaims, Purpose},
};

fn refuse(status: StatusCode, message: &str) -> Response {
    tracing::warn!(
        status = status.as_u16(),
        reason = message,
        "Document Server fetch refused"
    );
    (status, format!("{message}\n")).into_response()
}

/// Whether a Document Server fetch must carry the Document Server's header token.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum HeaderToken {
    /// Always, when the site has a secret.
    Required,
    /// Checked when sent: older Document Servers fetch some links from the browser, which
    /// cannot add it.
    IfSent,
}

/// What a verified Document Server fetch of one of Confluo's links is for.
pub struct Fetch {
    pub link: LinkClaims,
    pub tenant: Tenant,
    pub ds: DocumentServer,
}

/// Verifies a Document Server fetch: Confluo's link token for `purpose`, the site it names
/// still installed, and the Document Server's header token for exactly this URL; otherwise the
/// answer to send.
pub async fn verify_fetch(
    state: &AppState,
    query: &LinkQuery,
    purpose: Purpose,
    uri: &Uri,
    headers: &HeaderMap,
    header_token: HeaderToken,
) -> Result<Fetch, Response> {
    let link = LinkClaims::verify(query.token(), &site_setup::link_key(state), purpose)
        .map_err(|err| refuse(StatusCode::UNAUTHORIZED, &format!("the link {err}")))?;
    let (tenant, ds) = site_setup::for_document_server(state, &link)
        .await
        .map_err(|(status, message)| refuse(status, &message))?;
    let header = headers
        .get(ds.jwt_header.as_str())
        .and_then(|v| v.to_str().ok());
    if let Some(secret) = &ds.secret
        && (header.is_some() || header_token == HeaderToken::Required)
    {
        let expected =
            site_setup::app_url(state, uri.path_and_query().map_or("", |pq| pq.as_str()));
        match ds_token::verified_fields(&Value::Null, header, secret) {
            Ok(fields) if fields.get("url").and_then(Value::as_str) == Some(expected.as_str()) => {}
            Ok(_) => {
                return Err(refuse(
                    StatusCode::FORBIDDEN,
                    "the Document Server token is for another URL",
                ));
            }
            Err(err) => return Err(refuse(StatusCode::UNAUTHORIZED, &err.to_string())),
        }
    }
    Ok(Fetch { link, tenant, ds })
}

pub async fn handle(
    State(state): State<AppState>,
    Query(query): Query<LinkQuery>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    let Fetch { link, tenant, .. } = match verify_fetch(
        &state,
        &query,
        Purpose::File,
        &uri,
        &headers,
        HeaderToken::Required,
    )
    .await
    {
        Ok(fetch) => fetch,
        Err(response) => return response,
    };
    let confluence = Confluence::new(&state.connect, &tenant);
    let att = match confluence.by_id(&link.att).await {
        Ok(Some(att)) => att,
        Ok(None) => return refuse(StatusCode::NOT_FOUND, "the attachment is gone"),
        Err(err) => {
            tracing::warn!(error = %err, "file: reading the attachment failed");
            return refuse(StatusCode::BAD_GATEWAY, "Confluence did not answer");
        }
    };
    let upstream = match confluence.download(&att, link.ver).await {
        Ok(response) => response,
        Err(err) => {
            tracing::warn!(error = %err, "file: download from Confluence failed");
            return refuse(
                StatusCode::BAD_GATEWAY,
                "Confluence did not hand over the file",
            );
        }
    };
    let content_type = upstream
        .headers()
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let file = match FileStream::from_response(upstream, state.max_file_bytes) {
        Ok(file) => file,
        Err(_) => return refuse(StatusCode::PAYLOAD_TOO_LARGE, "the file is too large"),
    };
    let length = file.length;
    let mut response = Body::from_stream(file.stream).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, content_type);
    if let Some(length) = length {
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    as_download(h);
    response
}

/// Headers of a file Confluo hands out under its own origin: never cached, saved rather than
/// shown, and, should a browser show it anyway, unable to run anything as Confluo.
pub fn as_download(headers: &mut HeaderMap) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
}
