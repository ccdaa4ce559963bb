//! The callback endpoint in this process: the server's own router and state on a local port,
//! the Confluence emulator as the site, and a Document Server stand-in that hands out files and
//! converts (answering at once). Repeated and retried saves store one version, an upload made
//! in Confluence during the session is kept beside the edit, an edit in another format is
//! converted back, and forged or misdirected callbacks store nothing.

mod common;

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use app::{
    document_server_settings::{DEFAULT_JWT_HEADER, DocumentServerForm},
    office::ds_token,
    store::{document_server, office_session},
};
use axum::{Json, Router, extract::State, routing::post};
use base64::{Engine, engine::general_purpose::STANDARD};
use common::{
    Process, free_port,
    office::{self, EDITOR, PAGE, Session},
};
use connect::store::{
    secrets::SecretBox,
    testing::{Backend, TestDb},
};
use serde_json::{Value, json};
use server::{access_log::TrustedProxies, config::Config, migrator::Migrator};

const DS_SECRET: &str = "document-server-secret-0123456789";

/// The Document Server's side: its files (`GET /cache/…`, whose bytes name their path) and its
/// conversion service (`POST /converter`, done at once; the requests it got are kept).
#[derive(Clone, Default)]
struct DocumentServer {
    conversions: Arc<Mutex<Vec<Value>>>,
}

