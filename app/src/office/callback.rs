//! The callback endpoint: the Document Server reports on an editing session here.
//!
//! A callback is accepted only with a valid Confluo link token (which site, attachment, session
//! and person) and, when the site has a secret, a valid Document Server token whose fields are
//! the only ones trusted. Saves (statuses 2, 3 and 6) are idempotent: each is claimed in the
//! store before the upload, so a retried callback stores its file once, and `{"error":0}` is
//! answered only once the file is safely in Confluence. A failed upload answers 5xx, which the
//! Document Server retries. When the attachment changed in Confluence during the session, the
//! edit is still saved, as a new version whose comment says so, and the session keeps a notice
//! for the people who open the document next.

use std::time::Duration;

use axum::{
    Json,
    body::Bytes,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{
    confluence::{Confluence, Upload, UploadData},
    error::OfficeError,
    site_setup,
};
use crate::{
    state::AppState,
    store::{
        office_save::{self, Claim, Intent, Lease},
        office_session, office_session_member,
    },
};
use office::{
    callback_body::CallbackBody,
    ds_client::{ConvertRequest, DocumentServer},
    ds_token::{self, DsTokenError},
    file_stream::FileStream,
    formats,
    link_token::{LinkClaims, Purpose},
};

/// The largest changes archive kept with a version (it only feeds the history's highlighting).
const MAX_CHANGES_BYTES: u64 = 16 * 1024 * 1024;

/// What a callback status asks of Confluo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// 1: people joined or left; remember who is in the session.
    Track,
    /// 4: everyone left without changes.
    Close,
    /// 2 (final), 3 (final, assembled with errors), 6 (intermediate, session goes on).
    Save { last: bool, damaged: bool },
    /// 0, 5, 7 and anything unknown: log and acknowledge.
    Acknowledge,
}

pub fn plan(status: i64) -> Plan {
    match status {
        1 => Plan::Track,
        2 => Plan::Save {
            last: true,
            damaged: false,
        },
        3 => Plan::Save {
            last: true,
            damaged: true,
        },
        4 => Plan::Close,
        6 => Plan::Save {
            last: false,
            damaged: false,
        },
        _ => Plan::Acknowledge,
    }
}

/// `?token=` of a link (named so that the framework's log redaction hides it).
#[derive(Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    token: String,
}

impl LinkQuery {
    pub fn token(&self) -> &str {
        &self.token
    }
}

/// The Document Server's answer: `error` 0 means "taken care of".
fn answer(status: StatusCode, error: u8, message: &str) -> Response {
    let body = if error == 0 {
        json!({ "error": 0 })
    } else {
        json!({ "error": error, "message": message })
    };
    (status, Json(body)).into_response()
}

fn refused(status: StatusCode, message: &str) -> Response {
    tracing::warn!(
        status = status.as_u16(),
        reason = message,
        "callback refused"
    );
    answer(status, 1, message)
}

/// `POST /office/callback?token=…`
pub async fn handle(
    State(state): State<AppState>,
    Query(query): Query<LinkQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut status = None;
    let response = respond(state, query, headers, body, &mut status).await;
    office::observe::callback(status, response.status().as_u16());
    response
}

