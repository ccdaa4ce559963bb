//! Editing sessions on the Document Server, one row per document key: which attachment and
//! version it started from, the version our saves last wrote, who is in it, and how it ended.
//! It lets late joiners find the live key, and lets a save tell our versions from someone
//! else's upload.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set,
    ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, OnConflict},
};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "office_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub doc_key: String,
    pub client_key: String,
    pub page_id: String,
    pub attachment_id: String,
    pub base_version: i32,
    /// The newest attachment version this session's saves wrote.
    pub saved_version: Option<i32>,
    /// `open`, then `saved` or `closed`.
    pub state: String,
    /// Account ids in the session, comma-separated, as the Document Server last reported.
    pub users: String,
    /// What the last save wants people to know (e.g. it met someone else's upload).
    pub notice: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The document keys of the site's sessions, as a subquery (for the tables keyed by session).
pub fn keys_of_site(client_key: &str) -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(Column::DocKey)
        .from(Entity)
        .and_where(Column::ClientKey.eq(client_key))
        .to_owned()
}

pub const OPEN: &str = "open";
pub const SAVED: &str = "saved";
pub const CLOSED: &str = "closed";

/// The live session of an attachment whose current version is `version`: one that started
/// from it, or one whose own intermediate save produced it. Co-editors must share its key.
pub async fn live<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    attachment_id: &str,
    version: i32,
) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::AttachmentId.eq(attachment_id))
        .filter(Column::State.eq(OPEN))
        .filter(
            Column::SavedVersion.eq(version).or(Column::BaseVersion
                .eq(version)
                .and(Column::SavedVersion.is_null())),
        )
        .order_by_desc(Column::UpdatedAt)
        .one(db)
        .await
}

/// Records that a session with `doc_key` is being opened; an existing row is kept as it is.
pub async fn opening<C: ConnectionTrait>(
    db: &C,
    doc_key: &str,
    client_key: &str,
    page_id: &str,
    attachment_id: &str,
    base_version: i32,
) -> Result<(), DbErr> {
    Entity::insert(ActiveModel {
        doc_key: Set(doc_key.to_owned()),
        client_key: Set(client_key.to_owned()),
        page_id: Set(page_id.to_owned()),
        attachment_id: Set(attachment_id.to_owned()),
        base_version: Set(base_version),
        saved_version: Set(None),
        state: Set(OPEN.to_owned()),
        users: Set(String::new()),
        notice: Set(None),
        updated_at: Set(Utc::now()),
    })
    .on_conflict(OnConflict::column(Column::DocKey).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn get<C: ConnectionTrait>(db: &C, doc_key: &str) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id(doc_key.to_owned()).one(db).await
}

/// Who is in the session now (status 1).
pub async fn set_users<C: ConnectionTrait>(
    db: &C,
    doc_key: &str,
    users: &[String],
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::Users, Expr::value(users.join(",")))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::DocKey.eq(doc_key))
        .exec(db)
        .await?;
    Ok(())
}

/// A save wrote `version`; `state` is [`OPEN`] for an intermediate save, [`SAVED`] at the end.
pub async fn saved<C: ConnectionTrait>(
    db: &C,
    doc_key: &str,
    version: i32,
    state: &str,
    notice: Option<&str>,
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::SavedVersion, Expr::value(version))
        .col_expr(Column::State, Expr::value(state))
        .col_expr(Column::Notice, Expr::value(notice.map(str::to_owned)))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::DocKey.eq(doc_key))
        .exec(db)
        .await?;
    Ok(())
}

/// Everyone left without changes (status 4).
pub async fn close<C: ConnectionTrait>(db: &C, doc_key: &str) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::State, Expr::value(CLOSED))
        .col_expr(Column::Users, Expr::value(String::new()))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::DocKey.eq(doc_key))
        .filter(Column::State.eq(OPEN))
        .exec(db)
        .await?;
    Ok(())
}

/// The newest session of an attachment that left a notice.
pub async fn latest_notice<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    attachment_id: &str,
) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::AttachmentId.eq(attachment_id))
        .filter(Column::Notice.is_not_null())
        .order_by_desc(Column::UpdatedAt)
        .one(db)
        .await
}

/// The sessions of an attachment still going on, whatever version they started from.
pub async fn open_for_attachment<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    attachment_id: &str,
) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::AttachmentId.eq(attachment_id))
        .filter(Column::State.eq(OPEN))
        .all(db)
        .await
}

/// Live sessions on a page's attachments with people in them, touched since `since` (a session
/// whose Document Server went away without a word must not show people editing forever).
pub async fn editing_on_page<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    page_id: &str,
    since: DateTimeUtc,
) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::PageId.eq(page_id))
        .filter(Column::State.eq(OPEN))
        .filter(Column::Users.ne(""))
        .filter(Column::UpdatedAt.gte(since))
        .order_by_asc(Column::AttachmentId)
        .all(db)
        .await
}

/// A site's open sessions with people in them (only those of `attachment_id`, when given), the
/// most recently active first, at most `limit`.
pub async fn open_with_people<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    attachment_id: Option<&str>,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    let mut query = Entity::find()
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::State.eq(OPEN))
        .filter(Column::Users.ne(""));
    if let Some(id) = attachment_id {
        query = query.filter(Column::AttachmentId.eq(id));
    }
    query
        .order_by_desc(Column::UpdatedAt)
        .limit(limit)
        .all(db)
        .await
}

/// The account ids in a session's `users` column.
pub fn people(users: &str) -> impl Iterator<Item = &str> {
    users.split(',').map(str::trim).filter(|u| !u.is_empty())
}
