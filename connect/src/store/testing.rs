//! Throwaway databases for store tests: a fresh SQLite file or a fresh PostgreSQL schema per test,
//! so runs never collide. PostgreSQL comes from `TEST_DATABASE_URL` (or its older name
//! `TEST_POSTGRES_URL`; default `postgres://postgres@127.0.0.1:5432/test`); if it cannot be
//! reached the test fails and says so, it never passes silently.

use std::{
    path::PathBuf,
    sync::atomic::{AtomicU64, Ordering},
    time::{SystemTime, UNIX_EPOCH},
};

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement};
use sea_orm_migration::MigratorTrait;

/// The PostgreSQL used when `TEST_DATABASE_URL` is not set.
pub const DEFAULT_TEST_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// Which backend a test database runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A migrated, empty database that exists only for one test.
pub struct TestDb {
    pub conn: DatabaseConnection,
    pub url: String,
    /// A URL another process (the server binary, say) opens the same database with.
    pub database_url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Schema {
        admin: DatabaseConnection,
        schema: String,
    },
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique_suffix() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "{}_{}_{}",
        now.as_secs(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

impl TestDb {
    /// Opens a new database on `backend` and runs `M`'s migrations.
    ///
    /// # Panics
    /// When the backend cannot be reached or migrated: a store test must not pass without a store.
    pub async fn new<M: MigratorTrait>(backend: Backend) -> Self {
        let db = Self::empty(backend).await;
        if let Err(err) = M::up(&db.conn, None).await {
            panic!("migrations failed on {backend:?} ({}): {err}", db.url);
        }
        db
    }

    /// A new database on `backend` with no tables at all, for tests of migrating it.
    pub async fn empty(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::sqlite().await,
            Backend::Postgres => Self::postgres().await,
        }
    }

    async fn sqlite() -> Self {
        let dir = std::env::temp_dir().join("confluo-tests");
        if let Err(err) = std::fs::create_dir_all(&dir) {
            panic!("cannot create {}: {err}", dir.display());
        }
        let path = dir.join(format!("t{}.db", unique_suffix()));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let conn = match crate::store::open(&url).await {
            Ok(conn) => conn,
            Err(err) => panic!("cannot open SQLite test database {url}: {err}"),
        };
        Self {
            conn,
            database_url: url.clone(),
            url,
            cleanup: Cleanup::File(path),
        }
    }

    async fn postgres() -> Self {
        let base = ["TEST_DATABASE_URL", "TEST_POSTGRES_URL"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_else(|| DEFAULT_TEST_POSTGRES_URL.to_owned());
        let admin = match Database::connect(
            ConnectOptions::new(base.clone())
                .sqlx_logging(false)
                .to_owned(),
        )
        .await
        {
            Ok(conn) => conn,
            Err(err) => panic!(
                "PostgreSQL is not reachable at {base}: {err}. The PostgreSQL store tests need it; \
                 start it or point TEST_DATABASE_URL at one."
            ),
        };
        let suffix = unique_suffix();
        let schema = format!("confluo_t{suffix}");
        drop_stale_schemas(&admin).await;
        if let Err(err) = admin
            .execute_unprepared(&format!("CREATE SCHEMA \"{schema}\""))
            .await
        {
            panic!("cannot create schema {schema} in {base}: {err}");
        }
        let mut options = ConnectOptions::new(base.clone());
        options
            .sqlx_logging(false)
            .set_schema_search_path(schema.clone())
            .max_connections(5);
        let conn = match Database::connect(options).await {
            Ok(conn) => conn,
            Err(err) => panic!("cannot open schema {schema} in {base}: {err}"),
        };
        let joiner = if base.contains('?') { '&' } else { '?' };
        Self {
            conn,
            url: format!("{base} (schema {schema})"),
            database_url: format!("{base}{joiner}options=-c%20search_path%3D{schema}"),
            cleanup: Cleanup::Schema { admin, schema },
        }
    }

    /// Removes the database. Call it at the end of a test; a test that panics leaves its
    /// schema behind, and later runs drop schemas older than an hour.
    pub async fn cleanup(self) {
        let _ = self.conn.close().await;
        match self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
            Cleanup::Schema { admin, schema } => {
                let _ = admin
                    .execute_unprepared(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"))
                    .await;
                let _ = admin.close().await;
            }
        }
    }
}

/// Schemas of crashed runs, named `confluo_t{unix seconds}_…`, older than an hour.
async fn drop_stale_schemas(admin: &DatabaseConnection) {
    let Ok(rows) = admin
        .query_all_raw(Statement::from_string(
            admin.get_database_backend(),
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'confluo\\_t%'",
        ))
        .await
    else {
        return;
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    for row in rows {
        let Ok(name) = row.try_get::<String>("", "nspname") else {
            continue;
        };
        let created = name
            .trim_start_matches("confluo_t")
            .split('_')
            .next()
            .and_then(|s| s.parse::<u64>().ok());
        if created.is_some_and(|t| t + 3600 < now) {
            let _ = admin
                .execute_unprepared(&format!("DROP SCHEMA IF EXISTS \"{name}\" CASCADE"))
                .await;
        }
    }
}

/// Runs each listed `async fn(&DatabaseConnection)` as two tests, on SQLite and on PostgreSQL,
/// each on its own fresh database migrated by `$migrator`.
#[macro_export]
macro_rules! store_tests {
    ($migrator:ty => $($name:ident),+ $(,)?) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    let db = $crate::store::testing::TestDb::new::<$migrator>(
                        $crate::store::testing::Backend::Sqlite,
                    )
                    .await;
                    super::$name(&db.conn).await;
                    db.cleanup().await;
                }
            )+
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    let db = $crate::store::testing::TestDb::new::<$migrator>(
                        $crate::store::testing::Backend::Postgres,
                    )
                    .await;
                    super::$name(&db.conn).await;
                    db.cleanup().await;
                }
            )+
        }
    };
}

/// Polls all `futures` together on the current task (so their database work really overlaps)
/// and returns their outputs in order.
pub async fn join_all<F: std::future::Future>(
    futures: impl IntoIterator<Item = F>,
) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut results: Vec<Option<F::Output>> = (0..pinned.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if results[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => results[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    results.into_iter().flatten().collect()
}

/// The settings of every property test: `PROPTEST_CASES` cases (2,000 when unset; `cargo xtask
/// chaos` asks for 100,000), short shrinking, and nothing written beside the sources.
pub fn property_config() -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    proptest::test_runner::Config {
        cases,
        max_shrink_iters: 2_000,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    }
}

/// JSON values a few levels deep, as a host, a Document Server or an attacker might send:
/// nulls, booleans, numbers, any text, URLs, arrays and objects.
pub fn json_values() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
        "https?://[a-z.]{1,20}(/[a-z]{0,6})?".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-zA-Z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
