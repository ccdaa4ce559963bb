//! A site's office setup: its Document Server with the secret opened, and the key that signs
//! Confluo's own links.

use axum::http::StatusCode;
use connect::store::tenant::Tenant;

use super::error::OfficeError;
use office::editor_options::EditorOptions;
use office::{
    ds_client::{DocumentServer, MAX_FILE_BYTES},
    link_token,
    who_may_edit::Server,
};

use crate::{demo_server::trial, state::AppState};

/// The Document Server the site opens documents with now: ONLYOFFICE's demo server while the
/// site's demo runs, otherwise its own; or why there is none ([`Server::check`]).
pub async fn document_server(
    state: &AppState,
    client_key: &str,
) -> Result<DocumentServer, OfficeError> {
    chosen_server(state, client_key).await?.usable()
}

/// The Document Server the site uses now, or why it has none, for [`office::who_may_edit::decide`].
pub async fn chosen_server(state: &AppState, client_key: &str) -> Result<Chosen, OfficeError> {
    Sources::new(&state.db, &state.connect, state.max_file_bytes)
        .current(&state.demo_server_url, client_key)
        .await
}

/// The Document Server a site uses now, if any, and the day its demo ended when that is why it
/// has none.
#[derive(Clone, Debug)]
pub struct Chosen {
    server: Option<DocumentServer>,
    demo_ended_on: Option<String>,
}

impl Chosen {
    /// Which kind of server it is, as "who may edit this?" weighs it.
    pub fn server(&self) -> Server<'_> {
        match (&self.server, &self.demo_ended_on) {
            (Some(ds), _) => match &ds.demo_until {
                Some(last_day) => Server::Demo { last_day },
                None => Server::Own,
            },
            (None, Some(last_day)) => Server::DemoEnded { last_day },
            (None, None) => Server::Missing,
        }
    }

    /// The server, or the refusal [`Server::check`] words.
    pub fn usable(self) -> Result<DocumentServer, OfficeError> {
        self.server().check()?;
        self.server.ok_or(OfficeError::NotConfigured)
    }

    /// The server when there is one.
    pub fn get(&self) -> Option<&DocumentServer> {
        self.server.as_ref()
    }
}

/// The Document Server a link was made for: the demo server for links made while the demo ran
/// (its sessions still save after the demo is switched off or ends), the site's own otherwise.
pub async fn document_server_for_link(
    state: &AppState,
    link: &link_token::LinkClaims,
) -> Result<DocumentServer, OfficeError> {
    let sources = Sources::new(&state.db, &state.connect, state.max_file_bytes);
    if !link.demo {
        return sources.own(&link.tnt).await;
    }
    let demo = crate::store::office_demo::find(&state.db, &link.tnt).await?;
    let Some(row) = demo else {
        return Err(OfficeError::NotConfigured);
    };
    let until = trial::ends_at(row.started_at);
    if chrono::DateTime::from_timestamp(link.iat, 0).is_none_or(|made| made >= until) {
        return Err(OfficeError::NotConfigured);
    }
    Ok(sources.demo(&state.demo_server_url, until))
}

/// The site's own Document Server, whether or not the demo runs.
pub async fn own_server(
    db: &sea_orm::DatabaseConnection,
    connect: &connect::Connect,
    client_key: &str,
) -> Result<DocumentServer, OfficeError> {
    Sources::new(db, connect, MAX_FILE_BYTES)
        .own(client_key)
        .await
}

/// Where a site's Document Server settings come from, with the largest file Confluo fetches
/// from it: the operator's limit (an edit of a file near a site's own limit may come back
/// larger, and is still stored).
struct Sources<'a> {
    db: &'a sea_orm::DatabaseConnection,
    connect: &'a connect::Connect,
    max_download_bytes: u64,
}

impl<'a> Sources<'a> {
    fn new(
        db: &'a sea_orm::DatabaseConnection,
        connect: &'a connect::Connect,
        max_download_bytes: u64,
    ) -> Self {
        Self {
            db,
            connect,
            max_download_bytes,
        }
    }

