//! Replicas on one PostgreSQL: two servers booting at the same moment on an empty schema migrate
//! it once, and a replica that starts while another holds the migration lock waits for it
//! instead of migrating beside it. A secret rotated through one replica is in force on the
//! other at once; the same webhook or callback delivered to both at the same moment is acted
//! on once; the housekeeping sweep runs once per period, not once per replica, and moves to
//! the survivor when its holder dies.

mod common;

use std::{
    process::Stdio,
    time::{Duration, Instant},
};

use common::office::{self, EDITOR};
use connect::{
    store::{
        migrate_once::LOCK_KEY_SQL,
        secrets::SecretBox,
        testing::{Backend, TestDb},
    },
    test_host::{KeyServer, TestHost},
};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DbBackend, Statement};
use sea_orm_migration::MigratorTrait;
use serde_json::{Value, json};
use server::migrator::Migrator;

async fn applied(db: &TestDb) -> Vec<String> {
    db.conn
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "version").unwrap())
        .collect()
}

fn expected() -> Vec<String> {
    let mut names: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn two_replicas_booting_together_migrate_the_schema_once() {
    let db = TestDb::empty(Backend::Postgres).await;
    let http = reqwest::Client::new();
    let (a, b, emulator) = (
        common::free_port(),
        common::free_port(),
        common::free_port(),
    );
    // Set identically on every replica, as the README says.
    let key = SecretBox::generate_key();
    let first = common::spawn_server(a, emulator, &db.database_url, &key, &[], Stdio::null());
    let second = common::spawn_server(b, emulator, &db.database_url, &key, &[], Stdio::null());
    common::wait_for(&http, &format!("http://127.0.0.1:{a}/healthz")).await;
    common::wait_for(&http, &format!("http://127.0.0.1:{b}/healthz")).await;
    assert_eq!(
        applied(&db).await,
        expected(),
        "each migration exactly once"
    );
    drop((first, second));
    db.cleanup().await;
}

#[tokio::test]
async fn a_replica_waits_while_another_one_holds_the_migration_lock() {
    let db = TestDb::empty(Backend::Postgres).await;
    // Another replica, mid-migration: the lock taken on a connection of its own.
    let holder = Database::connect(
        ConnectOptions::new(db.database_url.clone())
            .sqlx_logging(false)
            .max_connections(1)
            .to_owned(),
    )
    .await
    .unwrap();
    holder
        .execute_unprepared(&format!("SELECT pg_advisory_lock({LOCK_KEY_SQL})"))
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let (app, emulator) = (common::free_port(), common::free_port());
    let key = SecretBox::generate_key();
    let server = common::spawn_server(app, emulator, &db.database_url, &key, &[], Stdio::null());
    let health = format!("http://127.0.0.1:{app}/healthz");
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        http.get(&health).send().await.is_err(),
        "the replica served before the schema was its to migrate"
    );
    assert!(
        applied_or_none(&db).await.is_empty(),
        "it migrated beside the lock holder"
    );
    holder
        .execute_unprepared(&format!("SELECT pg_advisory_unlock({LOCK_KEY_SQL})"))
        .await
        .unwrap();
    common::wait_for(&http, &health).await;
    assert_eq!(applied(&db).await, expected());
    drop(server);
    let _ = holder.close().await;
    db.cleanup().await;
}

/// The applied migrations, or none when the bookkeeping table does not exist yet.
async fn applied_or_none(db: &TestDb) -> Vec<String> {
    let exists = db
        .conn
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT to_regclass('seaql_migrations') IS NOT NULL AS present",
        ))
        .await
        .unwrap()
        .and_then(|row| row.try_get::<bool>("", "present").ok())
        .unwrap_or(false);
    if exists {
        applied(db).await
    } else {
        Vec::new()
    }
}

/// Two replicas of one deployment on `db`, the first on `a`: same key, same settings (the
/// first's address as the base URL both answer to, as behind a load balancer), `extra` on both.
async fn two_replicas(
    http: &reqwest::Client,
    db: &TestDb,
    emulator: u16,
    a: u16,
    extra: &[(&str, String)],
) -> (u16, common::Process, common::Process, String) {
    let key = SecretBox::generate_key();
    let b = common::free_port();
    let mut extra = extra.to_vec();
    extra.push(("APP_BASE_URL", format!("http://127.0.0.1:{a}")));
    let first = common::server(http, a, emulator, &db.database_url, &key, &extra).await;
    let second = common::server(http, b, emulator, &db.database_url, &key, &extra).await;
    (b, first, second, key)
}

