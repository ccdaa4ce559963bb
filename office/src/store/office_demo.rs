//! Each site's use of ONLYOFFICE's public demo server: whether it is on, and when the site first
//! turned it on. That start never moves, so the trial cannot be restarted by switching it off
//! and on again.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, entity::prelude::*,
    sea_query::OnConflict,
};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "office_demo")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_key: String,
    pub enabled: bool,
    pub started_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The site's demo record; `None` until an administrator first turned the demo on.
pub async fn find<C: ConnectionTrait>(db: &C, client_key: &str) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id(client_key.to_owned()).one(db).await
}

/// Turns the demo on or off. The first switch-on records `now` as the start; later switches
/// keep it. Switching off a demo that never started records nothing.
pub async fn set<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    enabled: bool,
    account_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<Model>, DbErr> {
    if !enabled && find(db, client_key).await?.is_none() {
        return Ok(None);
    }
    Entity::insert(ActiveModel {
        client_key: Set(client_key.to_owned()),
        enabled: Set(enabled),
        started_at: Set(now),
        updated_at: Set(now),
        updated_by: Set(account_id.map(str::to_owned)),
    })
    .on_conflict(
        OnConflict::column(Column::ClientKey)
            .update_columns([Column::Enabled, Column::UpdatedAt, Column::UpdatedBy])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    find(db, client_key).await
}