/// The callback's answer; `seen_status` learns the callback's status once it is read.
async fn respond(
    state: AppState,
    query: LinkQuery,
    headers: HeaderMap,
    body: Bytes,
    seen_status: &mut Option<i64>,
) -> Response {
    let link = match LinkClaims::verify(
        query.token(),
        &site_setup::link_key(&state),
        Purpose::Callback,
    ) {
        Ok(link) => link,
        Err(err) => return refused(StatusCode::UNAUTHORIZED, &format!("the callback {err}")),
    };
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return refused(StatusCode::BAD_REQUEST, "the body is not JSON");
    };
    let (tenant, ds) = match site_setup::for_document_server(&state, &link).await {
        Ok(found) => found,
        Err((status, message)) => return refused(status, &message),
    };
    let fields = match &ds.secret {
        Some(secret) => {
            let header = headers
                .get(ds.jwt_header.as_str())
                .and_then(|v| v.to_str().ok());
            match ds_token::verified_fields(&body, header, secret) {
                Ok(fields) => fields,
                Err(DsTokenError::Missing) => {
                    return refused(
                        StatusCode::UNAUTHORIZED,
                        "the callback carries no Document Server token",
                    );
                }
                Err(err) => return refused(StatusCode::FORBIDDEN, &err.to_string()),
            }
        }
        None => body,
    };
    let fields = CallbackBody::read(&fields);
    if fields.key.as_deref() != Some(link.key.as_str()) {
        return refused(
            StatusCode::FORBIDDEN,
            "the callback is for another document",
        );
    }
    let Some(status) = fields.status else {
        return refused(StatusCode::BAD_REQUEST, "the callback has no status");
    };
    *seen_status = Some(status);
    let session = Session {
        state: &state,
        confluence: Confluence::new(&state.connect, &tenant),
        ds: &ds,
        link: &link,
        fields: &fields,
    };
    tracing::info!(status, key = %link.key, "callback");
    let outcome = match plan(status) {
        Plan::Track => session.track().await,
        Plan::Close => office_session::close(&state.db, &link.key)
            .await
            .map_err(Into::into),
        Plan::Save { last, damaged } => {
            let started = std::time::Instant::now();
            let response = session.save(last, damaged).await;
            office::observe::save(started.elapsed(), response.status().as_u16());
            return response;
        }
        Plan::Acknowledge => {
            if status == 7 {
                tracing::warn!(key = %link.key, "the Document Server reports a failed forced save");
            }
            Ok(())
        }
    };
    match outcome {
        Ok(()) => answer(StatusCode::OK, 0, ""),
        Err(err) => {
            tracing::error!(error = %err, status, "callback failed");
            answer(
                StatusCode::INTERNAL_SERVER_ERROR,
                1,
                "the callback could not be recorded",
            )
        }
    }
}

struct Session<'a> {
    state: &'a AppState,
    confluence: Confluence<'a>,
    ds: &'a DocumentServer,
    link: &'a LinkClaims,
    fields: &'a CallbackBody,
}

