//! Turns: work that one replica of many should do once in a while (the housekeeping sweep) is
//! done by whichever replica takes the turn first. A turn is a row with who took it and when;
//! taking it is one conditional upsert, so of replicas asking at once exactly one wins, and it
//! can be taken again once it is older than the asker's period. Measured from when it was
//! taken rather than to an expiry the taker chose, a turn taken by a process that died, or ran
//! with another period, holds the others back by at most their own period.

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
        pub taken_at: DateTimeUtc,
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

/// Takes the turn `name` for `holder` unless someone took it less than `within` ago; `true`
/// when `holder` has it now.
pub async fn take_turn<C: ConnectionTrait>(
    db: &C,
    name: &str,
    holder: &str,
    within: std::time::Duration,
) -> Result<bool, DbErr> {
    let now = Utc::now();
    let within = Duration::from_std(within).unwrap_or(Duration::MAX);
    let free_before = now.checked_sub_signed(within).unwrap_or(now);
    // The update applies only to a turn taken before `free_before`; otherwise the upsert
    // touches no row.
    let taken = Entity::insert(ActiveModel {
        name: Set(name.to_owned()),
        holder: Set(holder.to_owned()),
        taken_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(Column::Name)
            .update_columns([Column::Holder, Column::TakenAt])
            .action_and_where(Expr::col((Entity, Column::TakenAt)).lt(free_before))
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(taken > 0)
}

/// Gives `holder`'s turn back (a clean shutdown), so another replica may take it at once.
pub async fn release<C: ConnectionTrait>(db: &C, name: &str, holder: &str) -> Result<(), DbErr> {
    Entity::delete_many()
        .filter(Column::Name.eq(name))
        .filter(Column::Holder.eq(holder))
        .exec(db)
        .await?;
    Ok(())
}
