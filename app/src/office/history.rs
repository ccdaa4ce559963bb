//! The editor's version history panel: Confluence's versions of the attachment (who, when, the
//! version comment), each opened read-only in the editor through a signed link, and restoring
//! an older one as a new version credited to the person who restores it.

use axum::{
    extract::{OriginalUri, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::{Value, json};

use crate::{state::AppState, store::office_changes};

use super::{
    callback::LinkQuery,
    confluence::VersionJson,
    error::OfficeError,
    file_link::{Fetch, HeaderToken, verify_fetch},
    service::Caller,
};
use office::{
    ds_token, link_token::Purpose, views::History, views::HistoryEntry, views::HistoryUser,
};

/// The panel's list, oldest first as the editor shows it, with every version's own key.
pub async fn list(caller: &Caller, page_id: &str, file_name: &str) -> Result<History, OfficeError> {
    let (att, _, _) = caller.attachment(page_id, file_name).await?;
    let versions = caller
        .confluence()
        .versions(&caller.account_id, att.id())
        .await?;
    let keys = caller.doc_keys();
    let mut history = entries(
        &keys,
        caller.client_key(),
        att.id(),
        att.version(),
        versions,
    );
    let known =
        office_changes::of_attachment(&caller.scope.state.db, caller.client_key(), att.id())
            .await?;
    with_changes(&mut history, &known);
    Ok(history)
}

/// Adds the changes the Document Server reported to the versions saved from the editor.
pub fn with_changes(history: &mut History, known: &[office_changes::Model]) {
    for entry in &mut history.history {
        if let Some(record) = known.iter().find(|r| r.version == entry.version) {
            entry.changes = serde_json::from_str(&record.changes).ok();
            entry.server_version = record.server_version.clone();
        }
    }
}

/// [`list`]'s shaping, apart from Confluence.
pub fn entries(
    keys: &office::doc_key::DocKeys,
    client_key: &str,
    attachment_id: &str,
    current: i32,
    mut versions: Vec<VersionJson>,
) -> History {
    versions.sort_by_key(|v| v.number);
    let history = versions
        .into_iter()
        .filter(|v| v.number <= current)
        .map(|v| {
            let by = v.by.unwrap_or_default();
            HistoryEntry {
                created: created(&v.when),
                key: keys.editing(client_key, attachment_id, v.number),
                version: v.number,
                user: HistoryUser {
                    id: by.account_id,
                    name: by.display_name,
                },
                comment: v.message,
                changes: None,
                server_version: None,
            }
        })
        .collect();
    History {
        current_version: current,
        history,
    }
}

/// `2026-11-22T10:05:31.000Z` as the panel shows it: `2026-11-22 10:05`.
fn created(when: &str) -> String {
    let mut text: String = when.chars().take(16).collect();
    if text.len() > 10 {
        text.replace_range(10..11, " ");
    }
    text
}

/// What `setHistoryData` needs for one version: its key, a short-lived link to exactly that
/// version, and the token the Document Server checks (signed with the site's secret).
pub async fn data(
    caller: &Caller,
    page_id: &str,
    file_name: &str,
    version: i32,
) -> Result<Value, OfficeError> {
    let state = &caller.scope.state;
    let ds = caller.document_server().await?;
    let (att, format, _) = caller.attachment(page_id, file_name).await?;
    if version < 1 || version > att.version() {
        return Err(OfficeError::Other(caller.lang.fmt(
            "{name} has no version {version}.",
            &[("name", file_name), ("version", &version.to_string())],
        )));
    }
    let key = caller
        .doc_keys()
        .editing(caller.client_key(), att.id(), version);
    let url = caller.link(&ds, Purpose::File, &att, version, &key)?;
    let mut fields = json!({
        "fileType": format.ext,
        "key": key,
        "url": url,
        "version": version,
    });
    // A version saved from the editor: its changes, highlighted against the version before.
    let record = office_changes::get(&state.db, caller.client_key(), att.id(), version).await?;
    if let Some(record) = record.filter(|r| r.diff.is_some() && r.previous_version >= 1) {
        let previous = record.previous_version;
        let previous_key = caller
            .doc_keys()
            .editing(caller.client_key(), att.id(), previous);
        fields["changesUrl"] = json!(caller.link(&ds, Purpose::Changes, &att, version, &key)?);
        fields["previous"] = json!({
            "fileType": format.ext,
            "key": previous_key,
            "url": caller.link(&ds, Purpose::File, &att, previous, &previous_key)?,
        });
    }
    if let Some(secret) = ds.secret.as_deref() {
        fields["token"] = json!(ds_token::sign(&fields, secret, caller.now())?);
    }
    Ok(fields)
}

/// Stores version `version`'s content as the newest version, as the caller; the new number.
pub async fn restore(
    caller: &Caller,
    page_id: &str,
    file_name: &str,
    version: i32,
) -> Result<i32, OfficeError> {
    let (att, format, mut access) = caller.attachment(page_id, file_name).await?;
    super::service::apply_view_only_label(&mut access, &att, &caller.options().await?);
    access.require_edit()?;
    if version < 1 || version >= att.version() {
        return Err(OfficeError::Other(caller.lang.fmt(
            "Version {version} of {name} cannot be restored: it is not an earlier version.",
            &[("name", file_name), ("version", &version.to_string())],
        )));
    }
    let confluence = caller.confluence();
    let response = confluence.download(&att, version).await?;
    let max = caller.scope.state.max_file_bytes;
    let data = office::file_stream::FileStream::from_response(response, max)
        .map_err(|_| OfficeError::TooLarge(max / 1024 / 1024))?;
    let person = confluence.person(&caller.account_id).await?;
    let comment = format!(
        "Restored version {version} in ONLYOFFICE by {}",
        person.display_name
    );
    let stored = confluence
        .upload_version(
            &caller.account_id,
            page_id,
            att.id(),
            super::confluence::Upload {
                file_name: att.title(),
                media_type: format.media_type,
                data: super::confluence::UploadData::Stream(data),
                comment: &comment,
            },
        )
        .await?;
    tracing::info!(attachment = %att.id(), from = version, to = stored, "version restored");
    Ok(stored)
}

/// `GET /office/changes?token=…`: a saved version's changes archive, for the editor that shows
/// the version history (a link to exactly that version, valid for minutes). Older Document
/// Servers fetch it from the browser, without their header token and across origins.
pub async fn changes_archive(
    State(state): State<AppState>,
    Query(query): Query<LinkQuery>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    let Fetch { link, ds, .. } = match verify_fetch(
        &state,
        &query,
        Purpose::Changes,
        &uri,
        &headers,
        HeaderToken::IfSent,
    )
    .await
    {
        Ok(fetch) => fetch,
        Err(response) => return response,
    };
    let origin = reqwest::Url::parse(&ds.public_url)
        .map(|u| u.origin().ascii_serialization())
        .ok()
        .and_then(|o| HeaderValue::from_str(&o).ok());
    let mut response = match office_changes::get(&state.db, &link.tnt, &link.att, link.ver).await {
        Ok(Some(office_changes::Model {
            diff: Some(diff), ..
        })) => {
            let mut response = ([(header::CONTENT_TYPE, "application/zip")], diff).into_response();
            super::file_link::as_download(response.headers_mut());
            response
        }
        Ok(_) => (
            StatusCode::NOT_FOUND,
            "no changes are kept for this version\n",
        )
            .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "reading a version's changes failed");
            (StatusCode::SERVICE_UNAVAILABLE, "try again\n").into_response()
        }
    };
    if let Some(origin) = origin {
        response
            .headers_mut()
            .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::confluence::UserJson;

    fn keys() -> super::super::doc_key::DocKeys {
        super::super::doc_key::DocKeys::new([1; 32])
    }

    fn v(number: i32, when: &str, who: &str) -> VersionJson {
        VersionJson {
            number,
            when: when.into(),
            message: format!("m{number}"),
            by: Some(UserJson {
                account_id: who.into(),
                display_name: who.to_uppercase(),
                ..UserJson::default()
            }),
        }
    }

    #[test]
    fn versions_saved_from_the_editor_carry_their_changes() {
        let mut h = entries(
            &keys(),
            "site",
            "att9",
            2,
            vec![v(1, "2026-11-20T08:00:00Z", "alice"), v(2, "", "carol")],
        );
        let record = office_changes::Model {
            client_key: "site".into(),
            attachment_id: "att9".into(),
            version: 2,
            previous_version: 1,
            server_version: Some("9.3.0".into()),
            changes: r#"[{"created":"2026-11-23 10:00:00","user":{"id":"carol","name":"Carol"}}]"#
                .into(),
            diff: Some(b"PK".to_vec()),
            created_at: chrono::Utc::now(),
        };
        with_changes(&mut h, &[record]);
        assert!(h.history[0].changes.is_none());
        assert_eq!(
            h.history[1].changes.as_ref().unwrap()[0]["user"]["id"],
            "carol"
        );
        let json = serde_json::to_value(&h).unwrap();
        assert_eq!(json["history"][1]["serverVersion"], "9.3.0");
        // Versions without reported changes say nothing (the editor then shows no highlighting).
        assert!(json["history"][0].get("changes").is_none());
    }

    #[test]
    fn history_is_oldest_first_with_a_key_per_version() {
        let h = entries(
            &keys(),
            "site",
            "att9",
            2,
            vec![
                v(2, "2026-11-22T10:05:31.000Z", "carol"),
                v(1, "2026-11-20T08:00:00Z", "alice"),
            ],
        );
        assert_eq!(h.current_version, 2);
        assert_eq!(
            h.history.iter().map(|e| e.version).collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!(h.history[1].created, "2026-11-22 10:05");
        assert_eq!(h.history[1].user.name, "CAROL");
        assert_eq!(h.history[0].key, keys().editing("site", "att9", 1));
        assert_ne!(h.history[0].key, h.history[1].key);
        // The DS shape: camelCase, as refreshHistory takes it.
        let json = serde_json::to_value(&h).unwrap();
        assert_eq!(json["currentVersion"], 2);
        assert_eq!(json["history"][0]["user"]["id"], "alice");
    }
}
