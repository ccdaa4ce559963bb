//! One row that counts self-checks; it never grows, however often the check runs.

use chrono::{SecondsFormat, Utc};
use sea_orm::{
    ActiveValue::Set,
    ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, OnConflict},
};

/// What the database holds about self-checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counted {
    /// `sqlite` or `postgres`.
    pub database: &'static str,
    /// How many self-checks this database has recorded.
    pub checks: i64,
    /// When the last one was recorded (RFC 3339, UTC).
    pub checked_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "self_check")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub checks: i64,
    pub checked_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

const ROW: i32 = 1;

/// Counts one more self-check, atomically, and returns what the database now holds.
pub async fn record<C: ConnectionTrait>(db: &C) -> Result<Counted, DbErr> {
    let now = Utc::now();
    // One statement, so concurrent checks never lose a count on either backend.
    Entity::insert(ActiveModel {
        id: Set(ROW),
        checks: Set(1),
        checked_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(Column::Id)
            .value(Column::Checks, Expr::col((Entity, Column::Checks)).add(1))
            .value(Column::CheckedAt, now)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    current(db).await
}

/// What the database holds, written or not: for production, where nobody may make the server
/// write by asking (the check then proves the database answers reads).
pub async fn current<C: ConnectionTrait>(db: &C) -> Result<Counted, DbErr> {
    let row = Entity::find()
        .filter(Column::Id.eq(ROW))
        .one(db)
        .await?
        .unwrap_or(Model {
            id: ROW,
            checks: 0,
            checked_at: chrono::DateTime::UNIX_EPOCH,
        });
    Ok(Counted {
        database: match db.get_database_backend() {
            DbBackend::Postgres => "postgres",
            DbBackend::Sqlite => "sqlite",
            _ => "other",
        },
        checks: row.checks,
        checked_at: row.checked_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}
