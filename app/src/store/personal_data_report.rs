//! When each site's personal data report is next due, and which replica is sending it. A
//! report is claimed with one conditional update (due, and no live lease), so two replicas
//! never report the same site at once and a replica that dies mid-report frees it when its
//! lease runs out.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, OnConflict},
};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "personal_data_report")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_key: String,
    pub due_at: DateTimeUtc,
    /// Set while a replica sends the report; a lease past its time is free to take.
    pub lease_until: Option<DateTimeUtc>,
    /// Failed attempts since the last report that went through (for backing off).
    pub attempts: i32,
    pub reported_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Puts the sites on the schedule, due at `due_at`, each unless it is there already; a few
/// statements however many sites there are.
pub async fn schedule<C: ConnectionTrait>(
    db: &C,
    client_keys: &[String],
    due_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    for chunk in client_keys.chunks(500) {
        Entity::insert_many(chunk.iter().map(|client_key| ActiveModel {
            client_key: Set(client_key.clone()),
            due_at: Set(due_at),
            lease_until: Set(None),
            attempts: Set(0),
            reported_at: Set(None),
        }))
        .on_conflict(
            OnConflict::column(Column::ClientKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Sites whose report is due at `now` and not being sent, oldest first, at most `limit`.
pub async fn due<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::DueAt.lte(now))
        .filter(Column::LeaseUntil.is_null().or(Column::LeaseUntil.lt(now)))
        .order_by_asc(Column::DueAt)
        .limit(limit)
        .all(db)
        .await
}

/// Takes the site's report until `until`, if it is due and nobody holds it; whether it was
/// taken.
pub async fn claim<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Entity::update_many()
        .col_expr(Column::LeaseUntil, Expr::value(until))
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::DueAt.lte(now))
        .filter(Column::LeaseUntil.is_null().or(Column::LeaseUntil.lt(now)))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The report went through at `now`; the next is due at `next`.
pub async fn reported<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    now: DateTime<Utc>,
    next: DateTime<Utc>,
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::DueAt, Expr::value(next))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::Attempts, Expr::value(0))
        .col_expr(Column::ReportedAt, Expr::value(now))
        .filter(Column::ClientKey.eq(client_key))
        .exec(db)
        .await?;
    Ok(())
}

/// The report failed; it is tried again at `retry`.
pub async fn failed<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    retry: DateTime<Utc>,
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::DueAt, Expr::value(retry))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .filter(Column::ClientKey.eq(client_key))
        .exec(db)
        .await?;
    Ok(())
}

/// The site's schedule, if any.
pub async fn of_site<C: ConnectionTrait>(db: &C, client_key: &str) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id(client_key.to_owned()).one(db).await
}
