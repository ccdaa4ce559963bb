//! The file endpoint the Document Server downloads attachments from: `GET /office/file?token=…`.
//!
//! The link token names the site, attachment and version and expires within minutes; when the
//! site has a Document Server secret, the request must also carry the Document Server's header
//! token for exactly this URL. The bytes are streamed from Confluence, read as the app.

use axum::{
    body::Body,
    extract::{OriginalUri, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::Value;

use super::{
    callback::LinkQuery,
    confluence::Confluence,
    ds_token,
    link_token::{LinkClaims, Purpose},
    site,
};
use crate::state::AppState;

fn refuse(status: StatusCode, message: &str) -> Response {
    tracing::warn!(
        status = status.as_u16(),
        reason = message,
        "file download refused"
    );
    (status, format!("{message}\n")).into_response()
}

pub async fn handle(
    State(state): State<AppState>,
    Query(query): Query<LinkQuery>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    let link = match LinkClaims::verify(query.token(), &site::link_key(&state), Purpose::File) {
        Ok(link) => link,
        Err(err) => return refuse(StatusCode::UNAUTHORIZED, &format!("the file {err}")),
    };
    let (tenant, ds) = match site::for_document_server(&state, &link).await {
        Ok(found) => found,
        Err((status, message)) => return refuse(status, &message),
    };
    if let Some(secret) = &ds.secret {
        let header = headers
            .get(ds.jwt_header.as_str())
            .and_then(|v| v.to_str().ok());
        let expected = site::app_url(&state, uri.path_and_query().map_or("", |pq| pq.as_str()));
        match ds_token::verified_fields(&Value::Null, header, secret) {
            Ok(fields) if fields.get("url").and_then(Value::as_str) == Some(expected.as_str()) => {}
            Ok(_) => {
                return refuse(
                    StatusCode::FORBIDDEN,
                    "the Document Server token is for another URL",
                );
            }
            Err(err) => return refuse(StatusCode::UNAUTHORIZED, &err.to_string()),
        }
    }
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
    let mut response = Body::from_stream(upstream.bytes_stream()).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, content_type);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
