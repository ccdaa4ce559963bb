//! Webhook deliveries already acted on, so a retried delivery is acted on once. The primary
//! key makes the claim atomic: of two concurrent copies exactly one insert succeeds.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    sea_query::OnConflict,
};

/// How long a delivery is remembered (the host retries for far less).
pub const RETENTION_DAYS: i64 = 7;

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "connect_webhook_delivery")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub client_key: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub delivery: String,
        pub received_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

use entity::{ActiveModel, Column, Entity};

/// Records the delivery; `false` when it was already recorded (a retry).
pub async fn claim<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    delivery: &str,
) -> Result<bool, DbErr> {
    let now = Utc::now();
    let inserted = Entity::insert(ActiveModel {
        client_key: Set(client_key.to_owned()),
        delivery: Set(delivery.to_owned()),
        received_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([Column::ClientKey, Column::Delivery])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(inserted > 0)
}

/// Forgets deliveries older than [`RETENTION_DAYS`]; how many went.
pub async fn prune<C: ConnectionTrait>(db: &C) -> Result<u64, DbErr> {
    Ok(Entity::delete_many()
        .filter(Column::ReceivedAt.lt(Utc::now() - Duration::days(RETENTION_DAYS)))
        .exec(db)
        .await?
        .rows_affected)
}

/// Forgets a delivery whose handler failed, so the host's retry is acted on.
pub async fn release<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    delivery: &str,
) -> Result<(), DbErr> {
    Entity::delete_many()
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::Delivery.eq(delivery))
        .exec(db)
        .await?;
    Ok(())
}
