//! Replicas on one PostgreSQL: two servers booting at the same moment on an empty schema migrate
//! it once, and a replica that starts while another holds the migration lock waits for it
//! instead of migrating beside it.

mod common;

use std::{process::Stdio, time::Duration};

use connect::store::{
    migrate_once::LOCK_KEY_SQL,
    secrets::SecretBox,
    testing::{Backend, TestDb},
};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DbBackend, Statement};
use sea_orm_migration::MigratorTrait;
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
