//! What changed in each version saved from the editor, as the Document Server reported it
//! (`history` and the `changesurl` archive), so the version history can highlight the changes.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, entity::prelude::*,
    sea_query::OnConflict,
};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "office_changes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_key: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub attachment_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    /// The version the changes apply to.
    pub previous_version: i32,
    pub server_version: Option<String>,
    /// The Document Server's `history.changes`, as JSON.
    #[sea_orm(column_type = "Text")]
    pub changes: String,
    /// The `changesurl` archive the editor replays to highlight the changes.
    pub diff: Option<Vec<u8>>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// One saved version's changes.
pub struct Record<'a> {
    pub attachment_id: &'a str,
    pub version: i32,
    pub previous_version: i32,
    pub server_version: Option<&'a str>,
    pub changes: &'a str,
    pub diff: Option<Vec<u8>>,
}

/// Keeps a version's changes (a repeated save of the same version replaces them).
pub async fn keep<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    record: Record<'_>,
) -> Result<(), DbErr> {
    Entity::insert(ActiveModel {
        client_key: Set(client_key.to_owned()),
        attachment_id: Set(record.attachment_id.to_owned()),
        version: Set(record.version),
        previous_version: Set(record.previous_version),
        server_version: Set(record.server_version.map(str::to_owned)),
        changes: Set(record.changes.to_owned()),
        diff: Set(record.diff),
        created_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::columns([Column::ClientKey, Column::AttachmentId, Column::Version])
            .update_columns([
                Column::PreviousVersion,
                Column::ServerVersion,
                Column::Changes,
                Column::Diff,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Every version of the attachment with known changes.
pub async fn of_attachment<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    attachment_id: &str,
) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::AttachmentId.eq(attachment_id))
        .all(db)
        .await
}

/// One version's changes.
pub async fn get<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    attachment_id: &str,
    version: i32,
) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id((client_key.to_owned(), attachment_id.to_owned(), version))
        .one(db)
        .await
}
