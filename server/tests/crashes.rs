//! kill -9 storms against the server binary, on SQLite and PostgreSQL: lifecycle calls and
//! Document Server callbacks keep coming while the process is killed at random moments and
//! started again, each sender retrying what got no answer, as Confluence and the Document
//! Server do. Afterwards every call that was answered is in the store exactly once.
//!
//! `CHAOS_KILLS` sets how many kills (`cargo xtask chaos` runs more), `CHAOS_SEED` repeats a
//! run (each test prints its seed).

mod common;

use std::{
    process::Stdio,
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use common::{
    Process,
    chaos::{Rng, env_count, kill9},
    free_port,
    office::{self, EDITOR, Session},
};
use connect::{
    store::{
        secrets::SecretBox,
        server_key,
        tenant::{self, TenantStore},
        testing::{Backend, TestDb},
    },
    test_host::{KeyServer, TestHost},
};
use serde_json::{Value, json};
use server::migrator::Migrator;

/// How long one call may go unanswered through outages before the test gives up on it.
const CALL_DEADLINE: Duration = Duration::from_secs(180);

fn app_url(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

/// The server under test, restartable on the same port and database.
struct Victim {
    http: reqwest::Client,
    app: u16,
    emulator: u16,
    database_url: String,
    key: String,
    extra: Vec<(&'static str, String)>,
    process: Option<Process>,
    kills: u64,
}

impl Victim {
    async fn start(&mut self) {
        let extra: Vec<(&str, String)> = self.extra.iter().map(|(k, v)| (*k, v.clone())).collect();
        let process = common::spawn_server(
            self.app,
            self.emulator,
            &self.database_url,
            &self.key,
            &extra,
            Stdio::null(),
        );
        self.process = Some(process);
        common::wait_for(&self.http, &format!("{}/healthz", app_url(self.app))).await;
    }

    fn kill(&mut self) {
        if let Some(process) = self.process.take() {
            kill9(process.0.id());
            drop(process);
            self.kills += 1;
        }
    }

    async fn restart(&mut self) {
        self.kill();
        self.start().await;
    }
}

// ---------------------------------------------------------------------------------------------
// Lifecycle storm

/// What Confluence last heard back 2xx for, per site.
#[derive(Clone, Debug, Default)]
struct Acknowledged {
    installed: bool,
    secret: String,
    /// The secrets this site used before the one in force.
    earlier: Vec<String>,
}

#[derive(Default)]
struct Tally {
    operations: AtomicU64,
    acknowledged: AtomicU64,
    unanswered: AtomicU64,
}

/// `POST path` of `event`, signed as Confluence signs it, sent again until it is answered
/// (unanswered and 5xx are retried, as the host retries lifecycle calls); the answer's status.
async fn lifecycle(
    http: &reqwest::Client,
    app: u16,
    host: &TestHost,
    event: &str,
    tally: &Tally,
) -> u16 {
    let deadline = Instant::now() + CALL_DEADLINE;
    loop {
        match common::signed_lifecycle(http, app, host, event).await {
            Ok(r) if !r.status().is_server_error() => return r.status().as_u16(),
            _ => tally.unanswered.fetch_add(1, Ordering::Relaxed),
        };
        assert!(
            Instant::now() < deadline,
            "{event} of {} never answered",
            host.client_key
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One site's life: installs, re-installs with a new secret, uninstalls, in random order,
/// until `stop`; what was acknowledged last.
async fn site_life(
    http: reqwest::Client,
    app: u16,
    mut host: TestHost,
    mut rng: Rng,
    stop: Arc<AtomicBool>,
    tally: Arc<Tally>,
) -> (TestHost, Acknowledged) {
    let mut acked = Acknowledged::default();
    while !stop.load(Ordering::Relaxed) {
        let install = !acked.installed || rng.chance(65);
        let event = if install {
            host.shared_secret = format!("secret-{}", rng.hex());
            "installed"
        } else {
            "uninstalled"
        };
        tally.operations.fetch_add(1, Ordering::Relaxed);
        let status = lifecycle(&http, app, &host, event, &tally).await;
        assert!(
            (200..300).contains(&status),
            "{event} of {} refused with {status}",
            host.client_key
        );
        tally.acknowledged.fetch_add(1, Ordering::Relaxed);
        if install {
            if acked.installed && acked.secret != host.shared_secret {
                acked.earlier.push(acked.secret.clone());
            }
            acked.secret = host.shared_secret.clone();
        }
        acked.installed = install;
        tokio::time::sleep(Duration::from_millis(rng.below(20))).await;
    }
    (host, acked)
}

/// A host-signed webhook with `secret`: the status Confluo answers.
async fn webhook_with(
    http: &reqwest::Client,
    app: u16,
    host: &TestHost,
    secret: &str,
    id: &str,
) -> u16 {
    let mut signer = host.clone();
    signer.shared_secret = secret.to_owned();
    common::signed_webhook(http, app, &signer, id).await
}

async fn install_storm(backend: Backend) {
    const SITES: usize = 12;
    let mut rng = Rng::seeded(&format!("install storm on {backend:?}"));
    let kills = env_count("CHAOS_KILLS", 3);
    let db = TestDb::new::<Migrator>(backend).await;
    let keys = KeyServer::standard()
        .await
        .expect("the install-keys server");
    let http = reqwest::Client::new();
    let app = free_port();
    let mut victim = Victim {
        http: http.clone(),
        app,
        emulator: free_port(),
        database_url: db.database_url.clone(),
        key: SecretBox::generate_key(),
        extra: vec![("CONNECT_KEYS_CDN_URL", keys.url.clone())],
        process: None,
        kills: 0,
    };
    victim.start().await;

    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Tally::default());
    let sites: Vec<_> = (0..SITES)
        .map(|i| {
            let host = TestHost::new(
                app::descriptor::APP_KEY,
                &app_url(app),
                &format!("storm-site-{i}"),
            );
            tokio::spawn(site_life(
                http.clone(),
                app,
                host,
                rng.fork(),
                stop.clone(),
                tally.clone(),
            ))
        })
        .collect();
    for _ in 0..kills {
        tokio::time::sleep(Duration::from_millis(300 + rng.below(1200))).await;
        victim.restart().await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, Ordering::Relaxed);
    let mut outcomes = Vec::new();
    for site in sites {
        outcomes.push(site.await.expect("a site's life"));
    }
    // One more crash after the last answers: what was answered must be on disk.
    victim.restart().await;

    let secrets = server_key::load(&db.conn, SecretBox::from_base64(&victim.key).expect("key"))
        .await
        .expect("the server key");
    let store = TenantStore::new(db.conn.clone(), secrets);
    let rows = tenant::all_rows(&db.conn).await.expect("tenant rows");
    assert_eq!(rows.len(), SITES, "one row per site, no other");
    let mut found = 0;
    for (i, (host, acked)) in outcomes.iter().enumerate() {
        // Every row opens: no half-written tenant.
        let stored = store
            .find(&host.client_key)
            .await
            .unwrap_or_else(|e| panic!("{} does not read back: {e}", host.client_key))
            .unwrap_or_else(|| panic!("{} was lost", host.client_key));
        assert_eq!(stored.installed, acked.installed, "{}", host.client_key);
        assert_eq!(stored.base_url, host.base_url);
        if acked.installed {
            assert_eq!(
                stored.shared_secret, acked.secret,
                "{}: not the acknowledged secret",
                host.client_key
            );
        }
        // The host's next token, signed with the secret in force, is honoured; earlier secrets
        // and uninstalled sites are refused.
        let next = webhook_with(&http, app, host, &acked.secret, &format!("check-{i}")).await;
        if acked.installed {
            assert_eq!(
                next, 204,
                "{}: the secret in force was refused",
                host.client_key
            );
            if let Some(old) = acked.earlier.last() {
                assert_eq!(
                    webhook_with(&http, app, host, old, &format!("old-{i}")).await,
                    401
                );
            }
        } else {
            assert_eq!(
                next, 401,
                "{}: an uninstalled site was served",
                host.client_key
            );
        }
        found += 1;
    }
    eprintln!(
        "install storm on {backend:?}: {} operations, {} kills, {} acknowledged, {} unanswered \
         and retried, {found} of {SITES} sites as acknowledged after restart, lost 0",
        tally.operations.load(Ordering::Relaxed),
        victim.kills,
        tally.acknowledged.load(Ordering::Relaxed),
        tally.unanswered.load(Ordering::Relaxed),
    );
    victim.kill();
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_install_storm_with_kills_loses_no_acknowledged_lifecycle_call() {
    install_storm(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_install_storm_with_kills_loses_no_acknowledged_lifecycle_call() {
    install_storm(Backend::Postgres).await;
}

// ---------------------------------------------------------------------------------------------
// Callback storm

#[derive(Default)]
struct Saves {
    acknowledged: AtomicU64,
    deliveries: AtomicU64,
    refused_for_now: AtomicU64,
    unanswered: AtomicU64,
}

/// Delivers `body` until it is answered `{"error":0}`, now and then with a duplicate copy
/// beside it (the Document Server retries, and may send twice).
async fn deliver(http: &reqwest::Client, url: &str, body: &Value, rng: &mut Rng, saves: &Saves) {
    let deadline = Instant::now() + CALL_DEADLINE;
    loop {
        let copies = if rng.chance(30) { 2 } else { 1 };
        let sends = (0..copies).map(|_| {
            saves.deliveries.fetch_add(1, Ordering::Relaxed);
            http.post(url)
                .json(body)
                .timeout(Duration::from_secs(60))
                .send()
        });
        let mut done = false;
        for sent in futures::future::join_all(sends).await {
            match sent {
                Ok(r) => {
                    let status = r.status().as_u16();
                    let answer: Value = r.json().await.unwrap_or(Value::Null);
                    if status == 200 && answer == json!({ "error": 0 }) {
                        done = true;
                    } else {
                        assert!(
                            status >= 500,
                            "a save was refused for good: {status} {answer}"
                        );
                        saves.refused_for_now.fetch_add(1, Ordering::Relaxed);
                    }
                }
                Err(_) => {
                    saves.unanswered.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
        if done {
            saves.acknowledged.fetch_add(1, Ordering::Relaxed);
            return;
        }
        assert!(Instant::now() < deadline, "a save was never taken: {body}");
        tokio::time::sleep(Duration::from_millis(200 + rng.below(300))).await;
    }
}

/// One editing session's saves in order: forced saves a moment apart until `stop`, then the
/// final one; how many were acknowledged.
async fn session_saves(
    http: reqwest::Client,
    app: u16,
    files: std::net::SocketAddr,
    session: Session,
    mut rng: Rng,
    saves: Arc<Saves>,
    stop: Arc<AtomicBool>,
) -> usize {
    let url = format!("{}{}", app_url(app), session.callback);
    let mut n = 0;
    loop {
        let last = stop.load(Ordering::Relaxed);
        let (status, lastsave) = if last {
            (2, "2026-12-06T23:59:59.000Z".to_owned())
        } else {
            (6, format!("2026-12-06T10:00:00.{n:03}Z"))
        };
        let body = office::save_body(&session, files, status, &lastsave, &[EDITOR]);
        deliver(&http, &url, &body, &mut rng, &saves).await;
        n += 1;
        if last {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(100 + rng.below(400))).await;
    }
}

async fn callback_storm(backend: Backend) {
    const SESSIONS: usize = 6;
    let mut rng = Rng::seeded(&format!("callback storm on {backend:?}"));
    let kills = env_count("CHAOS_KILLS", 3).max(1);
    let db = TestDb::new::<Migrator>(backend).await;
    let http = reqwest::Client::new();
    let (app, emulator) = (free_port(), free_port());
    let _confluence = common::emulator(&http, emulator, app, 50).await;
    let files = office::serve_file(4096).await;
    let mut victim = Victim {
        http: http.clone(),
        app,
        emulator,
        database_url: db.database_url.clone(),
        key: SecretBox::generate_key(),
        extra: Vec::new(),
        process: None,
        kills: 0,
    };
    victim.start().await;
    let client_key = office::install(&http, emulator).await;
    office::use_document_server(&db.conn, &victim.key, &client_key, files).await;
    let mut sessions = Vec::new();
    for i in 0..SESSIONS {
        let attachment = office::add_attachment(&http, emulator, &format!("storm-{i}.docx")).await;
        sessions.push(office::open_session(&db.conn, &victim.key, &client_key, &attachment).await);
    }

    let saves = Arc::new(Saves::default());
    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = sessions
        .iter()
        .map(|s| {
            tokio::spawn(session_saves(
                http.clone(),
                app,
                files,
                s.clone(),
                rng.fork(),
                saves.clone(),
                stop.clone(),
            ))
        })
        .collect();
    let upload_path = |s: &Session| {
        format!(
            "/rest/api/content/{}/child/attachment/{}/data",
            office::PAGE,
            s.attachment
        )
    };
    let mut held_at_kill = 0;
    for _ in 0..kills {
        let saving = &sessions;
        // Confluence fails some uploads outright (the Document Server is told to retry)...
        for _ in 0..2 {
            let s = &saving[rng.below(saving.len() as u64) as usize];
            common::emu(
                &http,
                emulator,
                "fail",
                json!({ "method": "POST", "pathPrefix": upload_path(s), "status": 500 }),
            )
            .await;
        }
        // ...and holds one, stored or not, until the process dies waiting for it.
        let s = &saving[rng.below(saving.len() as u64) as usize];
        common::emu(
            &http,
            emulator,
            "hold",
            json!({ "method": "POST", "pathPrefix": upload_path(s), "carryOut": rng.chance(50) }),
        )
        .await;
        let deadline = Instant::now() + Duration::from_millis(1500 + rng.below(1500));
        while Instant::now() < deadline {
            let state = common::emu_state(&http, emulator).await;
            if state["holds"]
                .as_array()
                .is_some_and(|h| h.iter().any(|h| h["held"] == 1))
            {
                held_at_kill += 1;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        victim.restart().await;
        common::emu(&http, emulator, "reset-faults", json!({})).await;
    }
    stop.store(true, Ordering::Relaxed);
    let mut acknowledged = Vec::new();
    for worker in workers {
        acknowledged.push(worker.await.expect("a session's saves"));
    }

    let mut found = 0;
    for (s, acked) in sessions.iter().zip(&acknowledged) {
        let versions = office::versions(&http, emulator, &s.attachment).await;
        let new: Vec<_> = versions.iter().skip(1).collect();
        // Exactly one version per acknowledged save: none lost, none twice.
        assert_eq!(new.len(), *acked, "{}: {versions:?}", s.attachment);
        assert!(new.iter().all(|v| v["by"] == EDITOR), "{versions:?}");
        found += new.len();
    }
    let acknowledged: usize = acknowledged.iter().sum();
    assert_eq!(
        acknowledged,
        saves.acknowledged.load(Ordering::Relaxed) as usize
    );
    eprintln!(
        "callback storm on {backend:?}: {} deliveries ({} told to retry, {} unanswered), \
         {} kills ({held_at_kill} mid-upload), {acknowledged} saves acknowledged, {found} \
         versions found after restart, lost 0, duplicates 0",
        saves.deliveries.load(Ordering::Relaxed),
        saves.refused_for_now.load(Ordering::Relaxed),
        saves.unanswered.load(Ordering::Relaxed),
        victim.kills,
    );
    victim.kill();
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_callback_storm_with_kills_stores_each_acknowledged_save_once() {
    callback_storm(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_callback_storm_with_kills_stores_each_acknowledged_save_once() {
    callback_storm(Backend::Postgres).await;
}