async fn signed_install(http: &reqwest::Client, port: u16, host: &TestHost) -> u16 {
    common::signed_lifecycle(http, port, host, "installed")
        .await
        .expect("the replica answers")
        .status()
        .as_u16()
}

/// Two replicas on PostgreSQL trusting a local install-keys server, and a site installed
/// through the first.
struct InstalledSite {
    db: TestDb,
    http: reqwest::Client,
    _keys: KeyServer,
    a: u16,
    b: u16,
    _replicas: (common::Process, common::Process),
    host: TestHost,
}

impl InstalledSite {
    async fn start() -> Self {
        let db = TestDb::new::<Migrator>(Backend::Postgres).await;
        let keys = KeyServer::standard()
            .await
            .expect("the install-keys server");
        let http = reqwest::Client::new();
        let a = common::free_port();
        let extra = [("CONNECT_KEYS_CDN_URL", keys.url.clone())];
        let (b, first, second, _) = two_replicas(&http, &db, common::free_port(), a, &extra).await;
        let host = TestHost::new(
            app::descriptor::APP_KEY,
            &format!("http://127.0.0.1:{a}"),
            "replica-site",
        );
        assert_eq!(signed_install(&http, a, &host).await, 204);
        Self {
            db,
            http,
            _keys: keys,
            a,
            b,
            _replicas: (first, second),
            host,
        }
    }
}

#[tokio::test]
async fn a_secret_rotated_through_one_replica_is_in_force_on_the_other_at_once() {
    let site = InstalledSite::start().await;
    let (http, a, b, mut host) = (&site.http, site.a, site.b, site.host.clone());
    assert_eq!(common::signed_webhook(http, b, &host, "first").await, 204);
    for round in 0..5 {
        let old = host.clone();
        host.shared_secret = format!("rotated-secret-{round}-0123456789abcdef");
        assert_eq!(signed_install(http, a, &host).await, 204);
        // The very next call, on the other replica.
        assert_eq!(
            common::signed_webhook(http, b, &old, &format!("old-{round}")).await,
            401,
            "replica B still honours the secret A replaced"
        );
        assert_eq!(
            common::signed_webhook(http, b, &host, &format!("new-{round}")).await,
            204
        );
    }
    site.db.cleanup().await;
}

#[tokio::test]
async fn one_webhook_delivered_to_both_replicas_at_once_is_acted_on_once() {
    let site = InstalledSite::start().await;
    let (http, a, b, host) = (&site.http, site.a, site.b, &site.host);
    for n in 0..20 {
        let id = format!("delivery-{n}");
        let (x, y) = tokio::join!(
            common::signed_webhook(http, a, host, &id),
            common::signed_webhook(http, b, host, &id)
        );
        let mut statuses = [x, y];
        statuses.sort();
        // 204: this replica ran the handler; 200: it found the delivery already taken.
        assert_eq!(statuses, [200, 204], "delivery {n}");
    }
    site.db.cleanup().await;
}

