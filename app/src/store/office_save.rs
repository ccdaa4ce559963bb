//! Saves the Document Server asked for, one row each, so a retried callback stores its file once.
//! A row is claimed before the upload and completed after it; a failed upload releases it so
//! the retry can try again.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, entity::prelude::*,
    sea_query::OnConflict,
};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "office_save")]
pub struct Model {
    /// `{document key}/{what}`: `final`, `force/{lastsave}`, `convert/{target}`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub save_id: String,
    pub client_key: String,
    /// The attachment version (or new attachment) the save produced, once done.
    pub result: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Where a save stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// This caller does the save.
    Mine,
    /// Another delivery is saving it right now.
    InProgress,
    /// Already stored; the result it recorded.
    Done(String),
}

/// Claims `save_id` for this caller, or says who has it.
pub async fn claim<C: ConnectionTrait>(
    db: &C,
    save_id: &str,
    client_key: &str,
) -> Result<Claim, DbErr> {
    let inserted = Entity::insert(ActiveModel {
        save_id: Set(save_id.to_owned()),
        client_key: Set(client_key.to_owned()),
        result: Set(None),
        created_at: Set(Utc::now()),
    })
    .on_conflict(OnConflict::column(Column::SaveId).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    if inserted == 1 {
        return Ok(Claim::Mine);
    }
    Ok(
        match Entity::find_by_id(save_id.to_owned()).one(db).await? {
            Some(Model {
                result: Some(result),
                ..
            }) => Claim::Done(result),
            Some(_) => Claim::InProgress,
            // Released between our insert and read: let the sender retry.
            None => Claim::InProgress,
        },
    )
}

/// The save is stored.
pub async fn complete<C: ConnectionTrait>(
    db: &C,
    save_id: &str,
    result: &str,
) -> Result<(), DbErr> {
    Entity::update(ActiveModel {
        save_id: Set(save_id.to_owned()),
        result: Set(Some(result.to_owned())),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// The save failed before anything was stored: a retry may claim it again.
pub async fn release<C: ConnectionTrait>(db: &C, save_id: &str) -> Result<(), DbErr> {
    Entity::delete_many()
        .filter(Column::SaveId.eq(save_id))
        .filter(Column::Result.is_null())
        .exec(db)
        .await?;
    Ok(())
}
