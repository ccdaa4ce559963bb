//! Schema migrations that run once however many replicas start at the same moment. On
//! PostgreSQL the migrator runs under an advisory lock named after the schema, taken on a
//! connection of its own and held until the migrations end: a replica that starts meanwhile
//! waits, then finds nothing left to do. SQLite is one file for one process, and SQLite
//! serializes writers itself.

use std::time::Duration;

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, Statement,
};
use sea_orm_migration::MigratorTrait;

/// The lock's name: one per schema, so replicas of one deployment share it and databases
/// (or test schemas) side by side do not wait on each other.
pub const LOCK_KEY_SQL: &str = "hashtext('confluo.migrations.' || current_schema())";

/// How long a replica waits for another one's migrations before it gives up.
const WAIT: Duration = Duration::from_secs(600);
const POLL: Duration = Duration::from_millis(200);

/// Runs `M`'s pending migrations on `db` (opened from `url`), once across replicas.
pub async fn up<M: MigratorTrait>(db: &DatabaseConnection, url: &str) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return M::up(db, None).await;
    }
    // Session-level advisory locks belong to one connection: a pool of exactly one keeps it.
    let lock = Database::connect(
        ConnectOptions::new(url.to_owned())
            .sqlx_logging(false)
            .max_connections(1)
            .min_connections(1)
            .connect_timeout(Duration::from_secs(10))
            .to_owned(),
    )
    .await?;
    let outcome = async {
        acquire(&lock).await?;
        M::up(db, None).await
    }
    .await;
    let _ = lock
        .execute_unprepared(&format!("SELECT pg_advisory_unlock({LOCK_KEY_SQL})"))
        .await;
    let _ = lock.close().await;
    outcome
}

async fn acquire(lock: &DatabaseConnection) -> Result<(), DbErr> {
    let started = tokio::time::Instant::now();
    let mut told = false;
    loop {
        let row = lock
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("SELECT pg_try_advisory_lock({LOCK_KEY_SQL}) AS taken"),
            ))
            .await?;
        if row.and_then(|r| r.try_get::<bool>("", "taken").ok()) == Some(true) {
            return Ok(());
        }
        if !told {
            tracing::info!("another replica is migrating the database schema; waiting for it");
            told = true;
        }
        if started.elapsed() > WAIT {
            return Err(DbErr::Custom(format!(
                "another replica held the migration lock for more than {} minutes",
                WAIT.as_secs() / 60
            )));
        }
        tokio::time::sleep(POLL).await;
    }
}