async fn document_server() -> (SocketAddr, DocumentServer) {
    let ds = DocumentServer::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let app = Router::new()
        .route(
            "/converter",
            post(
                move |State(ds): State<DocumentServer>, Json(body): Json<Value>| async move {
                    // A signed request carries its fields in `token`; this stand-in has no secret
                    // of its own to check it with, so it reads the plain fields beside it.
                    let output = body["outputtype"].as_str().unwrap_or("bin").to_owned();
                    ds.conversions.lock().map(|mut c| c.push(body)).ok();
                    Json(json!({
                        "endConvert": true,
                        "percent": 100,
                        "fileUrl": format!("http://{address}/cache/converted.{output}"),
                        "fileType": output,
                    }))
                },
            ),
        )
        .fallback(|uri: axum::http::Uri| async move { format!("PK file {}", uri.path()) })
        .with_state(ds.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (address, ds)
}

/// One site, with Confluo's router running in this process.
struct Site {
    db: TestDb,
    http: reqwest::Client,
    key: String,
    app: u16,
    emulator: u16,
    _emulator: Process,
    ds: SocketAddr,
    stand_in: DocumentServer,
    client_key: String,
}

impl Site {
    async fn start(backend: Backend, secret: Option<&str>) -> Self {
        let db = TestDb::new::<Migrator>(backend).await;
        let http = reqwest::Client::new();
        let key = SecretBox::generate_key();
        let (app, emulator) = (free_port(), free_port());
        let node = common::emulator(&http, emulator, app, 20).await;
        let emu = format!("http://127.0.0.1:{emulator}");
        let settings = [
            ("APP_ENV", "development".to_owned()),
            ("APP_BASE_URL", format!("http://127.0.0.1:{app}")),
            ("DATABASE_URL", db.database_url.clone()),
            ("CONNECT_SECRET_KEY", key.clone()),
            ("CONNECT_KEYS_CDN_URL", format!("{emu}/_emu/install-keys")),
            ("CONNECT_OAUTH_URL", format!("{emu}/_emu/oauth")),
            ("OUTBOUND_ALLOW", "127.0.0.1".to_owned()),
        ];
        let config = Config::from_lookup(|name| {
            settings
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
        })
        .expect("config");
        let store = server::open_store(&config).await.expect("store");
        let state = server::state(&config, store).await.expect("state");
        let router = server::routes::router(state, TrustedProxies::new(Vec::new()));
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", app))
            .await
            .expect("bind the app's port");
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        let client_key = office::install(&http, emulator).await;
        let (ds, stand_in) = document_server().await;
        let form = DocumentServerForm {
            public_url: format!("http://{ds}"),
            internal_url: String::new(),
            secret: secret.unwrap_or_default().to_owned(),
            clear_secret: false,
            jwt_header: DEFAULT_JWT_HEADER.into(),
            skip_certificate_check: false,
        };
        let secrets = SecretBox::from_base64(&key).expect("key");
        document_server::save(&db.conn, &secrets, &client_key, &form, None)
            .await
            .expect("settings saved");
        Self {
            db,
            http,
            key,
            app,
            emulator,
            _emulator: node,
            ds,
            stand_in,
            client_key,
        }
    }

    async fn session(&self, file_name: &str) -> Session {
        let attachment = office::add_attachment(&self.http, self.emulator, file_name).await;
        office::open_session(&self.db.conn, &self.key, &self.client_key, &attachment).await
    }

    /// A save of `session` (status 2), the file in `filetype`.
    fn save(&self, session: &Session, filetype: &str) -> Value {
        json!({
            "key": session.doc_key,
            "status": 2,
            "url": format!("http://{}/cache/{}/output.{filetype}", self.ds, session.doc_key),
            "filetype": filetype,
            "users": [EDITOR],
            "lastsave": "2026-12-06T10:00:00.000Z",
        })
    }

    /// POSTs `body` (and `header` as the Document Server's token header) to `callback`.
    async fn post(&self, callback: &str, body: &Value, header: Option<String>) -> (u16, Value) {
        let mut request = self
            .http
            .post(format!("http://127.0.0.1:{}{callback}", self.app))
            .json(body);
        if let Some(value) = header {
            request = request.header(DEFAULT_JWT_HEADER, value);
        }
        let answer = request.send().await.expect("the callback is answered");
        let status = answer.status().as_u16();
        (status, answer.json().await.unwrap_or(Value::Null))
    }

    async fn versions(&self, session: &Session) -> Vec<Value> {
        office::versions(&self.http, self.emulator, &session.attachment).await
    }

    /// The bytes Confluence holds as `file_name`'s newest version, as text.
    async fn newest(&self, file_name: &str) -> String {
        let data: Value = self
            .http
            .get(format!(
                "http://127.0.0.1:{}/_emu/api/attachment-data?pageId={PAGE}&fileName={file_name}",
                self.emulator
            ))
            .send()
            .await
            .expect("the emulator answers")
            .json()
            .await
            .expect("JSON");
        let bytes = STANDARD
            .decode(data["base64"].as_str().unwrap_or_default())
            .expect("base64");
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

fn ok() -> (u16, Value) {
    (200, json!({ "error": 0 }))
}

async fn a_repeated_save_stores_one_version(backend: Backend) {
    let site = Site::start(backend, None).await;
    let session = site.session("repeated.docx").await;
    let body = site.save(&session, "docx");
    assert_eq!(site.post(&session.callback, &body, None).await, ok());
    assert_eq!(site.post(&session.callback, &body, None).await, ok());
    // And two more copies at the same moment.
    let (a, b) = tokio::join!(
        site.post(&session.callback, &body, None),
        site.post(&session.callback, &body, None)
    );
    assert_eq!((a, b), (ok(), ok()));
    let versions = site.versions(&session).await;
    assert_eq!(versions.len(), 2, "{versions:?}");
    assert_eq!(versions[1]["by"], EDITOR);
    assert_eq!(
        site.newest("repeated.docx").await,
        format!("PK file /cache/{}/output.docx", session.doc_key)
    );
    site.db.cleanup().await;
}

#[tokio::test]
async fn sqlite_a_repeated_save_stores_one_version() {
    a_repeated_save_stores_one_version(Backend::Sqlite).await;
}

#[tokio::test]
async fn postgres_a_repeated_save_stores_one_version() {
    a_repeated_save_stores_one_version(Backend::Postgres).await;
}

#[tokio::test]
async fn a_failed_upload_asks_for_a_retry_which_stores_the_version_once() {
    let site = Site::start(Backend::Sqlite, None).await;
    let session = site.session("retried.docx").await;
    common::emu(
        &site.http,
        site.emulator,
        "fail",
        json!({
            "method": "POST",
            "pathPrefix": format!("/rest/api/content/{PAGE}/child/attachment/{}/data", session.attachment),
            "status": 500,
        }),
    )
    .await;
    let body = site.save(&session, "docx");
    let (status, answer) = site.post(&session.callback, &body, None).await;
    // A 5xx: the Document Server retries it.
    assert_eq!(status, 500, "{answer}");
    assert_eq!(answer["error"], 1);
    assert_eq!(site.versions(&session).await.len(), 1);
    assert_eq!(site.post(&session.callback, &body, None).await, ok());
    assert_eq!(site.post(&session.callback, &body, None).await, ok());
    assert_eq!(site.versions(&session).await.len(), 2);
    site.db.cleanup().await;
}

#[tokio::test]
async fn an_upload_in_confluence_during_the_session_is_kept_beside_the_edit() {
    let site = Site::start(Backend::Sqlite, None).await;
    let session = site.session("conflict.docx").await;
    // Bob uploads version 2 while the session edits version 1.
    common::emu(
        &site.http,
        site.emulator,
        "attachments",
        json!({ "pageId": PAGE, "fileName": "conflict.docx", "content": "PK bob", "as": "emu-bob" }),
    )
    .await;
    assert_eq!(
        site.post(&session.callback, &site.save(&session, "docx"), None)
            .await,
        ok()
    );
    let versions = site.versions(&session).await;
    assert_eq!(versions.len(), 3, "{versions:?}");
    assert_eq!(versions[1]["by"], "emu-bob");
    assert_eq!(versions[2]["by"], EDITOR);
    let comment = versions[2]["comment"].as_str().unwrap_or_default();
    assert!(
        comment.contains("from version 1") && comment.contains("Version 2 was uploaded"),
        "{comment}"
    );
    let stored = office_session::get(&site.db.conn, &session.doc_key)
        .await
        .expect("the session")
        .expect("kept");
    assert_eq!(stored.saved_version, Some(3));
    assert!(stored.notice.is_some(), "no notice for the next people");
    site.db.cleanup().await;
}

#[tokio::test]
async fn an_edit_handed_back_in_another_format_is_converted_back() {
    let site = Site::start(Backend::Sqlite, None).await;
    let session = site.session("minutes.odt").await;
    assert_eq!(
        site.post(&session.callback, &site.save(&session, "docx"), None)
            .await,
        ok()
    );
    let conversions = site
        .stand_in
        .conversions
        .lock()
        .map(|c| c.clone())
        .unwrap_or_default();
    assert_eq!(conversions.len(), 1, "{conversions:?}");
    assert_eq!(conversions[0]["filetype"], "docx");
    assert_eq!(conversions[0]["outputtype"], "odt");
    assert_eq!(site.versions(&session).await.len(), 2);
    assert_eq!(
        site.newest("minutes.odt").await,
        "PK file /cache/converted.odt"
    );
    site.db.cleanup().await;
}

#[tokio::test]
async fn forged_and_misdirected_callbacks_store_nothing() {
    let site = Site::start(Backend::Sqlite, Some(DS_SECRET)).await;
    let session = site.session("signed.docx").await;
    let other = site.session("other.docx").await;
    let fields = site.save(&session, "docx");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let signed = |fields: &Value, secret: &str| {
        let mut body = fields.clone();
        body["token"] = Value::from(ds_token::sign(fields, secret, now).expect("sign"));
        body
    };
    let refusals = [
        // No Document Server token at all.
        (
            "no token",
            session.callback.clone(),
            fields.clone(),
            None,
            401,
        ),
        // Signed with another secret, in the body and in the header.
        (
            "another secret",
            session.callback.clone(),
            signed(&fields, "not-the-document-servers-secret"),
            None,
            403,
        ),
        (
            "another secret in the header",
            session.callback.clone(),
            fields.clone(),
            Some(format!(
                "Bearer {}",
                ds_token::sign_header(&fields, "not-the-document-servers-secret", now)
                    .expect("sign")
            )),
            403,
        ),
        // A valid token for this session, sent to the other session's link.
        (
            "another document's link",
            other.callback.clone(),
            signed(&fields, DS_SECRET),
            None,
            403,
        ),
        // The link's own token changed.
        (
            "a changed link",
            format!("{}x", session.callback),
            signed(&fields, DS_SECRET),
            None,
            401,
        ),
    ];
    for (what, callback, body, header, expected) in refusals {
        let (status, answer) = site.post(&callback, &body, header).await;
        assert_eq!(status, expected, "{what}: {answer}");
        assert_eq!(answer["error"], 1, "{what}");
        assert!(
            answer["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{what}"
        );
    }
    assert_eq!(site.versions(&session).await.len(), 1);
    assert_eq!(site.versions(&other).await.len(), 1);
    // Signed by the Document Server: stored.
    assert_eq!(
        site.post(&session.callback, &signed(&fields, DS_SECRET), None)
            .await,
        ok()
    );
    assert_eq!(site.versions(&session).await.len(), 2);
    assert_eq!(site.versions(&other).await.len(), 1);
    site.db.cleanup().await;
}
