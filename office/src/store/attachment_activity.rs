//! The last change Confluence reported for each attachment (from webhooks), per site.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set,
    ConnectionTrait, DbErr, EntityTrait,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, OnConflict},
};

use crate::activity::ReportedChange;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attachment_activity")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_key: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub attachment_id: String,
    pub event: String,
    pub version: Option<i32>,
    pub account_id: Option<String>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Records a reported change; an older version never replaces a newer one.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    attachment_id: &str,
    event: &str,
    version: Option<i32>,
    account_id: Option<&str>,
) -> Result<(), DbErr> {
    Entity::insert(ActiveModel {
        client_key: Set(client_key.to_owned()),
        attachment_id: Set(attachment_id.to_owned()),
        event: Set(event.to_owned()),
        version: Set(version),
        account_id: Set(account_id.map(str::to_owned)),
        received_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::columns([Column::ClientKey, Column::AttachmentId])
            .update_columns([
                Column::Event,
                Column::Version,
                Column::AccountId,
                Column::ReceivedAt,
            ])
            // In the same statement, so concurrent deliveries cannot slip an old one in.
            .action_and_where_option(version.map(|new| {
                Expr::col((Entity, Column::Version))
                    .is_null()
                    .or(Expr::col((Entity, Column::Version)).lte(new))
            }))
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The last reported change of one attachment on one site.
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    attachment_id: &str,
) -> Result<Option<ReportedChange>, DbErr> {
    Ok(
        Entity::find_by_id((client_key.to_owned(), attachment_id.to_owned()))
            .one(db)
            .await?
            .map(|row| ReportedChange {
                event: row.event,
                version: row.version,
                account_id: row.account_id,
                received_at: row.received_at.to_rfc3339(),
            }),
    )
}