impl Session<'_> {
    /// The people the callback names, as the Document Server reports them.
    fn named(&self) -> Vec<String> {
        self.fields
            .users
            .iter()
            .take(office_session_member::MAX_NAMED)
            .cloned()
            .collect()
    }

    /// Of the people the callback names, those Confluo gave an editing config for this
    /// session, in the callback's order.
    async fn members_among(&self, named: &[String]) -> Result<Vec<String>, OfficeError> {
        if named.is_empty() {
            return Ok(Vec::new());
        }
        let members = office_session_member::of_session(&self.state.db, &self.link.key).await?;
        Ok(
            office_session_member::credited(named, &members, &self.link.sub)
                .cloned()
                .collect(),
        )
    }

    async fn track(&self) -> Result<(), OfficeError> {
        let db = &self.state.db;
        // A session opened before this row existed (e.g. the key came from a live session).
        office_session::opening(
            db,
            &self.link.key,
            &self.link.tnt,
            &self.link.page,
            &self.link.att,
            self.link.ver,
        )
        .await?;
        // Presence shows only people Confluo let in; anyone else a callback names is ignored.
        let mut users = self.members_among(&self.named()).await?;
        match crate::store::editor_options::find(db, &self.link.tnt).await {
            Ok(options) => {
                let session = super::revoke::OpenSession {
                    client_key: &self.link.tnt,
                    page_id: &self.link.page,
                    attachment_id: &self.link.att,
                    doc_key: &self.link.key,
                };
                let dropped = super::revoke::drop_revoked(
                    &self.state.egress,
                    &self.confluence,
                    self.ds,
                    &options,
                    &session,
                    &users,
                )
                .await;
                users.retain(|u| !dropped.contains(u));
            }
            // Unknown: everyone stays; the next join or leave checks again.
            Err(err) => tracing::warn!(error = %err, "reading the editing options failed"),
        }
        office_session::set_users(db, &self.link.key, &users).await?;
        Ok(())
    }

    /// Identifies this save so a repeated delivery finds it.
    fn save_id(&self, last: bool) -> String {
        if last {
            return format!("{}/final", self.link.key);
        }
        let mark = self
            .fields
            .lastsave
            .clone()
            .or_else(|| {
                self.fields.url.as_deref().map(|u| {
                    use sha2::Digest;
                    hex::encode(&sha2::Sha256::digest(u.as_bytes())[..8])
                })
            })
            .unwrap_or_default();
        format!("{}/force/{mark}", self.link.key)
    }

    async fn save(&self, last: bool, damaged: bool) -> Response {
        let db = &self.state.db;
        if last && self.fields.notmodified {
            match office_session::get(db, &self.link.key).await {
                // Nothing changed since a forced save stored this session's work: ending the
                // session must not add the same file again.
                Ok(Some(office_session::Model {
                    saved_version: Some(version),
                    notice,
                    ..
                })) => {
                    return match office_session::saved(
                        db,
                        &self.link.key,
                        version,
                        office_session::SAVED,
                        notice.as_deref(),
                    )
                    .await
                    {
                        Ok(()) => answer(StatusCode::OK, 0, ""),
                        Err(err) => {
                            tracing::error!(error = %err, "callback: closing the session failed");
                            answer(StatusCode::SERVICE_UNAVAILABLE, 1, "try again")
                        }
                    };
                }
                // Not saved by us yet (say the forced save failed): store it now.
                Ok(_) => {}
                Err(err) => {
                    tracing::error!(error = %err, "callback: reading the session failed");
                    return answer(StatusCode::SERVICE_UNAVAILABLE, 1, "try again");
                }
            }
        }
        // Credited to, and uploaded as, someone Confluo let into this session: never simply
        // whoever the body names (without a secret, or on the demo server, anyone holding the
        // callback link could name anyone).
        let named = self.named();
        let editor = match self.members_among(&named).await {
            Ok(members) => match members.into_iter().next() {
                Some(member) => member,
                None if named.is_empty() => self.link.sub.clone(),
                None => {
                    return refused(
                        StatusCode::FORBIDDEN,
                        "the callback names people who were never given this document to edit",
                    );
                }
            },
            Err(err) => {
                tracing::error!(error = %err, "callback: reading the session's members failed");
                return answer(StatusCode::SERVICE_UNAVAILABLE, 1, "try again");
            }
        };
        let save_id = self.save_id(last);
        let (lease, interrupted) = match office_save::claim(db, &save_id, &self.link.tnt).await {
            Ok(Claim::Mine { lease, interrupted }) => (lease, interrupted),
            Ok(Claim::Done(version)) => {
                tracing::info!(save = %save_id, version, "repeated callback: already saved");
                return answer(StatusCode::OK, 0, "");
            }
            Ok(Claim::InProgress) => {
                return answer(
                    StatusCode::SERVICE_UNAVAILABLE,
                    1,
                    "this save is in progress",
                );
            }
            Err(err) => {
                tracing::error!(error = %err, "callback: claiming the save failed");
                return answer(StatusCode::SERVICE_UNAVAILABLE, 1, "try again");
            }
        };
        let _renewing = lease.keep_alive(db.clone());
        let job = SaveJob {
            editor: &editor,
            lease: &lease,
            interrupted: interrupted.as_ref(),
            last,
            damaged,
        };
        match self.store(&job).await {
            Ok(Stored::Version(version)) => {
                if let Err(err) = lease.complete(db, &version.to_string()).await {
                    // The file is in Confluence; only the record of it failed.
                    tracing::error!(error = %err, "callback: recording the save failed");
                }
                answer(StatusCode::OK, 0, "")
            }
            Ok(Stored::Refused(message)) => {
                let _ = lease.release(db).await;
                // Not retried by the Document Server: it keeps the file among its forgotten files.
                tracing::warn!(key = %self.link.key, reason = %message, "save refused");
                answer(StatusCode::OK, 1, &message)
            }
            Err(err) => {
                let _ = lease.release(db).await;
                tracing::error!(error = %err, key = %self.link.key, "save failed; the Document Server will retry");
                answer(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    1,
                    "the file could not be stored; try again",
                )
            }
        }
    }

    /// The session's state after a save: ended with the last one, else still open.
    fn ended(last: bool) -> &'static str {
        if last {
            office_session::SAVED
        } else {
            office_session::OPEN
        }
    }

    /// Downloads the result and stores it in Confluence as the editor.
    async fn store(&self, job: &SaveJob<'_>) -> Result<Stored, OfficeError> {
        let db = &self.state.db;
        let http = &self.state.egress;
        let editor = job.editor;
        let Some(url) = self.fields.url.as_deref() else {
            return Ok(Stored::Refused("the callback has no file url".into()));
        };
        let mut access = self.confluence.access(editor, &self.link.page).await?;
        if !access.edit {
            return Ok(Stored::Refused(format!(
                "{editor} may no longer change this page's attachments"
            )));
        }
        let Some(att) = self.confluence.by_id(&self.link.att).await? else {
            return Ok(Stored::Refused(
                "the attachment was deleted during editing".into(),
            ));
        };
        // The site's view-only spaces, groups and labels hold for saves too, not only at open.
        let options = crate::store::editor_options::find(db, &self.link.tnt).await?;
        super::service::apply_view_only(&self.confluence, editor, &mut access, &options).await?;
        super::service::apply_view_only_label(&mut access, &att, &options);
        if let Err(refusal) = access.require_edit() {
            return Ok(Stored::Refused(refusal.message(crate::i18n::Lang::En)));
        }
        let current = att.version();
        // An earlier delivery stopped mid-save: if its upload reached Confluence, that is the
        // version, and nothing is stored twice.
        if let Some(version) = landed(&self.confluence, editor, &att, job.interrupted).await? {
            tracing::warn!(key = %self.link.key, version, "an interrupted save had landed");
            office_session::saved(db, &self.link.key, version, Self::ended(job.last), None).await?;
            return Ok(Stored::Version(version));
        }
        let ext = formats::extension(att.title()).unwrap_or_default();
        let file_type = self
            .fields
            .filetype
            .as_deref()
            .unwrap_or(&ext)
            .to_ascii_lowercase();
        let converted = file_type != ext;
        let data = match converted {
            true => self.convert_back(url, &file_type, &ext).await?,
            false => self.ds.fetch_file(http, url).await?,
        };
        let session = office_session::get(db, &self.link.key).await?;
        let base = session.as_ref().map_or(self.link.ver, |s| s.base_version);
        let ours = session.as_ref().and_then(|s| s.saved_version);
        let conflict = current != base && Some(current) != ours;
        let name = self
            .confluence
            .person(editor)
            .await
            .map(|p| p.display_name)
            .unwrap_or_else(|_| editor.to_owned());
        let comment = match (conflict, job.damaged, job.last) {
            (true, _, _) => format!(
                "Edited in ONLYOFFICE by {name} from version {base}. Version {current} was uploaded in Confluence meanwhile and is not part of this edit: compare the two."
            ),
            (false, true, _) => format!(
                "Saved by ONLYOFFICE after a problem assembling {name}'s edit: check this version."
            ),
            (false, false, true) => format!("Edited in ONLYOFFICE by {name}"),
            (false, false, false) => format!("Intermediate save from ONLYOFFICE by {name}"),
        };
        job.lease
            .intend(
                db,
                &Intent {
                    comment: comment.clone(),
                    before: current,
                },
            )
            .await?;
        let watch = data.watch();
        let uploaded = self
            .confluence
            .upload_version(
                editor,
                &self.link.page,
                att.id(),
                Upload {
                    file_name: att.title(),
                    media_type: att.media_type(),
                    data: UploadData::Stream(data),
                    comment: &comment,
                },
            )
            .await;
        let version = match uploaded {
            Ok(version) => version,
            // A retry would meet the same file: the Document Server keeps it instead.
            Err(_) if watch.exceeded().is_some() => {
                return Ok(Stored::Refused(format!(
                    "the edited file is larger than the {} MB Confluo stores",
                    watch.exceeded().unwrap_or_default() / 1024 / 1024
                )));
            }
            Err(err) => return Err(err.into()),
        };
        let notice = conflict.then(|| {
            office::save_notice::SaveNotice {
                name: name.clone(),
                version,
                current,
            }
            .stored()
        });
        office_session::saved(
            db,
            &self.link.key,
            version,
            Self::ended(job.last),
            notice.as_deref(),
        )
        .await?;
        // The changes replay only onto the version this session's edit started from.
        if !conflict && !converted {
            self.keep_changes(att.id(), version, ours.unwrap_or(base))
                .await;
        }
        tracing::info!(key = %self.link.key, version, conflict, "edit saved");
        Ok(Stored::Version(version))
    }

    /// Keeps what the Document Server reported changed in `version`, for the history panel.
    /// Best effort: the edit is already stored, and a missing archive only loses highlighting.
    async fn keep_changes(&self, attachment_id: &str, version: i32, previous: i32) {
        let Some(history) = &self.fields.history else {
            return;
        };
        let diff = match self.fields.changesurl.as_deref() {
            Some(url) => match self
                .ds
                .download_small(&self.state.egress, url, MAX_CHANGES_BYTES)
                .await
            {
                Ok(bytes) => Some(bytes.to_vec()),
                Err(err) => {
                    tracing::warn!(error = %err, "the changes archive could not be fetched");
                    None
                }
            },
            None => None,
        };
        let record = crate::store::office_changes::Record {
            attachment_id,
            version,
            previous_version: previous,
            server_version: history.server_version.as_deref(),
            changes: &history.changes.to_string(),
            diff,
        };
        if let Err(err) =
            crate::store::office_changes::keep(&self.state.db, &self.link.tnt, record).await
        {
            tracing::warn!(error = %err, "a version's changes could not be kept");
        }
    }

    /// The edited file in the attachment's own format, converted by the Document Server.
    async fn convert_back(
        &self,
        url: &str,
        from: &str,
        to: &str,
    ) -> Result<FileStream, OfficeError> {
        let key = format!("{}-save-{}", self.link.key, to);
        let key = if office::doc_key::is_valid(&key) {
            key
        } else {
            self.link.key.clone()
        };
        let request = ConvertRequest {
            key: &key,
            file_type: from,
            output_type: to,
            url,
            title: "saved",
            pdf: None,
        };
        let http = &self.state.egress;
        match self
            .ds
            .convert_and_wait(http, &request, Duration::from_secs(120))
            .await?
        {
            Some(file_url) => Ok(self.ds.fetch_file(http, &file_url).await?),
            None => Err(OfficeError::Other(
                "converting the edited file back took too long".into(),
            )),
        }
    }
}

