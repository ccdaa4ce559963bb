//! Named leases: work that one replica of many should do at a time (the housekeeping sweep)
//! is done by whichever replica holds its lease. A lease is a row with its holder and expiry;
//! taking it is one conditional upsert, so of two replicas asking at once exactly one wins,
//! and a holder that died stops blocking the others once its lease runs out.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    sea_query::{Expr, ExprTrait, OnConflict},
};

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "connect_lease")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub name: String,
        pub holder: String,
        pub expires_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

use entity::{ActiveModel, Column, Entity};

/// A random holder name (per process, or per claim), 128 bits from the OS.
pub fn holder_id() -> String {
    use chacha20poly1305::aead::{OsRng, rand_core::RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Takes (or keeps) the lease `name` for `holder` for `ttl`; `true` when `holder` holds it
/// now. Refused while another holder's lease has not run out.
pub async fn take<C: ConnectionTrait>(
    db: &C,
    name: &str,
    holder: &str,
    ttl: std::time::Duration,
) -> Result<bool, DbErr> {
    let now = Utc::now();
    let ttl = Duration::from_std(ttl).unwrap_or(Duration::MAX);
    let expires_at = now.checked_add_signed(ttl).unwrap_or(now);
    // The update applies only where the lease is free or already ours; otherwise the upsert
    // touches no row.
    let taken = Entity::insert(ActiveModel {
        name: Set(name.to_owned()),
        holder: Set(holder.to_owned()),
        expires_at: Set(expires_at),
    })
    .on_conflict(
        OnConflict::column(Column::Name)
            .update_columns([Column::Holder, Column::ExpiresAt])
            .action_and_where(
                Expr::col((Entity, Column::ExpiresAt))
                    .lt(now)
                    .or(Expr::col((Entity, Column::Holder)).eq(holder)),
            )
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(taken > 0)
}

/// Gives the lease up early (a clean shutdown), so another replica need not wait it out.
pub async fn release<C: ConnectionTrait>(db: &C, name: &str, holder: &str) -> Result<(), DbErr> {
    Entity::delete_many()
        .filter(Column::Name.eq(name))
        .filter(Column::Holder.eq(holder))
        .exec(db)
        .await?;
    Ok(())
}
