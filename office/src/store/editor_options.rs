//! Each site's editing options, kept as one JSON record so options added later need no
//! migration (missing fields take their defaults).

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, entity::prelude::*,
    sea_query::OnConflict,
};

use crate::editor_options::EditorOptions;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "editor_options")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_key: String,
    #[sea_orm(column_type = "Text")]
    pub options: String,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The site's options; the defaults until an administrator saved some.
pub async fn find<C: ConnectionTrait>(db: &C, client_key: &str) -> Result<EditorOptions, DbErr> {
    let Some(row) = Entity::find_by_id(client_key.to_owned()).one(db).await? else {
        return Ok(EditorOptions::default());
    };
    serde_json::from_str(&row.options)
        .map_err(|err| DbErr::Custom(format!("the stored editor options cannot be read ({err})")))
}

pub async fn save<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    options: &EditorOptions,
    account_id: Option<&str>,
) -> Result<(), DbErr> {
    let json = serde_json::to_string(options).map_err(|err| DbErr::Custom(err.to_string()))?;
    Entity::insert(ActiveModel {
        client_key: Set(client_key.to_owned()),
        options: Set(json),
        updated_at: Set(Utc::now()),
        updated_by: Set(account_id.map(str::to_owned)),
    })
    .on_conflict(
        OnConflict::column(Column::ClientKey)
            .update_columns([Column::Options, Column::UpdatedAt, Column::UpdatedBy])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}
