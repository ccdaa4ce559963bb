//! The lifecycle audit trail: every installed/uninstalled/enabled/disabled call, accepted or
//! rejected, with the reason. Never the secret or the token.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

/// How long entries are kept.
pub const RETENTION_DAYS: i64 = 90;
/// Rejected entries kept at most (anyone can make the server refuse a call).
pub const MAX_REJECTED: u64 = 10_000;

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "connect_lifecycle_event")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub at: DateTimeUtc,
        /// From the verified token, or the unverified body on rejection (for diagnosis).
        pub client_key: Option<String>,
        pub event: String,
        pub outcome: String,
        pub reason: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One audit line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub client_key: Option<String>,
    pub event: String,
    pub accepted: bool,
    pub reason: Option<String>,
}

/// Appends an entry. Reasons are capped so a hostile body cannot fill the table.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    client_key: Option<&str>,
    event: &str,
    accepted: bool,
    reason: Option<&str>,
) -> Result<(), DbErr> {
    let cap = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    entity::Entity::insert(entity::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        at: Set(Utc::now()),
        client_key: Set(client_key.map(|k| cap(k, 255))),
        event: Set(cap(event, 32)),
        outcome: Set(if accepted { "accepted" } else { "rejected" }.to_owned()),
        reason: Set(reason.map(|r| cap(r, 500))),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Drops entries past the retention period, and rejected ones beyond the newest
/// [`MAX_REJECTED`]. How many went.
pub async fn prune<C: ConnectionTrait>(db: &C) -> Result<u64, DbErr> {
    use entity::{Column, Entity};
    let mut gone = Entity::delete_many()
        .filter(Column::At.lt(Utc::now() - chrono::Duration::days(RETENTION_DAYS)))
        .exec(db)
        .await?
        .rows_affected;
    let cutoff = Entity::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::Outcome.eq("rejected"))
        .order_by_desc(Column::Id)
        .offset(MAX_REJECTED)
        .limit(1)
        .into_tuple::<i64>()
        .one(db)
        .await?;
    if let Some(id) = cutoff {
        gone += Entity::delete_many()
            .filter(Column::Outcome.eq("rejected"))
            .filter(Column::Id.lte(id))
            .exec(db)
            .await?
            .rows_affected;
    }
    Ok(gone)
}

/// The newest `limit` entries, newest first.
pub async fn recent<C: ConnectionTrait>(db: &C, limit: u64) -> Result<Vec<AuditEntry>, DbErr> {
    let rows = entity::Entity::find()
        .order_by_desc(entity::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            at: r.at,
            client_key: r.client_key,
            event: r.event,
            accepted: r.outcome == "accepted",
            reason: r.reason,
        })
        .collect())
}
