//! The server binary as it runs in production, killed mid-save and started again, with the
//! Confluence emulator (`end2end/emulator`) as Confluence and a file host as the Document
//! Server: the replayed callback ends in exactly one new version, whether the interrupted upload
//! had reached Confluence or not, on SQLite and PostgreSQL. A 300 MB save passes through the
//! server without its memory growing with the file. And on this site, whose Document Server has
//! no secret, a callback cannot credit a save to someone who never joined the session.

mod common;

use std::{
    net::SocketAddr,
    time::{Duration, Instant},
};

use common::{
    Process, free_port,
    office::{self, EDITOR, PAGE},
};

use connect::store::{
    secrets::SecretBox,
    testing::{Backend, TestDb},
};
use serde_json::{Value, json};
use server::migrator::Migrator;

/// Everything one run needs: the database, Confluence, the Document Server's files, the server.
struct Site {
    db: TestDb,
    http: reqwest::Client,
    key: String,
    app: u16,
    emulator: u16,
    files: SocketAddr,
    _emulator: Process,
    server: Option<Process>,
    client_key: String,
    attachment: String,
    doc_key: String,
    callback: String,
}

impl Site {
    async fn start(backend: Backend, file_bytes: u64, max_file_mb: u32) -> Self {
        let db = TestDb::new::<Migrator>(backend).await;
        let http = reqwest::Client::new();
        let key = SecretBox::generate_key();
        let (app, emulator) = (free_port(), free_port());
        let node = common::emulator(&http, emulator, app, u64::from(max_file_mb) + 10).await;
        let files = office::serve_file(file_bytes).await;
        let mut site = Self {
            db,
            http,
            key,
            app,
            emulator,
            files,
            _emulator: node,
            server: None,
            client_key: String::new(),
            attachment: String::new(),
            doc_key: String::new(),
            callback: String::new(),
        };
        site.start_server(max_file_mb).await;
        site.install().await;
        site
    }

    async fn start_server(&mut self, max_file_mb: u32) {
        let server = common::server(
            &self.http,
            self.app,
            self.emulator,
            &self.db.database_url,
            &self.key,
            &[("MAX_FILE_MB", max_file_mb.to_string())],
        )
        .await;
        self.server = Some(server);
    }

    fn server_pid(&self) -> u32 {
        self.server.as_ref().map(|p| p.0.id()).unwrap_or_default()
    }

    /// SIGKILL: no shutdown, no cleanup, as a crash or an OOM kill would.
    fn kill_server(&mut self) {
        self.server = None;
    }

    async fn emu(&self, path: &str, body: Value) -> Value {
        common::emu(&self.http, self.emulator, path, body).await
    }

    async fn state(&self) -> Value {
        common::emu_state(&self.http, self.emulator).await
    }

    async fn versions(&self) -> Vec<Value> {
        office::versions(&self.http, self.emulator, &self.attachment).await
    }

    /// A signed install, the Document Server's settings, and an editing session with its
    /// callback link, as opening the document would leave them.
    async fn install(&mut self) {
        self.client_key = office::install(&self.http, self.emulator).await;
        self.attachment = office::attachment_id(&self.http, self.emulator, "report.docx").await;
        office::use_document_server(&self.db.conn, &self.key, &self.client_key, self.files).await;
        let session =
            office::open_session(&self.db.conn, &self.key, &self.client_key, &self.attachment)
                .await;
        self.doc_key = session.doc_key;
        self.callback = format!("http://127.0.0.1:{}{}", self.app, session.callback);
    }

    /// The Document Server's "ready for saving" callback; the status and the answer.
    async fn deliver(&self, within: Duration) -> Option<(u16, Value)> {
        self.deliver_naming(&[EDITOR], within).await
    }

    /// The callback, naming `users` as the session's editors.
    async fn deliver_naming(&self, users: &[&str], within: Duration) -> Option<(u16, Value)> {
        let body = json!({
            "key": self.doc_key,
            "status": 2,
            "url": format!("http://{}/cache/files/data/k/output.docx/report.docx", self.files),
            "filetype": "docx",
            "users": users,
        });
        let sent = self
            .http
            .post(&self.callback)
            .json(&body)
            .timeout(within)
            .send()
            .await
            .ok()?;
        let status = sent.status().as_u16();
        Some((status, sent.json().await.unwrap_or(Value::Null)))
    }

    async fn stop(mut self) {
        self.kill_server();
        self.db.cleanup().await;
    }
}