#[tokio::test]
async fn the_same_callback_delivered_to_both_replicas_at_once_stores_one_version() {
    const ROUNDS: usize = 4;
    let db = TestDb::new::<Migrator>(Backend::Postgres).await;
    let http = reqwest::Client::new();
    let (emulator, a) = (common::free_port(), common::free_port());
    let _confluence = common::emulator(&http, emulator, a, 20).await;
    let files = office::serve_file(4096).await;
    let (b, _first, _second, key) = two_replicas(&http, &db, emulator, a, &[]).await;
    let client_key = office::install(&http, emulator).await;
    office::use_document_server(&db.conn, &key, &client_key, files).await;
    for round in 0..ROUNDS {
        let attachment =
            office::add_attachment(&http, emulator, &format!("both-{round}.docx")).await;
        let session = office::open_session(&db.conn, &key, &client_key, &attachment).await;
        let body = office::save_body(&session, files, 2, "", &[EDITOR]);
        let send = |port: u16| {
            let (http, body, url) = (
                http.clone(),
                body.clone(),
                format!("http://127.0.0.1:{port}{}", session.callback),
            );
            async move {
                // Each replica's copy retried until taken, as the Document Server would.
                let deadline = Instant::now() + Duration::from_secs(90);
                loop {
                    let r = http.post(&url).json(&body).send().await.expect("answer");
                    let status = r.status().as_u16();
                    let answer: Value = r.json().await.unwrap_or(Value::Null);
                    if status == 200 && answer == json!({ "error": 0 }) {
                        return;
                    }
                    assert_eq!(status, 503, "{answer}");
                    assert!(Instant::now() < deadline, "never taken");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        };
        tokio::join!(send(a), send(b));
        let versions = office::versions(&http, emulator, &attachment).await;
        assert_eq!(versions.len(), 2, "round {round}: {versions:?}");
        assert_eq!(versions[1]["by"], EDITOR);
    }
    db.cleanup().await;
}

/// `maintenance_sweeps_total{outcome}` on the metrics port `port`.
async fn sweeps(http: &reqwest::Client, port: u16, outcome: &str) -> u64 {
    let text = http
        .get(format!("http://127.0.0.1:{port}/metrics"))
        .send()
        .await
        .expect("metrics answer")
        .text()
        .await
        .unwrap_or_default();
    let line = format!("maintenance_sweeps_total{{outcome=\"{outcome}\"}} ");
    text.lines()
        .find_map(|l| l.strip_prefix(&line))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn the_sweep_runs_once_per_period_across_replicas_and_moves_to_the_survivor() {
    let db = TestDb::new::<Migrator>(Backend::Postgres).await;
    let http = reqwest::Client::new();
    let key = SecretBox::generate_key();
    let emulator = common::free_port();
    let (a, b) = (common::free_port(), common::free_port());
    let (ma, mb) = (common::free_port(), common::free_port());
    let settings = |metrics: u16| {
        vec![
            ("HOUSEKEEPING_SECS", "1".to_owned()),
            ("METRICS_ADDR", format!("127.0.0.1:{metrics}")),
        ]
    };
    let started = Instant::now();
    let first = common::spawn_server(
        a,
        emulator,
        &db.database_url,
        &key,
        &settings(ma),
        Stdio::null(),
    );
    let second = common::spawn_server(
        b,
        emulator,
        &db.database_url,
        &key,
        &settings(mb),
        Stdio::null(),
    );
    common::wait_for(&http, &format!("http://127.0.0.1:{a}/healthz")).await;
    common::wait_for(&http, &format!("http://127.0.0.1:{b}/healthz")).await;
    tokio::time::sleep(Duration::from_secs(10)).await;
    let (ran_a, ran_b) = (
        sweeps(&http, ma, "ran").await,
        sweeps(&http, mb, "ran").await,
    );
    let skipped = sweeps(&http, ma, "skipped").await + sweeps(&http, mb, "skipped").await;
    let periods = started.elapsed().as_secs_f64();
    // One sweep per period, held for 0.9 of one: at most periods / 0.9 (+1 for the first
    // tick), where two replicas sweeping on their own would make about twice the periods.
    assert!(
        (ran_a + ran_b) as f64 <= periods / 0.9 + 1.0,
        "{ran_a} + {ran_b} sweeps in {periods:.1} periods"
    );
    assert!(
        ran_a + ran_b >= 5,
        "{ran_a} + {ran_b} sweeps in {periods:.1} periods"
    );
    assert!(
        skipped >= 5,
        "only {skipped} periods were left to the other replica"
    );
    eprintln!("sweeps across two replicas: {ran_a} + {ran_b} in {periods:.1} s, {skipped} skipped");

    // The replica that swept dies: within a period or two the other one sweeps.
    let (gone, survivor) = if ran_a >= ran_b {
        (first, mb)
    } else {
        (second, ma)
    };
    let (gone_pid, before) = (gone.0.id(), sweeps(&http, survivor, "ran").await);
    common::chaos::kill9(gone_pid);
    drop(gone);
    tokio::time::sleep(Duration::from_secs(4)).await;
    let after = sweeps(&http, survivor, "ran").await;
    assert!(
        after >= before + 2,
        "the survivor swept {before} then {after}"
    );
    db.cleanup().await;
}