    /// The demo server while the site's demo runs, otherwise the site's own.
    async fn current(&self, demo_url: &str, client_key: &str) -> Result<Chosen, OfficeError> {
        let demo = crate::store::office_demo::find(self.db, client_key).await?;
        let now = crate::demo_server::clock(self.connect);
        if let Some(until) = trial::in_use(demo.as_ref(), now) {
            return Ok(Chosen {
                server: Some(self.demo(demo_url, until)),
                demo_ended_on: None,
            });
        }
        match self.own(client_key).await {
            Ok(own) => Ok(Chosen {
                server: Some(own),
                demo_ended_on: None,
            }),
            // A site whose demo ended and that has no server of its own learns why nothing opens.
            Err(OfficeError::NotConfigured) => Ok(Chosen {
                server: None,
                demo_ended_on: (trial::state(demo.as_ref(), now)
                    == crate::demo_server::DemoState::Ended)
                    .then(|| trial::view(demo.as_ref(), now).until.unwrap_or_default()),
            }),
            Err(other) => Err(other),
        }
    }

    async fn own(&self, client_key: &str) -> Result<DocumentServer, OfficeError> {
        let row = crate::store::document_server::find(self.db, client_key)
            .await?
            .ok_or(OfficeError::NotConfigured)?;
        let secret = match &row.secret_sealed {
            Some(sealed) => Some(
                self.connect
                    .tenants()
                    .secrets()
                    .open(sealed, client_key)
                    .map_err(|_| OfficeError::SecretUnreadable)?,
            ),
            None => None,
        };
        Ok(DocumentServer {
            public_url: row.public_url,
            internal_url: row.internal_url,
            secret,
            jwt_header: row.jwt_header,
            verify_certificates: !row.skip_certificate_check,
            max_download_bytes: self.max_download_bytes,
            demo_until: None,
        })
    }

    fn demo(&self, demo_url: &str, until: chrono::DateTime<chrono::Utc>) -> DocumentServer {
        DocumentServer {
            public_url: demo_url.to_owned(),
            internal_url: None,
            secret: Some(crate::demo_server::SECRET.to_owned()),
            jwt_header: crate::demo_server::JWT_HEADER.to_owned(),
            verify_certificates: true,
            max_download_bytes: self.max_download_bytes,
            demo_until: Some(trial::last_day(until)),
        }
    }
}

/// The site's editing options.
pub async fn options(state: &AppState, client_key: &str) -> Result<EditorOptions, OfficeError> {
    Ok(crate::store::editor_options::find(&state.db, client_key).await?)
}

/// The key Confluo signs its file and callback links with.
pub fn link_key(state: &AppState) -> [u8; 32] {
    server_key(state, link_token::KEY_PURPOSE)
}

/// The keyed hash that makes this server's document keys.
pub fn doc_keys(state: &AppState) -> office::doc_key::DocKeys {
    office::doc_key::DocKeys::new(server_key(state, office::doc_key::KEY_PURPOSE))
}

/// A key for `purpose` derived from the server's secret key (one key per use).
fn server_key(state: &AppState, purpose: &str) -> [u8; 32] {
    state.connect.tenants().secrets().derive_key(purpose)
}

/// An absolute URL of this app.
pub fn app_url(state: &AppState, path_and_query: &str) -> String {
    format!(
        "{}{path_and_query}",
        state.connect.settings().base_url_str()
    )
}

/// The installed site a Document Server request is for, and the Document Server its link was
/// made for; otherwise the status to answer and why (gone: uninstalled; unavailable: try again
/// later).
pub async fn for_document_server(
    state: &AppState,
    link: &link_token::LinkClaims,
) -> Result<(Tenant, DocumentServer), (StatusCode, String)> {
    // The link was signed by us for this site: the request is the site's.
    connect::request_context::note_client_key(&link.tnt);
    let tenant = match state.connect.tenants().find(&link.tnt).await {
        Ok(Some(tenant)) if tenant.installed && !tenant.stale => tenant,
        Ok(_) => {
            return Err((
                StatusCode::GONE,
                "Confluo is no longer installed on this site".into(),
            ));
        }
        Err(err) => {
            tracing::error!(error = %err, "tenant lookup failed");
            return Err((StatusCode::SERVICE_UNAVAILABLE, "try again".into()));
        }
    };
    match document_server_for_link(state, link).await {
        Ok(ds) => Ok((tenant, ds)),
        Err(err) => {
            tracing::error!(error = %err, "no usable Document Server settings");
            Err((StatusCode::SERVICE_UNAVAILABLE, err.to_string()))
        }
    }
}