/// Kills the server while Confluence holds the upload's answer (having stored it or not),
/// starts it again and replays the callback until it is answered.
async fn a_save_interrupted_by_a_crash_lands_once(backend: Backend, upload_landed: bool) {
    let mut site = Site::start(backend, 4096, 100).await;
    site.emu(
        "hold",
        json!({
            "method": "POST",
            "pathPrefix": format!("/rest/api/content/{PAGE}/child/attachment/{}/data", site.attachment),
            "carryOut": upload_landed,
        }),
    )
    .await;
    // The first delivery: the server uploads, and never hears back.
    let first = {
        let site = &site;
        async move { site.deliver(Duration::from_secs(60)).await }
    };
    let held = async {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if site.state().await["holds"][0]["held"] == 1 {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    };
    let pid = site.server_pid();
    let outcome = tokio::select! {
        answered = first => panic!("the held upload was answered: {answered:?}"),
        held = held => {
            // Killed while the upload is still in flight, before this side hangs up.
            let _ = std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status();
            held
        }
    };
    assert!(outcome, "the upload never reached Confluence");
    site.kill_server();
    assert_eq!(
        site.versions().await.len(),
        if upload_landed { 2 } else { 1 }
    );

    site.start_server(100).await;
    // Retries until the claim of the dead process runs out; each one before is told to come
    // back later, none stores anything.
    let deadline = Instant::now() + office_save_lease() * 3;
    let answer = loop {
        let answer = site.deliver(Duration::from_secs(60)).await;
        match &answer {
            Some((503, body)) if Instant::now() < deadline => {
                assert_eq!(body["error"], 1, "{body}");
                assert!(site.versions().await.len() <= 2);
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            _ => break answer,
        }
    };
    assert_eq!(answer, Some((200, json!({ "error": 0 }))));
    let versions = site.versions().await;
    assert_eq!(versions.len(), 2, "{versions:?}");
    assert_eq!(versions[1]["by"], EDITOR);
    assert_eq!(
        versions[1]["comment"],
        "Edited in ONLYOFFICE by Alice Admin"
    );
    // A repeat afterwards stores nothing more.
    assert_eq!(
        site.deliver(Duration::from_secs(60)).await,
        Some((200, json!({ "error": 0 })))
    );
    assert_eq!(site.versions().await.len(), 2);
    site.stop().await;
}

fn office_save_lease() -> Duration {
    app::store::office_save::LEASE
}

#[tokio::test]
async fn sqlite_a_save_whose_upload_landed_before_the_crash_is_not_stored_twice() {
    a_save_interrupted_by_a_crash_lands_once(Backend::Sqlite, true).await;
}

#[tokio::test]
async fn sqlite_a_save_whose_upload_was_lost_in_the_crash_is_stored_once() {
    a_save_interrupted_by_a_crash_lands_once(Backend::Sqlite, false).await;
}

#[tokio::test]
async fn postgres_a_save_whose_upload_landed_before_the_crash_is_not_stored_twice() {
    a_save_interrupted_by_a_crash_lands_once(Backend::Postgres, true).await;
}

#[tokio::test]
async fn postgres_a_save_whose_upload_was_lost_in_the_crash_is_stored_once() {
    a_save_interrupted_by_a_crash_lands_once(Backend::Postgres, false).await;
}

#[tokio::test]
async fn a_300_mb_save_streams_through_the_server_in_little_memory() {
    const SIZE: u64 = 300 * 1024 * 1024;
    let site = Site::start(Backend::Sqlite, SIZE, 400).await;
    let answer = site.deliver(Duration::from_secs(600)).await;
    assert_eq!(answer, Some((200, json!({ "error": 0 }))));
    let versions = site.versions().await;
    assert_eq!(versions.len(), 2, "{versions:?}");
    assert_eq!(versions[1]["size"], SIZE);
    let peak = common::chaos::peak_memory(site.server_pid());
    assert!(peak > 0, "no VmHWM for the server");
    assert!(
        peak < 128 * 1024 * 1024,
        "the server's memory peaked at {} MiB for a {} MiB file",
        peak / 1024 / 1024,
        SIZE / 1024 / 1024
    );
    site.stop().await;
}

async fn grants_for(site: &Site, account_id: &str) -> usize {
    site.state().await["grants"].as_array().map_or(0, |all| {
        all.iter().filter(|g| g["accountId"] == account_id).count()
    })
}

#[tokio::test]
async fn a_callback_cannot_credit_a_save_to_someone_who_never_joined() {
    let site = Site::start(Backend::Sqlite, 4096, 100).await;
    // Anyone holding the callback link could send this: the site's Document Server has no secret.
    let (status, body) = site
        .deliver_naming(&["emu-carol"], Duration::from_secs(60))
        .await
        .expect("an answer");
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["error"], 1);
    assert_eq!(site.versions().await.len(), 1);
    assert_eq!(grants_for(&site, "emu-carol").await, 0);
    // Named beside a member, the outsider is passed over: the member is credited.
    let answer = site
        .deliver_naming(&["emu-carol", EDITOR], Duration::from_secs(60))
        .await;
    assert_eq!(answer, Some((200, json!({ "error": 0 }))));
    let versions = site.versions().await;
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["by"], EDITOR);
    assert_eq!(grants_for(&site, "emu-carol").await, 0);
    assert!(grants_for(&site, EDITOR).await > 0);
    site.stop().await;
}