/// The version an interrupted save uploaded, if Confluence has it: one after the version it
/// started from, with the comment it was about to write (read as `reader`). Confluence is
/// asked only when there was such a save and the attachment has moved on since.
pub(super) async fn landed(
    confluence: &Confluence<'_>,
    reader: &str,
    att: &super::confluence::StoredAttachment,
    interrupted: Option<&Intent>,
) -> Result<Option<i32>, OfficeError> {
    let Some(intent) = interrupted.filter(|i| att.version() > i.before) else {
        return Ok(None);
    };
    let versions = confluence.versions(reader, att.id()).await?;
    Ok(versions
        .into_iter()
        .filter(|v| v.number > intent.before && v.message == intent.comment)
        .map(|v| v.number)
        .min())
}

/// One save's who and how.
struct SaveJob<'a> {
    /// The session member it is credited to and uploaded as.
    editor: &'a str,
    lease: &'a Lease,
    /// What an earlier holder of the claim was about to store when it stopped.
    interrupted: Option<&'a Intent>,
    last: bool,
    damaged: bool,
}

enum Stored {
    Version(i32),
    /// Will not succeed on a retry either.
    Refused(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_plan() {
        assert_eq!(plan(0), Plan::Acknowledge);
        assert_eq!(plan(1), Plan::Track);
        assert_eq!(
            plan(2),
            Plan::Save {
                last: true,
                damaged: false
            }
        );
        assert_eq!(
            plan(3),
            Plan::Save {
                last: true,
                damaged: true
            }
        );
        assert_eq!(plan(4), Plan::Close);
        assert_eq!(plan(5), Plan::Acknowledge);
        assert_eq!(
            plan(6),
            Plan::Save {
                last: false,
                damaged: false
            }
        );
        assert_eq!(plan(7), Plan::Acknowledge);
        assert_eq!(plan(99), Plan::Acknowledge);
        assert_eq!(plan(-1), Plan::Acknowledge);
    }
}
