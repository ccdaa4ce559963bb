//! Personal data and retention, with the server binary as it runs in production and the
//! Confluence emulator as Confluence, on SQLite and PostgreSQL: the accounts Confluo stores
//! are reported to Atlassian's personal data API at most 90 a request, once per cycle; what it
//! keeps of an account reported closed is erased and the rest kept. A site uninstalled keeps
//! its data through the retention period and finds it again when it re-installs; past the
//! period it is purged, secret and all.

mod common;

use std::time::{Duration, Instant};

use app::{
    document_server_settings::{DEFAULT_JWT_HEADER, DocumentServerForm},
    store::{attachment_activity, document_server},
};
use connect::store::{
    secrets::SecretBox,
    testing::{Backend, TestDb},
};
use serde_json::{Value, json};
use server::migrator::Migrator;

struct Site {
    db: TestDb,
    http: reqwest::Client,
    key: String,
    app: u16,
    emulator: u16,
    _emulator: common::Process,
    server: Option<common::Process>,
}

impl Site {
    async fn start(backend: Backend) -> Self {
        let db = TestDb::new::<Migrator>(backend).await;
        let http = reqwest::Client::new();
        let (app, emulator) = (common::free_port(), common::free_port());
        let node = common::emulator(&http, emulator, app, 10).await;
        Self {
            db,
            http,
            key: SecretBox::generate_key(),
            app,
            emulator,
            _emulator: node,
            server: None,
        }
    }

    /// (Re)starts the server, sweeping every second, keeping uninstalled sites `retention_days`.
    async fn run_server(&mut self, retention_days: u32) {
        self.server = None;
        let server = common::server(
            &self.http,
            self.app,
            self.emulator,
            &self.db.database_url,
            &self.key,
            &[
                ("HOUSEKEEPING_SECS", "1".into()),
                ("UNINSTALLED_RETENTION_DAYS", retention_days.to_string()),
            ],
        )
        .await;
        self.server = Some(server);
    }

    async fn emu(&self, path: &str, body: Value) -> Value {
        common::emu(&self.http, self.emulator, path, body).await
    }

