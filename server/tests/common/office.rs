//! An office site for tests that run the server binary: the emulator's site installed, the
//! Document Server's settings stored, editing sessions opened as opening a document leaves
//! them (with their callback links), and a file host standing in for the Document Server's
//! cache files.

use std::{
    net::SocketAddr,
    time::{SystemTime, UNIX_EPOCH},
};

use app::{
    document_server_settings::{DEFAULT_JWT_HEADER, DocumentServerForm},
    office::{
        doc_key::{self, DocKeys},
        link_token::{self, LinkClaims, Purpose},
    },
    store::{document_server, office_session, office_session_member},
};
use connect::store::secrets::SecretBox;
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};

/// The emulator's demo page.
pub const PAGE: &str = "1001";
/// The person every session is opened for.
pub const EDITOR: &str = "emu-alice";

/// One editing session: its attachment, document key and callback path (with its token).
#[derive(Clone, Debug)]
pub struct Session {
    pub attachment: String,
    pub doc_key: String,
    pub callback: String,
}

/// Installs the emulator's site (signed install); its clientKey.
pub async fn install(http: &reqwest::Client, emulator: u16) -> String {
    let installed = super::emu(http, emulator, "install", json!({})).await;
    installed["clientKey"]
        .as_str()
        .unwrap_or_else(|| panic!("the install failed: {installed}"))
        .to_owned()
}

/// The id of the demo page's attachment `file_name`.
pub async fn attachment_id(http: &reqwest::Client, emulator: u16, file_name: &str) -> String {
    let state = super::emu_state(http, emulator).await;
    state["attachments"]
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|a| a["pageId"] == PAGE && a["fileName"] == file_name)
        })
        .and_then(|a| a["id"].as_str())
        .unwrap_or_else(|| panic!("the demo page has no {file_name}"))
        .to_owned()
}

/// Adds `file_name` to the demo page (a small ZIP-looking file); its id.
pub async fn add_attachment(http: &reqwest::Client, emulator: u16, file_name: &str) -> String {
    let added = super::emu(
        http,
        emulator,
        "attachments",
        json!({ "pageId": PAGE, "fileName": file_name, "content": "PK test", "as": EDITOR }),
    )
    .await;
    added["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no attachment id in {added}"))
        .to_owned()
}

/// The versions Confluence holds of `attachment`.
pub async fn versions(http: &reqwest::Client, emulator: u16, attachment: &str) -> Vec<Value> {
    let state = super::emu_state(http, emulator).await;
    state["attachments"]
        .as_array()
        .and_then(|all| all.iter().find(|a| a["id"] == attachment))
        .and_then(|a| a["versions"].as_array().cloned())
        .unwrap_or_default()
}

/// The site's Document Server: `files` serves its results; no secret.
pub async fn use_document_server(
    db: &DatabaseConnection,
    key: &str,
    client_key: &str,
    files: SocketAddr,
) {
    let secrets = SecretBox::from_base64(key).expect("key");
    let form = DocumentServerForm {
        public_url: format!("http://{files}"),
        internal_url: String::new(),
        secret: String::new(),
        clear_secret: false,
        jwt_header: DEFAULT_JWT_HEADER.into(),
        skip_certificate_check: false,
    };
    document_server::save(db, &secrets, client_key, &form, None)
        .await
        .expect("settings saved");
}

/// An editing session of `attachment` (version 1) for [`EDITOR`], as opening it leaves it.
pub async fn open_session(
    db: &DatabaseConnection,
    key: &str,
    client_key: &str,
    attachment: &str,
) -> Session {
    // The keys derive from the root stored in the database, as the server's do.
    let secrets = connect::store::server_key::load(db, SecretBox::from_base64(key).expect("key"))
        .await
        .expect("the server key");
    let doc_key =
        DocKeys::new(secrets.derive_key(doc_key::KEY_PURPOSE)).editing(client_key, attachment, 1);
    office_session::opening(db, &doc_key, client_key, PAGE, attachment, 1)
        .await
        .expect("session");
    office_session_member::record(db, &doc_key, EDITOR)
        .await
        .expect("member");
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let link = LinkClaims::new(
        Purpose::Callback,
        client_key,
        EDITOR,
        PAGE,
        attachment,
        1,
        &doc_key,
        now,
    )
    .sign(&secrets.derive_key(link_token::KEY_PURPOSE))
    .expect("link");
    Session {
        attachment: attachment.to_owned(),
        doc_key,
        callback: format!("/office/callback?token={link}"),
    }
}

/// A save callback of `session` (status 2: final, 6: forced with `lastsave`), naming `users`.
pub fn save_body(
    session: &Session,
    files: SocketAddr,
    status: u8,
    lastsave: &str,
    users: &[&str],
) -> Value {
    json!({
        "key": session.doc_key,
        "status": status,
        "url": format!("http://{files}/cache/files/data/{}/output.docx/report.docx", session.doc_key),
        "filetype": "docx",
        "users": users,
        "lastsave": lastsave,
    })
}

/// Serves `bytes` generated bytes at any path, streamed (never held whole), like the Document
/// Server's cache files.
pub async fn serve_file(bytes: u64) -> SocketAddr {
    use axum::{Router, body::Body, routing::get};
    const CHUNK: usize = 64 * 1024;
    let app = Router::new().fallback(get(move || async move {
        let chunks = bytes.div_ceil(CHUNK as u64);
        let stream = futures::stream::iter((0..chunks).map(move |i| {
            let left = bytes - i * CHUNK as u64;
            let len = left.min(CHUNK as u64) as usize;
            let mut chunk = vec![b'x'; len];
            if i == 0 {
                chunk[..2].copy_from_slice(b"PK");
            }
            Ok::<_, std::io::Error>(bytes::Bytes::from(chunk))
        }));
        (
            [(axum::http::header::CONTENT_LENGTH, bytes.to_string())],
            Body::from_stream(stream),
        )
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    address
}