    async fn reports(&self) -> Vec<Vec<String>> {
        let state = common::emu_state(&self.http, self.emulator).await;
        let ids = |r: &Value| -> Vec<String> {
            r["accountIds"]
                .as_array()
                .map(|ids| {
                    ids.iter()
                        .filter_map(|i| i.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        state["privacyReports"]
            .as_array()
            .map(|all| all.iter().map(ids).collect())
            .unwrap_or_default()
    }

    /// The clientKey the emulator's site installs with.
    async fn site_key(&self) -> String {
        let state = common::emu_state(&self.http, self.emulator).await;
        state["clientKey"].as_str().expect("a clientKey").to_owned()
    }

    async fn install(&self) -> String {
        let out = self.emu("install", json!({})).await;
        out["clientKey"]
            .as_str()
            .unwrap_or_else(|| panic!("the install failed: {out}"))
            .to_owned()
    }

    async fn save_settings(&self, client_key: &str, by: &str) {
        let secrets = SecretBox::from_base64(&self.key).expect("key");
        let form = DocumentServerForm {
            public_url: "http://127.0.0.1:9/".into(),
            internal_url: String::new(),
            secret: "a-document-server-secret".into(),
            clear_secret: false,
            jwt_header: DEFAULT_JWT_HEADER.into(),
            skip_certificate_check: false,
        };
        document_server::save(&self.db.conn, &secrets, client_key, &form, Some(by))
            .await
            .expect("settings saved");
    }
}

/// Polls `check` every 200 ms for up to `secs` seconds.
async fn eventually<F, Fut>(secs: u64, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{what} did not happen within {secs} s");
}

async fn closed_accounts_are_reported_and_erased(backend: Backend) {
    let mut site = Site::start(backend).await;
    site.run_server(30).await;
    // Stored before the site installs, so its first report has them all.
    let client_key = site.site_key().await;
    let db = &site.db.conn;
    // 150 people Confluence said changed an attachment, and Carol, who also saved the settings.
    for n in 0..150 {
        let who = format!("acct-{n}");
        attachment_activity::record(
            db,
            &client_key,
            &format!("att-{n}"),
            "attachment_updated",
            Some(1),
            Some(&who),
        )
        .await
        .expect("recorded");
    }
    attachment_activity::record(
        db,
        &client_key,
        "att-carol",
        "attachment_created",
        Some(1),
        Some("emu-carol"),
    )
    .await
    .expect("recorded");
    site.save_settings(&client_key, "emu-carol").await;
    site.emu("close-account", json!({ "accountId": "emu-carol" }))
        .await;
    assert_eq!(site.install().await, client_key);

    eventually(30, "Carol's data erased", || async {
        document_server::find(db, &client_key)
            .await
            .ok()
            .flatten()
            .is_some_and(|r| r.updated_by.is_none())
    })
    .await;
    let reports = site.reports().await;
    assert!(
        reports.iter().all(|r| !r.is_empty() && r.len() <= 90),
        "batches of at most 90: {:?}",
        reports.iter().map(Vec::len).collect::<Vec<_>>()
    );
    let reported: std::collections::BTreeSet<&String> = reports.iter().flatten().collect();
    assert_eq!(reported.len(), 151, "every stored account once");
    assert!(reported.contains(&"emu-carol".to_owned()));
    assert_eq!(reports.len(), 2, "151 accounts in two requests");
    let carol = attachment_activity::latest(db, &client_key, "att-carol")
        .await
        .expect("read");
    assert!(
        carol.is_some_and(|c| c.account_id.is_none()),
        "the change is kept, Carol's id is not"
    );
    let kept = attachment_activity::latest(db, &client_key, "att-7")
        .await
        .expect("read");
    assert_eq!(kept.and_then(|c| c.account_id).as_deref(), Some("acct-7"));

    // Nothing more is reported before the next cycle, however many sweeps run.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(site.reports().await.len(), 2);
    site.db.cleanup().await;
}

async fn uninstalled_sites_are_kept_for_the_retention_period_then_purged(backend: Backend) {
    let mut site = Site::start(backend).await;
    site.run_server(30).await;
    let client_key = site.install().await;
    site.save_settings(&client_key, "emu-alice").await;
    site.emu("uninstall", json!({})).await;
    // Within the period: sweeps pass, the data stays, a re-install finds it.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let db = site.db.conn.clone();
    assert!(
        document_server::find(&db, &client_key)
            .await
            .expect("read")
            .is_some()
    );
    assert_eq!(site.install().await, client_key);
    assert!(
        document_server::find(&db, &client_key)
            .await
            .expect("read")
            .is_some()
    );

    // With no retention, an uninstalled site is purged at the next sweep.
    site.run_server(0).await;
    let db = &db;
    site.emu("uninstall", json!({})).await;
    eventually(30, "the uninstalled site purged", || async {
        document_server::find(db, &client_key)
            .await
            .ok()
            .flatten()
            .is_none()
    })
    .await;
    let tenants = connect::store::tenant::all_rows(db).await.expect("read");
    assert!(
        tenants.iter().all(|t| t.client_key != client_key),
        "the tenant and its secret are gone"
    );
    // Installing again starts afresh.
    assert_eq!(site.install().await, client_key);
    assert!(
        document_server::find(db, &client_key)
            .await
            .expect("read")
            .is_none()
    );
    site.db.cleanup().await;
}

#[tokio::test]
async fn closed_accounts_are_reported_and_erased_sqlite() {
    closed_accounts_are_reported_and_erased(Backend::Sqlite).await;
}

#[tokio::test]
async fn closed_accounts_are_reported_and_erased_postgres() {
    closed_accounts_are_reported_and_erased(Backend::Postgres).await;
}

#[tokio::test]
async fn uninstalled_sites_are_kept_then_purged_sqlite() {
    uninstalled_sites_are_kept_for_the_retention_period_then_purged(Backend::Sqlite).await;
}

#[tokio::test]
async fn uninstalled_sites_are_kept_then_purged_postgres() {
    uninstalled_sites_are_kept_for_the_retention_period_then_purged(Backend::Postgres).await;
}
